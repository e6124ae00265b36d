import { Inject, Injectable } from '@nestjs/common';
import type {
  DayPlanView,
  EntryUpdateView,
  PlanCheckRequest,
  PlanCheckResponse,
  PlanEntryInput,
  PlanRevisionView,
  SavePlanRequest,
} from '@jinri/shared';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import {
  addDays,
  atLocal,
  daysBetween,
  isValidDate,
  localDate,
  minutesOf,
  TIME_RE,
} from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { UploadsRepository } from '../uploads/uploads.repository';
import { isoWeekLabel } from '../lotteries/lottery-draw';
import type { DayPlan } from './day-plan.entity';
import { JournalRulesService, type JurisdictionRules } from './journal-rules.service';
import { JournalsRepository } from './journals.repository';
import { INSIDERS, type OfficialContext, PlanAccess, WRITERS } from './plan-access';
import type { PlanEntry } from './plan-entry.entity';
import { checkPlanEntries } from './plan-quality';
import { entryContent, planView, revisionSnapshot, updateView } from './plan-view';

export const JOURNALS_CACHE = 'journals';
/** How far back a plan may still be written (late), and how far ahead. */
export const PLAN_WINDOW = { pastDays: 7, futureDays: 30 };
export const MAX_ENTRIES = 20;
/** The previous plans the repeat check compares with. */
export const REPEAT_LOOKBACK = 3;

interface SaveOptions {
  /** Clerk spreadsheet import: overwrite whatever version is current (recorded as a revision). */
  ignoreVersion?: boolean;
  /** Batch and import: an empty list withdraws every entry of an existing plan. */
  allowEmpty?: boolean;
}

interface Prepared {
  official: OfficialContext;
  rules: JurisdictionRules;
  date: string;
  now: Date;
  changedBy: string;
}

