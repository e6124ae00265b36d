import type {
  DemoCounty,
  DemoDuty,
  DemoMatter,
  DemoMembership,
  DemoOfficial,
  DemoPost,
  DemoUnit,
} from './demo-county.types';
import { mulberry32 } from '../../common/random';

/*
 * Demo data: 岚川县, an invented county with four towns/streets, 32 villages/communities, fourteen
 * departments (one of them, 县数据局, newly formed with its head alone) and a supervision office. Every person's name is invented by a seeded PRNG, so the
 * data is identical on every build. Repetitive structure (town and village staffing, department
 * sections) is generated from the compact tables below.
 */

const COUNTY_KEY = 'county';
const COUNTY_NAME = '岚川县';
const OFFICE_HOURS = '08:30-12:00,14:30-17:30';
const VILLAGE_HOURS = '08:00-11:30,14:30-17:30';
const POLICE_HOURS = '08:00-12:00,14:30-18:00';
const NAME_SEED = 20250601;

/** Splits a space-separated table cell. */
const words = (text: string): string[] => text.split(' ');

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Common surnames, most frequent first (picked with a bias towards the front). */
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈' +
    '姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const MALE_CHARS = Array.from(
  '建国军华明文志勇伟强海涛斌磊鹏辉峰刚杰林波亮东宏俊晓立永新春振金成德庆光学荣兴家福生祥宇浩鑫凯超忠毅远卫洪耀锐昌胜飞松山川坤旭阳良顺跃',
);
const FEMALE_CHARS = Array.from(
  '红丽芳娟敏静霞艳燕玲萍慧琴雪婷洁梅兰英秀桂凤华晓春玉莉倩颖佳琳悦蕾欣蓉琼素彩月露晶文',
);

/** Names of well-known people the generator could otherwise produce; never used. */
const FAMOUS_NAMES = new Set(
  [
    '李鹏 朱德 陈毅 王毅 王勇 李强 胡春华 孙春兰 何立峰 刘国中 袁家军 张国清 陈文清 周永康 贾庆林 贺国强 马凯',
    '杨晶 秦刚 刘建超 王文涛 王志刚 李国英 韩俊 马晓伟 张军 贺荣 曾庆红 黄兴 方志敏 张学良 沈浩 王伟',
    '刘德华 黎明 姚明 刘强东 雷军 丁磊 黄晓明 邓超 贾玲 余华 崔永元 张国荣 刘晓庆 林青霞 韩红 朱军 王刚',
    '姜文 王俊凯 罗志祥 张桂梅 黄文秀 廖俊波 于敏 张文宏 李兰娟 李文亮 张思德 李宁 王健林 杨利伟 董明珠',
    '李宇春 张杰 刘涛 李勇 陈红 韩磊 杨坤 汪峰 王杰 张宇 林俊杰 陈晓 赵丽颖 王凯 胡军 王志文 陈建斌 张国立',
    '宋佳 徐静蕾 董洁 谭晶 韩雪 陈慧琳 郑秀文 蔡国庆 李春波 黄磊 吴磊 陆毅 孙兴 黄海波 王志飞 郭涛 马琳',
    '郭跃 李晓霞 朱婷 邹凯 王军霞 武磊 范志毅 郝海东 高洪波 潘建伟 黄旭华 王永志 汤洪波 唐胜杰 王兴',
    '孙宏斌 张欣 雷锋 李玉刚',
  ].flatMap(words),
);

/** Surname + first character pairs that read as a place name (沈阳…); names starting with them are skipped. */
const PLACE_PREFIXES = new Set(
  words(
    '沈阳 金川 金华 金山 黄山 白山 唐山 泰山 华山 衡山 钟山 梁山 文山 东山 石林 武昌 武胜 江华 江永 江阳 龙山 龙川 龙胜 龙海 万荣 江山',
  ),
);

/** Invents unique 2–3 character names; about 30% are women. */
function makeNamer(rng: () => number): () => { name: string; gender: 'male' | 'female' } {
  const used = new Set<string>();
  const pick = (chars: string[]): string => chars[Math.floor(rng() * chars.length)];
  return () => {
    for (;;) {
      const gender = rng() < 0.3 ? 'female' : 'male';
      const chars = gender === 'female' ? FEMALE_CHARS : MALE_CHARS;
      const surname = SURNAMES[Math.floor(Math.pow(rng(), 1.6) * SURNAMES.length)];
      const first = pick(chars);
      const second = rng() < 0.3 ? '' : pick(chars);
      const name = surname + first + (second === first ? '' : second);
      if (!used.has(name) && !FAMOUS_NAMES.has(name) && !PLACE_PREFIXES.has(name.slice(0, 2))) {
        used.add(name);
        return { name, gender };
      }
    }
  };
}

