import { rateBody } from '../../cases/schema.ts';
import { nearbyQuery, reportInput } from '../../reports/schema.ts';
import { publicFilters } from '../public-cases.ts';
import { jsonSchema, queryParams, type Op, type Schema, type Text } from './types.ts';

const json = ['application/json'];
const ERR = { $ref: '#/components/schemas/Error' };
const str = { type: 'string' };
const date = { type: 'string', format: 'date-time' };
const nullable = (s: Schema) => ({ anyOf: [s, { type: 'null' }] });

/** The list's filters, shared by /api/cases, the map, GeoJSON, CSV and the feeds. */
export const FILTER_TEXTS: Record<string, Text> = {
  category: ['类别标识，多个用逗号分隔（见 /api/categories）', 'Category ids, comma-separated (see /api/categories)'],
  status: ['公开状态：open 办理中、closed 未立案或已合并、fixed 已办结', 'Public status: open, closed (rejected or merged), fixed'],
  unit: ['处置单位标识', 'Unit id'],
  from: ['反映日期起（含，北京时间 YYYY-MM-DD）', 'Reported on or after (Asia/Shanghai date, YYYY-MM-DD)'],
  to: ['反映日期止（含）', 'Reported on or before (inclusive)'],
  due_from: ['承诺办结日期起（含，北京时间）', 'Due on or after (Asia/Shanghai date)'],
  due_to: ['承诺办结日期止（含）', 'Due on or before (inclusive)'],
  flag: ['统计口径：accepted 已立案、on_time 按期结案、missed 未按期结案、handled 按期处置、unhandled 未按期处置、rework 返工过（与 /stats 的数字对应）', 'Statistics subset: accepted, on_time (closed on time), missed, handled (fixed by the unit on time), unhandled, rework (as the /stats figures count them)'],
  bbox: ['区域：西,南,东,北（WGS84 经纬度）', 'Area: west,south,east,north (WGS84 degrees)'],
  after: ['翻页位置：上一页响应中的 next，取其后（更早）的一页', 'Paging position: the previous answer’s next; the page after it (older cases)'],
  before: ['翻页位置：本页响应中的 prev，取其前（更新）的一页', 'Paging position: an answer’s prev; the page before it (newer cases)'],
  page: ['页码（给出 after/before 时仅作页码显示）', 'Page number (with after/before, only the number shown)'],
  per_page: ['每页条数（≤1000）', 'Items per page (≤1000)'],
};

export const PUBLIC_CASE: Schema = {
  type: 'object',
  properties: {
    trackingNo: { type: 'string', examples: ['YJ-20261125-0042'] }, categoryId: str,
    state: { type: 'string', enum: ['accepted', 'rejected', 'duplicate', 'dispatched', 'in_progress', 'on_hold', 'resolved', 'closed'] },
    bucket: { type: 'string', enum: ['open', 'closed', 'fixed'] }, lat: nullable({ type: 'number' }), lng: nullable({ type: 'number' }),
    address: { type: 'string', description: 'masked' }, description: { type: 'string', description: 'masked; empty without the reporter’s consent' },
    unitId: nullable(str), supporters: { type: 'integer' }, rating: nullable(str),
    createdAt: date, acceptedAt: nullable(date), dueAt: nullable(date), resolvedAt: nullable(date), closedAt: nullable(date), updatedAt: date, onTime: nullable({ type: 'boolean' }),
  },
};
/** A list item: the case and its first public thumbnail. */
export const PUBLIC_LIST_ITEM: Schema = { ...PUBLIC_CASE, properties: { ...(PUBLIC_CASE.properties as Schema), thumbUrl: nullable(str) } };

// The form's fields without its honeypot (people never see it; documenting it would only help bots).
const { website: _honeypot, ...reportFields } = jsonSchema(reportInput).properties as Schema;
const REPORT_BODY = { ...jsonSchema(reportInput), properties: { ...reportFields, photos: { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: 6 } } };
// The same fields as JSON, for a text report: lat, lng and place may be numbers, the two publish boxes true or false.
const REPORT_JSON = { ...jsonSchema(reportInput), properties: reportFields };

