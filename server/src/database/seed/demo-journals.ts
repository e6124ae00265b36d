import { type DataSource, In, type ObjectLiteral, type Repository } from 'typeorm';
import { ENTRY_KINDS } from '@jinri/shared';
import { addDays, atLocal, weekStart } from '../../common/time/local-time';
import { WorkCalendar } from '../../modules/calendar/work-calendar';
import { CacheVersion } from '../../modules/jobs/cache-version.entity';
import { DayPlan } from '../../modules/journals/day-plan.entity';
import { EntryUpdate } from '../../modules/journals/entry-update.entity';
import { Leave } from '../../modules/journals/leave.entity';
import { PlanEntry } from '../../modules/journals/plan-entry.entity';
import { PlanRevision } from '../../modules/journals/plan-revision.entity';
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
} as const;

const TOPICS = {
  lead: [
    '秋冬季森林防火',
    '人居环境整治',
    '安置房建设进度',
    '冬季安全生产',
    '信访积案化解',
    '高标准农田建设',
    '集体经济项目',
  ],
  agri: ['秋播小麦田间管理', '高标准农田验收', '农机购置补贴申报', '畜禽养殖污染整治', '土地流转合同签订'],
  build: ['农村危房改造验收', '村道硬化工程', '自来水管网改造', '安置房主体施工', '农贸市场提升改造'],
  social: ['低保对象动态复核', '临时救助申请核查', '高龄津贴资格认证', '特困人员探视', '残疾人两项补贴核实'],
  county: ['县委常委会议', '县政府常务会议', '全县冬季安全生产工作会议', '重点项目调度会'],
};

