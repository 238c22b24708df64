/**
 * The demo city's words: what residents type on a phone, and what the bureau answers in the log.
 * Templates: {p} place, {s} spot, {t} when, {d} how long, {u} unit, {date} a planned date, {parent}
 * the tracking number a duplicate joins.
 */

export const WHEN = ['昨晚', '今天早上', '今晚', '这几天', '每天晚上', '中午', '刚才', '周末'];
export const HOW_LONG = ['两天', '三天', '好几天', '一个星期', '半个月', '一整天'];

export const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  exposed_garbage: [
    '{p}{s}有一堆生活垃圾倒在地上，{d}了没人清，苍蝇很多',
    '{s}路边有人乱倒装修垃圾，占了半条人行道',
    '{p}{s}垃圾散落一地，应该是晚上被狗翻过，麻烦安排清扫',
    '每天早上{p}{s}都有垃圾袋扔在地上',
    '{p}{s}绿化带旁边堆了好多泡沫箱和烂菜叶，很臭',
    '{s}有人丢了旧沙发和床垫，挡住路了',
    '{t}经过{p}，{s}垃圾堆成小山，下雨后污水流到路上',
  ],
  bin_overflow: [
    '{p}{s}垃圾桶满了{d}没人清，味道很大',
    '{p}{s}的垃圾桶盖子坏了，盖不上，老鼠进进出出',
    '{p}{s}两个垃圾桶都满出来了，旁边也堆满了',
    '{s}垃圾箱爆满，周末一直没人收',
    '{p}{s}分类垃圾桶盖子不见了，下雨全是水',
    '{t}看到{p}{s}垃圾桶溢出来，外面一地都是',
  ],
  street_vending: [
    '{p}{s}每天傍晚都有流动摊贩摆卖，把人行道全占了，推婴儿车过不去',
    '{p}{s}水果三轮车停在路口卖，堵住了车道',
    '{p}{s}早餐摊占道，桌子椅子摆到马路上',
    '放学时间{p}{s}一排小吃摊，学生围着买，车都过不了，很危险',
    '{p}{s}晚上有人摆地摊卖衣服，到十一点多还没收',
    '{p}{s}卖菜的把摊摆到盲道上了',
    '{t}{p}{s}又有人推车卖烤红薯、炒粉，占了半条路',
  ],
  outside_trading: [
    '{p}{s}那家五金店把货物摆到人行道上，走路要绕到机动车道',
    '{p}{s}的汽修店在人行道上修车，满地油污',
    '{p}{s}一排商铺都把货架搬出门外，占道严重',
    '{p}{s}奶茶店门口摆了很多桌椅，行人过不去',
    '{p}{s}水果店把水果摊一直摆到路边',
  ],
  open_bbq: [
    '{p}{s}晚上有露天烧烤，烟很大，熏得楼上不敢开窗',
    '{t}{p}{s}又有人摆烧烤摊，烟雾呛人，一直开到凌晨一点',
    '{p}{s}宵夜档在路边烧烤，油烟直接往住宅楼飘',
    '{p}{s}几个烧烤摊占了人行道，炭渣倒在绿化带里',
    '{p}{s}烧烤摊{t}又出来了，整条街都是烟',
  ],
  burning_waste: [
    '{p}{s}有人在空地上烧垃圾，黑烟很大，味道很刺鼻',
    '{p}{s}附近有人焚烧树叶和塑料，整个小区都是烟',
    '{t}{p}{s}在烧东西，烟飘到马路上看不清',
    '{p}{s}又在烧垃圾，已经不是第一次了',
  ],
  cooking_fumes: [
    '{p}{s}那家大排档油烟直排，没有装净化器，楼上住户衣服都不敢晒',
    '{p}{s}餐馆排烟管对着居民窗户，每天中午晚上都很呛',
    '{p}{s}烤鱼店油烟很重，熏了好几个月了，希望查一下',
    '{p}{s}新开的饭店油烟从后巷直接排出来',
  ],
  illegal_flyers: [
    '{p}{s}电线杆上贴满了小广告，办证、通下水道的都有',
    '{p}{s}墙上被人喷了很多电话号码，很难看',
    '{p}{s}公交站牌贴满牛皮癣，刚清完又贴',
    '{p}{s}路灯杆和配电箱上都是小广告',
  ],
  illegal_billboard: [
    '{p}{s}有商铺在人行道上立了一块大广告牌，挡住视线',
    '{p}{s}楼顶那块广告牌很旧了，铁架生锈，台风天怕掉下来',
    '{p}{s}一排店铺挂的横幅和灯箱乱七八糟',
    '{p}{s}围墙上挂了很大的广告布，一半已经掉下来了',
  ],
  streetlight_out: [
    '{p}{s}路灯不亮{d}了，晚上黑漆漆的，老人小孩走路很危险',
    '{p}{s}有三盏路灯一直闪，时亮时不亮',
    '{p}{s}整段路灯晚上都没开，骑电动车看不清路',
    '{p}{s}有一盏路灯坏了，那一段很黑',
  ],
  manhole_cover: [
    '{p}{s}井盖不见了，只放了个纸箱在上面，很危险！',
    '{p}{s}人行道上井盖破了一个角，晚上容易踩空',
    '{p}{s}马路中间的井盖松动，车一压就哐哐响',
    '{p}{s}有个雨水井盖下陷，电动车经过容易摔',
  ],
  blocked_drain: [
    '{p}{s}下水道堵了，一下雨就水浸，水漫到店门口',
    '{p}{s}排水沟被垃圾堵住，污水溢出来很臭',
    '{p}{s}雨水井堵了，昨天下雨积水到小腿',
  ],
  unpermitted_digging: [
    '{p}{s}有人把人行道挖开了，没有围挡也没有警示，好几天没人施工',
    '{p}{s}路面被挖了一条沟，不知道是哪个单位的，晚上没灯很危险',
    '{p}{s}施工队晚上在挖路，问他们也说不出有没有审批',
  ],
  site_fencing: [
    '{p}{s}闲置地围挡倒了一片，里面杂草和垃圾都露出来',
    '{p}{s}工地围挡破破烂烂，泥土冲到路上',
    '{p}{s}那块空地没有围起来，有人往里面倒建筑垃圾',
    '{p}{s}堆了很多沙，没有覆盖也没有围挡，风一吹全是灰',
  ],
  dirty_greenspace: [
    '{p}{s}很多饮料瓶和塑料袋丢在草地上，好久没人捡了',
    '{p}{s}绿化带里被人扔了很多垃圾，还有人在里面种菜',
    '{p}{s}草丛有很多烟头和外卖盒',
    '{p}{s}绿地里的落叶和枯枝堆了{d}没人清',
  ],
  bare_soil: [
    '{p}{s}行道树死了好几棵，只剩树桩',
    '{p}{s}绿化带黄土裸露，一刮风就起灰',
    '{p}{s}有一段绿篱缺了好多，光秃秃的',
  ],
  other: [
    '{p}{s}共享单车乱停，把盲道全挡住了',
    '{p}{s}有一棵树的树枝快断了，垂到人行道上',
    '{p}{s}有几条流浪狗，晚上追人',
    '{p}{s}公厕很脏，洗手的水龙头也坏了',
  ],
};