const noParam = { name: 'no', in: 'path' as const, required: true, schema: str, text: ['受理编号', 'Tracking number'] as Text };

export const PUBLIC_OPS: Op[] = [
  {
    method: 'post', path: '/api/reports', tag: 'reports', summary: ['提交问题', 'File a report'],
    description: ['需要描述或照片，以及地图坐标、地址或带 GPS 的照片之一。没有坐标时，地址按地名库解析出位置；相符的地点不止一个时回答 400（fields.address = 多个地点相符），可用 place（/api/places/suggest 的 id）指定。照片须勾选 publish_photos 才会在受理后公开。姓名、电话、邮箱仅工作人员可见。受理前不公开。', 'Needs a description or a photo, and a pin, an address or a photo with GPS. Without a pin the address is placed through the gazetteer; when it names more than one place the answer is 400 (fields.address says so) and place (an id from /api/places/suggest) chooses one. Photos become public after acceptance only with publish_photos. Name, phone and email are seen by staff only. Not public until accepted.'],
    body: {
      media: 'multipart/form-data', schema: REPORT_BODY, also: [{ media: 'application/json', schema: REPORT_JSON }],
      text: ['带照片的用 multipart/form-data；只有文字的也可用 JSON（字段相同，lat、lng、place 可为数字，publish、publish_photos 可为 true/false）。', 'With photos: multipart/form-data. A text-only report may also be sent as JSON (the same fields; lat, lng and place may be numbers, publish and publish_photos true or false).'],
    },
    responses: {
      201: { text: ['已受理登记：受理编号和只显示一次的查询码', 'Filed: the tracking number and the follow code (shown once)'], media: json, schema: { type: 'object', properties: { trackingNo: str, code: str, trackUrl: str } } },
      400: { text: ['输入有误（fields 按字段说明）', 'Invalid input (fields says which)'], media: json, schema: ERR },
      413: { text: ['内容过大', 'Body too large'], media: json, schema: ERR },
      429: { text: ['提交过于频繁', 'Too many reports from this client'], media: json, schema: ERR },
    },
  },
  {
    method: 'get', path: '/api/reports/nearby', tag: 'reports', summary: ['附近同类问题', 'Open reports nearby'],
    description: ['约 100 米内同类未结问题，最近的在前，最多 5 条（“我也遇到”）。', 'Open reports of the same category within ~100 m, nearest first, at most 5 (for "me too").'],
    params: queryParams(nearbyQuery, { category: ['类别标识', 'Category id'], lat: ['纬度', 'Latitude'], lng: ['经度', 'Longitude'] }, ['category', 'lat', 'lng']),
    responses: { 200: { text: ['附近问题', 'Nearby reports'], media: json, schema: { type: 'object', properties: { items: { type: 'array' } } } }, 400: { text: ['参数有误', 'Invalid parameters'], media: json, schema: ERR } },
  },
  {
    method: 'post', path: '/api/reports/:no/support', tag: 'reports', summary: ['“我也遇到”', '"Me too"'],
    description: ['同一客户端每天每个问题一次。', 'Once a day per client and report.'], params: [noParam],
    responses: { 200: { text: ['新的关注人数', 'The new supporter count'], media: json, schema: { type: 'object', properties: { supporters: { type: 'integer' } } } }, 404: { text: ['没有这个问题', 'No such report'], media: json, schema: ERR }, 409: { text: ['已结案或今天已表示过', 'Closed, or already supported today'], media: json, schema: ERR } },
  },
  {
    method: 'get', path: '/api/track', tag: 'reports', summary: ['查询办理进度（反映人）', 'Follow a report (its reporter)'],
    params: [
      { name: 'no', in: 'query', required: true, schema: str, text: ['受理编号', 'Tracking number'] },
      { name: 'code', in: 'query', required: true, schema: str, text: ['查询码', 'Follow code'] },
    ],
    responses: { 200: { text: ['反映人看到的问题和公开办理过程（照片为签名链接）', 'The reporter’s view with the public timeline (signed photo links)'], media: json }, 404: { text: ['编号或查询码不对', 'Wrong number or code'], media: json, schema: ERR } },
  },
  {
    method: 'post', path: '/api/track/rate', tag: 'reports', summary: ['评价已结案的问题', 'Rate a closed report'],
    description: ['每次结案可评价一次；结案 7 天内“不满意”会重新办理。', 'Once per closure; "unsatisfied" within 7 days of closing reopens it.'],
    body: { media: 'application/json', schema: jsonSchema(rateBody), text: ['也接受表单格式', 'Form-encoded works too'] },
    responses: { 200: { text: ['评价结果', 'The rating recorded'], media: json }, 404: { text: ['编号或查询码不对', 'Wrong number or code'], media: json, schema: ERR }, 409: { text: ['未结案或已评价', 'Not closed, or already rated'], media: json, schema: ERR } },
  },
  {
    method: 'get', path: '/api/categories', tag: 'reports', summary: ['问题类别', 'Categories'],
    responses: { 200: { text: ['启用的类别（中英文名、国标代码、默认处置单位）', 'Active categories (zh/en names, national code, default unit)'], media: json } },
  },
  {
    method: 'get', path: '/api/cases', tag: 'cases', summary: ['公开问题列表', 'Public cases'],
    description: ['与 /reports 页面相同的筛选，最新的在前。翻页请用 after=next（下一页）或 before=prev（上一页）：不受期间新增问题影响，十万条时也一样快；page 仍可用。', 'The /reports page’s filters, newest first. Page with after=next (the next page) or before=prev (the previous one): unaffected by cases filed meanwhile and as fast at 100k cases; page still works.'],
    params: queryParams(publicFilters, FILTER_TEXTS),
    responses: { 200: { text: ['一页公开问题和总数', 'A page of public cases and the total'], media: json, schema: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: PUBLIC_LIST_ITEM }, next: nullable(str), prev: nullable(str) } } }, 400: { text: ['参数有误', 'Invalid parameters'], media: json, schema: ERR } },
  },
  {
    method: 'get', path: '/api/cases/map', tag: 'cases', summary: ['地图聚合', 'Map clusters'],
    description: ['服务器端按网格聚合的公开问题，bbox 和 zoom 必填。', 'Public cases clustered on a server-side grid; bbox and zoom are required.'],
    params: [...queryParams(publicFilters, FILTER_TEXTS).filter((p) => !['page', 'per_page', 'after', 'before'].includes(p.name)).map((p) => (p.name === 'bbox' ? { ...p, required: true } : p)),
      { name: 'zoom', in: 'query', required: true, schema: { type: 'integer', minimum: 0, maximum: 20 }, text: ['地图缩放级别', 'Map zoom level'] }],
    responses: { 200: { text: ['网格单元（单个问题时带编号）', 'Grid cells (with the tracking number when a cell holds one case)'], media: json }, 400: { text: ['参数有误', 'Invalid parameters'], media: json, schema: ERR } },
  },
  {
    method: 'get', path: '/api/openapi.json', tag: 'system', summary: ['本文档', 'This document'],
    params: [{ name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] }, text: ['说明文字的语言', 'Language of the descriptions'] }],
    responses: { 200: { text: ['OpenAPI 3.1 文档', 'The OpenAPI 3.1 document'], media: json } },
  },
  {
    method: 'get', path: '/healthz', tag: 'system', summary: ['健康检查', 'Health check'],
    responses: { 200: { text: ['数据库可用', 'The database answers'], media: json } },
  },
];