/** An ISO date between 2019-01-01 and 2025-12-28. */
function startDate(rng: () => number): string {
  const year = 2019 + Math.floor(rng() * 7);
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Towns and villages
// ---------------------------------------------------------------------------------------------

type TownKind = '街道' | '镇' | '乡';

interface TownSpec {
  slug: string;
  name: string;
  address: string;
  villages: string[];
  /** The 民政助理 covers the first N villages for civil-affairs matters; a deputy head covers the rest. */
  civilSplit?: number;
  /** The party secretary also chairs the town people's congress (党委书记兼人大主席). */
  secretaryChairsCongress?: boolean;
}

const TOWNS: TownSpec[] = [
  {
    slug: 'chengguan',
    name: '城关街道',
    address: '岚川县城关街道文昌路26号',
    villages: [
      '东关社区',
      '西关社区',
      '南街社区',
      '北门社区',
      '文昌社区',
      '新华社区',
      '魏庄村',
      '柴家营村',
      '河湾村',
    ],
    civilSplit: 6,
  },
  {
    slug: 'baishi',
    name: '白石镇',
    address: '岚川县白石镇白石街108号',
    villages: ['白石村', '石桥村', '上坪村', '下坪村', '刘家沟村', '杨树湾村', '三合村', '枣林村'],
    civilSplit: 5,
    secretaryChairsCongress: true,
  },
  {
    slug: 'liuhe',
    name: '柳河镇',
    address: '岚川县柳河镇兴河路9号',
    villages: ['柳河社区', '前进村', '马家庄村', '高店村', '双庙村', '孙家岭村', '红旗村', '后寨村'],
  },
  {
    slug: 'qinggang',
    name: '青岗乡',
    address: '岚川县青岗乡集镇路1号',
    villages: ['青岗村', '松林村', '黄土坡村', '石门村', '龙潭村', '新庄村', '罗家坪村'],
    secretaryChairsCongress: true,
  },
];

const TOWN_POST_SLUGS = [
  'secretary',
  'head',
  'deputy-secretary',
  'congress',
  'discipline',
  'deputy-1',
  'deputy-2',
  'deputy-3',
  'civil-affairs',
  'social-security',
  'land',
  'agriculture',
  'service-center',
  'clerk',
] as const;
type TownPostSlug = (typeof TOWN_POST_SLUGS)[number];

/** Post titles by kind of town, in TOWN_POST_SLUGS order (rank = position + 1). */
const TOWN_TITLES: Record<TownKind, string[]> = {
  街道: words(
    '党工委书记 党工委副书记、办事处主任 党工委副书记 人大工委主任 纪工委书记 办事处副主任 办事处副主任 办事处副主任 ' +
      '民政所所长 人力资源和社会保障所所长 自然资源所所长 农业综合服务中心主任 便民服务中心主任 信息员',
  ),
  镇: words(
    '党委书记 党委副书记、镇长 党委副书记 人大主席 纪委书记 副镇长 副镇长 副镇长 ' +
      '民政助理 人力资源和社会保障所所长 自然资源所所长 农业综合服务中心主任 便民服务中心主任 信息员',
  ),
  乡: words(
    '党委书记 党委副书记、乡长 党委副书记 人大主席 纪委书记 副乡长 副乡长 副乡长 ' +
      '民政助理 社保所所长 国土所所长 农业服务中心主任 便民服务中心主任 信息员',
  ),
};

/** Civil-affairs matters the 民政助理 handles (shared with a deputy head in split towns). */
const CIVIL_MATTERS = words(
  'dibao linshi-jiuzhu tekun gaoling guer binzang canji-butie yanglao-fuwu yiliao-jiuzhu',
);

/** Matters each town post handles for the whole town (civil affairs are handled separately). */
const TOWN_DUTIES: Partial<Record<TownPostSlug, string[]>> = {
  'deputy-secretary': words('xinfang tiaojie'),
  'deputy-1': words('tuiyi-youdai fuxu tuiyi-jiuye'),
  'deputy-2': words('fanfanpin'),
  'deputy-3': words('weifang daolu shuidian huanjing'),
  'social-security': words(
    'yanglao daiyu-renzheng yibao-baoxiao yibao-canbao jiuye-dengji shiye-dengji chuangye-daikuan gongzi ' +
      'jineng-peixun gongyi-gangwei',
  ),
  land: words('zhaijidi tudi-jiufen guihua zhengdi dizai linquan'),
  agriculture: words(
    'tudi-liuzhuan tudi-jiufen chengbao-quanzheng gengdi nongji huimin nongye-jishu yulu xiaoe-xindai',
  ),
  'service-center': words('shengyu-dengji dusheng tebie-fuzhu canjizheng canji-kangfu bangban huimin'),
};

/** Matters village posts handle for their own village only. */
const VILLAGE_DUTIES = {
  secretary: words('tiaojie fanfanpin dibao linshi-jiuzhu'),
  director: words('shuidian daolu huanjing dizai'),
  clerk: words('yibao-canbao yanglao'),
};

// ---------------------------------------------------------------------------------------------
// County leadership, supervision office and departments
// ---------------------------------------------------------------------------------------------

const COUNTY_POSTS: [slug: string, title: string][] = [
  ['secretary', '县委书记'],
  ['magistrate', '县委副书记、县长'],
  ['deputy-secretary', '县委副书记'],
  ['executive-deputy', '县委常委、常务副县长'],
  ['deputy-1', '副县长'],
  ['deputy-2', '副县长'],
  ['deputy-3', '副县长'],
  ['deputy-4', '副县长'],
];

const SUPERVISION_POSTS: [slug: string, title: string][] = [
  ['director', '主任'],
  ['deputy', '副主任'],
  ['inspector', '督查专员'],
];

interface DepartmentSpec {
  slug: string;
  name: string;
  head: string;
  deputy: string;
  address: string;
  hours?: string;
  /** Sections (股/科/大队) with the matters they handle county-wide. */
  sections: [title: string, matterKeys: string[]][];
}

const DEPARTMENTS: DepartmentSpec[] = [
  {
    slug: 'minzheng',
    name: '县民政局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道建设路15号',
    sections: [
      ['社会救助股股长', ['dibao', 'linshi-jiuzhu', 'tekun']],
      ['社会事务股股长', ['binzang', 'hunyin', 'canji-butie']],
      ['养老服务和儿童福利股股长', ['gaoling', 'guer', 'yanglao-fuwu']],
    ],
  },
  {
    slug: 'ziranziyuan',
    name: '县自然资源局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道人民路120号',
    sections: [
      ['不动产登记中心主任', ['budongchan', 'linquan']],
      ['国土空间规划股股长', ['guihua']],
      ['耕地保护和地质环境股股长', ['zhengdi', 'dizai']],
    ],
  },
  {
    slug: 'yibao',
    name: '县医疗保障局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道滨河大道66号',
    sections: [
      ['待遇保障股股长', ['yibao-baoxiao', 'yiliao-jiuzhu', 'mantebing']],
      ['医疗保障服务中心主任', ['yibao-canbao', 'yidi-jiuyi']],
    ],
  },
  {
    slug: 'renshe',
    name: '县人力资源和社会保障局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道滨河大道66号',
    sections: [
      [
        '就业促进股股长',
        ['jiuye-dengji', 'shiye-dengji', 'chuangye-daikuan', 'jineng-peixun', 'gongyi-gangwei'],
      ],
      ['社会保险股股长', ['yanglao', 'daiyu-renzheng', 'shebaoka']],
      ['劳动保障监察大队大队长', ['gongzi']],
    ],
  },
  {
    slug: 'zhujian',
    name: '县住房和城乡建设局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道新华路32号',
    sections: [
      ['村镇建设股股长', ['weifang', 'daolu']],
      ['住房保障股股长', ['gongzufang']],
      ['市政环卫股股长', ['shuidian', 'huanjing']],
    ],
  },
  {
    slug: 'nongye',
    name: '县农业农村局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道农科路8号',
    sections: [
      ['农村经营管理股股长', ['zhaijidi', 'tudi-jiufen', 'tudi-liuzhuan', 'chengbao-quanzheng']],
      ['种植业和农业机械化股股长', ['gengdi', 'nongji', 'huimin', 'nongye-jishu']],
      ['乡村振兴股股长', ['fanfanpin', 'yulu', 'xiaoe-xindai']],
    ],
  },
  {
    slug: 'gongan',
    name: '县公安局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道公园路2号',
    hours: POLICE_HOURS,
    sections: [
      ['户政科科长', ['hukou-qianyi', 'chusheng-luohu', 'shenfenzheng', 'huji-zhengming']],
      ['治安管理大队大队长', ['juzhuzheng']],
    ],
  },
  {
    slug: 'weijian',
    name: '县卫生健康委员会',
    head: '主任',
    deputy: '副主任',
    address: '岚川县城关街道健康路11号',
    sections: [
      ['人口监测与家庭发展科科长', ['shengyu-dengji', 'dusheng', 'tebie-fuzhu']],
      ['基层卫生和妇幼健康科科长', ['chusheng-yixue', 'jiating-yisheng', 'laoren-tijian']],
      ['疾病预防控制科科长', ['yufang-jiezhong']],
    ],
  },
  {
    slug: 'canlian',
    name: '县残疾人联合会',
    head: '理事长',
    deputy: '副理事长',
    address: '岚川县城关街道建设路17号',
    sections: [
      ['组织联络部部长', ['canjizheng']],
      ['康复部部长', ['canji-kangfu']],
    ],
  },
  {
    slug: 'zhengwu',
    name: '县政务服务中心',
    head: '主任',
    deputy: '副主任',
    address: '岚川县城关街道滨河大道66号',
    sections: [
      ['综合受理科科长', ['bangban']],
      ['效能监督科科长', ['zwfw-tousu']],
    ],
  },
  {
    slug: 'sifa',
    name: '县司法局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道人民路96号',
    sections: [
      ['人民参与和促进法治股股长', ['tiaojie']],
      ['公共法律服务管理股股长', ['falv-yuanzhu', 'gongzheng']],
    ],
  },
  {
    slug: 'xinfang',
    name: '县信访局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道人民路88号（县行政中心东楼）',
    sections: [
      ['来访接待股股长', ['xinfang']],
      ['网上信访股股长', ['xinfang']],
    ],
  },
  {
    slug: 'tuiyijunren',
    name: '县退役军人事务局',
    head: '局长',
    deputy: '副局长',
    address: '岚川县城关街道拥军路5号',
    sections: [
      ['拥军优抚股股长', ['tuiyi-youdai', 'fuxu']],
      ['移交安置和就业创业股股长', ['tuiyi-jiuye']],
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Matters
// ---------------------------------------------------------------------------------------------

/** A matter row; lists are written as '、'-separated strings, `dept` is a department slug. */
interface MatterRow {
  key: string;
  name: string;
  category: string;
  dept: string;
  keywords: string;
  synonyms: string;
  materials: string;
  whereToGo: string;
  legalBasis?: string;
  officeHours?: string;
}

const COUNTY_CENTER = '县政务服务中心';
const TOWN_CENTER = '乡镇（街道）便民服务中心';

const MATTERS: MatterRow[] = [
  // 社会救助 / 民政
  {
    key: 'dibao',
    name: '低保申请',
    category: '社会救助',
    dept: 'minzheng',
    keywords: '低保、最低生活保障、低保金、困难家庭、低保户',
    synonyms: '吃低保、生活困难、没钱生活、家里困难',
    materials: '身份证、户口簿、家庭收入和财产情况说明、银行卡（社保卡）、低保申请书',
    whereToGo: `村（社区）党支部书记初审；${TOWN_CENTER} 民政窗口；${COUNTY_CENTER} 2楼 15号窗口（民政）`,
    legalBasis: '《社会救助暂行办法》',
  },
  {
    key: 'linshi-jiuzhu',
    name: '临时救助',
    category: '社会救助',
    dept: 'minzheng',
    keywords: '临时救助、急难救助、突发困难、救急',
    synonyms: '家里出事了、急用钱、遭灾了',
    materials: '身份证、户口簿、困难情况说明、医疗票据或事故证明等、银行卡',
    whereToGo: `急难情况可直接找村（社区）党支部书记；${TOWN_CENTER} 民政窗口`,
    legalBasis: '《社会救助暂行办法》',
  },
  {
    key: 'tekun',
    name: '特困供养',
    category: '社会救助',
    dept: 'minzheng',
    keywords: '特困供养、特困人员、五保、集中供养、分散供养',
    synonyms: '五保户、孤寡老人、没人养老',
    materials: '身份证、户口簿、特困人员救助供养申请书、收入和财产情况说明',
    whereToGo: `${TOWN_CENTER} 民政窗口；集中供养到县社会福利中心（县敬老院）`,
    legalBasis: '《特困人员认定办法》',
  },
  {
    key: 'yiliao-jiuzhu',
    name: '医疗救助',
    category: '社会救助',
    dept: 'yibao',
    keywords: '医疗救助、大病救助、重特大疾病、医疗费用救助',
    synonyms: '看病钱不够、大病没钱治、二次报销',
    materials: '身份证、医保电子凭证或社保卡、住院发票及费用清单、出院小结、银行卡',
    whereToGo: `定点医院"一站式"结算窗口；${TOWN_CENTER} 医保窗口；${COUNTY_CENTER} 2楼 8号窗口（医保）`,
    legalBasis: '《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》',
  },
  {
    key: 'gaoling',
    name: '高龄津贴',
    category: '民政',
    dept: 'minzheng',
    keywords: '高龄津贴、高龄补贴、80周岁、老年人补贴',
    synonyms: '老人补贴、八十岁补助、长寿金',
    materials: '身份证、户口簿、银行卡（社保卡）',
    whereToGo: `村（社区）便民服务站代办；${TOWN_CENTER} 民政窗口`,
    legalBasis: '《中华人民共和国老年人权益保障法》',
  },
  {
    key: 'guer',
    name: '孤儿基本生活费',
    category: '民政',
    dept: 'minzheng',
    keywords: '孤儿、事实无人抚养儿童、基本生活费、儿童福利',
    synonyms: '孩子没人养、父母都不在了',
    materials: '儿童户口簿、监护人身份证、父母死亡证明或宣告失踪判决书、银行卡',
    whereToGo: `${TOWN_CENTER} 民政窗口；县民政局 养老服务和儿童福利股（2楼）`,
    legalBasis: '《国务院办公厅关于加强孤儿保障工作的意见》',
  },
  {
    key: 'binzang',
    name: '殡葬补助',
    category: '民政',
    dept: 'minzheng',
    keywords: '殡葬补助、基本殡葬服务、火化费减免、丧葬费',
    synonyms: '办丧事、老人去世了、丧葬补贴',
    materials: '逝者身份证、户口簿、居民死亡医学证明、经办人身份证',
    whereToGo: '县殡仪馆业务大厅；县民政局 社会事务股（2楼）',
    legalBasis: '《殡葬管理条例》',
  },
  {
    key: 'hunyin',
    name: '婚姻登记',
    category: '民政',
    dept: 'minzheng',
    keywords: '婚姻登记、结婚登记、离婚登记、补领结婚证',
    synonyms: '领结婚证、扯证、离婚',
    materials: '双方身份证、双方户口簿、近期2寸双人半身免冠合影照片3张',
    whereToGo: `县婚姻登记处（${COUNTY_CENTER} 1楼东侧）`,
    legalBasis: '《婚姻登记条例》',
  },
  {
    key: 'canji-butie',
    name: '残疾人两项补贴',
    category: '残疾人服务',
    dept: 'minzheng',
    keywords: '残疾人两项补贴、困难残疾人生活补贴、重度残疾人护理补贴、护理补贴',
    synonyms: '残疾补助、残疾人补贴',
    materials: '第二代残疾人证、身份证、户口簿、银行卡',
    whereToGo: `${TOWN_CENTER} 民政窗口；${COUNTY_CENTER} 2楼 15号窗口（民政）`,
    legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》',
  },
  {
    key: 'yanglao-fuwu',
    name: '养老服务补贴',
    category: '民政',
    dept: 'minzheng',
    keywords: '养老服务补贴、居家养老、经济困难老人、失能老人',
    synonyms: '老人没人照顾、上门照护',
    materials: '身份证、户口簿、老年人能力评估结果',
    whereToGo: `${TOWN_CENTER} 民政窗口；县民政局 养老服务和儿童福利股（2楼）`,
    legalBasis: '《中华人民共和国老年人权益保障法》',
  },
  // 自然资源
  {
    key: 'zhaijidi',
    name: '宅基地审批',
    category: '自然资源',
    dept: 'nongye',
    keywords: '宅基地、宅基地审批、农村建房、建房审批、一户一宅',
    synonyms: '盖房子、建新房、翻建房子、批地基',
    materials: '农村宅基地和建房（规划许可）申请表、户口簿、身份证、村民小组意见、建房位置示意图',
    whereToGo: `村委会受理；${TOWN_CENTER} 自然资源所窗口（农业农村、自然资源联审）`,
    legalBasis: '《中华人民共和国土地管理法》第六十二条',
  },
  {
    key: 'guihua',
    name: '乡村建设规划许可',
    category: '自然资源',
    dept: 'ziranziyuan',
    keywords: '乡村建设规划许可证、规划许可、建房规划、农房设计',
    synonyms: '盖房要办的证、建房手续',
    materials: '乡村建设规划许可申请表、身份证、宅基地批准文件、农房设计图或通用图',
    whereToGo: `${TOWN_CENTER} 自然资源所窗口；${COUNTY_CENTER} 3楼 21号窗口（自然资源）`,
    legalBasis: '《中华人民共和国城乡规划法》',
  },
  {
    key: 'budongchan',
    name: '不动产登记',
    category: '自然资源',
    dept: 'ziranziyuan',
    keywords: '不动产登记、不动产权证、房产证、过户、抵押登记',
    synonyms: '办房产证、房子过户、土地证',
    materials: '身份证、户口簿、权属来源证明（购房合同等）、完税凭证',
    whereToGo: `${COUNTY_CENTER} 1楼 不动产登记专区 1-6号窗口`,
    legalBasis: '《不动产登记暂行条例》',
  },
  {
    key: 'linquan',
    name: '林权登记',
    category: '自然资源',
    dept: 'ziranziyuan',
    keywords: '林权、林权证、林地、山林确权、林权流转',
    synonyms: '山林证、承包山林、山地纠纷',
    materials: '身份证、林地承包合同、林权权属来源证明、四至界线图',
    whereToGo: `${COUNTY_CENTER} 1楼 不动产登记专区；${TOWN_CENTER} 自然资源所窗口`,
    legalBasis: '《中华人民共和国森林法》',
  },
  {
    key: 'zhengdi',
    name: '征地补偿咨询',
    category: '自然资源',
    dept: 'ziranziyuan',
    keywords: '征地、征收补偿、安置补助、青苗补偿',
    synonyms: '地被占了、征地给多少钱',
    materials: '身份证、土地承包经营权证、征地公告或补偿协议',
    whereToGo: `${TOWN_CENTER} 自然资源所窗口；县自然资源局 耕地保护和地质环境股（3楼）`,
    legalBasis: '《中华人民共和国土地管理法实施条例》',
  },
  {
    key: 'dizai',
    name: '地质灾害隐患报告',
    category: '自然资源',
    dept: 'ziranziyuan',
    keywords: '地质灾害、滑坡、山体裂缝、泥石流、隐患点',
    synonyms: '山要塌了、后山裂了、房后滑坡',
    materials: '报告人联系方式、隐患点位置和照片',
    whereToGo: '立即报告村（社区）主任或乡镇（街道）自然资源所；县自然资源局 24小时值班电话',
    legalBasis: '《地质灾害防治条例》',
  },
  // 医疗保障
  {
    key: 'yibao-baoxiao',
    name: '医保报销',
    category: '医疗保障',
    dept: 'yibao',
    keywords: '医保报销、住院报销、门诊报销、医疗费用报销、手工报销',
    synonyms: '看病报销、住院能报多少、报药费',
    materials: '医保电子凭证或社保卡、身份证、住院发票、费用清单、出院小结',
    whereToGo: `定点医院出院结算窗口（直接结算）；${COUNTY_CENTER} 2楼 8号窗口（手工报销）`,
    legalBasis: '《医疗保障基金使用监督管理条例》',
  },
  {
    key: 'yibao-canbao',
    name: '城乡居民医保参保缴费',
    category: '医疗保障',
    dept: 'yibao',
    keywords: '城乡居民医保、医保缴费、参保登记、合作医疗',
    synonyms: '新农合、交医保、交合作医疗',
    materials: '身份证或户口簿、医保电子凭证',
    whereToGo: `村（社区）文书代收；${TOWN_CENTER} 社保窗口；税务APP线上缴费`,
    legalBasis: '《国务院关于整合城乡居民基本医疗保险制度的意见》',
  },
  {
    key: 'mantebing',
    name: '门诊慢特病认定',
    category: '医疗保障',
    dept: 'yibao',
    keywords: '门诊慢特病、慢性病、特殊病种、门慢',
    synonyms: '慢病卡、长期吃药报销、高血压糖尿病报销',
    materials: '身份证、医保电子凭证、二级以上医院诊断证明、近期检查报告',
    whereToGo: `${COUNTY_CENTER} 2楼 8号窗口；县人民医院 医保办`,
    legalBasis: '《关于建立医疗保障待遇清单制度的意见》',
  },
  {
    key: 'yidi-jiuyi',
    name: '异地就医备案',
    category: '医疗保障',
    dept: 'yibao',
    keywords: '异地就医、备案、跨省就医、转诊',
    synonyms: '去外地看病、在外打工看病',
    materials: '身份证、医保电子凭证、转诊证明或异地居住承诺书',
    whereToGo: `国家医保服务平台APP线上办理；${COUNTY_CENTER} 2楼 8号窗口`,
    legalBasis: '《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》',
  },
  // 社会保障 / 就业创业
  {
    key: 'yanglao',
    name: '城乡居民养老保险',
    category: '社会保障',
    dept: 'renshe',
    keywords: '城乡居民养老保险、居民养老、养老保险缴费、领取养老金',
    synonyms: '养老金、农村养老保险、六十岁领钱、交养老保险',
    materials: '身份证、户口簿、社会保障卡',
    whereToGo: `${TOWN_CENTER} 社保窗口；${COUNTY_CENTER} 2楼 10号窗口（社保）`,
    legalBasis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》',
  },
  {
    key: 'daiyu-renzheng',
    name: '养老金领取资格认证',
    category: '社会保障',
    dept: 'renshe',
    keywords: '资格认证、待遇认证、生存认证、刷脸认证',
    synonyms: '养老金停发了、每年认证',
    materials: '身份证、社会保障卡',
    whereToGo: `"掌上12333"APP刷脸认证；${TOWN_CENTER} 社保窗口；行动不便的可申请上门认证`,
    legalBasis: '《中华人民共和国社会保险法》',
  },
  {
    key: 'shebaoka',
    name: '社会保障卡办理',
    category: '社会保障',
    dept: 'renshe',
    keywords: '社保卡、社会保障卡、补卡、换卡、激活',
    synonyms: '社保卡丢了、办卡',
    materials: '身份证、近期免冠照片（可现场拍摄）',
    whereToGo: `${COUNTY_CENTER} 2楼 11号窗口；社保卡合作银行网点`,
  },
  {
    key: 'jiuye-dengji',
    name: '就业登记',
    category: '就业创业',
    dept: 'renshe',
    keywords: '就业登记、就业创业证、灵活就业、用工备案',
    synonyms: '找到工作要登记、打工登记',
    materials: '身份证、劳动合同或用工证明',
    whereToGo: `${TOWN_CENTER} 人社窗口；县公共就业服务中心（${COUNTY_CENTER} 2楼 12号窗口）`,
    legalBasis: '《就业服务与就业管理规定》',
  },
  {
    key: 'shiye-dengji',
    name: '失业登记',
    category: '就业创业',
    dept: 'renshe',
    keywords: '失业登记、失业保险金、失业金、待业',
    synonyms: '没工作了、被辞退了、领失业金',
    materials: '身份证、解除或终止劳动合同证明、社会保障卡',
    whereToGo: `${TOWN_CENTER} 人社窗口；县公共就业服务中心（${COUNTY_CENTER} 2楼 12号窗口）`,
    legalBasis: '《失业保险条例》',
  },
  {
    key: 'chuangye-daikuan',
    name: '创业担保贷款',
    category: '就业创业',
    dept: 'renshe',
    keywords: '创业担保贷款、创业贷款、贴息贷款、返乡创业',
    synonyms: '创业借钱、开店贷款、做生意贷款',
    materials: '身份证、户口簿、营业执照、创业计划书、担保或反担保材料',
    whereToGo: `县公共就业服务中心 创业窗口（${COUNTY_CENTER} 2楼 12号窗口）；经办银行网点`,
    legalBasis: '《关于进一步做好创业担保贷款财政贴息工作的通知》',
  },
  {
    key: 'gongzi',
    name: '农民工工资拖欠',
    category: '社会保障',
    dept: 'renshe',
    keywords: '拖欠工资、农民工工资、讨薪、欠薪投诉、劳动监察',
    synonyms: '老板不给钱、要工钱、工资没发',
    materials: '身份证、考勤记录或工资条、用工单位名称和地址、欠薪证据',
    whereToGo: `县劳动保障监察大队（${COUNTY_CENTER} 2楼 13号窗口）；拨打12345或12333`,
    legalBasis: '《保障农民工工资支付条例》',
  },
  {
    key: 'jineng-peixun',
    name: '职业技能培训',
    category: '就业创业',
    dept: 'renshe',
    keywords: '技能培训、职业培训、培训补贴、职业技能等级证书',
    synonyms: '学手艺、学技术',
    materials: '身份证、户口簿、学历证明',
    whereToGo: `${TOWN_CENTER} 人社窗口；县公共就业服务中心（${COUNTY_CENTER} 2楼 12号窗口）`,
    legalBasis: '《中华人民共和国就业促进法》',
  },
  {
    key: 'gongyi-gangwei',
    name: '公益性岗位申请',
    category: '就业创业',
    dept: 'renshe',
    keywords: '公益性岗位、公益岗、乡村保洁员、就业困难人员',
    synonyms: '找个活干、村里的保洁活',
    materials: '身份证、户口簿、就业困难人员认定材料',
    whereToGo: `村（社区）报名；${TOWN_CENTER} 人社窗口`,
    legalBasis: '《中华人民共和国就业促进法》',
  },
  // 住房建设 / 基础设施
  {
    key: 'weifang',
    name: '危房改造',
    category: '住房建设',
    dept: 'zhujian',
    keywords: '危房改造、农村危房、房屋安全鉴定、住房安全保障、C级D级危房',
    synonyms: '房子漏雨、墙裂了、房子要倒、修房子补贴',
    materials: '身份证、户口簿、危房改造申请书、低保或特困等身份证明',
    whereToGo: `村委会申请；${TOWN_CENTER} 村镇建设窗口；县住建局 村镇建设股（3楼）`,
    legalBasis: '《关于做好农村低收入群体等重点对象住房安全保障工作的实施意见》',
  },
  {
    key: 'gongzufang',
    name: '公租房申请',
    category: '住房建设',
    dept: 'zhujian',
    keywords: '公租房、公共租赁住房、保障性住房、廉租房',
    synonyms: '租政府的房子、没房住',
    materials: '身份证、户口簿、家庭收入证明、住房情况证明',
    whereToGo: `${COUNTY_CENTER} 3楼 23号窗口（住建）`,
    legalBasis: '《公共租赁住房管理办法》',
  },
  {
    key: 'shuidian',
    name: '水电报修',
    category: '基础设施',
    dept: 'zhujian',
    keywords: '停水、停电、水管漏水、自来水、路灯',
    synonyms: '没水了、没电了、水管爆了、路灯不亮',
    materials: '报修人联系方式、故障位置',
    whereToGo: `先找村（社区）主任；供电故障拨打95598；供水故障报${TOWN_CENTER}`,
  },
  {
    key: 'daolu',
    name: '道路维修',
    category: '基础设施',
    dept: 'zhujian',
    keywords: '道路维修、路面破损、村道、坑洼、桥涵',
    synonyms: '路坏了、路上有坑、下雨路不通',
    materials: '报修人联系方式、道路位置和照片',
    whereToGo: '村（社区）主任；乡镇（街道）村镇建设办；拨打12345',
  },
  {
    key: 'huanjing',
    name: '环境卫生投诉',
    category: '环境卫生',
    dept: 'zhujian',
    keywords: '环境卫生、垃圾清运、乱倒垃圾、污水、脏乱差',
    synonyms: '垃圾没人拉、臭水沟、门口堆垃圾',
    materials: '投诉人联系方式、位置和照片',
    whereToGo: '村（社区）主任；乡镇（街道）环卫所；拨打12345',
    legalBasis: '《城市市容和环境卫生管理条例》',
  },
  // 农业农村
  {
    key: 'tudi-jiufen',
    name: '土地承包纠纷',
    category: '农业农村',
    dept: 'nongye',
    keywords: '土地承包纠纷、承包地、地界纠纷、土地确权、仲裁',
    synonyms: '地被别人种了、地界吵架、分地不公',
    materials: '身份证、土地承包经营权证或承包合同、纠纷情况说明及证据',
    whereToGo: '村委会调解；乡镇（街道）农村经营管理站；县农村土地承包仲裁委员会（县农业农村局 2楼）',
    legalBasis: '《中华人民共和国农村土地承包经营纠纷调解仲裁法》',
  },
  {
    key: 'tudi-liuzhuan',
    name: '土地流转',
    category: '农业农村',
    dept: 'nongye',
    keywords: '土地流转、土地出租、流转合同、土地经营权',
    synonyms: '把地租出去、包地种、租地',
    materials: '身份证、土地承包经营权证、流转合同',
    whereToGo: '乡镇（街道）农业综合服务中心（农经站）；县农村产权交易中心',
    legalBasis: '《农村土地经营权流转管理办法》',
  },
  {
    key: 'chengbao-quanzheng',
    name: '土地承包经营权证',
    category: '农业农村',
    dept: 'nongye',
    keywords: '土地承包经营权证、确权证、补办、变更',
    synonyms: '地的本本、确权证丢了',
    materials: '身份证、户口簿、原证或遗失声明',
    whereToGo: '乡镇（街道）农业综合服务中心；县农业农村局 农村经营管理股（2楼）',
    legalBasis: '《中华人民共和国农村土地承包法》',
  },
  {
    key: 'gengdi',
    name: '耕地地力保护补贴',
    category: '农业农村',
    dept: 'nongye',
    keywords: '耕地地力保护补贴、种粮补贴、农业补贴、粮食补贴',
    synonyms: '种地补贴、地补',
    materials: '身份证、土地承包经营权证、银行卡（社保卡）',
    whereToGo: '村委会统计申报；乡镇（街道）农业综合服务中心',
    legalBasis: '《财政部 农业部关于全面推开农业"三项补贴"改革工作的通知》',
  },
  {
    key: 'nongji',
    name: '农机购置补贴',
    category: '农业农村',
    dept: 'nongye',
    keywords: '农机购置补贴、农机补贴、拖拉机、收割机',
    synonyms: '买农机补贴、买拖拉机补钱',
    materials: '身份证、购机发票、农机合格证、银行卡',
    whereToGo: '乡镇（街道）农业综合服务中心；县农业农村局 种植业和农业机械化股（1楼）',
    legalBasis: '《中华人民共和国农业机械化促进法》',
  },
  {
    key: 'huimin',
    name: '惠民惠农补贴查询',
    category: '农业农村',
    dept: 'nongye',
    keywords: '惠民惠农、一卡通、补贴查询、补贴到账',
    synonyms: '补贴发了没、查补贴、一卡通里的钱',
    materials: '身份证、一卡通存折或银行卡',
    whereToGo: `${TOWN_CENTER}；村（社区）公示栏；县惠民惠农财政补贴资金监管平台`,
    legalBasis: '《关于进一步加强惠民惠农财政补贴资金"一卡通"管理的指导意见》',
  },
  {
    key: 'fanfanpin',
    name: '防返贫监测',
    category: '农业农村',
    dept: 'nongye',
    keywords: '防返贫监测、防止返贫、监测对象、帮扶、乡村振兴',
    synonyms: '怕又穷了、家里突然困难、因病返贫',
    materials: '身份证、户口簿、收入和支出情况说明（医疗或灾害等证明）',
    whereToGo: '向村（社区）党支部书记或驻村工作队申报；乡镇（街道）乡村振兴办',
    legalBasis: '《关于健全防止返贫动态监测和帮扶机制的指导意见》',
  },
  {
    key: 'yulu',
    name: '雨露计划',
    category: '农业农村',
    dept: 'nongye',
    keywords: '雨露计划、职业教育补助、脱贫家庭学生、中职高职',
    synonyms: '孩子上技校补助、读职校补贴',
    materials: '学生身份证、户口簿、学籍证明（在校证明）、银行卡',
    whereToGo: '村（社区）党支部书记；乡镇（街道）乡村振兴办；县农业农村局 乡村振兴股（3楼）',
    legalBasis: '《关于加强雨露计划支持农村贫困家庭新成长劳动力接受职业教育的意见》',
  },
  {
    key: 'xiaoe-xindai',
    name: '小额信贷',
    category: '农业农村',
    dept: 'nongye',
    keywords: '脱贫人口小额信贷、小额信贷、贴息、扶贫贷款',
    synonyms: '贷点钱搞养殖、借钱发展产业',
    materials: '身份证、户口簿、贷款申请书、产业发展计划',
    whereToGo: '村（社区）党支部书记；乡镇（街道）乡村振兴办；农商银行网点',
    legalBasis: '《关于深入扎实做好过渡期脱贫人口小额信贷工作的通知》',
  },
  {
    key: 'nongye-jishu',
    name: '农业技术指导',
    category: '农业农村',
    dept: 'nongye',
    keywords: '农技指导、病虫害、种植技术、养殖技术、测土配方',
    synonyms: '庄稼生病了、猪不吃食、种啥好',
    materials: '作物或牲畜照片、联系方式',
    whereToGo: '乡镇（街道）农业综合服务中心；县农业技术推广中心',
    legalBasis: '《中华人民共和国农业技术推广法》',
  },
  // 户籍
  {
    key: 'hukou-qianyi',
    name: '户口迁移',
    category: '户籍',
    dept: 'gongan',
    keywords: '户口迁移、迁户口、落户、户口迁入、准迁证',
    synonyms: '把户口迁过来、结婚迁户口、孩子户口迁回来',
    materials: '身份证、户口簿、迁入地住房证明或亲属关系证明、结婚证（婚迁时）',
    whereToGo: `户籍所在地派出所户籍窗口；${COUNTY_CENTER} 1楼 公安综合窗口`,
    legalBasis: '《中华人民共和国户口登记条例》',
    officeHours: POLICE_HOURS,
  },
  {
    key: 'chusheng-luohu',
    name: '新生儿落户',
    category: '户籍',
    dept: 'gongan',
    keywords: '出生登记、新生儿落户、上户口、报户口',
    synonyms: '给孩子上户口、孩子报户口',
    materials: '出生医学证明、父母身份证、户口簿、结婚证',
    whereToGo: `派出所户籍窗口；${COUNTY_CENTER} 1楼 公安综合窗口（出生"一件事"联办）`,
    legalBasis: '《中华人民共和国户口登记条例》',
    officeHours: POLICE_HOURS,
  },
  {
    key: 'shenfenzheng',
    name: '身份证办理',
    category: '户籍',
    dept: 'gongan',
    keywords: '身份证、居民身份证、补办身份证、换领、临时身份证',
    synonyms: '身份证丢了、身份证过期了',
    materials: '户口簿、原身份证（换领时）',
    whereToGo: `户籍所在地派出所；${COUNTY_CENTER} 1楼 公安综合窗口`,
    legalBasis: '《中华人民共和国居民身份证法》',
    officeHours: POLICE_HOURS,
  },
  {
    key: 'juzhuzheng',
    name: '居住证',
    category: '户籍',
    dept: 'gongan',
    keywords: '居住证、居住登记、流动人口、暂住证',
    synonyms: '外地人办证、孩子上学要居住证',
    materials: '身份证、住所证明（租房合同或房产证）、就业或就读证明、近期照片',
    whereToGo: `居住地派出所；${COUNTY_CENTER} 1楼 公安综合窗口`,
    legalBasis: '《居住证暂行条例》',
    officeHours: POLICE_HOURS,
  },
  {
    key: 'huji-zhengming',
    name: '户籍证明开具',
    category: '户籍',
    dept: 'gongan',
    keywords: '户籍证明、亲属关系证明、户口注销证明',
    synonyms: '开证明、证明亲属关系',
    materials: '身份证、户口簿、用途说明',
    whereToGo: '户籍所在地派出所户籍窗口',
    legalBasis: '《中华人民共和国户口登记条例》',
    officeHours: POLICE_HOURS,
  },
  // 卫生健康
  {
    key: 'shengyu-dengji',
    name: '生育登记',
    category: '卫生健康',
    dept: 'weijian',
    keywords: '生育登记、生育服务登记、二孩、三孩、生育服务证',
    synonyms: '准生证、怀孕登记、要孩子登记',
    materials: '夫妻双方身份证、户口簿、结婚证',
    whereToGo: `${TOWN_CENTER} 卫健窗口；也可通过政务服务网线上登记`,
    legalBasis: '《中华人民共和国人口与计划生育法》',
  },
  {
    key: 'chusheng-yixue',
    name: '出生医学证明',
    category: '卫生健康',
    dept: 'weijian',
    keywords: '出生医学证明、出生证、补发出生证、新生儿',
    synonyms: '孩子出生证、出生证丢了',
    materials: '父母身份证、分娩医院的住院分娩记录',
    whereToGo: '孩子出生的助产医院；县妇幼保健院 出生医学证明窗口（补发、换发）',
    legalBasis: '《中华人民共和国母婴保健法》',
  },
  {
    key: 'yufang-jiezhong',
    name: '预防接种',
    category: '卫生健康',
    dept: 'weijian',
    keywords: '预防接种、疫苗、接种证、儿童免疫、补种',
    synonyms: '孩子打针、打预防针、打疫苗',
    materials: '预防接种证、儿童出生医学证明（首次建卡）',
    whereToGo: '乡镇卫生院 预防接种门诊；城关街道到县疾病预防控制中心 接种门诊',
    legalBasis: '《中华人民共和国疫苗管理法》',
    officeHours: '08:00-11:30,14:30-17:00',
  },
  {
    key: 'dusheng',
    name: '独生子女奖励扶助',
    category: '卫生健康',
    dept: 'weijian',
    keywords: '独生子女、奖励扶助、农村部分计划生育家庭、年满60周岁',
    synonyms: '独生子女费、计生奖励',
    materials: '身份证、户口簿、独生子女父母光荣证、结婚证',
    whereToGo: `村（社区）申报；${TOWN_CENTER} 卫健窗口`,
    legalBasis: '《中华人民共和国人口与计划生育法》',
  },
  {
    key: 'tebie-fuzhu',
    name: '计划生育特别扶助',
    category: '卫生健康',
    dept: 'weijian',
    keywords: '计划生育特别扶助、特扶、失独家庭、独生子女伤残',
    synonyms: '孩子没了的补助、失独补助',
    materials: '身份证、户口簿、独生子女死亡证明或残疾人证、结婚证',
    whereToGo: `${TOWN_CENTER} 卫健窗口；县卫生健康委员会 人口监测与家庭发展科（4楼）`,
    legalBasis: '《中华人民共和国人口与计划生育法》',
  },
  {
    key: 'jiating-yisheng',
    name: '家庭医生签约',
    category: '卫生健康',
    dept: 'weijian',
    keywords: '家庭医生、签约服务、慢病随访、村医',
    synonyms: '请医生上门、找个固定医生',
    materials: '身份证、医保电子凭证或社保卡',
    whereToGo: '村卫生室；乡镇卫生院 公共卫生科',
    legalBasis: '《关于推进家庭医生签约服务的指导意见》',
  },
  {
    key: 'laoren-tijian',
    name: '老年人免费体检',
    category: '卫生健康',
    dept: 'weijian',
    keywords: '老年人体检、65周岁、免费体检、健康管理',
    synonyms: '老人查身体、免费检查',
    materials: '身份证、医保电子凭证或社保卡',
    whereToGo: '乡镇卫生院；村卫生室预约',
    legalBasis: '《国家基本公共卫生服务规范（第三版）》',
    officeHours: '08:00-11:30,14:30-17:00',
  },
  // 残疾人服务
  {
    key: 'canjizheng',
    name: '残疾证办理',
    category: '残疾人服务',
    dept: 'canlian',
    keywords: '残疾证、残疾人证、残疾评定、残疾等级、换证',
    synonyms: '办残疾证、评残',
    materials: '身份证、户口簿、近期2寸白底照片3张、相关病历',
    whereToGo: `${TOWN_CENTER} 残联专干窗口；县残联 组织联络部（${COUNTY_CENTER} 2楼 17号窗口）；指定医院评定`,
    legalBasis: '《中华人民共和国残疾人证管理办法》',
  },
  {
    key: 'canji-kangfu',
    name: '残疾人康复救助',
    category: '残疾人服务',
    dept: 'canlian',
    keywords: '康复救助、残疾儿童康复、辅助器具、轮椅、助听器',
    synonyms: '领轮椅、孩子康复训练',
    materials: '残疾人证、身份证、户口簿、医院诊断证明',
    whereToGo: `${TOWN_CENTER} 残联专干窗口；县残联 康复部（建设路17号）`,
    legalBasis: '《残疾预防和残疾人康复条例》',
  },
  // 法律服务 / 信访
  {
    key: 'tiaojie',
    name: '邻里纠纷调解',
    category: '法律服务',
    dept: 'sifa',
    keywords: '纠纷调解、人民调解、邻里纠纷、家庭矛盾、调解委员会',
    synonyms: '和邻居吵架、家里闹矛盾、滴水排水纠纷',
    materials: '身份证、纠纷情况说明、相关证据',
    whereToGo: '村（社区）人民调解委员会；乡镇（街道）司法所；县人民调解中心',
    legalBasis: '《中华人民共和国人民调解法》',
  },
  {
    key: 'falv-yuanzhu',
    name: '法律援助',
    category: '法律服务',
    dept: 'sifa',
    keywords: '法律援助、免费律师、法律咨询、打官司',
    synonyms: '请不起律师、找律师、被人欺负了',
    materials: '身份证、经济困难状况说明、案件相关材料',
    whereToGo: `县法律援助中心（${COUNTY_CENTER} 3楼 26号窗口）；乡镇（街道）司法所；拨打12348`,
    legalBasis: '《中华人民共和国法律援助法》',
  },
  {
    key: 'gongzheng',
    name: '公证',
    category: '法律服务',
    dept: 'sifa',
    keywords: '公证、公证处、继承公证、委托公证',
    synonyms: '开公证、遗产继承',
    materials: '身份证、户口簿、与公证事项有关的证明材料',
    whereToGo: `县公证处（${COUNTY_CENTER} 3楼 27号窗口）`,
    legalBasis: '《中华人民共和国公证法》',
  },
  {
    key: 'xinfang',
    name: '信访',
    category: '信访',
    dept: 'xinfang',
    keywords: '信访、来信来访、反映问题、网上信访',
    synonyms: '上访、找领导、告状',
    materials: '身份证、信访事项书面材料、相关证据',
    whereToGo: '乡镇（街道）信访接待室（党委副书记接访）；县信访局 来访接待大厅；网上信访平台',
    legalBasis: '《信访工作条例》',
  },
  // 退役军人
  {
    key: 'tuiyi-youdai',
    name: '退役军人优待',
    category: '退役军人',
    dept: 'tuiyijunren',
    keywords: '退役军人、优待证、光荣牌、优待',
    synonyms: '当过兵的优待、退伍军人',
    materials: '身份证、退役证、近期照片',
    whereToGo: `乡镇（街道）退役军人服务站；县退役军人服务中心（${COUNTY_CENTER} 3楼 29号窗口）`,
    legalBasis: '《中华人民共和国退役军人保障法》',
  },
  {
    key: 'fuxu',
    name: '优抚对象抚恤补助',
    category: '退役军人',
    dept: 'tuiyijunren',
    keywords: '抚恤、定期补助、伤残抚恤、烈属、优抚对象',
    synonyms: '军属补助、老兵补助',
    materials: '身份证、户口簿、退役证或残疾军人证、银行卡',
    whereToGo: `乡镇（街道）退役军人服务站；县退役军人服务中心（${COUNTY_CENTER} 3楼 29号窗口）`,
    legalBasis: '《军人抚恤优待条例》',
  },
  {
    key: 'tuiyi-jiuye',
    name: '退役军人就业创业扶持',
    category: '退役军人',
    dept: 'tuiyijunren',
    keywords: '退役军人就业、创业扶持、适应性培训、安置',
    synonyms: '退伍后找工作、退伍创业',
    materials: '身份证、退役证、培训或创业申请表',
    whereToGo: `县退役军人服务中心（${COUNTY_CENTER} 3楼 29号窗口）`,
    legalBasis: '《中华人民共和国退役军人保障法》',
  },
  // 其他
  {
    key: 'bangban',
    name: '帮办代办',
    category: '其他',
    dept: 'zhengwu',
    keywords: '帮办代办、一件事一次办、政务服务、综合窗口',
    synonyms: '不知道去哪办、找不到部门、老人办事',
    materials: '身份证、所办事项的相关材料',
    whereToGo: `${COUNTY_CENTER} 1楼 综合咨询台；${TOWN_CENTER} 帮代办窗口`,
  },
  {
    key: 'zwfw-tousu',
    name: '办事好差评投诉',
    category: '其他',
    dept: 'zhengwu',
    keywords: '好差评、办事投诉、窗口服务、办事效率',
    synonyms: '办事太慢、态度不好、来回跑',
    materials: '投诉人联系方式、办事时间和窗口',
    whereToGo: `${COUNTY_CENTER} 效能监督科（1楼 投诉台）；拨打12345`,
    legalBasis: '《国务院办公厅关于建立政务服务"好差评"制度提高政务服务水平的意见》',
  },
];

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

const list = (text: string): string[] => text.split('、');
const townKey = (slug: string): string => `town-${slug}`;
const deptKey = (slug: string): string => `dept-${slug}`;
const townKind = (name: string): TownKind =>
  name.endsWith('街道') ? '街道' : name.endsWith('乡') ? '乡' : '镇';

/** Builds the whole demo county; pure and deterministic (same result on every call). */
export function buildDemoCounty(): DemoCounty {
  const rng = mulberry32(NAME_SEED);
  const nextName = makeNamer(rng);
  const units: DemoUnit[] = [];
  const posts: DemoPost[] = [];
  const officials: DemoOfficial[] = [];
  const memberships: DemoMembership[] = [];
  const duties: DemoDuty[] = [];
  const holders = new Map<string, string>();

  /** Adds a post and fills it: with a new official, or with the holder of `concurrentWith`. */
  const addPost = (unitKey: string, slug: string, title: string, rank: number, concurrentWith?: string) => {
    const key = `${unitKey}.${slug}`;
    posts.push({ key, unitKey, title, rank });
    let officialKey = concurrentWith === undefined ? undefined : holders.get(concurrentWith);
    if (officialKey === undefined) {
      officialKey = `official-${String(officials.length + 1).padStart(3, '0')}`;
      officials.push({ key: officialKey, ...nextName() });
    }
    holders.set(key, officialKey);
    memberships.push({ officialKey, postKey: key, startDate: startDate(rng) });
    return key;
  };
  const addDuties = (postKey: string, matterKeys: string[], coveredUnitKeys: string[]) => {
    for (const matterKey of matterKeys)
      duties.push({ postKey, matterKey, coveredUnitKeys: [...coveredUnitKeys] });
  };

  // County, its leadership and the supervision office.
  units.push({
    key: COUNTY_KEY,
    name: COUNTY_NAME,
    kind: 'county',
    officeHours: OFFICE_HOURS,
    address: '岚川县城关街道人民路88号（县行政中心）',
  });
  COUNTY_POSTS.forEach(([slug, title], i) => addPost(COUNTY_KEY, slug, title, i + 1));
  const officeKey = 'office-duchashi';
  units.push({
    key: officeKey,
    name: '县委办公室督查室',
    kind: 'office',
    parentKey: COUNTY_KEY,
    officeHours: OFFICE_HOURS,
    address: '岚川县城关街道人民路88号（县行政中心主楼4楼）',
  });
  SUPERVISION_POSTS.forEach(([slug, title], i) => addPost(officeKey, slug, title, i + 1));

  // Towns, then their villages.
  TOWNS.forEach((town, townIndex) => {
    const key = townKey(town.slug);
    units.push({
      key,
      name: town.name,
      kind: 'town',
      parentKey: COUNTY_KEY,
      officeHours: OFFICE_HOURS,
      address: town.address,
    });
    const titles = TOWN_TITLES[townKind(town.name)];
    const postKeys = {} as Record<TownPostSlug, string>;
    TOWN_POST_SLUGS.forEach((slug, i) => {
      const concurrentWith =
        slug === 'service-center'
          ? `${key}.deputy-3`
          : slug === 'congress' && town.secretaryChairsCongress
            ? `${key}.secretary`
            : undefined;
      postKeys[slug] = addPost(key, slug, titles[i], i + 1, concurrentWith);
    });

    const villageKeys = town.villages.map((_, i) => `village-${town.slug}-${String(i + 1).padStart(2, '0')}`);
    if (town.civilSplit === undefined) {
      addDuties(postKeys['civil-affairs'], CIVIL_MATTERS, [key]);
    } else {
      addDuties(postKeys['civil-affairs'], CIVIL_MATTERS, villageKeys.slice(0, town.civilSplit));
      addDuties(postKeys['deputy-1'], CIVIL_MATTERS, villageKeys.slice(town.civilSplit));
    }
    for (const slug of TOWN_POST_SLUGS) addDuties(postKeys[slug], TOWN_DUTIES[slug] ?? [], [key]);

    town.villages.forEach((name, i) => {
      const villageKey = villageKeys[i];
      const community = name.endsWith('社区');
      const committee = community ? '居委会' : '村委会';
      units.push({
        key: villageKey,
        name,
        kind: 'village',
        parentKey: key,
        officeHours: VILLAGE_HOURS,
        address: `${COUNTY_NAME}${town.name}${name}党群服务中心`,
      });
      // Most secretaries also chair the committee (书记兼主任); the others work with a separate chair.
      const combined = (townIndex + i) % 3 !== 0;
      const secretary = addPost(
        villageKey,
        'secretary',
        combined ? `党支部书记、${committee}主任` : '党支部书记',
        1,
      );
      const director = addPost(
        villageKey,
        'director',
        combined ? `${committee}副主任` : `${committee}主任`,
        2,
      );
      addDuties(secretary, VILLAGE_DUTIES.secretary, [villageKey]);
      addDuties(director, VILLAGE_DUTIES.director, [villageKey]);
      if (i === 2) {
        const clerkTitle = community ? '社区文书' : townIndex % 2 === 0 ? '村文书' : '村会计';
        addDuties(addPost(villageKey, 'clerk', clerkTitle, 3), VILLAGE_DUTIES.clerk, [villageKey]);
      }
    });
  });

  // Departments: head, two deputies, sections (handling their matters county-wide), information clerk.
  for (const dept of DEPARTMENTS) {
    const key = deptKey(dept.slug);
    units.push({
      key,
      name: dept.name,
      kind: 'department',
      parentKey: COUNTY_KEY,
      officeHours: dept.hours ?? OFFICE_HOURS,
      address: dept.address,
    });
    addPost(key, 'head', dept.head, 1);
    addPost(key, 'deputy-1', dept.deputy, 2);
    addPost(key, 'deputy-2', dept.deputy, 3);
    dept.sections.forEach(([title, matterKeys], i) => {
      addDuties(addPost(key, `section-${i + 1}`, title, 4 + i), matterKeys, [COUNTY_KEY]);
    });
    addPost(key, 'clerk', '信息员', 4 + dept.sections.length);
  }

  // A newly formed department staffed by its head alone (added last, so no earlier name changes). One
  // official owes at most five or six working days a week, below the minimum sample of ten: the
  // demo's weekly ranking lists it as 样本不足, honestly; a month's ranking ranks it.
  const dataKey = deptKey('shuju');
  units.push({
    key: dataKey,
    name: '县数据局',
    kind: 'department',
    parentKey: COUNTY_KEY,
    officeHours: OFFICE_HOURS,
    address: '岚川县城关街道人民路88号（县行政中心西楼3楼）',
  });
  addPost(dataKey, 'head', '局长', 1);

  const matters: DemoMatter[] = MATTERS.map((row) => ({
    key: row.key,
    name: row.name,
    category: row.category,
    keywords: list(row.keywords),
    synonyms: list(row.synonyms),
    materials: list(row.materials),
    whereToGo: row.whereToGo,
    officeHours: row.officeHours ?? OFFICE_HOURS,
    ...(row.legalBasis === undefined ? {} : { legalBasis: row.legalBasis }),
    departmentKey: deptKey(row.dept),
  }));

  return { units, posts, officials, memberships, matters, duties };
}
