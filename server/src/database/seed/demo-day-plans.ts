import { ENTRY_KINDS } from '@jinri/shared';
import { mulberry32 } from '../../common/random';
import { checkPlanEntries, type PreviousDay } from '../../modules/journals/plan-quality';
import type { PlanEntry } from '../../modules/journals/plan-entry.entity';

/**
 * What a demo official plans on a day: seasonal topics per kind of unit, entries in time order,
 * and re-rolls until no entry repeats an earlier plan. Pure and deterministic (seeded), so the same
 * day always gets the same plans; demo-journals.ts writes them.
 */
export interface Person {
  officialId: number;
  name: string;
  title: string;
  unitId: number;
  unitName: string;
  unitKind: string;
  townId: number | null;
}

export interface Village {
  id: number;
  name: string;
  townId: number;
}

export type Draft = Pick<
  PlanEntry,
  'startTime' | 'endTime' | 'period' | 'place' | 'placeUnitId' | 'what' | 'kind' | 'meetingName'
>;

/** A tiny deterministic PRNG, so the same day always gets the same plans. */
export const random = mulberry32;

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

export const K = {
  meeting: ENTRY_KINDS[0],
  field: ENTRY_KINDS[1],
  visit: ENTRY_KINDS[2],
  office: ENTRY_KINDS[3],
  study: ENTRY_KINDS[4],
  inspect: ENTRY_KINDS[5],
  other: ENTRY_KINDS[6],
} as const;

/** Topics that fit a month (Asia/Shanghai): no 森林防火 in July, no 防汛 in December. */
export function topicsFor(month: number) {
  const within = (from: number, to: number) =>
    from <= to ? month >= from && month <= to : month >= from || month <= to;
  const when = (fits: boolean, ...topics: string[]) => (fits ? topics : []);
  return {
    lead: [
      '人居环境整治',
      '安置房建设进度',
      '信访积案化解',
      '高标准农田建设',
      '集体经济项目',
      '乡村振兴示范村建设',
      '矛盾纠纷排查化解',
      '农村饮水安全',
      ...when(within(10, 3), '秋冬季森林防火'),
      ...when(within(11, 2), '冬季安全生产', '冬季取暖用煤安全'),
      ...when(within(5, 9), '防汛备汛', '防溺水安全教育'),
      ...when(within(3, 5), '春季森林防火'),
    ],
    agri: [
      '高标准农田验收',
      '农机购置补贴申报',
      '畜禽养殖污染整治',
      '土地流转合同签订',
      '特色种植基地建设',
      ...when(within(10, 11), '秋播小麦田间管理'),
      ...when(within(12, 2), '小麦冬前田间管理'),
      ...when(within(2, 4), '春耕备耕'),
      ...when(within(6, 8), '玉米田间管理'),
    ],
    build: [
      '农村危房改造验收',
      '村道硬化工程',
      '自来水管网改造',
      '安置房主体施工',
      '农贸市场提升改造',
      '污水管网铺设',
    ],
    social: [
      '低保对象动态复核',
      '临时救助申请核查',
      '高龄津贴资格认证',
      '特困人员探视',
      '残疾人两项补贴核实',
    ],
    county: [
      '县委常委会议',
      '县政府常务会议',
      '重点项目专题调度会',
      ...when(within(11, 2), '全县冬季安全生产工作会议'),
      ...when(within(5, 9), '全县防汛工作会议'),
    ],
  };
}

/** The standard meeting name (MEETING_NAMES) a meeting's text stands for, if any. */
function meetingNameOf(text: string): string | null {
  if (/常委|党委会|党组会/.test(text)) return '党委（党组）会议';
  if (/常务会/.test(text)) return '政府常务会议';
  if (/例会/.test(text)) return '周例会';
  if (/调度会/.test(text)) return '专题调度会';
  return null;
}

