import { type DataSource, In, type ObjectLiteral, type Repository } from 'typeorm';
import { ENTRY_KINDS } from '@jinri/shared';
import { addDays, atLocal, weekStart } from '../../common/time/local-time';
import { WorkCalendar } from '../../modules/calendar/work-calendar';
import { CacheVersion } from '../../modules/cache/cache-version.entity';
import { DayPlan } from '../../modules/journals/day-plan.entity';
import { EntryUpdate } from '../../modules/journals/entry-update.entity';
import { Leave } from '../../modules/journals/leave.entity';
import { PlanEntry } from '../../modules/journals/plan-entry.entity';
import { PlanRevision } from '../../modules/journals/plan-revision.entity';
import { checkPlanEntries, type PreviousDay } from '../../modules/journals/plan-quality';
import { REPEAT_LOOKBACK } from '../../modules/journals/plans.service';
import { WeeklyReport } from '../../modules/journals/weekly-report.entity';

/** How many days back the demo shows plans for. */
export const DEMO_DAYS_BACK = 13;

interface Person {
  officialId: number;
  name: string;
  title: string;
  unitId: number;
  unitName: string;
  unitKind: string;
  townId: number | null;
}

interface Village {
  id: number;
  name: string;
  townId: number;
}

type Draft = Pick<
  PlanEntry,
  'startTime' | 'endTime' | 'period' | 'place' | 'placeUnitId' | 'what' | 'kind' | 'meetingName'
>;

