import { seriesEdit, signupInput, seriesInput } from '../../drives/schema.ts';
import { jsonSchema, type Op, type Schema, type Text } from './types.ts';

// The volunteer drives: public reads, a volunteer's own signup behind its secret link, calendars, the organiser's console.
const json = ['application/json'];
const ERR = { $ref: '#/components/schemas/Error' };
const id: Op['params'] = [{ name: 'id', in: 'path', schema: { type: 'integer' }, text: ['场次编号', 'Occurrence id'] }];
const token: Op['params'] = [{ name: 'token', in: 'path', schema: { type: 'string' }, text: ['报名链接中的密钥', 'The secret of the signup link'] }];
const lang: Op['params'] = [{ name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] }, text: ['语言', 'Language'] }];
const ok = (text: Text, schema?: Schema, media = json) => ({ text, media, ...(schema ? { schema } : {}) });
const err = (text: Text) => ({ text, media: json, schema: ERR });

const OCCURRENCE: Schema = {
  type: 'object', description: 'counts only: never a volunteer’s name or phone',
  properties: {
    id: { type: 'integer' }, seriesId: { type: 'integer' }, date: { type: 'string', format: 'date' }, startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' }, status: { type: 'string', enum: ['scheduled', 'cancelled', 'closed'] },
    title: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } }, community: { type: 'string' }, address: { type: 'string' },
    capacity: { type: 'integer' }, confirmed: { type: 'integer' }, waitlisted: { type: 'integer' }, placesLeft: { type: 'integer' }, hours: { type: 'number' },
  },
};
const SIGNUP_RESULT: Schema = {
  type: 'object', required: ['status', 'code', 'manageUrl'],
  properties: { status: { type: 'string', enum: ['confirmed', 'waitlisted'] }, position: { type: 'integer' }, code: { type: 'string' }, manageUrl: { type: 'string', format: 'uri' }, existing: { type: 'boolean' } },
};

export const DRIVE_OPS: Op[] = [
  { method: 'get', path: '/api/drives', tag: 'drives', summary: ['近期志愿活动', 'Upcoming drives'], params: lang,
    responses: { 200: ok(['未开始的场次，时间先后排列', 'Occurrences not yet started, soonest first'], { type: 'object', properties: { items: { type: 'array', items: OCCURRENCE } } }) } },
  { method: 'get', path: '/api/drives/occurrences/:id', tag: 'drives', summary: ['一场活动', 'One occurrence'], params: id,
    responses: { 200: ok(['场次及关联的问题点位', 'The occurrence and its linked cases'], OCCURRENCE), 404: err(['未找到', 'Not found']) } },
  { method: 'post', path: '/api/drives/occurrences/:id/signups', tag: 'drives', summary: ['报名', 'Sign up'],
    description: ['名额检查与写入在同一写事务中完成；满员后进入候补。同一手机号再次报名（姓名相同）返回原报名（200）。', 'The seat check and the insert are one write transaction; beyond capacity the signup joins the waitlist. The same phone again (same name) returns the existing signup (200).'],
    params: [...id!, ...lang!], body: { media: 'application/json', schema: jsonSchema(signupInput) },
    responses: { 201: ok(['报名成功或候补', 'Confirmed or waitlisted'], SIGNUP_RESULT), 200: ok(['已报名过', 'Already signed up'], SIGNUP_RESULT), 400: err(['输入有误（fields 逐项说明）', 'Bad input (fields per field)']), 404: err(['未找到', 'Not found']), 409: err(['已开始、已取消、已结束，或该手机号已被他人使用', 'Started, cancelled, over, or the phone is taken']) } },
  { method: 'get', path: '/api/drives/signups/:token', tag: 'drives', summary: ['查看本人报名', 'My signup'], params: token,
    responses: { 200: ok(['状态、候补序号、确认码', 'Status, waitlist position, code']), 404: err(['未找到', 'Not found']) } },
  { method: 'delete', path: '/api/drives/signups/:token', tag: 'drives', summary: ['取消报名', 'Cancel my signup'],
    description: ['同一事务中由候补第一位递补；活动开始后不能取消。', 'The first on the waitlist is promoted in the same transaction; no cancelling after the start.'], params: token,
    responses: { 200: ok(['已取消', 'Cancelled']), 404: err(['未找到', 'Not found']), 409: err(['活动已开始', 'Already started']) } },
  { method: 'post', path: '/api/drives/signups/:token/checkin', tag: 'drives', summary: ['凭现场签到码签到', 'Check in with the meeting point’s code'], params: token,
    body: { media: 'application/json', schema: { type: 'object', properties: { code: { type: 'string' } } } },
    responses: { 200: ok(['已签到（时长待组织方确认）', 'Checked in (hours await the organiser)']), 400: err(['签到码错误', 'Wrong code']), 409: err(['不在签到时间', 'Outside the window']) } },
  { method: 'get', path: '/api/drives/records/:no.pdf', tag: 'drives', summary: ['志愿服务记录证明 PDF', 'Service record as PDF'],
    params: [{ name: 'no', in: 'path', schema: { type: 'string' }, text: ['证明编号', 'Certificate number'] }, { name: 'k', in: 'query', required: true, schema: { type: 'string' }, text: ['证明链接中的密钥', 'The key of the record link'] }],
    responses: { 200: ok(['PDF', 'PDF'], undefined, ['application/pdf']), 404: err(['未找到', 'Not found']) } },
  { method: 'get', path: '/feeds/drives/signups/:token.ics', tag: 'drives', summary: ['本人报名的日历文件', 'Calendar file of my signup'], params: token,
    responses: { 200: ok(['iCalendar（RFC 5545）；取消后 STATUS:CANCELLED', 'iCalendar (RFC 5545); STATUS:CANCELLED once cancelled'], undefined, ['text/calendar']) } },
  { method: 'get', path: '/feeds/drives/upcoming.atom', tag: 'drives', summary: ['近期志愿活动 Atom 订阅', 'Atom feed of upcoming drives'], params: lang,
    responses: { 200: ok(['每个未开始的场次一条，含剩余名额；只有人数，没有姓名', 'One entry per occurrence not yet started, with places left; counts only, never a name'], undefined, ['application/atom+xml']) } },
  { method: 'get', path: '/feeds/drives/series/:id.ics', tag: 'drives', summary: ['系列活动日历订阅', 'Subscribable calendar of a series'],
    params: [{ name: 'id', in: 'path', schema: { type: 'integer' }, text: ['系列编号', 'Series id'] }],
    responses: { 200: ok(['每场一个事件，稳定 UID，调整时 SEQUENCE 递增', 'One event per occurrence, stable UIDs, SEQUENCE bumped on changes'], undefined, ['text/calendar']) } },
];

