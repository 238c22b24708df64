import { publicFilters } from '../public-cases.ts';
import { FILTER_TEXTS } from './public-ops.ts';
import { queryParams, type Op, type Param, type Text } from './types.ts';

const str = { type: 'string' };
const json = ['application/json'];
const both = ['application/json', 'text/xml'];
const listFilters = queryParams(publicFilters, FILTER_TEXTS).filter((p) => !['page', 'per_page', 'after', 'before'].includes(p.name));
const lang: Param = { name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] }, text: ['名称、表头的语言（默认中文）', 'Language of names and headers (Chinese by default)'] };
const format: Param = { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] }, text: ['响应格式', 'Response format'] };
const jurisdiction: Param = { name: 'jurisdiction_id', in: 'query', schema: str, text: ['可省略或留空；否则须为本站域名', 'May be omitted or empty; otherwise this site’s host name'] };
const o311Errors = {
  400: { text: ['参数有误：[{code, description}]', 'Bad parameters: [{code, description}]'] as Text, media: both },
  404: { text: ['没有这个接口、记录或 jurisdiction_id', 'No such endpoint, record or jurisdiction_id'] as Text, media: both },
};
const o311 = (path: string, summary: Text, description: Text, params: Param[], ok: Text, extra: Partial<Op> = {}): Op => ({
  method: 'get', path: `/open311/v2/${path}`, tag: 'open311', summary, description, params: [...params, format, jurisdiction],
  responses: { 200: { text: ok, media: both }, ...o311Errors }, ...extra,
});
const dates: Param[] = [
  { name: 'start_date', in: 'query', schema: { type: 'string', format: 'date-time' }, text: ['起始时间（ISO 8601）', 'Earliest time (ISO 8601)'] },
  { name: 'end_date', in: 'query', schema: { type: 'string', format: 'date-time' }, text: ['截止时间；与起始时间相距不超过 90 天', 'Latest time; at most 90 days after start_date'] },
];

