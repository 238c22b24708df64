// 指挥中心工作台（督办、常用语）的接口用语和错误提示。
export const deskZh = {
  track: { events: { supervise: '督办' } },
  auth: {
    actions: {
      'case.supervise': '督办案件', 'phrase.create': '新增常用语', 'phrase.update': '修改常用语', 'phrase.delete': '删除常用语',
    } as Record<string, string>,
  },
  errors: {
    supervise_note_required: '请填写督办意见。',
    supervise_due_not_allowed: '挂账中的案件不能调整办结时限。',
    phrase_action_invalid: '请选择常用语用于哪项操作。',
    phrase_text_required: '请填写中文和英文常用语。',
    phrase_too_long: '常用语不能超过 300 字。',
  } as Record<string, string>,
};