/** What a post does on a working day: 2–4 specific entries, morning to afternoon. */
export function dayFor(person: Person, villages: Village[], rnd: () => number, month: number): Draft[] {
  const TOPICS = topicsFor(month);
  const ownVillages = villages.filter((v) => v.townId === person.townId);
  const village = ownVillages.length > 0 ? pick(rnd, ownVillages) : pick(rnd, villages);
  const title = person.title;
  const at = (startTime: string, endTime: string | null) => ({ startTime, endTime, period: null });
  const draft = (
    time: ReturnType<typeof at>,
    place: string | null,
    what: string,
    kind: string,
    placeUnitId: number | null = null,
  ): Draft => ({
    ...time,
    place,
    placeUnitId,
    what,
    kind,
    meetingName: kind === K.meeting ? meetingNameOf(what) : null,
  });
  const one = <T>(...options: Array<() => T>): T => pick(rnd, options)();

  // 信息员 (a town's information officer), 村文书 and 村会计: desk work of the unit and errands in
  // its villages — they owe a plan like everyone who holds a post, and the demo gives them one.
  if (/信息员|文书|会计/.test(title)) {
    const office =
      person.unitKind === 'village'
        ? `${person.unitName}村委会`
        : `${person.unitName}${person.unitKind === 'town' ? '党政办' : '办公室'}`;
    const desk = /信息员/.test(title)
      ? [
          '核对七个站所报来的明日日程',
          '更新政务公开栏本周工作动态',
          '整理党委会议记录并立卷归档',
          '汇编本周各村一日三晒照片',
          '核对干部请假登记和外出报备',
          '编写本周工作简报初稿',
        ]
      : /会计/.test(title)
        ? [
            '核对村集体资金收支台账',
            '整理本月财务票据送镇农经站审核',
            '登记村集体资产出租收入',
            '发放本月高龄补贴并登记签字',
            '核对一事一议筹资明细',
          ]
        : [
            '整理村两委会议记录并归档',
            '更新村务公开栏本月事务公开',
            '登记村民反映的问题并转交分管干部',
            '整理本村一日三晒照片和台账',
            '核对本村低保户花名册',
          ];
    const errands = [
      `到${village.name}收集村务公开资料`,
      `到${village.name}核对便民服务站代办员值班排班`,
      `到${village.name}采集为民代办事项台账`,
      `到${village.name}为行动不便的老人上门代办养老认证`,
    ];
    return [
      draft(at('08:30', '11:30'), office, `在${office}坐班，${pick(rnd, desk)}`, K.office),
      ...(person.unitKind === 'village'
        ? []
        : [draft(at('14:30', '17:00'), village.name, pick(rnd, errands), K.field, village.id)]),
    ];
  }
  if (person.unitKind === 'county') {
    const topic = pick(rnd, TOPICS.county);
    const lead = pick(rnd, TOPICS.lead);
    return [
      draft(
        at('08:30', '11:30'),
        '县委三楼常委会议室',
        pick(rnd, [`出席${topic}，研究${lead}工作`, `参加${topic}，听取${lead}进展汇报`]),
        K.meeting,
      ),
      one(
        () =>
          draft(
            at('14:30', '17:30'),
            village.name,
            `到${village.name}调研${pick(rnd, TOPICS.lead)}`,
            K.field,
            village.id,
          ),
        () =>
          draft(
            at('14:30', '17:00'),
            village.name,
            `到${village.name}入户走访${pick(rnd, ['困难群众', '老党员', '防返贫监测户'])}`,
            K.visit,
            village.id,
          ),
        () =>
          draft(
            at('15:00', '17:30'),
            '县信访局接待室',
            `在县信访局接待来访群众，协调${pick(rnd, TOPICS.lead)}诉求`,
            K.visit,
          ),
      ),
    ];
  }
  if (person.unitKind === 'village') {
    const own = villages.find((v) => v.id === person.unitId);
    const name = own?.name ?? person.unitName;
    const service = pick(rnd, [
      '低保年审',
      '医保缴费',
      '养老保险认证',
      '残疾证申请',
      '高龄津贴申领',
      '户口迁移证明',
    ]);
    return [
      one(
        () => draft(at('08:00', '11:30'), `${name}村委会`, `在村委会坐班，为群众代办${service}`, K.office),
        () =>
          draft(
            at('08:30', '11:30'),
            `${name}便民服务站`,
            `便民服务站窗口受理${service}，整理台账`,
            K.office,
          ),
        () =>
          draft(
            at('08:30', '11:00'),
            `${name}${pick(rnd, ['东组', '西组', '南街', '北街'])}`,
            `到组里查看${pick(rnd, ['村道破损', '排水沟清淤', '路灯安装', '危房改造进度', '垃圾收集点'])}情况`,
            K.field,
            own?.id ?? null,
          ),
      ),
      draft(
        at('14:30', '16:30'),
        `${name}${pick(rnd, ['东组', '西组', '南街', '北街'])}`,
        `入户走访${pick(rnd, ['独居老人', '低保户', '防返贫监测户', '留守儿童家庭'])}，了解${pick(rnd, ['生活困难', '就医需求', '务工意愿', '住房安全'])}`,
        K.visit,
        own?.id ?? null,
      ),
      ...(rnd() < 0.5
        ? [
            draft(
              at('16:30', '17:30'),
              `${name}村委会`,
              `调解${pick(rnd, ['邻里宅基地边界', '土地承包', '赡养', '林地权属', '宅前屋后通行'])}纠纷`,
              K.visit,
            ),
          ]
        : []),
    ];
  }
  if (person.unitKind === 'department') {
    const town = pick(
      rnd,
      villages.map((v) => v.townId),
    );
    const townVillage = pick(
      rnd,
      villages.filter((v) => v.townId === town),
    );
    return [
      one(
        () =>
          draft(
            at('08:30', '10:00'),
            `${person.unitName}三楼会议室`,
            `主持召开股室周例会，部署${pick(rnd, TOPICS.build)}工作`,
            K.meeting,
          ),
        () =>
          draft(
            at('08:30', '10:00'),
            `${person.unitName}三楼会议室`,
            `参加局党组会，研究${pick(rnd, [...TOPICS.build, ...TOPICS.agri])}`,
            K.meeting,
          ),
      ),
      draft(
        at('10:00', '12:00'),
        `${person.unitName}`,
        pick(rnd, [
          `办公室坐班，审核${pick(rnd, ['项目资金拨付', '工程结算', '补贴发放名单', '政府采购合同'])}`,
          `在政务服务窗口受理${pick(rnd, ['群众来信来访', '企业申报材料', '行政许可申请'])}`,
        ]),
        K.office,
      ),
      draft(
        at('14:30', '17:30'),
        townVillage.name,
        `到${townVillage.name}督导检查${pick(rnd, [...TOPICS.build, ...TOPICS.agri])}`,
        K.inspect,
        townVillage.id,
      ),
    ];
  }
  // Town (乡镇/街道) posts.
  if (/书记|镇长|乡长|主任/.test(title) && !/副/.test(title)) {
    const lead = pick(rnd, TOPICS.lead);
    const rest = ownVillages.filter((v) => v.id !== village.id);
    const other = rest.length > 0 ? pick(rnd, rest) : village;
    return [
      draft(
        at('08:30', '10:00'),
        '镇政府三楼会议室',
        pick(rnd, [
          `主持召开党委会，研究${lead}`,
          `主持召开班子周例会，部署${lead}`,
          `主持召开${lead}专题调度会`,
        ]),
        K.meeting,
      ),
      one(
        () =>
          draft(
            at('10:00', '12:00'),
            village.name,
            `到${village.name}调度${pick(rnd, TOPICS.lead)}，现场协调解决问题`,
            K.field,
            village.id,
          ),
        () =>
          draft(
            at('10:00', '12:00'),
            village.name,
            `到${village.name}召开院坝会，听取群众对${pick(rnd, TOPICS.lead)}的意见`,
            K.field,
            village.id,
          ),
      ),
      one(
        () =>
          draft(
            at('15:00', '17:30'),
            '镇便民服务中心',
            `在镇便民服务中心接待来访群众，听取${pick(rnd, ['土地承包', '拆迁安置', '低保评定', '工资拖欠'])}诉求`,
            K.visit,
          ),
        () =>
          draft(
            at('15:00', '17:30'),
            other.name,
            `到${other.name}入户走访${pick(rnd, ['困难党员', '防返贫监测户', '重点信访户'])}`,
            K.visit,
            other.id,
          ),
      ),
    ];
  }
  if (/民政/.test(title)) {
    return [
      draft(
        at('08:30', '11:30'),
        '镇便民服务中心民政窗口',
        pick(rnd, [`坐班受理${pick(rnd, TOPICS.social)}`, `在民政窗口办理${pick(rnd, TOPICS.social)}手续`]),
        K.office,
      ),
      draft(
        at('14:30', '17:00'),
        village.name,
        `到${village.name}入户核查${pick(rnd, TOPICS.social)}，核实家庭收入`,
        K.field,
        village.id,
      ),
    ];
  }
  if (/社保|人力资源/.test(title)) {
    return [
      draft(
        at('08:30', '12:00'),
        '镇便民服务中心社保窗口',
        `在社保窗口办理${pick(rnd, ['城乡居民养老保险参保', '养老待遇资格认证', '医保参保登记', '失业保险金申领', '灵活就业人员参保'])}`,
        K.office,
      ),
      draft(
        at('14:30', '17:00'),
        village.name,
        `到${village.name}宣传${pick(rnd, ['城乡居民医保缴费政策', '养老保险缴费档次', '就业创业补贴政策', '工伤保险政策'])}`,
        K.field,
        village.id,
      ),
    ];
  }
  if (/国土|自然资源/.test(title)) {
    return [
      draft(
        at('09:00', '11:30'),
        village.name,
        `到${village.name}${pick(rnd, ['对宅基地审批申请进行现场踏勘', '巡查违法占地和乱搭乱建', '核实耕地保护图斑', '为农房建设现场放线'])}`,
        K.field,
        village.id,
      ),
      draft(
        at('14:30', '17:30'),
        '镇国土所',
        `在国土所坐班，审核${pick(rnd, ['宅基地审批材料', '不动产登记申请', '设施农用地备案', '土地复垦验收资料'])}`,
        K.office,
      ),
    ];
  }
  const other = pick(rnd, ownVillages.length > 0 ? ownVillages : villages);
  return [
    draft(
      at('08:30', '11:30'),
      village.name,
      `到${village.name}推进${pick(rnd, [...TOPICS.agri, ...TOPICS.build])}`,
      K.field,
      village.id,
    ),
    draft(
      at('14:30', '17:30'),
      other.name,
      `到${other.name}督导检查${pick(rnd, TOPICS.lead)}落实情况`,
      K.inspect,
      other.id,
    ),
  ];
}

