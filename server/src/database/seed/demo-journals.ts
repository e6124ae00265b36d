import { type DataSource, In, type ObjectLiteral, type Repository } from 'typeorm';
import { addDays, atLocal, weekStart } from '../../common/time/local-time';
import { WorkCalendar } from '../../modules/calendar/work-calendar';
import { CacheVersion } from '../../modules/cache/cache-version.entity';
import { DayPlan } from '../../modules/journals/day-plan.entity';
import { EntryUpdate } from '../../modules/journals/entry-update.entity';
import { Leave } from '../../modules/journals/leave.entity';
import { PlanEntry } from '../../modules/journals/plan-entry.entity';
import { PlanRevision } from '../../modules/journals/plan-revision.entity';
import { checkPlanEntries, type PreviousDay } from '../../modules/journals/plan-quality';
import { revisionSnapshot } from '../../modules/journals/plan-view';
import { REPEAT_LOOKBACK } from '../../modules/journals/plans.service';
import { WeeklyReport } from '../../modules/journals/weekly-report.entity';
import {
  type Draft,
  dayFor,
  freshDay,
  isDemoRepeater,
  isDemoSkipper,
  K,
  MINUTE,
  type Person,
  pick,
  PROGRESS,
  random,
  repeatedDraft,
  RESULTS,
  skipsDay,
  topicsFor,
  VAGUE,
  type Village,
} from './demo-day-plans';

/** How many days back the demo shows plans for. */
export const DEMO_DAYS_BACK = 13;

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
    if (seen.has(id)) continue;
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
        // The skipper sends nothing on one day a week, without leave (the morning check's 未报送).
        if (!isTomorrow && isDemoSkipper(person, people) && skipsDay(date)) continue;
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
        // The repeater's same inspection every morning, then whatever else the afternoon holds.
        if (isDemoRepeater(person, people))
          drafts = [repeatedDraft(date), ...drafts.filter((d) => (d.startTime ?? '') >= '14:00')];
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
          snapshot: revisionSnapshot(list),
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
          snapshot: revisionSnapshot(list),
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
            snapshot: revisionSnapshot(list),
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
