// 地名库：地名类型、示意图标注和错误提示。
export const gazetteerZh = {
  places: {
    kinds: { road: '道路', landmark: '地标', community: '社区', school: '学校', market: '市场', bus_stop: '公交站', district: '城区范围' },
    schematic: '示意图（地名库绘制，位置为近似）',
  },
  auth: { actions: { 'place.create': '新增地名', 'place.update': '修改地名', 'place.delete': '删除地名' } },
  errors: {
    place_ambiguous: '有多个地点与此名称相符，请从下面选择一个，或写得更具体些。',
    place_name_required: '请填写地名。',
    place_name_too_long: '地名不能超过 50 字。',
    place_kind_invalid: '请选择地名类型。',
    place_coordinate_invalid: '请填写有效的纬度和经度（十进制度数）。',
    place_line_invalid: '线路格式不正确：每行一个点，写作“纬度,经度”，至少两个点。',
  },
};
