import type { DataSource } from 'typeorm';
import type { PlanStatus } from '@jinri/shared';
import { DEFAULT_RULES } from '@jinri/shared';
import { addDays, atLocal, minutesOf } from '../../src/common/time/local-time';
import { DayPlan } from '../../src/modules/journals/day-plan.entity';
import { PlanEntry } from '../../src/modules/journals/plan-entry.entity';

/** Monday 2026-11-23, 17:00 in Asia/Shanghai: the evening an official writes TOMORROW's plan. */
export const MONDAY_5PM = new Date('2026-11-23T09:00:00Z');
export const TOMORROW = '2026-11-24';

/** One entry of a plan as a request body (PUT /plans/…): a village visit from 09:00 to 11:30. */
export function entryBody(what: string, extra: Record<string, unknown> = {}) {
  return { startTime: '09:00', endTime: '11:30', place: '魏庄村', what, kind: '下村/实地', ...extra };
}

/** What a test says about one entry; the rest has sensible defaults. */
export type EntrySeed = Partial<Omit<PlanEntry, 'id' | 'dayPlan' | 'dayPlanId' | 'position'>>;

export interface PlanSeed {
  officialId: number;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  /** 'published' (the default) is what residents see and comment on; 'draft' is not public. */
  status?: PlanStatus;
  entries?: EntrySeed[];
  /** When the plan was handed in; the evening before its day (17:00) unless given. */
  submittedAt?: Date;
  submittedByUserId?: number | null;
}

/** A day plan as saved, with its entries in order. */
export interface SeededPlan {
  plan: DayPlan;
  entries: PlanEntry[];
}

/** An entry as the demo seed would write it: a village visit from 09:00 to 11:30. */
export function entryFactory(overrides: EntrySeed = {}): EntrySeed {
  return {
    startTime: '09:00',
    endTime: '11:30',
    period: null,
    place: '魏庄村',
    placeUnitId: null,
    what: '到魏庄村调度秋粮收购进度',
    kind: '下村/实地',
    meetingName: null,
    matterIds: [],
    status: 'active',
    modifiedAt: null,
    ...overrides,
  };
}

/** The product's rule: an entry that has both times ends after it starts. */
function checkTimes(entries: EntrySeed[]): void {
  for (const e of entries) {
    if (e.startTime && e.endTime && minutesOf(e.endTime) <= minutesOf(e.startTime))
      throw new Error(`journal factory: ${e.startTime}–${e.endTime} does not end after it starts`);
  }
}

/**
 * Inserts one official's plan for one day with its entries (one default entry unless given). A
 * published plan was submitted the evening before and published at the county's publication time
 * (08:00 of its day), never later than its own day, so it is valid by the product's rules.
 */
export async function insertDayPlan(data: DataSource, seed: PlanSeed): Promise<SeededPlan> {
  const status = seed.status ?? 'published';
  const entries = (seed.entries ?? [{}]).map((e) => entryFactory(e));
  checkTimes(entries);
  const submittedAt =
    status === 'draft' ? null : (seed.submittedAt ?? atLocal(addDays(seed.date, -1), '17:00'));
  const publishedAt = status === 'published' ? atLocal(seed.date, DEFAULT_RULES.publicationTime) : null;
  if (submittedAt && publishedAt && submittedAt > publishedAt)
    throw new Error('journal factory: a plan is submitted before it is published');
  return data.transaction(async (manager) => {
    const plan = await manager.getRepository(DayPlan).save(
      Object.assign(new DayPlan(), {
        officialId: seed.officialId,
        date: seed.date,
        status,
        late: false,
        submittedAt,
        submittedByUserId: seed.submittedByUserId ?? null,
        publishedAt,
        revision: 0,
        version: 1,
      }),
    );
    const saved = await manager
      .getRepository(PlanEntry)
      .save(
        entries.map((e, position) => Object.assign(new PlanEntry(), { ...e, dayPlanId: plan.id, position })),
      );
    return { plan, entries: saved };
  });
}