export const OPENERS = ['', '', '', '你好，', '您好，', '城管你好，', '麻烦看看：'];
export const CLOSERS = ['', '', '，麻烦尽快处理', '，谢谢！', '，希望相关部门管管', '。之前已经反映过一次了', '，附照片', '！！'];
/** Personal data residents sometimes type anyway; masked before anything is shown publicly. */
export const OVERSHARE = ['，我电话{phone}，有需要可以联系我', '，有事打我电话{phone}', '。反映人身份证号{id}'];

export const SURNAMES = ['陈', '林', '黄', '梁', '李', '冯', '关', '谭', '吴', '莫', '许', '杨', '何', '邓', '叶', '刘'];
export const PINYIN: Readonly<Record<string, string>> = {
  陈: 'chen', 林: 'lin', 黄: 'huang', 梁: 'liang', 李: 'li', 冯: 'feng', 关: 'guan', 谭: 'tan',
  吴: 'wu', 莫: 'mo', 许: 'xu', 杨: 'yang', 何: 'he', 邓: 'deng', 叶: 'ye', 刘: 'liu',
};
export const TITLES = ['先生', '先生', '女士', '女士', '小姐', '阿姨', '伯'];

export const ACCEPT = ['已受理，正在安排处置。', '您反映的问题已受理立案，我们将尽快安排处置。', '已受理立案。'];
export const DISPATCH = ['已派遣{u}处置，处置时限{limit}。', '已派遣{u}处置。', '已转{u}处置，请耐心等待。'];
export const START: Readonly<Record<string, string>> = {
  sanitation: '环卫中心作业人员已到场清理。',
  enforcement: '执法队员已到达现场处置。',
  lighting: '路灯中心维修人员已到场检修。',
  municipal: '市政管理中心已安排人员到场处置，现场已设置警示。',
  greenery: '园林管理中心已安排人员到场处置。',
};