/** What a post does on a working day: 2–4 specific entries, morning to afternoon. */
function dayFor(person: Person, villages: Village[], rnd: () => number): Draft[] {
  const ownVillages = villages.filter((v) => v.townId === person.townId);
  const village = ownVillages.length > 0 ? pick(rnd, ownVillages) : pick(rnd, villages);
  const title = person.title;
  const at = (startTime: string, endTime: string | null) => ({ startTime, endTime, period: null });
  const draft = (
    time: ReturnType<typeof at>,
    place: string | null,
    what: string,
    kind: string,
    meetingName: string | null = null,
    placeUnitId: number | null = null,
  ): Draft => ({
    ...time,
    place,
    placeUnitId,
    what,
    kind,
    meetingName,
  });

  if (person.unitKind === 'county') {
    const topic = pick(rnd, TOPICS.county);
    return [
      draft(
        at('08:30', '11:30'),
        '县委三楼常委会议室',
        `出席${topic}，研究${pick(rnd, TOPICS.lead)}工作`,
        K.meeting,
        topic.includes('常委') ? '党委（党组）会议' : '政府常务会议',
      ),
      draft(
        at('14:30', '17:30'),
        village.name,
        `到${village.name}调研${pick(rnd, TOPICS.lead)}`,
        K.field,
        null,
        village.id,
      ),
    ];
  }
  if (person.unitKind === 'village') {
    const own = villages.find((v) => v.id === person.unitId);
    const name = own?.name ?? person.unitName;
    return [
      draft(
        at('08:00', '11:30'),
        `${name}村委会`,
        `在村委会坐班，为群众代办${pick(rnd, ['低保年审', '医保缴费', '养老保险认证', '残疾证申请'])}`,
        K.office,
      ),
      draft(
        at('14:30', '16:30'),
        `${name}${pick(rnd, ['东组', '西组', '南街', '北街'])}`,
        `入户走访${pick(rnd, ['独居老人', '低保户', '防返贫监测户', '留守儿童家庭'])}，了解生活困难`,
        K.visit,
        null,
        own?.id ?? null,
      ),
      ...(rnd() < 0.5
        ? [
            draft(
              at('16:30', '17:30'),
              `${name}村委会`,
              `调解${pick(rnd, ['邻里宅基地边界', '土地承包', '赡养'])}纠纷`,
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
    const townVillage = villages.find((v) => v.townId === town)!;
    return [
      draft(
        at('08:30', '10:00'),
        `${person.unitName}三楼会议室`,
        `主持召开股室周例会，部署${pick(rnd, TOPICS.build)}工作`,
        K.meeting,
        '周例会',
      ),
      draft(
        at('10:00', '12:00'),
        `${person.unitName}`,
        `办公室坐班，审核${pick(rnd, ['项目资金拨付', '群众来信来访', '申报材料'])}`,
        K.office,
      ),
      draft(
        at('14:30', '17:30'),
        townVillage.name,
        `到${townVillage.name}督导检查${pick(rnd, [...TOPICS.build, ...TOPICS.agri])}`,
        K.inspect,
        null,
        townVillage.id,
      ),
    ];
  }
  // Town (乡镇/街道) posts.
  if (/书记|镇长|乡长|主任/.test(title) && !/副/.test(title)) {
    return [
      draft(
        at('08:30', '10:00'),
        '镇政府三楼会议室',
        `主持召开${pick(rnd, ['党委会', '班子周例会'])}，研究${pick(rnd, TOPICS.lead)}`,
        K.meeting,
        pick(rnd, ['党委（党组）会议', '周例会']),
      ),
      draft(
        at('10:00', '12:00'),
        village.name,
        `到${village.name}调度${pick(rnd, TOPICS.lead)}，现场协调解决问题`,
        K.field,
        null,
        village.id,
      ),
      draft(at('15:00', '17:30'), '镇便民服务中心', '在镇便民服务中心接待来访群众', K.visit),
    ];
  }
  if (/民政/.test(title)) {
    return [
      draft(at('08:30', '11:30'), '镇便民服务中心民政窗口', `坐班受理${pick(rnd, TOPICS.social)}`, K.office),
      draft(
        at('14:30', '17:00'),
        village.name,
        `到${village.name}入户核查${pick(rnd, TOPICS.social)}，核实家庭收入`,
        K.field,
        null,
        village.id,
      ),
    ];
  }
  if (/社保|人力资源/.test(title)) {
    return [
      draft(at('08:30', '12:00'), '镇便民服务中心社保窗口', '办理城乡居民养老保险参保和待遇认证', K.office),
      draft(
        at('14:30', '17:00'),
        village.name,
        `到${village.name}宣传城乡居民医保缴费政策`,
        K.field,
        null,
        village.id,
      ),
    ];
  }
  if (/国土|自然资源/.test(title)) {
    return [
      draft(
        at('09:00', '11:30'),
        village.name,
        `到${village.name}对宅基地审批申请进行现场踏勘`,
        K.field,
        null,
        village.id,
      ),
      draft(at('14:30', '17:30'), '镇国土所', '审核宅基地审批材料，解答群众咨询', K.office),
    ];
  }
  return [
    draft(
      at('08:30', '11:30'),
      village.name,
      `到${village.name}推进${pick(rnd, [...TOPICS.agri, ...TOPICS.build])}`,
      K.field,
      null,
      village.id,
    ),
    draft(at('14:30', '17:30'), '镇政府', `督导检查${pick(rnd, TOPICS.lead)}落实情况`, K.inspect),
  ];
}

const VAGUE = ['日常工作', '处理日常事务'];
const REPEATED = '检查拆迁项目';
const PROGRESS = ['已到现场，正在协调', '完成一半，下午继续', '已召集相关人员对接'];
const RESULTS = ['问题已解决，群众满意', '已形成整改清单，限期完成', '已完成，资料归档'];

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

  for (let date = from; date <= tomorrow; date = addDays(date, 1)) {
    if (!calendar.isWorkday(date)) continue;
    days += 1;
    const isTomorrow = date === tomorrow;
    const published = !isTomorrow && now.getTime() >= atLocal(date, '08:00').getTime();
    await dataSource.transaction(async (manager) => {
      // Decide every plan of the day first, then write them in a few bulk inserts.
      const dayPlans: Array<{ person: Person; drafts: Draft[]; late: boolean; rnd: () => number }> = [];
      const leaves: Array<Partial<Leave>> = [];
      for (const [index, person] of people.entries()) {
        const rnd = random(Number(date.replace(/-/g, '')) * 1000 + person.officialId);
        // Some officials are on leave (approved): no plan that day.
        if ((person.officialId + Number(date.slice(8))) % 41 === 0) {
          leaves.push({
            officialId: person.officialId,
            startDate: date,
            endDate: date,
            reason: pick(rnd, ['参加县委党校培训', '陪同家人就医', '事假']),
            status: 'approved',
            requestedByUserId: 0,
            decidedByUserId: 0,
            decidedAt: atLocal(addDays(date, -1), '16:00'),
          });
          continue;
        }
        // Tomorrow: about two thirds have submitted by now.
        if (isTomorrow && rnd() < 0.33) continue;
        let drafts = dayFor(person, villages, rnd);
        if (index % 37 === 5)
          drafts = [{ ...drafts[0]!, what: pick(rnd, VAGUE), place: null, placeUnitId: null }];
        if (index % 29 === 3) drafts = [{ ...drafts[0]!, what: REPEATED }];
        dayPlans.push({ person, drafts, late: rnd() < 0.08, rnd });
      }
      if (leaves.length > 0) await manager.getRepository(Leave).insert(leaves);
      await insertChunks(
        manager.getRepository(DayPlan),
        dayPlans.map(({ person, late, rnd }) => ({
          officialId: person.officialId,
          date,
          status: published ? ('published' as const) : ('submitted' as const),
          late,
          submittedAt: atLocal(
            addDays(date, -1),
            late ? '19:40' : pick(rnd, ['15:20', '16:45', '17:30', '17:55']),
          ),
          submittedByUserId: null,
          publishedAt: published ? atLocal(date, '08:00') : null,
          revision: 0,
          version: 2,
        })),
      );
      const planIds = new Map(
        (await manager.getRepository(DayPlan).findBy({ date })).map((p) => [p.officialId, p.id]),
      );
      await insertChunks(
        manager.getRepository(PlanEntry),
        dayPlans.flatMap(({ person, drafts }) =>
          drafts.map((d, position) => ({
            ...d,
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
      for (const { person, rnd } of dayPlans) {
        const planId = planIds.get(person.officialId)!;
        const list = (entriesOf.get(planId) ?? []).sort((a, b) => a.position - b.position);
        revisions.push({
          dayPlanId: planId,
          revision: 0,
          kind: 'submitted',
          changedByUserId: null,
          changedBy: '本人',
          snapshot: snapshot(list),
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
        });
        // A few plans change after publication (a meeting moved): a public revision.
        if (rnd() < 0.06 && list.length > 1) {
          const moved = list[list.length - 1]!;
          const modifiedAt = atLocal(date, '10:20');
          await manager.getRepository(PlanEntry).update({ id: moved.id }, { startTime: '15:30', modifiedAt });
          moved.startTime = '15:30';
          await manager.getRepository(DayPlan).update({ id: planId }, { revision: 1, version: 3 });
          revisions.push({
            dayPlanId: planId,
            revision: 1,
            kind: 'revised',
            changedByUserId: null,
            changedBy: '本人',
            snapshot: snapshot(list),
          });
        }
        // 一日三晒 on past days (and this morning's first entries).
        if (date < today || now.getTime() >= atLocal(date, '12:00').getTime()) {
          for (const e of list.slice(0, 2)) {
            if (rnd() < 0.35)
              updates.push({
                planEntryId: e.id,
                kind: 'progress',
                text: pick(rnd, PROGRESS),
                photoIds: [],
                location: null,
                createdByUserId: 0,
              });
            if (date < today && rnd() < 0.3)
              updates.push({
                planEntryId: e.id,
                kind: 'result',
                text: pick(rnd, RESULTS),
                photoIds: [],
                location: null,
                createdByUserId: 0,
              });
          }
        }
      }
      await insertChunks(manager.getRepository(PlanRevision), revisions);
      await insertChunks(manager.getRepository(EntryUpdate), updates);
    });
  }

  // Last week's reports for most people (late for a few), once.
  const lastWeek = addDays(weekStart(today), -7);
  if ((await dataSource.getRepository(WeeklyReport).countBy({ weekStart: lastWeek })) === 0) {
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
