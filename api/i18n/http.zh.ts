// What the cross-cutting guards say (methods, paths, guessing, storage faults).
export const httpZh = {
  errors: {
    method_not_allowed: '不支持该请求方式。',
    invalid_path: '请求地址格式不正确。',
    too_many_tries: '查询次数过多，请 10 分钟后再试。如忘记查询码，请拨打 12345 政务服务便民热线。',
    storage_unavailable: '系统暂时无法保存照片，请稍后再试，或先不附照片提交。',
  },
};
