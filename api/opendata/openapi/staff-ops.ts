import type { Op, Text } from './types.ts';

// Staff endpoints, briefly: they need a session cookie and the X-CSRF-Token header (see the console).
type Brief = [method: Op['method'], path: string, summary: Text];

const BRIEF: Brief[] = [
  ['post', '/api/staff/login', ['登录', 'Sign in']],
  ['post', '/api/staff/login/two-factor', ['两步验证', 'Two-factor step']],
  ['post', '/api/staff/logout', ['退出', 'Sign out']],
  ['get', '/api/staff/me', ['当前账号', 'The signed-in account']],
  ['post', '/api/staff/account/password', ['修改密码', 'Change password']],
  ['get', '/api/staff/account/two-factor', ['两步验证设置', 'Two-factor setup']],
  ['post', '/api/staff/account/two-factor', ['开启或关闭两步验证', 'Enable or disable two-factor']],
  ['get', '/api/staff/cases', ['案件列表', 'Case list']],
  ['get', '/api/staff/cases/queue', ['待受理队列', 'Triage queue']],
  ['post', '/api/staff/cases/bulk', ['批量受理、派遣或不予立案', 'Bulk accept, dispatch or reject']],
  ['post', '/api/staff/cases', ['录入热线转办或巡查上报案件 {channel: hotline|patrol, ticketNo?, 及报料表单各项}，返回受理编号和查询码', 'Enter a hotline or patrol case {channel: hotline|patrol, ticketNo?, plus the report fields}; returns the number and follow code']],
  ['get', '/api/staff/cases/requests', ['待审批的延期、挂账申请和回退待改派的案件', 'Pending extension and hold requests, and cases sent back for reassignment']],
  ['get', '/api/staff/cases/:no', ['案件详情', 'One case']],
  ['post', '/api/staff/cases/:no/reveal', ['查看反映人完整联系方式（记录日志）', 'Reveal the reporter’s contact (audited)']],
  ['post', '/api/staff/cases/:no/actions/:action', ['办理或审核操作（含 publish_comment {logId}：公开反映人补充说明；send_back 回退；request_extension {reason, proposedDueAt}、request_hold {reason, plannedDate}；approve_request/refuse_request {requestId, dueAt?, decisionNote?}；callback {result, rating?, internalNote?}：回访）', 'A workflow or moderation action (publish_comment {logId} publishes a reporter’s comment; send_back; request_extension {reason, proposedDueAt}, request_hold {reason, plannedDate}; approve_request/refuse_request {requestId, dueAt?, decisionNote?}; callback {result, rating?, internalNote?})']],
  ['get', '/api/staff/admin/units', ['处置单位', 'Units']],
  ['post', '/api/staff/admin/units', ['新增处置单位', 'Add a unit']],
  ['put', '/api/staff/admin/units/:id', ['修改处置单位', 'Edit a unit']],
  ['get', '/api/staff/admin/categories', ['问题类别', 'Categories']],
  ['put', '/api/staff/admin/categories/:id', ['修改问题类别', 'Edit a category']],
  ['get', '/api/staff/admin/staff', ['工作人员账号', 'Staff accounts']],
  ['post', '/api/staff/admin/staff', ['新增账号', 'Add an account']],
  ['put', '/api/staff/admin/staff/:id', ['修改账号', 'Edit an account']],
  ['post', '/api/staff/admin/staff/:id/reset-password', ['重置密码', 'Reset the password']],
  ['post', '/api/staff/admin/staff/:id/deactivate', ['停用账号', 'Deactivate']],
  ['post', '/api/staff/admin/staff/:id/activate', ['启用账号', 'Activate']],
  ['post', '/api/staff/admin/staff/:id/reset-two-factor', ['重置两步验证', 'Reset two-factor']],
  ['get', '/api/staff/admin/api-keys', ['接口密钥（不含密钥本身）', 'API keys (never the keys themselves)']],
  ['post', '/api/staff/admin/api-keys', ['新建接口密钥 {name, channel}，密钥只返回这一次', 'Create an API key {name, channel}; the key is returned this once']],
  ['post', '/api/staff/admin/api-keys/:id/revoke', ['吊销接口密钥', 'Revoke an API key']],
  ['get', '/api/staff/admin/places', ['地名库', 'The gazetteer']],
  ['post', '/api/staff/admin/places', ['新增地名 {name, aliases, kind, lat, lng, line}', 'Add a place {name, aliases, kind, lat, lng, line}']],
  ['put', '/api/staff/admin/places/:id', ['修改地名', 'Edit a place']],
  ['post', '/api/staff/admin/places/:id/delete', ['删除地名', 'Delete a place']],
  ['get', '/api/staff/desk/queue', ['工作台待受理表格 {category, light, kind, sort}', 'The desk queue table {category, light, kind, sort}']],
  ['get', '/api/staff/desk/queue/count', ['待受理数量（新反映提示）', 'Waiting count (for the new-report badge)']],
  ['get', '/api/staff/desk/supervision', ['督办清单与各单位超期数 {unit}', 'Escalation list and overdue counts per unit {unit}']],
  ['post', '/api/staff/desk/cases/:no/supervise', ['督办 {version, note, dueAt?}', 'Escalate {version, note, dueAt?}']],
  ['get', '/api/staff/desk/phrases', ['常用语（按操作）', 'Ready phrases per action']],
  ['get', '/api/staff/admin/phrases', ['常用语列表', 'Ready phrases']],
  ['post', '/api/staff/admin/phrases', ['新增常用语 {action, textZh, textEn, sort}', 'Add a ready phrase {action, textZh, textEn, sort}']],
  ['put', '/api/staff/admin/phrases/:id', ['修改常用语', 'Edit a ready phrase']],
  ['post', '/api/staff/admin/phrases/:id/delete', ['删除常用语', 'Delete a ready phrase']],
  ['get', '/api/staff/admin/audit', ['操作日志', 'Audit log']],
  ['get', '/api/staff/admin/audit.csv', ['导出操作日志', 'Export the audit log']],
];

const ERR = { $ref: '#/components/schemas/Error' };

export const STAFF_OPS: Op[] = BRIEF.map(([method, path, summary]) => ({
  method, path, tag: 'staff', summary,
  params: [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1]!, in: 'path' as const, required: true, schema: { type: 'string' }, text: [m[1]!, m[1]!] as Text })),
  responses: {
    200: { text: ['成功', 'OK'], media: ['application/json'] },
    401: { text: ['未登录', 'Not signed in'], media: ['application/json'], schema: ERR },
    403: { text: ['无权限或 CSRF 令牌不对', 'Not allowed, or a wrong CSRF token'], media: ['application/json'], schema: ERR },
  },
}));