export const OPEN_DATA_OPS: Op[] = [
  {
    method: 'get', path: '/data/quarterly/{quarter}.pdf', tag: 'data', summary: ['已发布的季度通报 PDF', 'A published quarterly report as PDF'],
    description: ['发布时生成并保存，此后不再变化；未发布的季度返回 404。', 'Made and stored when staff publish the report, never changed afterwards; an unpublished quarter is 404.'],
    params: [{ name: 'quarter', in: 'path', required: true, schema: { type: 'string', examples: ['2026-Q3'] }, text: ['季度，如 2026-Q3', 'Quarter, e.g. 2026-Q3'] }, lang],
    responses: { 200: { text: ['PDF 文件', 'A PDF file'], media: ['application/pdf'] }, 404: { text: ['该季度尚未发布通报', 'Not published'], media: json } },
  },
  {
    method: 'get', path: '/data/cases.geojson', tag: 'data', summary: ['公开问题 GeoJSON', 'Public cases as GeoJSON'],
    description: ['RFC 7946 FeatureCollection，坐标顺序 [经度, 纬度]；未标注位置的问题 geometry 为 null。流式输出全部符合条件的问题（不分页）。', 'RFC 7946 FeatureCollection, coordinates [lng, lat]; cases without a pin have a null geometry. Streams every matching case (no paging).'],
    params: [...listFilters, lang], responses: { 200: { text: ['FeatureCollection', 'A FeatureCollection'], media: ['application/geo+json'] }, 400: { text: ['参数有误', 'Invalid parameters'], media: json } },
  },
  {
    method: 'get', path: '/data/cases.csv', tag: 'data', summary: ['公开问题 CSV', 'Public cases as CSV'],
    description: ['UTF-8 带 BOM、CRLF 换行，Excel 和 WPS 可直接打开；默认中文表头，lang=en 为英文表头。时间为北京时间。流式输出，不分页。', 'UTF-8 with a BOM and CRLF, opens in Excel and WPS; Chinese headers, English with lang=en. Times are Asia/Shanghai. Streamed, no paging.'],
    params: [...listFilters, lang], responses: { 200: { text: ['CSV 文件', 'A CSV file'], media: ['text/csv'] }, 400: { text: ['参数有误', 'Invalid parameters'], media: json } },
  },
  {
    method: 'get', path: '/feeds/updates.atom', tag: 'data', summary: ['办理进度 Atom 订阅', 'Atom feed of progress updates'],
    description: ['全站最新 100 条公开进度；可按区域（bbox）、类别、处置单位筛选。', 'The latest 100 public updates site-wide; filter by area (bbox), category or unit.'],
    params: [...listFilters.filter((p) => ['category', 'unit', 'bbox'].includes(p.name)), lang],
    responses: { 200: { text: ['Atom 1.0', 'Atom 1.0'], media: ['application/atom+xml'] }, 400: { text: ['参数有误', 'Invalid parameters'], media: json } },
  },
  {
    method: 'get', path: '/feeds/cases/:no.atom', tag: 'data', summary: ['单个问题的 Atom 订阅', 'Atom feed of one case'],
    params: [{ name: 'no', in: 'path', required: true, schema: str, text: ['受理编号', 'Tracking number'] }, lang],
    responses: { 200: { text: ['Atom 1.0', 'Atom 1.0'], media: ['application/atom+xml'] }, 404: { text: ['没有这个公开问题', 'No such public case'], media: json }, 410: { text: ['公示已撤下', 'Withdrawn from public view'], media: json } },
  },
  o311('discovery.:format', ['服务发现', 'Discovery'], ['接口地址、格式和联系方式。', 'Endpoints, formats and contact.'], [], ['发现文档', 'The discovery document']),
  o311('services.:format', ['服务（问题类别）列表', 'Services (categories)'], ['每个启用的类别一项；type 为 realtime（提交即得受理编号），metadata 恒为 false。', 'One per active category; type is realtime (a POST answers the id at once), metadata is always false.'], [lang], ['服务列表', 'The services']),
  o311('services/:service_code.:format', ['服务定义', 'Service definition'], ['本站类别没有附加属性，故总是回答 404。', 'Our categories have no attributes, so this always answers 404.'],
    [{ name: 'service_code', in: 'path', required: true, schema: str, text: ['服务代码', 'Service code'] }], ['（不会出现）', '(never)']),
  o311('requests.:format', ['查询问题', 'Get service requests'],
    ['默认最近 90 天、最多 1000 条，最新的在前；给出 service_request_id 时忽略其他条件。状态 open/closed，详细环节见 status_notes，承诺办结时间见 expected_datetime。翻页（本站扩展）：page_size 每页条数；还有更多时响应带 Link: <…>; rel="next" 头，其网址为同一查询加 after=（本页最后一条的位置），依次请求即可无重复、无遗漏地取完。', 'By default the last 90 days, at most 1000, newest first; service_request_id overrides the other filters. Status is open/closed with the detail in status_notes and the due time in expected_datetime. Paging (our extension): page_size per page; when more match, the answer has a Link: <…>; rel="next" header, the same query with after= (the position of this page’s last request): follow it until there is none to get every match once.'],
    [{ name: 'service_request_id', in: 'query', schema: str, text: ['受理编号，多个用逗号分隔', 'Tracking numbers, comma-separated'] },
      { name: 'service_code', in: 'query', schema: str, text: ['服务代码，多个用逗号分隔', 'Service codes, comma-separated'] }, ...dates,
      { name: 'status', in: 'query', schema: str, text: ['open、closed 或两者', 'open, closed, or both'] },
      { name: 'page_size', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1000 }, text: ['每页条数（本站扩展）', 'Requests per page (our extension)'] },
      { name: 'after', in: 'query', schema: str, text: ['翻页位置，取自上一页的 Link rel="next"（本站扩展）', 'Paging position, from the previous page’s Link rel="next" (our extension)'] }, lang], ['问题列表', 'The requests']),
  {
    method: 'post', path: '/open311/v2/requests.:format', tag: 'open311', summary: ['提交问题', 'Create a service request'],
    description: ['表单（x-www-form-urlencoded），带照片时用 multipart/form-data（每个文件部分都是一张照片，处理方式与市民上传相同：识别格式、去除 EXIF、缩放）。与网页表单相同的校验，立即回答受理编号；受理前该编号在所有公开接口中都查不到（requests/{id} 为 404）。同一接入方（api_key，无密钥时按联系方式）24 小时内以相同类别、描述和位置重发，回答同一个编号，不重复立案。attribute[...] 保存为案件附加信息，仅工作人员可见；照片须带 attribute[publish_photos]=true 才会在受理后公开。联系方式不公开；media_url 不会被下载，只作为链接留给工作人员。一旦新建过接口密钥或设置了 OPEN311_API_KEY，须带有效的 api_key；案件的来源渠道和接入系统取自该密钥。', 'Form-encoded, or multipart/form-data with photos (every file part is a photo, processed like a resident’s: type sniffed, EXIF stripped, resized). The web form’s validation; the id is answered at once, and stays out of every public answer (requests/{id} is 404) until staff accept the case. The same client (api_key; without keys, the same contact details) sending the same service, description and place within 24 hours gets the same id back, not a second case. attribute[...] is kept as the case’s attributes for staff only; photos become public after acceptance only with attribute[publish_photos]=true. Contact details stay private; media_url is never fetched, only kept as a link for staff. Once any API key has been created or OPEN311_API_KEY is set, a valid api_key is required; the case’s channel and source name come from the key.'],
    params: [format],
    body: {
      media: 'application/x-www-form-urlencoded',
      schema: {
        type: 'object', required: ['service_code'],
        properties: Object.fromEntries(['service_code', 'lat', 'long', 'address_string', 'description', 'email', 'phone', 'first_name', 'last_name', 'media_url', 'api_key', 'jurisdiction_id', 'publish', 'attribute[publish_photos]'].map((k) => [k, str])),
      },
      text: ['lat+long 或 address_string 必有其一；publish=false（扩展）表示不公开描述；attribute[任意代码] 均保存', 'lat+long or address_string; publish=false (an extension) keeps the description private; any attribute[code] is kept'],
    },
    responses: {
      201: { text: ['[{service_request_id, service_notice}]', '[{service_request_id, service_notice}]'], media: both }, ...o311Errors,
      403: { text: ['api_key 缺失或不正确', 'Missing or wrong api_key'], media: both }, 429: { text: ['提交过于频繁', 'Too many requests'], media: both },
    },
  },
  o311('requests/:service_request_id.:format', ['查询单个问题', 'Get one service request'], ['未受理、已撤下或不存在的问题回答 404。', 'Not yet accepted, withdrawn or unknown: 404.'],
    [{ name: 'service_request_id', in: 'path', required: true, schema: str, text: ['受理编号', 'Tracking number'] }, lang], ['含一项的列表', 'A list of one']),
  o311('tokens/:token.:format', ['用 token 换取受理编号', 'Get a service_request_id from a token'], ['早先签发的 token 仍然有效，立即回答对应的受理编号（不论是否已受理）。', 'Tokens issued earlier stay valid and answer the id at once, accepted or not.'],
    [{ name: 'token', in: 'path', required: true, schema: str, text: ['提交时得到的 token', 'The token from the POST'] }], ['[{service_request_id, token}]', '[{service_request_id, token}]']),
  o311('servicerequestupdates.:format', ['进度更新（FixMyStreet 扩展）', 'Request updates (FixMyStreet extension)'],
    ['公开的办理记录，最早的在前，最多 1000 条；默认最近 90 天。status 用 FixMyStreet 的取值，external_status_code 为本站环节。', 'The public case log, oldest first, at most 1000; by default the last 90 days. status uses FixMyStreet’s values, external_status_code our state.'],
    [...dates, lang], ['更新列表', 'The updates']),
  {
    method: 'post', path: '/open311/v2/servicerequestupdates.:format', tag: 'open311', summary: ['提交反映人补充说明（FixMyStreet 扩展）', 'Post a follow-up comment (FixMyStreet extension)'],
    description: ['只能针对本接入方提交的问题（否则 404）。补充说明记入案件办理记录，仅工作人员可见，经工作人员公开后才出现在公示和进度更新中。同一 update_id_ext 重发回答同一个 update_id。可附照片（multipart），与问题照片同样处理。', 'Only for a case this client filed (else 404). The comment lands in the case log for staff only and appears in public timelines and updates once staff publish it. The same update_id_ext sent again answers the same update_id. A photo may ride along (multipart), processed like the report’s.'],
    params: [format],
    body: {
      media: 'application/x-www-form-urlencoded',
      schema: {
        type: 'object', required: ['service_request_id'],
        properties: Object.fromEntries(['service_request_id', 'update_id_ext', 'description', 'status', 'email', 'first_name', 'last_name', 'phone', 'updated_datetime', 'media_url', 'api_key', 'jurisdiction_id'].map((k) => [k, str])),
      },
      text: ['description 或照片必有其一；联系方式不公开', 'description or a photo; contact details stay private'],
    },
    responses: {
      201: { text: ['[{update_id}]（XML：<service_request_updates><request_update>）', '[{update_id}] (XML: <service_request_updates><request_update>)'], media: both }, ...o311Errors,
      403: { text: ['api_key 缺失或不正确', 'Missing or wrong api_key'], media: both },
    },
  },
];