/** Vague entries a supervisor should catch (a few, on varying days): filed as 其他, never as a meeting. */
export const VAGUE = ['日常工作', '处理日常事务', '整理资料', '下村走访'];
/** 一日三晒: a progress note while the entry runs, a result once it has ended. */
export const PROGRESS = [
  '已到现场，正在协调',
  '完成一半，下午继续',
  '已召集相关人员对接',
  '正在逐户核对，已完成过半',
];
export const RESULTS = [
  '问题已解决，群众满意',
  '已形成整改清单，限期完成',
  '已完成，资料归档',
  '已办结，情况已向群众反馈',
];
export const MINUTE = 60_000;

/**
 * Re-rolls a day's entries until none repeats one of the official's previous plans (the product's
 * own repeated-entry check, as the supervisors see it); entries still repeating are dropped.
 */
export function freshDay(make: () => Draft[], previous: PreviousDay[]): Draft[] {
  let drafts = make();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (!checkPlanEntries(drafts, previous).some((w) => w.kind === 'repeated')) return drafts;
    drafts = make();
  }
  const repeated = new Set(
    checkPlanEntries(drafts, previous)
      .filter((w) => w.kind === 'repeated')
      .map((w) => w.entryIndex),
  );
  return drafts.filter((_, index) => !repeated.has(index));
}

