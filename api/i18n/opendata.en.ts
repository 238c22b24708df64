import type { opendataZh } from './opendata.zh.ts';

export const opendataEn: typeof opendataZh = {
  opendata: {
    open311: {
      serviceNotice: 'Your report was received as {id}. It becomes public once staff accept it; follow it through servicerequestupdates.',
      statusNotes: '{state}: {note}',
      keywordsCode: 'national code {code}',
      contact: '{bureau}, {url}',
      keyService: 'If filing requests needs an api_key, ask the {bureau}; reading needs none.',
      errors: {
        format: 'Only the .json and .xml formats are supported.',
        not_found: 'No such endpoint.',
        jurisdiction: 'This endpoint serves jurisdiction_id "{id}" only (or leave it empty).',
        api_key: 'The api_key is missing or wrong.',
        no_definition: 'Service {code} has no attributes (metadata is false): there is no service definition to fetch.',
        unknown_service: 'No such service_code: {code}.',
        request_not_found: 'No public request with id {id}.',
        token_not_found: 'No such token.',
        date: '{field} is not an ISO 8601 date-time.',
        date_order: 'start_date must not be later than end_date.',
        date_span: 'start_date and end_date may not span more than 90 days.',
        status: 'status must be open, closed, or both separated by a comma.',
        media_url: 'media_url must be an http or https URL.',
        rate_limited: 'Too many requests; please try again later.',
        body_too_large: 'The request body is too large.',
        field: '{field}: {message}',
        required: 'is required.',
        form: 'The body is not a valid form (application/x-www-form-urlencoded or multipart/form-data).',
        attributes: 'At most 50 attribute[...] fields, each up to 1000 characters.',
        update_not_found: 'No request with id {id}, or it was not filed with this api_key.',
        server: 'Internal server error.',
      },
    },
    feeds: {
      updatesTitle: '{site} · progress updates',
      areaTitle: '{site} · progress updates in an area',
      caseTitle: '{site} · progress of {no}',
      entryTitle: '{no} {category}: {event}',
      place: 'Place: {address}',
    },
    csv: {
      headers: {
        tracking_no: 'tracking_no', category: 'category', category_id: 'category_id', national_code: 'national_code', state: 'state',
        status: 'status', address: 'address', lat: 'lat', lng: 'lng', description: 'description', unit: 'unit',
        reported_at: 'reported_at', accepted_at: 'accepted_at', due_at: 'due_at', closed_at: 'closed_at', on_time: 'on_time',
        supporters: 'supporters', rating: 'rating', url: 'url',
      },
      yes: 'yes',
      no: 'no',
    },
  },
  errors: {
    quarterly_published: 'This quarter’s report has been published and can no longer be changed.',
    quarterly_case_unknown: 'These numbers are not public cases: {no}.',
    quarterly_too_many_cases: 'Choose at most 4 typical cases.',
    case_gone: 'This report is no longer published.',
  },
};
