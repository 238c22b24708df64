// 处置单位回退、延期申请、挂账申请、回访和热线/巡查案件录入的用语（第 11 号需求）。
export const handlersZh = {
  track: {
    events: {
      send_back: '处置单位申请回退，待重新派遣', approve_request: '经批准延长办理期限',
      request_extension: '处置单位申请延期', request_hold: '处置单位申请挂账', refuse_request: '申请未获批准', callback: '回访',
    },
  },
  requestKinds: { extension: '延期申请', hold: '挂账申请' },
  requestStatus: { pending: '待审批', approved: '已批准', refused: '未批准' },
  callbackResults: { solved: '问题已解决', unsolved: '问题未解决', unreachable: '未能联系上' },
  errors: {
    request_reason_required: '请填写申请理由。',
    extension_not_later: '申请的办结时限须晚于现在和当前时限。',
    request_pending: '该案件已有待审批的同类申请，请等待调度员处理。',
    request_invalid: '未找到该申请。',
    request_decided: '该申请已处理，请刷新后查看。',
    callback_result_required: '请选择回访结果。',
    contact_none: '反映人没有留下联系方式。',
    channel_required: '请选择案件来源（热线或巡查）。',
    ticket_too_long: '工单号不能超过 50 字。',
  } as Record<string, string>,
};
