import type { opendataZh } from './opendata.zh.ts';

// open data messages (English).
export const opendataEn: typeof opendataZh = {
  apiDocs: {
    title: 'Open API',
    lead: 'CityLoop’s public data and API are free for other software to use, without registration. This page is generated from the machine-readable OpenAPI 3.1 document:',
    formats: 'Open data formats: Open311 GeoReport v2 (JSON, XML), Atom feeds, GeoJSON, UTF-8 CSV with a BOM.',
    privacy: 'No endpoint ever publishes a reporter’s name, phone, email or follow code; phone and ID numbers typed into descriptions are masked.',
    contents: 'Contents',
    staffNote: 'These endpoints are for signed-in staff only (session cookie plus an X-CSRF-Token header) and are listed briefly.',
    parameters: 'Parameters',
    requestBody: 'Request body ({media})',
    responses: 'Responses',
    name: 'Name',
    in: 'In',
    type: 'Type',
    required: 'Required',
    description: 'Description',
    yes: 'yes',
    no: 'no',
    where: { query: 'query', path: 'path', header: 'header', cookie: 'cookie', body: 'body' },
    media: 'Format: {types}',
  },
};