/**
 * The two people the demo shows the morning check catching, chosen by post so every county built
 * from the demo data has them: the first town's first 副镇长 hands in "检查城东片区拆迁项目" with small
 * edits every working day (the county secretary's example of a repeated one-liner, 内容重复), and the
 * first 所长 of a town sends nothing on one day a week without leave (未报送).
 */
export function isDemoRepeater(person: Person, people: readonly Person[]): boolean {
  return person === people.find((p) => p.unitKind === 'town' && p.title === '副镇长');
}

export function isDemoSkipper(person: Person, people: readonly Person[]): boolean {
  return person === people.find((p) => p.unitKind === 'town' && p.title.endsWith('所长'));
}

/** The skipper's missing days: the 3rd, 10th, 17th, 24th and 31st, when they are working days (one or two in any two weeks). */
export function skipsDay(date: string): boolean {
  return Number(date.slice(8)) % 7 === 3;
}

export const DEMO_REPEATED_LINES = [
  '检查城东片区拆迁项目',
  '检查城东片区拆迁项目进度',
  '到城东片区检查拆迁项目',
  '检查城东片区拆迁项目推进情况',
] as const;

/** The repeater's morning: the same inspection in slightly different words each day. */
export function repeatedDraft(date: string): Draft {
  return {
    startTime: '08:30',
    endTime: '11:30',
    period: null,
    place: '城东片区',
    placeUnitId: null,
    what: DEMO_REPEATED_LINES[Number(date.slice(8)) % DEMO_REPEATED_LINES.length]!,
    kind: K.inspect,
    meetingName: null,
  };
}
