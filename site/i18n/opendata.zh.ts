// open data messages (简体中文): Open311、订阅源、数据下载、接口文档页。Error codes go in `errors`; they join the shared error catalog.
export const opendataZh = {
  apiDocs: {
    title: '开放接口说明',
    lead: '城事通的公开数据和接口供其他软件使用，无需注册。下列说明由机器可读的 OpenAPI 3.1 文档生成：',
    formats: '开放数据格式：Open311 GeoReport v2（JSON、XML）、Atom 订阅源、GeoJSON、带 BOM 的 UTF-8 CSV。',
    privacy: '任何接口都不会公开反映人的姓名、电话、邮箱和查询码；描述中的电话、身份证号会被自动遮盖。',
    contents: '目录',
    staffNote: '以下接口仅供已登录的工作人员使用（会话 Cookie 加 X-CSRF-Token 请求头），只列出简要说明。',
    parameters: '参数',
    requestBody: '请求内容（{media}）',
    responses: '响应',
    name: '名称',
    in: '位置',
    type: '类型',
    required: '必填',
    description: '说明',
    yes: '是',
    no: '否',
    where: { query: '查询参数', path: '路径', header: '请求头', cookie: 'Cookie', body: '请求体' },
    media: '格式：{types}',
  },
};
