import type { reportsZh } from './reports.zh.ts';

// What the API and the pages both say about reports and cases, in English.
export const reportsEn: typeof reportsZh = {
  lang: 'en',
  site: {
    name: 'CityLoop',
    bureau: 'Yangjiang Urban Management and Law Enforcement Bureau',
  },
  groups: {
    environment: 'Sanitation', order: 'Street order', air: 'Air pollution', ads: 'Ads and signs',
    facilities: 'Municipal facilities', greenery: 'Parks and greenery', other: 'Other',
  },
  states: {
    submitted: 'Awaiting acceptance', accepted: 'Accepted', rejected: 'Not accepted', duplicate: 'Merged',
    dispatched: 'Dispatched', in_progress: 'In progress', on_hold: 'Deferred (scheduled)', resolved: 'Fixed, awaiting check', closed: 'Done',
  },
  track: {
    events: {
      submit: 'Reported by a resident', accept: 'Accepted', reject: 'Not accepted', merge: 'Merged with an existing report',
      dispatch: 'Dispatched to the unit in charge', start: 'Work started', hold: 'Deferred and scheduled', resume: 'Resumed',
      resolve: 'Fixed, awaiting check', close: 'Checked and done', rework: 'Check failed, sent back for rework',
      reopen: 'Reopened after the resident’s rating', rate: 'Rated by the resident', support: 'Another resident reported this too',
      comment: 'More from the resident who reported it',
    },
  },
  reports: {
    buckets: { open: 'In progress', closed: 'Not accepted / merged', fixed: 'Fixed' },
    ratings: { satisfied: 'Satisfied', basically_satisfied: 'Mostly satisfied', unsatisfied: 'Not satisfied' },
  },
  errors: {
    invalid_input: 'Some of what you entered is not right. Please check and try again.',
    invalid: 'This is not in the right format.',
    category_required: 'Choose the kind of problem.',
    category_invalid: 'That kind of problem does not exist or is no longer used. Choose another.',
    location_required: 'Mark the place on the map, or type an address or landmark.',
    location_outside: 'That place is outside the city. Mark it again.',
    location_incomplete: 'The coordinates are incomplete. Mark the place again.',
    address_too_long: 'The address can be at most 200 characters.',
    description_required: 'Describe the problem, or add at least one photo.',
    description_too_long: 'The description can be at most 1000 characters.',
    name_too_long: 'The name can be at most 50 characters.',
    phone_invalid: 'Enter an 11-digit mobile number or a landline with its area code.',
    email_invalid: 'Enter a valid email address.',
    photos_too_many: 'At most {n|photo|photos}.',
    photo_too_big: 'Each photo can be at most {mb} MB.',
    photo_type: 'Only JPG, PNG or WebP images can be uploaded; this file is not a valid image.',
    photo_pixels: 'The image has too many pixels. Upload an ordinary phone photo.',
    photos_reselect: 'The browser cannot keep chosen photos when the form is shown again: please choose them again.',
    photo_unreadable: 'The image cannot be read; it may be damaged. Choose it again.',
    spam: 'The report was not accepted. Reload the page and try again.',
    rate_limited: 'Too many reports from your connection. Please try again later; for emergencies call the 12345 hotline.',
    length_required: 'The request did not say its length. Reload the page and try again.',
    body_too_large: 'What you sent is too large. Send fewer or smaller photos.',
    csrf: 'The request’s origin could not be verified. Reload the page and try again.',
    not_found: 'That page or record was not found.',
    track_not_found: 'The tracking number or code is not right. Please check and try again.',
    case_closed: 'This problem has already been dealt with.',
    already_supported: 'You have already said so. Thank you!',
    server_error: 'The system is busy. Please try again later.',
  },
};