/** A tiny deterministic PRNG, so the same day always gets the same plans. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const K = {
  meeting: ENTRY_KINDS[0],
  field: ENTRY_KINDS[1],
  visit: ENTRY_KINDS[2],
  office: ENTRY_KINDS[3],
  study: ENTRY_KINDS[4],
  inspect: ENTRY_KINDS[5],
  other: ENTRY_KINDS[6],
} as const;

/** Topics that fit a month (Asia/Shanghai): no 森林防火 in July, no 防汛 in December. */
function topicsFor(month: number) {
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
function dayFor(person: Person, villages: Village[], rnd: () => number, month: number): Draft[] {
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
const VAGUE = ['日常工作', '处理日常事务', '整理资料', '下村走访'];
/** 一日三晒: a progress note while the entry runs, a result once it has ended. */
const PROGRESS = [
  '已到现场，正在协调',
  '完成一半，下午继续',
  '已召集相关人员对接',
  '正在逐户核对，已完成过半',
];
const RESULTS = [
  '问题已解决，群众满意',
  '已形成整改清单，限期完成',
  '已完成，资料归档',
  '已办结，情况已向群众反馈',
];
const MINUTE = 60_000;

/**
 * Re-rolls a day's entries until none repeats one of the official's previous plans (the product's
 * own repeated-entry check, as the supervisors see it); entries still repeating are dropped.
 */
function freshDay(make: () => Draft[], previous: PreviousDay[]): Draft[] {
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
 * Demo plans for the days missing up to tomorrow (at most DEMO_DAYS_BACK back): varied, specific
 * entries with a few vague and repeated ones, late submissions, revisions after publication,
 * 一日三晒 updates, leave and last week's reports. Idempotent: a date that has plans is skipped,
 * so a restart days later tops the demo up instead of duplicating it.
 */
export async function seedDemoJournals(
  dataSource: DataSource,
  now: Date,
  today: string,
): Promise<{ days: number; plans: number }> {
  const officials: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT o.id AS official_id, o.name AS name, p.title AS title, u.id AS unit_id, u.name AS unit_name,
            u.kind AS unit_kind, u.parent_id AS parent_id
     FROM memberships m JOIN posts p ON p.id = m.post_id JOIN units u ON u.id = p.unit_id JOIN officials o ON o.id = m.official_id
     WHERE m.end_date IS NULL ORDER BY u.sort_order, p.rank, o.id`,
  );
  const units: Array<Record<string, unknown>> = await dataSource.query(
    'SELECT id, name, kind, parent_id FROM units',
  );
  const villages: Village[] = units
    .filter((u) => u.kind === 'village')
    .map((u) => ({ id: Number(u.id), name: String(u.name), townId: Number(u.parent_id) }));
  const seen = new Set<number>();
  const people: Person[] = [];
  for (const o of officials) {
    const id = Number(o.official_id);
    if (seen.has(id) || /信息员|会计|文书/.test(String(o.title))) continue;
    seen.add(id);
    const kind = String(o.unit_kind);
    people.push({
      officialId: id,
      name: String(o.name),
      title: String(o.title),
      unitId: Number(o.unit_id),
      unitName: String(o.unit_name),
      unitKind: kind,
      townId: kind === 'town' ? Number(o.unit_id) : kind === 'village' ? Number(o.parent_id) : null,
    });
  }
  if (people.length === 0 || villages.length === 0) return { days: 0, plans: 0 };
  // A holder and their acting deputy (代理) are never on leave the same day: someone stands in.
  const partners = new Map<number, number[]>();
  const pairs: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT m.official_id AS holder, p.deputy_official_id AS deputy
     FROM memberships m JOIN posts p ON p.id = m.post_id
     WHERE m.end_date IS NULL AND p.deputy_official_id IS NOT NULL`,
  );
  for (const pair of pairs) {
    const [holder, deputy] = [Number(pair.holder), Number(pair.deputy)];
    partners.set(holder, [...(partners.get(holder) ?? []), deputy]);
    partners.set(deputy, [...(partners.get(deputy) ?? []), holder]);
  }

  const tomorrow = addDays(today, 1);
  const rows: Array<{ max: string | null }> = await dataSource.query(
    'SELECT MAX(date) AS max FROM day_plans',
  );
  const last = rows[0]?.max ? String(rows[0].max).slice(0, 10) : null;
  let from = addDays(today, -DEMO_DAYS_BACK);
  if (last && last >= from) from = addDays(last, 1);
  let days = 0;
  let plans = 0;
  const calendar = new WorkCalendar();
  // Each official's last plans (for the repeat check), from the database on a top-up.
  const history = new Map<number, PreviousDay[]>();
  const earlier: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT d.official_id AS official_id, d.date AS date, e.what AS what, e.place AS place
     FROM plan_entries e JOIN day_plans d ON d.id = e.day_plan_id
     WHERE d.date >= ? AND d.date < ? AND e.status = 'active' ORDER BY d.date, e.position`,
    [addDays(from, -14), from],
  );
  for (const row of earlier) {
    const days = history.get(Number(row.official_id)) ?? [];
    const date = String(row.date).slice(0, 10);
    if (days.at(-1)?.date !== date) days.push({ date, entries: [] });
    days
      .at(-1)!
      .entries.push({ what: String(row.what), place: row.place === null ? null : String(row.place) });
    history.set(Number(row.official_id), days);
  }

  for (let date = from; date <= tomorrow; date = addDays(date, 1)) {
    if (!calendar.isWorkday(date)) continue;
    days += 1;
    const isTomorrow = date === tomorrow;
    const publishedAt = atLocal(date, '08:00');
    const published = !isTomorrow && now.getTime() >= publishedAt.getTime();
    const month = Number(date.slice(5, 7));
    await dataSource.transaction(async (manager) => {
      // Decide every plan of the day first, then write them in a few bulk inserts.
      const dayPlans: Array<{
        person: Person;
        drafts: Draft[];
        late: boolean;
        rnd: () => number;
        submittedAt: Date;
      }> = [];
      const leaves: Array<Partial<Leave>> = [];
      for (const [index, person] of people.entries()) {
        const rnd = random(Number(date.replace(/-/g, '')) * 1000 + person.officialId);
        // Some officials are on leave (approved): no plan that day; never with their deputy or holder.
        if (
          (person.officialId + Number(date.slice(8))) % 41 === 0 &&
          !(partners.get(person.officialId) ?? []).some((p) => leaves.some((l) => l.officialId === p))
        ) {
          leaves.push({
            officialId: person.officialId,
            startDate: date,
            endDate: date,
            reason: pick(rnd, ['参加县委党校培训', '陪同家人就医', '事假']),
            status: 'approved',
            requestedByUserId: 0,
            decidedByUserId: 0,
            // Asked for three days ahead, approved two days ahead: both in the past.
            createdAt: atLocal(addDays(date, -3), '09:30'),
            decidedAt: atLocal(addDays(date, -2), '16:00'),
          });
          continue;
        }
        // Tomorrow: about two thirds have submitted (by now: a submission is never in the future).
        if (isTomorrow && rnd() < 0.33) continue;
        const late = !isTomorrow && rnd() < 0.08;
        let submittedAt = atLocal(
          addDays(date, -1),
          late ? '19:40' : pick(rnd, ['09:40', '11:15', '15:20', '16:45', '17:30', '17:55']),
        );
        if (submittedAt > now) {
          if (rnd() < 0.5) continue;
          submittedAt = atLocal(addDays(date, -2), '17:20');
        }
        const previous = (history.get(person.officialId) ?? []).slice(-REPEAT_LOOKBACK);
        const vague = (index + Number(date.slice(8))) % 37 === 5;
        let drafts = vague
          ? [
              {
                ...dayFor(person, villages, rnd, month)[0]!,
                what: pick(rnd, VAGUE),
                kind: K.other,
                meetingName: null,
                place: null,
                placeUnitId: null,
              },
            ]
          : freshDay(() => dayFor(person, villages, rnd, month), previous);
        if (vague && checkPlanEntries(drafts, previous).some((w) => w.kind === 'repeated')) drafts = [];
        if (drafts.length === 0) continue;
        history.set(person.officialId, [
          ...previous,
          { date, entries: drafts.map((d) => ({ what: d.what, place: d.place })) },
        ]);
        dayPlans.push({ person, drafts, late, rnd, submittedAt });
      }
      if (leaves.length > 0) await manager.getRepository(Leave).insert(leaves);
      await insertChunks(
        manager.getRepository(DayPlan),
        dayPlans.map(({ person, late, submittedAt }) => ({
          officialId: person.officialId,
          date,
          status: published ? ('published' as const) : ('submitted' as const),
          late,
          submittedAt,
          submittedByUserId: null,
          publishedAt: published ? publishedAt : null,
          createdAt: submittedAt,
          updatedAt: published ? publishedAt : submittedAt,
          revision: 0,
          version: 2,
        })),
      );
      const planIds = new Map(
        (await manager.getRepository(DayPlan).findBy({ date })).map((p) => [p.officialId, p.id]),
      );
      await insertChunks(
        manager.getRepository(PlanEntry),
        dayPlans.flatMap(({ person, drafts, submittedAt }) =>
          drafts.map((d, position) => ({
            ...d,
            createdAt: submittedAt,
            dayPlanId: planIds.get(person.officialId)!,
            position,
            matterIds: [],
            status: 'active' as const,
            modifiedAt: null,
          })),
        ),
      );
      const entries = await manager.getRepository(PlanEntry).findBy({ dayPlanId: In([...planIds.values()]) });
      const entriesOf = new Map<number, PlanEntry[]>();
      for (const e of entries) entriesOf.set(e.dayPlanId, [...(entriesOf.get(e.dayPlanId) ?? []), e]);
      const snapshot = (list: PlanEntry[]) =>
        list.map((e) => ({
          id: e.id,
          startTime: e.startTime,
          endTime: e.endTime,
          period: e.period,
          place: e.place,
          what: e.what,
          kind: e.kind,
          status: e.status,
        }));

      const revisions: Array<Partial<PlanRevision>> = [];
      const updates: Array<Partial<EntryUpdate>> = [];
      for (const { person, rnd, submittedAt } of dayPlans) {
        const planId = planIds.get(person.officialId)!;
        const list = (entriesOf.get(planId) ?? []).sort((a, b) => a.position - b.position);
        revisions.push({
          dayPlanId: planId,
          revision: 0,
          kind: 'submitted',
          changedByUserId: null,
          changedBy: '本人',
          snapshot: snapshot(list),
          createdAt: submittedAt,
        });
        plans += 1;
        if (!published) continue;
        revisions.push({
          dayPlanId: planId,
          revision: 0,
          kind: 'published',
          changedByUserId: null,
          changedBy: '系统',
          snapshot: snapshot(list),
          createdAt: publishedAt,
        });
        // A few plans change after publication (a meeting moved): a public revision.
        const modifiedAt = atLocal(date, '10:20');
        if (rnd() < 0.06 && list.length > 1 && modifiedAt <= now) {
          const moved = list[list.length - 1]!;
          await manager.getRepository(PlanEntry).update({ id: moved.id }, { startTime: '15:30', modifiedAt });
          moved.startTime = '15:30';
          await manager
            .getRepository(DayPlan)
            .update({ id: planId }, { revision: 1, version: 3, updatedAt: modifiedAt });
          revisions.push({
            dayPlanId: planId,
            revision: 1,
            kind: 'revised',
            changedByUserId: null,
            changedBy: '本人',
            snapshot: snapshot(list),
            createdAt: modifiedAt,
          });
        }
        // 一日三晒: progress while an entry runs, a result after it ended; never in the future.
        for (const e of list.slice(0, 2)) {
          const start = atLocal(date, e.startTime ?? '08:30').getTime();
          const end = atLocal(date, e.endTime ?? e.startTime ?? '17:30').getTime();
          const during = new Date(start + Math.floor((0.2 + rnd() * 0.6) * (end - start)));
          const after = new Date(end + (10 + Math.floor(rnd() * 80)) * MINUTE);
          if (rnd() < 0.35 && during <= now)
            updates.push({
              planEntryId: e.id,
              kind: 'progress',
              text: pick(rnd, PROGRESS),
              photoIds: [],
              location: null,
              createdByUserId: 0,
              createdAt: during,
            });
          if (rnd() < 0.3 && after <= now)
            updates.push({
              planEntryId: e.id,
              kind: 'result',
              text: pick(rnd, RESULTS),
              photoIds: [],
              location: null,
              createdByUserId: 0,
              createdAt: after,
            });
        }
      }
      await insertChunks(manager.getRepository(PlanRevision), revisions);
      await insertChunks(manager.getRepository(EntryUpdate), updates);
    });
  }

  // Last week's reports for most people (late for a few), once.
  const lastWeek = addDays(weekStart(today), -7);
  if ((await dataSource.getRepository(WeeklyReport).countBy({ weekStart: lastWeek })) === 0) {
    const TOPICS = topicsFor(Number(lastWeek.slice(5, 7)));
    for (const person of people) {
      const rnd = random(person.officialId * 7919);
      if (rnd() < 0.35) continue;
      const late = rnd() < 0.1;
      await dataSource.getRepository(WeeklyReport).insert({
        officialId: person.officialId,
        weekStart: lastWeek,
        results: `本周完成：${pick(rnd, [...TOPICS.lead, ...TOPICS.social])}；${pick(rnd, [...TOPICS.agri, ...TOPICS.build])}。`,
        nextWeekPlan: `下周计划：继续推进${pick(rnd, [...TOPICS.lead, ...TOPICS.build])}。`,
        submittedAt: atLocal(addDays(lastWeek, 6), late ? '15:00' : '10:30'),
        updatedAt: atLocal(addDays(lastWeek, 6), late ? '15:00' : '10:30'),
        late,
        submittedByUserId: 0,
      });
    }
  }
  if (plans > 0) {
    const bumped = await dataSource.getRepository(CacheVersion).increment({ name: 'journals' }, 'version', 1);
    if ((bumped.affected ?? 0) === 0)
      await dataSource.getRepository(CacheVersion).insert({ name: 'journals', version: 1 });
  }
  return { days, plans };
}

/** Bulk inserts of at most 200 rows (SQLite's and MySQL's placeholder limits are far above this). */
async function insertChunks<T extends ObjectLiteral>(
  repository: Repository<T>,
  rows: Array<Partial<T>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await repository.insert(rows.slice(i, i + 200) as never);
}
