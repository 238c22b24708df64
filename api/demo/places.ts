/**
 * Central Yangjiang (江城区) places the demo reports cluster around. The first four are the hotspots
 * the bureau's own report names; the rest are streets, markets and communities it mentions or that
 * lie next to them. Coordinates are approximate WGS84 centres; reports fall within ~300 m of them.
 */

export type Place = {
  name: string; // as the bureau names it
  short: string; // as residents type it
  lat: number;
  lng: number;
  weight: number; // how often residents report here
  stems: readonly string[]; // typed-address beginnings
  spots: readonly string[]; // "where exactly", as typed on a phone
  /** Categories especially common here: a multiplier on the place's weight (others get 0.6). */
  likes: Readonly<Record<string, number>>;
  /** Categories that make no sense here (no restaurants in the park, no lawns at the market). */
  avoid?: readonly string[];
};

export const PLACES: readonly Place[] = [
  {
    name: '人民广场', short: '人民广场', lat: 21.8600, lng: 111.9790, weight: 14,
    stems: ['江城区人民广场', '江城区东风一路人民广场'],
    spots: ['东侧公交站旁', '北门入口', '音乐喷泉旁边', '地下停车场出口', '西侧商业街口', '南面人行道', '舞台后面'],
    likes: { street_vending: 3, bin_overflow: 2, exposed_garbage: 1.5, open_bbq: 1.5, dirty_greenspace: 1.5, illegal_flyers: 1.5 },
  },
  {
    name: '中医院路段', short: '中医院', lat: 21.8625, lng: 111.9740, weight: 11,
    stems: ['江城区中医院', '江城区中医院路段'],
    spots: ['门诊部门口', '急诊入口对面', '住院部后门', '公交站', '路口红绿灯旁', '药店门口'],
    likes: { street_vending: 3, outside_trading: 2, bin_overflow: 1.5, illegal_flyers: 2, other: 2 },
    avoid: ['burning_waste', 'site_fencing', 'bare_soil', 'dirty_greenspace'],
  },
  {
    name: '第十三小学周边', short: '十三小', lat: 21.8540, lng: 111.9700, weight: 10,
    stems: ['江城区第十三小学'],
    spots: ['校门口', '校门对面', '后门小巷', '接送区', '围墙边', '旁边的巷口'],
    likes: { street_vending: 4, open_bbq: 2, illegal_flyers: 2, exposed_garbage: 1.5, manhole_cover: 1.5 },
    avoid: ['burning_waste', 'site_fencing'],
  },
  {
    name: '乔士桥路段', short: '乔士桥', lat: 21.8555, lng: 111.9870, weight: 10,
    stems: ['江城区乔士桥'],
    spots: ['桥头', '桥底', '桥头东侧', '下桥路口', '桥边人行道', '桥底停车场'],
    likes: { street_vending: 3, open_bbq: 3, exposed_garbage: 2, burning_waste: 1.5, blocked_drain: 1.5 },
    avoid: ['site_fencing'],
  },
  {
    name: '东风二路', short: '东风二路', lat: 21.8615, lng: 111.9835, weight: 7,
    stems: ['江城区东风二路'],
    spots: ['闲置地旁', '银行门口', '公交站', '十字路口', '商铺门口', '人行天桥下'],
    likes: { site_fencing: 5, outside_trading: 2, illegal_billboard: 2, cooking_fumes: 1.5 },
    avoid: ['burning_waste', 'dirty_greenspace'],
  },
  {
    name: '二环路', short: '二环路', lat: 21.8720, lng: 111.9600, weight: 6,
    stems: ['江城区二环路', '江城区二环北路'],
    spots: ['沙场旁', '加油站对面', '路口', '辅道', '绿化带', '工地门口'],
    likes: { site_fencing: 4, unpermitted_digging: 3, streetlight_out: 3, burning_waste: 2, bare_soil: 2 },
    avoid: ['outside_trading', 'cooking_fumes'],
  },
  {
    name: '江台路', short: '江台路', lat: 21.8690, lng: 111.9690, weight: 5,
    stems: ['江城区江台路'],
    spots: ['华厦花园侧边路', '公交站', '路口', '小区门口', '大排档门口'],
    likes: { streetlight_out: 4, cooking_fumes: 2, open_bbq: 1.5, manhole_cover: 1.5 },
  },
  {
    name: '创业北路', short: '创业北路', lat: 21.8770, lng: 111.9920, weight: 5,
    stems: ['江城区创业北路'],
    spots: ['科技园路口', '工业区门口', '厂房旁边', '公交站', '空地'],
    likes: { streetlight_out: 4, burning_waste: 2, unpermitted_digging: 2, exposed_garbage: 1.5 },
    avoid: ['outside_trading'],
  },
  {
    name: '金郊肉菜市场', short: '金郊市场', lat: 21.8520, lng: 111.9600, weight: 9,
    stems: ['江城区金郊路金郊肉菜市场', '江城区金郊市场'],
    spots: ['门口', '后门卸货区', '鱼档那边出口', '门前路', '停车场', '旁边巷子'],
    likes: { street_vending: 3, exposed_garbage: 3, bin_overflow: 3, blocked_drain: 2, streetlight_out: 1.5, outside_trading: 2 },
    avoid: ['dirty_greenspace', 'bare_soil', 'site_fencing', 'burning_waste'],
  },
  {
    name: '富康路', short: '富康路', lat: 21.8660, lng: 111.9930, weight: 5,
    stems: ['江城区富康路'],
    spots: ['集体留用地', '路口', '商铺门口', '小区后门', '空地围墙'],
    likes: { site_fencing: 4, illegal_billboard: 4, outside_trading: 1.5 },
    avoid: ['burning_waste'],
  },
  {
    name: '沿江南社区', short: '沿江南', lat: 21.8510, lng: 111.9830, weight: 7,
    stems: ['江城区沿江南社区', '江城区沿江南路'],
    spots: ['居委会旁', '老街巷口', '垃圾收集点', '篮球场边', '江边步道入口'],
    likes: { exposed_garbage: 2, bin_overflow: 2, dirty_greenspace: 1.5, illegal_flyers: 2, other: 1.5 },
  },
  {
    name: '石湾南社区', short: '石湾南', lat: 21.8575, lng: 111.9560, weight: 6,
    stems: ['江城区石湾南社区', '江城区石湾南路'],
    spots: ['村口', '榕树头', '垃圾收集点', '菜地旁', '小巷'],
    likes: { burning_waste: 3, exposed_garbage: 2, bin_overflow: 2, site_fencing: 1.5 },
    avoid: ['illegal_billboard'],
  },
  {
    name: '鸳鸯湖公园', short: '鸳鸯湖公园', lat: 21.8745, lng: 111.9780, weight: 7,
    stems: ['江城区鸳鸯湖公园'],
    spots: ['环湖路', '南门', '儿童游乐区', '湖边草地', '体育路入口', '停车场'],
    likes: { dirty_greenspace: 5, bare_soil: 4, streetlight_out: 1.5, street_vending: 1.5, other: 1.5 },
    avoid: ['cooking_fumes', 'outside_trading', 'illegal_billboard', 'unpermitted_digging', 'site_fencing'],
  },
  {
    name: '漠阳江边', short: '漠阳江', lat: 21.8530, lng: 111.9930, weight: 6,
    stems: ['江城区漠江路', '江城区漠阳江边'],
    spots: ['江堤步道', '码头旁', '堤下空地', '河滩', '亲水平台'],
    likes: { burning_waste: 3, dirty_greenspace: 3, open_bbq: 2, exposed_garbage: 2, bare_soil: 1.5 },
    avoid: ['cooking_fumes', 'outside_trading', 'illegal_billboard', 'site_fencing', 'unpermitted_digging'],
  },
  {
    name: '南恩路', short: '南恩路', lat: 21.8580, lng: 111.9760, weight: 5,
    stems: ['江城区南恩路'],
    spots: ['路口', '骑楼下', '公交站', '商场门口', '巷口'],
    likes: { outside_trading: 3, illegal_flyers: 2, cooking_fumes: 2, illegal_billboard: 1.5 },
    avoid: ['burning_waste', 'bare_soil'],
  },
  {
    name: '西平路', short: '西平路', lat: 21.8555, lng: 111.9745, weight: 4,
    stems: ['江城区西平路'],
    spots: ['骑楼下', '老街口', '五金店门口', '巷子里'],
    likes: { outside_trading: 4, illegal_flyers: 2, cooking_fumes: 1.5 },
    avoid: ['burning_waste', 'bare_soil', 'dirty_greenspace', 'site_fencing'],
  },
  {
    name: '新江北路', short: '新江北路', lat: 21.8650, lng: 111.9880, weight: 4,
    stems: ['江城区新江北路'],
    spots: ['公园前绿地', '路口', '宵夜街', '公交站'],
    likes: { open_bbq: 2, cooking_fumes: 2, dirty_greenspace: 2, manhole_cover: 1.5 },
    avoid: ['burning_waste'],
  },
  {
    name: '金山路', short: '金山路', lat: 21.8690, lng: 111.9850, weight: 3,
    stems: ['江城区金山路'],
    spots: ['凤凰小区前面绿地', '路口', '人行道', '小区门口'],
    likes: { bare_soil: 3, dirty_greenspace: 2, blocked_drain: 1.5 },
    avoid: ['burning_waste'],
  },
];

/** How likely a report of `categoryId` is to come from `place`. */
export const placeWeight = (place: Place, categoryId: string) =>
  place.avoid?.includes(categoryId) ? 0 : place.weight * (place.likes[categoryId] ?? 0.6);