export const RESOLVE: Readonly<Record<string, readonly string[]>> = {
  exposed_garbage: ['经核查，已清理完毕，现场恢复整洁。', '已清运散落垃圾约半车，并对地面进行冲洗。'],
  bin_overflow: ['已清运满溢垃圾并更换桶盖，现场恢复整洁。', '已清运，并将该点位清运频次调整为每日两次。'],
  street_vending: ['执法队员已到场劝离占道摊贩，现场恢复通行。', '已对占道摊点进行劝导整改，并纳入每日巡查。'],
  outside_trading: ['已责令店主将店外物品搬回店内，现场已整改。', '已向商户下达责令改正通知书，现场已恢复。'],
  open_bbq: ['执法队员已到场劝离烧烤摊档，并责令清理现场。', '已依法查处露天烧烤摊档，先行登记保存烧烤炉具。'],
  burning_waste: ['已到场扑灭明火，并对焚烧人进行教育，现场已清理。', '明火已扑灭，已要求村委会加强巡查。'],
  cooking_fumes: ['已责令该餐饮店安装油烟净化设施，经复查已整改。', '经检查，该店已清洗并更换油烟净化设备。'],
  illegal_flyers: ['已清理电杆及墙面小广告，并对涉及号码进行登记处理。', '已清理完毕，现场恢复整洁。'],
  illegal_billboard: ['已拆除违规设置的广告牌，现场已清理。', '已责令商户自行拆除，经核查已拆除完毕。'],
  streetlight_out: ['已更换灯具，经夜间复查路灯恢复正常照明。', '已修复线路故障，路灯恢复正常。'],
  manhole_cover: ['已补装井盖，现场恢复通行。', '已更换破损井盖并撤除警示围蔽。'],
  blocked_drain: ['已对排水井进行清疏，排水恢复通畅。', '已清掏淤泥约两车，排水恢复正常。'],
  unpermitted_digging: ['已责令停止施工并恢复路面，相关单位已补办挖掘审批手续。', '经核查，已恢复路面并设置围挡。'],
  site_fencing: ['已协调业主单位完成围挡修复，现场已清理。', '已完成闲置地围闭，并清运堆放物。'],
  dirty_greenspace: ['已清理绿地内垃圾及枯枝落叶，现场恢复整洁。', '已清理完毕，并加强该绿地日常保洁。'],
  bare_soil: ['已完成补植，裸露黄土已覆绿。', '已清除枯死树木并补植同规格行道树。'],
  other: ['已协调相关单位处理完毕。', '经核查，问题已处理，现场恢复正常。'],
};

export const CLOSE = [
  '经核查，处置到位，予以结案。', '经回访核查，问题已解决，予以结案。',
  '已核查现场，处置结果符合要求，结案。', '经复核，现场已恢复正常，结案。感谢您的反映！',
];
export const REDONE = ['已按核查意见重新处置，现场已整改到位。', '已返工处理完毕，并安排人员每日复查。'];
export const REWORK = ['经核查，现场仍未处置到位，已退回{u}返工。', '核查发现问题反复，已要求{u}重新处置。'];
export const REWORK_INTERNAL = ['复核照片显示角落仍有残留', '摊贩处置后第二天又回来，要求加强巡查', '反映人来电反映问题未解决', '现场照片与反映位置不符'];
export const RESUME = '已恢复办理，重新派遣{u}处置。';
export const MERGE = '经核实，该问题与案件{parent}反映的为同一问题，已合并办理，请关注该案件进展。';

export const HOLD: Readonly<Record<string, string>> = {
  facilities: '该处需纳入道路维修计划统一施工，计划于{date}前完成。',
  greenery: '补植需在适宜的苗木种植季节进行，计划于{date}前完成补植。',
  site_fencing: '该地块涉及村集体留用地，正协调市土储中心、村委会共同处理，计划于{date}前完成围闭。',
  illegal_billboard: '已下达限期整改通知书，待业主办理拆除手续，计划于{date}前完成拆除。',
  cooking_fumes: '已责令该店停业整改，待安装油烟净化设施并检测达标后复核，计划于{date}前完成。',
  other: '该问题需多部门协调处理，计划于{date}前完成。',
};

/** Reasons a report is not taken on, each with the categories it fits (none = any). */
export const REJECT: readonly { code: string; text: string; cats?: readonly string[] }[] = [
  { code: 'not_jurisdiction', text: '经核实，该路段属公路部门管养，已转交市公路事务中心办理。', cats: ['blocked_drain', 'unpermitted_digging', 'manhole_cover', 'streetlight_out', 'other'] },
  { code: 'not_jurisdiction', text: '经核实，该井盖属通信运营商管线设施，已转交产权单位处理。', cats: ['manhole_cover'] },
  { code: 'not_jurisdiction', text: '经核实，该处路灯为小区物业自建，已告知小区物业管理处维修。', cats: ['streetlight_out'] },
  { code: 'not_jurisdiction', text: '经核实，该位置位于小区红线内，属物业管理范围，已转交所在社区督促物业处理。', cats: ['exposed_garbage', 'bin_overflow', 'dirty_greenspace', 'other'] },
  { code: 'not_jurisdiction', text: '经核实，该问题属生态环境部门职责，已转交市生态环境局江城分局处理。', cats: ['cooking_fumes', 'burning_waste'] },
  { code: 'not_a_problem', text: '经现场核查，未发现所反映的问题。' },
  { code: 'not_a_problem', text: '经核实，该处为经批准设置的临时便民疏导点，在规定时段内经营。', cats: ['street_vending', 'outside_trading'] },
  { code: 'not_a_problem', text: '经核实，该施工已办理城市道路挖掘许可，并按要求设置围挡。', cats: ['unpermitted_digging', 'site_fencing'] },
  { code: 'insufficient_info', text: '所反映位置不够具体，工作人员到场未能找到，如问题仍存在，请补充准确位置或照片后重新反映。' },
];

export const INTERNAL = [
  '已电话联系反映人确认具体位置', '该点位本月已多次反映，建议列入重点巡查', '摊主为附近老人，已劝导并登记',
  '同一位置近期有类似反映，一并处理', '转夜间巡查组跟进', '已拍照留存，待复核', '反映人要求处理后回电',
];
