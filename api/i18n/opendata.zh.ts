// 开放数据（Open311、订阅源、CSV）的用语和错误提示。
export const opendataZh = {
  opendata: {
    open311: {
      serviceNotice: '已收到您反映的问题。工作人员受理后才会公开；受理后可凭 token 查到受理编号。',
      statusNotes: '{state}：{note}',
      keywordsCode: '国标代码 {code}',
      contact: '{bureau}，网址 {url}',
      keyService: '提交问题时如需 api_key，请向{bureau}申请；查询无需 api_key。',
      errors: {
        format: '只支持 .json 和 .xml 两种格式。',
        not_found: '没有这个接口。',
        jurisdiction: '本接口只服务 jurisdiction_id 为“{id}”的城市（也可留空）。',
        api_key: 'api_key 缺失或不正确。',
        no_definition: '服务 {code} 没有附加属性（metadata 为 false），无需查询服务定义。',
        unknown_service: '没有这个 service_code：{code}。',
        request_not_found: '没有编号为 {id} 的公开问题。',
        token_not_found: '没有这个 token。',
        date: '{field} 不是 ISO 8601 日期时间。',
        date_order: 'start_date 不能晚于 end_date。',
        date_span: 'start_date 与 end_date 相距不能超过 90 天。',
        status: 'status 只能是 open、closed，或用逗号分隔的两者。',
        media_url: 'media_url 必须是 http 或 https 网址。',
        rate_limited: '提交过于频繁，请稍后再试。',
        body_too_large: '请求内容过大。',
        field: '{field}：{message}',
        server: '服务器内部错误。',
      },
    },
    feeds: {
      updatesTitle: '{site} · 办理进度更新',
      areaTitle: '{site} · 指定区域的办理进度更新',
      caseTitle: '{site} · {no} 办理进度',
      entryTitle: '{no} {category}：{event}',
      place: '位置：{address}',
    },
    csv: {
      headers: {
        tracking_no: '受理编号', category: '问题类别', category_id: '类别标识', national_code: '国标代码', state: '办理环节',
        status: '公开状态', address: '地址', lat: '纬度', lng: '经度', description: '问题描述', unit: '处置单位',
        reported_at: '反映时间', accepted_at: '立案时间', due_at: '承诺办结时间', closed_at: '结案时间', on_time: '是否按期',
        supporters: '关注人数', rating: '市民评价', url: '公示网址',
      },
      yes: '是',
      no: '否',
    },
  },
  errors: {
    case_gone: '该问题的公示已被撤下。',
  },
};