type Brief = [method: Op['method'], path: string, summary: Text];
const STAFF: Brief[] = [
  ['post', '/api/staff/drives/series', ['新建系列活动（cases：关联问题点位，已立案的随即派遣至组织单位）', 'Create a series (cases: linked hotspots; accepted ones are dispatched to the organiser)']],
  ['put', '/api/staff/drives/series/:id', ['修改系列活动：无人报名的未开始场次改用新时间，已有报名的保留原时间', 'Change a series: coming occurrences nobody signed up for take the new times; those with signups keep theirs']],
  ['post', '/api/staff/drives/series/:id/deactivate', ['停止系列活动：不再生成场次，未开始的场次取消', 'Stop a series: no more occurrences; the coming ones are cancelled']],
  ['get', '/api/staff/drives/occurrences', ['可管理的场次', 'Occurrences I may see']],
  ['put', '/api/staff/drives/occurrences/:id', ['调整名额或说明', 'Change places or the note']],
  ['post', '/api/staff/drives/occurrences/:id/cancel', ['取消场次', 'Cancel an occurrence']],
  ['get', '/api/staff/drives/occurrences/:id/roster', ['名册（手机号隐去中间四位）', 'Roster (phones masked)']],
  ['get', '/api/staff/drives/occurrences/:id/roster.csv', ['导出名册', 'Export the roster']],
  ['post', '/api/staff/drives/occurrences/:id/close', ['确认出勤并结束；cleaned 中的关联案件记为已处置（可附 photo-<案件id> 处置后照片），待核查', 'Confirm attendance and close; linked cases in cleaned are resolved (after-photo as photo-<case id>), then verified']],
  ['post', '/api/staff/drives/signups/:id/checkin', ['签到', 'Check a volunteer in']],
  ['post', '/api/staff/drives/signups/:id/reveal', ['查看完整手机号（记录日志）', 'Reveal a phone (audited)']],
];

export const STAFF_DRIVE_OPS: Op[] = STAFF.map(([method, path, summary]) => ({
  method, path, tag: 'staff', summary,
  params: [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1]!, in: 'path' as const, required: true, schema: { type: 'string' }, text: [m[1]!, m[1]!] as Text })),
  ...(path.endsWith('/series') ? { body: { media: 'application/json', schema: jsonSchema(seriesInput) } } : {}),
  ...(method === 'put' && path.includes('/series/') ? { body: { media: 'application/json', schema: jsonSchema(seriesEdit) } } : {}),
  responses: { 200: { text: ['成功', 'OK'], media: json }, 400: err(['输入有误', 'Bad input']), 401: err(['未登录', 'Not signed in']), 404: err(['未找到或无权查看', 'Not found or not yours']) },
}));