@Injectable()
export class PlansService {
  constructor(
    private readonly repository: JournalsRepository,
    private readonly access: PlanAccess,
    private readonly rules: JournalRulesService,
    private readonly uploads: UploadsRepository,
    private readonly cache: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A plan as the viewer may see it: published to anyone, otherwise to insiders only. */
  async getPlan(viewer: AuthUser | undefined, officialId: number, date: string): Promise<DayPlanView | null> {
    const official = await this.access.official(officialId);
    assertDate(date);
    const plan = await this.repository.findPlan(officialId, date);
    if (!plan) return null;
    const insider = this.access.can(viewer, INSIDERS, official);
    if (plan.status !== 'published' && !insider) return null;
    return (
      await this.views(
        [plan],
        viewer !== undefined && viewer.roles.some((r) => r === 'supervisor' || r === 'admin'),
      )
    )[0]!;
  }

  async views(plans: DayPlan[], includeLocation: boolean): Promise<DayPlanView[]> {
    const entries = await this.repository.findEntries(plans.map((p) => p.id));
    const updates = await this.repository.findUpdates(entries.map((e) => e.id));
    const uploads = await this.uploads.findByIds(updates.flatMap((u) => u.photoIds));
    const byEntry = new Map<number, EntryUpdateView[]>();
    for (const update of updates) {
      const list = byEntry.get(update.planEntryId) ?? [];
      list.push(updateView(update, uploads, { includeLocation }));
      byEntry.set(update.planEntryId, list);
    }
    const marks = await this.repository.findDrawnMarks(plans.map((p) => p.id));
    return plans.map((plan) => {
      const view = planView(plan, entries, byEntry);
      const mark = marks.find((m) => m.dayPlanId === plan.id);
      if (mark) view.drawn = { lotteryId: mark.lotteryId, week: isoWeekLabel(mark.weekStart) };
      return view;
    });
  }

  /**
   * Saves an official's plan for a date. Before publication it is (re)submitted, late after the
   * deadline; once the publication time has passed it is published at once. After publication every
   * change is a new revision: changed and new entries are marked modified, removed ones withdrawn.
   */
  async savePlan(
    user: AuthUser,
    officialId: number,
    date: string,
    request: SavePlanRequest,
    options: SaveOptions = {},
  ): Promise<DayPlanView> {
    const prepared = await this.prepare(user, officialId, date, request, options);
    const plan = await this.repository.transaction((manager) =>
      this.saveWithin(manager, user, prepared, request, options),
    );
    return (await this.views([plan], false))[0]!;
  }

  /**
   * Saves several officials' plans for one date in one transaction: every plan is checked first,
   * and if any is invalid nothing is written (400 with each problem under plans.<i>.).
   */
  async saveMany(
    user: AuthUser,
    date: string,
    items: Array<{ officialId: number; request: SavePlanRequest }>,
    options: SaveOptions = {},
  ): Promise<DayPlanView[]> {
    const problems: Array<{ field: string; reasons: string[] }> = [];
    const prepared: Prepared[] = [];
    for (const [i, item] of items.entries()) {
      try {
        prepared.push(await this.prepare(user, item.officialId, date, item.request, options));
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        const details = Array.isArray(error.details)
          ? (error.details as Array<{ field: string; reasons: string[] }>)
          : [];
        if (details.length === 0) problems.push({ field: `plans.${i}`, reasons: [error.message] });
        for (const d of details) problems.push({ field: `plans.${i}.${d.field}`, reasons: d.reasons });
      }
    }
    if (problems.length > 0) throw new AppException('PLAN.INVALID_ENTRY', undefined, problems);
    const plans = await this.repository.transaction(async (manager) => {
      const saved: DayPlan[] = [];
      for (const [i, item] of items.entries())
        saved.push(await this.saveWithin(manager, user, prepared[i]!, item.request, options));
      return saved;
    });
    return this.views(plans, false);
  }

  private async prepare(
    user: AuthUser,
    officialId: number,
    date: string,
    request: SavePlanRequest,
    options: SaveOptions,
  ): Promise<Prepared> {
    const official = await this.access.official(officialId);
    this.access.assert(user, WRITERS, official);
    assertDate(date);
    const now = this.clock.now();
    const offset = daysBetween(localDate(now), date);
    if (offset < -PLAN_WINDOW.pastDays || offset > PLAN_WINDOW.futureDays)
      throw new AppException('PLAN.DATE_OUT_OF_RANGE');
    const rules = await this.rules.forUnitPath(official.primaryUnitPath);
    validateEntries(request.entries, rules, { allowEmpty: options.allowEmpty === true });
    return { official, rules, date, now, changedBy: this.access.label(user, official) };
  }

  private async saveWithin(
    manager: EntityManager,
    user: AuthUser,
    { official, rules, date, now, changedBy }: Prepared,
    request: SavePlanRequest,
    options: SaveOptions,
  ): Promise<DayPlan> {
    const officialId = official.officialId;
    const existing = await this.repository.findPlan(officialId, date, manager);
    if (!existing && request.entries.length === 0) {
      throw new AppException('PLAN.INVALID_ENTRY', undefined, [
        { field: 'entries', reasons: ['至少填写一项工作'] },
      ]);
    }
    const current = existing ?? (await this.repository.insertPlan(manager, { officialId, date }));
    const fresh = current.status === 'draft' && current.submittedAt === null;
    const expected =
      options.ignoreVersion || (fresh && request.version === undefined) ? current.version : request.version;
    if (expected !== current.version) {
      throw new AppException('PLAN.VERSION_CONFLICT', undefined, { currentVersion: current.version });
    }
    const wasPublished = current.status === 'published';
    const entries = await this.repository.findEntries([current.id], manager);
    const changed = await this.applyEntries(
      manager,
      current,
      entries,
      request.entries,
      wasPublished ? now : null,
    );
    if (wasPublished && !changed) return current;

    const publishNow = !wasPublished && now.getTime() >= atLocal(date, rules.publicationTime).getTime();
    const changes: Partial<DayPlan> = wasPublished
      ? { revision: current.revision + 1 }
      : {
          status: publishNow ? 'published' : 'submitted',
          submittedAt: now,
          submittedByUserId: user.userId,
          late: now.getTime() > planDueAt(date, rules).getTime(),
          ...(publishNow ? { publishedAt: now } : {}),
        };
    if (!(await this.repository.bumpVersion(manager, current.id, current.version, changes))) {
      throw new AppException('PLAN.VERSION_CONFLICT');
    }
    const saved = (await this.repository.findPlan(officialId, date, manager))!;
    await this.recordRevision(
      manager,
      saved,
      wasPublished ? 'revised' : publishNow ? 'published' : 'submitted',
      user.userId,
      changedBy,
    );
    if (wasPublished || publishNow) await this.cache.bump(JOURNALS_CACHE, manager);
    return saved;
  }

  /** Writes the entry list; returns whether anything changed. Nothing is deleted. */
  private async applyEntries(
    manager: EntityManager,
    plan: DayPlan,
    existing: PlanEntry[],
    input: PlanEntryInput[],
    modifiedAt: Date | null,
  ): Promise<boolean> {
    const active = new Map(existing.filter((e) => e.status === 'active').map((e) => [e.id, e]));
    for (const entry of input) {
      if (entry.id !== undefined && !active.has(entry.id)) {
        throw new AppException('PLAN.INVALID_ENTRY', '要修改的条目不属于这份日程，请刷新后重试');
      }
    }
    let changed = false;
    const kept = new Set<number>();
    for (const [position, entry] of input.entries()) {
      const values = normalizeEntry(entry);
      if (entry.id !== undefined) {
        kept.add(entry.id);
        const before = active.get(entry.id)!;
        const contentChanged = entryContent(before) !== entryContent({ ...values });
        if (contentChanged || before.position !== position) {
          await this.repository.updateEntry(manager, entry.id, {
            ...values,
            position,
            ...(contentChanged && modifiedAt ? { modifiedAt } : {}),
          });
          changed ||= contentChanged;
        }
      } else {
        await this.repository.insertEntry(manager, {
          ...values,
          dayPlanId: plan.id,
          position,
          status: 'active',
          modifiedAt,
        });
        changed = true;
      }
    }
    for (const entry of active.values()) {
      if (kept.has(entry.id)) continue;
      await this.repository.updateEntry(manager, entry.id, {
        status: 'withdrawn',
        ...(modifiedAt ? { modifiedAt } : {}),
      });
      changed = true;
    }
    return changed;
  }

  private async recordRevision(
    manager: EntityManager,
    plan: DayPlan,
    kind: 'submitted' | 'published' | 'revised',
    userId: number | null,
    changedBy: string,
  ): Promise<void> {
    const entries = await this.repository.findEntries([plan.id], manager);
    await this.repository.insertRevision(manager, {
      dayPlanId: plan.id,
      revision: plan.revision,
      kind,
      changedByUserId: userId,
      changedBy,
      snapshot: revisionSnapshot(entries),
    });
  }

  /** The revision history: public once published, insiders only before. */
  async revisions(
    viewer: AuthUser | undefined,
    officialId: number,
    date: string,
  ): Promise<PlanRevisionView[]> {
    const official = await this.access.official(officialId);
    assertDate(date);
    const plan = await this.repository.findPlan(officialId, date);
    if (!plan || (plan.status !== 'published' && !this.access.can(viewer, INSIDERS, official))) {
      throw new AppException('PLAN.NOT_FOUND');
    }
    const rows = await this.repository.findRevisions(plan.id);
    const visible =
      plan.status === 'published' && !this.access.can(viewer, INSIDERS, official)
        ? rows.filter((r) => r.kind !== 'submitted')
        : rows;
    return visible.map((r) => ({
      revision: r.revision,
      kind: r.kind,
      at: r.createdAt.toISOString(),
      by: r.changedBy,
      entries: r.snapshot,
    }));
  }

  /** Quality warnings for the editor (and the supervision job): vague, too short, repeated. */
  async check(viewer: AuthUser, request: PlanCheckRequest): Promise<PlanCheckResponse> {
    let previous: Array<{ date: string; entries: Array<{ what: string; place: string | null }> }> = [];
    if (request.officialId !== undefined) {
      const official = await this.access.official(request.officialId);
      this.access.assert(viewer, INSIDERS, official);
      const date = request.date ?? addDays(localDate(this.clock.now()), 1);
      assertDate(date);
      previous = await this.previousEntries(official, date);
    }
    return { warnings: checkPlanEntries(request.entries, previous) };
  }

  async previousEntries(official: OfficialContext, date: string) {
    const plans = await this.repository.findPlansBefore(official.officialId, date, REPEAT_LOOKBACK);
    const entries = await this.repository.findEntries(plans.map((p) => p.id));
    return plans.map((p) => ({
      date: p.date,
      entries: entries
        .filter((e) => e.dayPlanId === p.id && e.status === 'active')
        .map((e) => ({ what: e.what, place: e.place })),
    }));
  }

  /** Publishes every submitted plan dated on or before `date` for these officials; returns how many. */
  async publishDue(date: string, officialIds: number[]): Promise<number> {
    const due = await this.repository.findDueForPublication(date, officialIds);
    let published = 0;
    const now = this.clock.now();
    for (const plan of due) {
      await this.repository.transaction(async (manager) => {
        if (!(await this.repository.markPublished(manager, plan.id, now))) return;
        const saved = (await this.repository.findPlan(plan.officialId, plan.date, manager))!;
        await this.recordRevision(manager, saved, 'published', null, '系统');
        published += 1;
      });
    }
    if (published > 0) await this.cache.bump(JOURNALS_CACHE);
    return published;
  }
}

/** When a plan for `date` is due: planDueTime of the day before (a plan handed in later is late). */
export function planDueAt(date: string, rules: Pick<JurisdictionRules, 'planDueTime'>): Date {
  return atLocal(addDays(date, -1), rules.planDueTime);
}

export function assertDate(date: string): void {
  if (!isValidDate(date))
    throw new AppException('COMMON.VALIDATION_FAILED', '日期格式应为 2026-11-23', [
      { field: 'date', reasons: ['must be YYYY-MM-DD'] },
    ]);
}

function normalizeEntry(entry: PlanEntryInput) {
  const clean = (value: string | null | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : null;
  };
  return {
    startTime: entry.startTime ?? null,
    endTime: entry.endTime ?? null,
    period: entry.period ?? null,
    place: clean(entry.place),
    placeUnitId: entry.placeUnitId ?? null,
    what: entry.what.trim(),
    kind: entry.kind,
    meetingName: clean(entry.meetingName),
    matterIds: [...new Set(entry.matterIds ?? [])],
  };
}

/** The rules a DTO cannot express: lists of the jurisdiction, times in order, one of time or period. */
export function validateEntries(
  entries: PlanEntryInput[],
  rules: JurisdictionRules,
  options: { allowEmpty?: boolean } = {},
): void {
  const problems: Array<{ field: string; reasons: string[] }> = [];
  if (entries.length === 0 && !options.allowEmpty)
    problems.push({ field: 'entries', reasons: ['至少填写一项工作'] });
  if (entries.length > MAX_ENTRIES)
    problems.push({ field: 'entries', reasons: [`一天最多 ${MAX_ENTRIES} 项`] });
  entries.forEach((entry, i) => {
    const field = (name: string) => `entries.${i}.${name}`;
    if (!entry.what?.trim()) problems.push({ field: field('what'), reasons: ['请填写工作内容'] });
    if (!rules.entryKinds.includes(entry.kind))
      problems.push({ field: field('kind'), reasons: ['请选择标准的工作类别'] });
    if (entry.meetingName && !rules.meetingNames.includes(entry.meetingName)) {
      problems.push({ field: field('meetingName'), reasons: ['请选择标准的会议名称'] });
    }
    for (const name of ['startTime', 'endTime'] as const) {
      const value = entry[name];
      if (value && !TIME_RE.test(value))
        problems.push({ field: field(name), reasons: ['时间格式应为 08:30'] });
    }
    if (!entry.startTime && !entry.period)
      problems.push({ field: field('startTime'), reasons: ['请填写开始时间或选择上午/下午/全天'] });
    if (entry.startTime && entry.endTime && TIME_RE.test(entry.startTime) && TIME_RE.test(entry.endTime)) {
      if (minutesOf(entry.endTime) <= minutesOf(entry.startTime))
        problems.push({ field: field('endTime'), reasons: ['结束时间应晚于开始时间'] });
    }
  });
  if (problems.length > 0) {
    const unknownKind = problems.every((p) => p.field.endsWith('.kind'));
    throw new AppException(unknownKind ? 'PLAN.UNKNOWN_KIND' : 'PLAN.INVALID_ENTRY', undefined, problems);
  }
}
