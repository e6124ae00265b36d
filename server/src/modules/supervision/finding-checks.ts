/**
 * The morning check's rules (督查): from the facts of a day (or a week, or the open tickets) to the
 * findings to record. Pure: no I/O, no clock (`now` is given), inputs never mutated. The service reads
 * the facts in bulk and records what these functions return through FindingsRepository.record().
 *
 * - missing: a working day (holidays off, 调休 make-up Saturdays on), no plan submitted, no approved
 *   leave covering the day.
 * - late: handed in after the deadline of plans.service (planDueAt: 18:00 the day before).
 * - vague: plan-quality's vague or too_short warnings on the entries AS PUBLISHED.
 * - repeated: plan-quality's near-copies of the previous working days' published entries, with the
 *   streak of working days in a row that carry a near-copy.
 * - weekly_missing / weekly_late: the weekly report against weeklyReportDueAt.
 * - ticket_overdue: an open ticket past its deadline, one finding per ticket.
 *
 * Rest days never produce findings. What was published counts, not what the plan says now: a plan
 * withdrawn or rewritten after publication is judged by its published revision (publishedEntries).
 */
import {
  type FindingEvidence,
  type JournalRules,
  type PlanRevisionView,
  type PlanStatus,
  SUPERVISION_RULES,
} from '@jinri/shared';
import { addDays, localDate } from '../../common/time/local-time';
import type { WorkCalendar } from '../calendar/work-calendar';
import { planDueAt, REPEAT_LOOKBACK } from '../journals/plans.service';
import { checkPlanEntries, type PreviousDay } from '../journals/plan-quality';
import type { PlanWarning } from '@jinri/shared';
import { weeklyReportDueAt } from '../journals/weekly-reports.service';
import { maskDigits } from '../notifications/in-app-text';
import { workingDeadline } from '../tickets/ticket-deadlines';
import type { NewFinding } from './findings.repository';

/** An official the check covers, with the unit of their primary post (the finding's unit). */
export interface CheckedOfficial {
  officialId: number;
  unitId: number;
}

/** One entry as it was published. */
export interface PublishedEntry {
  entryId: number;
  what: string;
  place: string | null;
  kind: string | null;
}

/** A plan handed in for the checked date (status submitted or published). */
export interface PlanFacts {
  officialId: number;
  status: PlanStatus;
  submittedAt: Date | null;
  /** The entries as published (see publishedEntries); empty while only submitted. */
  entries: PublishedEntry[];
}

/** An approved leave (its dates inclusive). */
export interface LeaveSpan {
  officialId: number;
  startDate: string;
  endDate: string;
}

/** One official's published entries of an earlier date. */
export interface EarlierPlan {
  officialId: number;
  date: string;
  entries: PublishedEntry[];
}

export interface DailyFacts {
  date: string;
  /** When the check runs: the base of explainDueAt. */
  now: Date;
  officials: CheckedOfficial[];
  plans: PlanFacts[];
  leaves: LeaveSpan[];
  /** Published plans of the earlier working days (see earlierWorkingDays); others are ignored. */
  earlier: EarlierPlan[];
  rules: Pick<JournalRules, 'planDueTime'>;
  calendar: WorkCalendar;
  /** recentWarnings of the same facts, when the caller has them (else computed here). */
  warnings?: Map<number, PlanWarning[]>;
}

/** A revision's entry or a stored entry: what publishedEntries needs of either. */
interface EntryRow {
  id: number;
  what: string;
  place: string | null;
  kind: string | null;
  status: 'active' | 'withdrawn';
  createdAt?: Date;
  modifiedAt?: Date | null;
}

/**
 * The entries of a plan as they were published: the active entries of its `published` revision when
 * there is one; otherwise (plans written without revisions: imports, seeds) the stored entries that
 * were there at publication — all but those withdrawn before it (withdrawn without a modification
 * time) and those added after it (created after publication and modified since).
 */
export function publishedEntries(
  snapshot: PlanRevisionView['entries'] | null,
  entries: EntryRow[],
  publishedAt: Date | null,
): PublishedEntry[] {
  const rows: EntryRow[] = snapshot
    ? snapshot.filter((e) => e.status === 'active')
    : entries.filter((e) => {
        if (e.status === 'withdrawn' && !e.modifiedAt) return false;
        if (!publishedAt || !e.createdAt || e.createdAt.getTime() <= publishedAt.getTime()) return true;
        return !e.modifiedAt;
      });
  return rows.map((e) => ({ entryId: e.id, what: e.what, place: e.place, kind: e.kind }));
}

/** The `count` working days before `date`, latest first. */
export function earlierWorkingDays(calendar: WorkCalendar, date: string, count: number): string[] {
  const days: string[] = [];
  let day = date;
  // A year of rest days at most: stops even on a calendar with no working day at all.
  for (let guard = 0; days.length < count && guard < 366; guard++) {
    day = addDays(day, -1);
    if (calendar.isWorkday(day)) days.push(day);
  }
  return days;
}

/** Whether an approved leave covers `date`. */
function leaveIndex(leaves: LeaveSpan[], date: string): Set<number> {
  return new Set(leaves.filter((l) => l.startDate <= date && date <= l.endDate).map((l) => l.officialId));
}

const minutesBetween = (from: Date, to: Date) => Math.ceil((to.getTime() - from.getTime()) / 60_000);

/** The earlier days' plans of each official, latest date first. */
function earlierByOfficial(earlier: EarlierPlan[], days: string[]): Map<number, PreviousDay[]> {
  const wanted = new Set(days);
  const result = new Map<number, PreviousDay[]>();
  for (const plan of earlier) {
    if (!wanted.has(plan.date)) continue;
    const list = result.get(plan.officialId) ?? [];
    list.push({ date: plan.date, entries: plan.entries });
    result.set(plan.officialId, list);
  }
  for (const list of result.values()) list.sort((a, b) => (a.date < b.date ? 1 : -1));
  return result;
}

/**
 * The plan check of each official's published entries on `date` against their previous
 * REPEAT_LOOKBACK working days (the plan check's window), by official. Computed once per run: it
 * tells who repeats (officialsWithRepeats) and gives dailyFindings its vague and repeated warnings.
 */
export function recentWarnings(
  date: string,
  plans: PlanFacts[],
  earlier: EarlierPlan[],
  calendar: WorkCalendar,
): Map<number, PlanWarning[]> {
  const result = new Map<number, PlanWarning[]>();
  if (!calendar.isWorkday(date)) return result;
  const byOfficial = earlierByOfficial(earlier, earlierWorkingDays(calendar, date, REPEAT_LOOKBACK));
  for (const p of plans) {
    if (p.status !== 'published' || p.entries.length === 0) continue;
    result.set(p.officialId, checkPlanEntries(p.entries, byOfficial.get(p.officialId) ?? []));
  }
  return result;
}

/**
 * The officials whose published entries nearly copy one of the previous REPEAT_LOOKBACK working days
 * (from recentWarnings): only they need the longer look back for their streak.
 */
export function officialsWithRepeats(warnings: Map<number, PlanWarning[]>): number[] {
  return [...warnings]
    .filter(([, list]) => list.some((w) => w.kind === 'repeated'))
    .map(([officialId]) => officialId);
}

/**
 * The indexes dailyFindings builds over a run's facts, kept per facts array: the service calls it
 * once per jurisdiction with the same arrays, and each call must not rebuild them (that would cost
 * jurisdictions × county size).
 */
const planIndexes = new WeakMap<PlanFacts[], Map<number, PlanFacts>>();
const earlierIndexes = new WeakMap<EarlierPlan[], Map<string, Map<number, PreviousDay[]>>>();
const leaveIndexes = new WeakMap<LeaveSpan[], Map<string, Set<number>>>();

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function memoByDate<K extends object, V>(
  cache: WeakMap<K, Map<string, V>>,
  key: K,
  date: string,
  make: () => V,
): V {
  const byDate = memo(cache, key, () => new Map<string, V>());
  let value = byDate.get(date);
  if (value === undefined) {
    value = make();
    byDate.set(date, value);
  }
  return value;
}

/** The findings of one day: missing, late, vague and repeated. */
export function dailyFindings(facts: DailyFacts): NewFinding[] {
  const { date, calendar } = facts;
  if (!calendar.isWorkday(date)) return [];
  const dueAt = planDueAt(date, facts.rules);
  const explainDueAt = workingDeadline(calendar, facts.now, SUPERVISION_RULES.explainWorkingDays);
  const onLeave = memoByDate(leaveIndexes, facts.leaves, date, () => leaveIndex(facts.leaves, date));
  const plans = memo(
    planIndexes,
    facts.plans,
    () => new Map(facts.plans.filter((p) => p.status !== 'draft').map((p) => [p.officialId, p])),
  );
  const shortWindow = earlierWorkingDays(calendar, date, REPEAT_LOOKBACK);
  const longWindow = earlierWorkingDays(calendar, date, SUPERVISION_RULES.repeatLookbackWorkingDays);
  const earlier = memoByDate(earlierIndexes, facts.earlier, date, () =>
    earlierByOfficial(facts.earlier, longWindow),
  );

  const findings: NewFinding[] = [];
  const add = (official: CheckedOfficial, evidence: FindingEvidence) =>
    findings.push({
      officialId: official.officialId,
      unitId: official.unitId,
      date,
      kind: evidence.kind,
      evidence,
      explainDueAt,
    });

  for (const official of facts.officials) {
    const plan = plans.get(official.officialId);
    const leave = onLeave.has(official.officialId);
    if (!plan) {
      if (!leave) add(official, { kind: 'missing', dueAt: dueAt.toISOString(), onLeave: false });
      continue;
    }
    const submittedAt = plan.submittedAt;
    if (!leave && submittedAt && submittedAt.getTime() > dueAt.getTime()) {
      add(official, {
        kind: 'late',
        dueAt: dueAt.toISOString(),
        submittedAt: submittedAt.toISOString(),
        minutesLate: minutesBetween(dueAt, submittedAt),
      });
    }
    if (plan.status !== 'published' || plan.entries.length === 0) continue;

    const previous = earlier.get(official.officialId) ?? [];
    const warnings =
      facts.warnings?.get(official.officialId) ??
      checkPlanEntries(
        plan.entries,
        previous.filter((d) => shortWindow.includes(d.date)),
      );
    const vague = new Map<number, string[]>();
    const repeated: number[] = [];
    for (const w of warnings) {
      if (w.kind === 'repeated') repeated.push(w.entryIndex);
      else vague.set(w.entryIndex, [...(vague.get(w.entryIndex) ?? []), w.kind]);
    }
    if (vague.size > 0) {
      add(official, {
        kind: 'vague',
        entries: [...vague].map(([index, kinds]) => {
          const e = plan.entries[index]!;
          return { entryId: e.entryId, what: e.what, place: e.place, warnings: kinds };
        }),
      });
    }
    if (repeated.length > 0) {
      const copies = repeated.map((index) => nearCopies(plan.entries[index]!, previous, longWindow));
      add(official, {
        kind: 'repeated',
        entries: copies.map((c) => ({
          entryId: c.entry.entryId,
          what: c.entry.what,
          similarTo: c.similarTo,
        })),
        streakDays: Math.max(...copies.map((c) => c.streak)),
      });
    }
  }
  return findings;
}

/** How many near-copies the evidence lists (the streak counts them all). */
const SIMILAR_SHOWN = 5;

/**
 * The near-copies of one entry in the earlier working days (plan-quality's rule, one day at a time)
 * and the streak: this day plus the working days right before it that carry a near-copy.
 */
function nearCopies(entry: PublishedEntry, previous: PreviousDay[], window: string[]) {
  const byDate = new Map(previous.map((d) => [d.date, d]));
  const found: Array<{ date: string; what: string; similarity: number }> = [];
  let streak = 1;
  let unbroken = true;
  for (const date of window) {
    const day = byDate.get(date);
    const match = day
      ? checkPlanEntries([entry], [day]).find((w) => w.kind === 'repeated')?.similarTo
      : undefined;
    if (match) {
      found.push({ date: match.date, what: match.what, similarity: match.similarity });
      if (unbroken) streak += 1;
    } else {
      unbroken = false;
    }
  }
  found.sort((a, b) => b.similarity - a.similarity || (a.date < b.date ? 1 : -1));
  return { entry, similarTo: found.slice(0, SIMILAR_SHOWN), streak };
}

export interface WeeklyFacts {
  weekStart: string;
  now: Date;
  officials: CheckedOfficial[];
  reports: Array<{ officialId: number; submittedAt: Date }>;
  leaves: LeaveSpan[];
  rules: Pick<JournalRules, 'weeklyReportDueWeekday' | 'weeklyReportDueTime'>;
  calendar: WorkCalendar;
}

/**
 * weekly_missing / weekly_late for the week starting `weekStart` (the finding's date), only for
 * officials who owed at least one working day that week (not all of them on leave).
 */
export function weeklyFindings(facts: WeeklyFacts): NewFinding[] {
  const { weekStart, calendar } = facts;
  const dueAt = weeklyReportDueAt(weekStart, facts.rules);
  const explainDueAt = workingDeadline(calendar, facts.now, SUPERVISION_RULES.explainWorkingDays);
  const workdays = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)).filter((d) =>
    calendar.isWorkday(d),
  );
  if (workdays.length === 0) return [];
  const leavesOf = new Map<number, LeaveSpan[]>();
  for (const leave of facts.leaves) {
    if (leave.endDate < weekStart || leave.startDate > addDays(weekStart, 6)) continue;
    leavesOf.set(leave.officialId, [...(leavesOf.get(leave.officialId) ?? []), leave]);
  }
  const reports = new Map(facts.reports.map((r) => [r.officialId, r]));
  const findings: NewFinding[] = [];
  for (const official of facts.officials) {
    const leaves = leavesOf.get(official.officialId) ?? [];
    const owed = workdays.some((d) => !leaves.some((l) => l.startDate <= d && d <= l.endDate));
    if (!owed) continue;
    const report = reports.get(official.officialId);
    let evidence: FindingEvidence | null = null;
    if (!report) evidence = { kind: 'weekly_missing', weekStart, dueAt: dueAt.toISOString() };
    else if (report.submittedAt.getTime() > dueAt.getTime())
      evidence = {
        kind: 'weekly_late',
        weekStart,
        dueAt: dueAt.toISOString(),
        submittedAt: report.submittedAt.toISOString(),
        minutesLate: minutesBetween(dueAt, report.submittedAt),
      };
    if (evidence)
      findings.push({
        officialId: official.officialId,
        unitId: official.unitId,
        date: weekStart,
        kind: evidence.kind,
        evidence,
        explainDueAt,
      });
  }
  return findings;
}

/** An open ticket assigned to an official, with what it is about (never who wrote it). */
export interface OpenTicket {
  id: number;
  queryCode: string;
  assigneeOfficialId: number;
  /** The ticket's own unit of assignment: used when the official has no current post. */
  assigneeUnitId: number;
  status: string;
  dueAt: Date;
  /** The matter's name, else the plan entry's text, else null (a comment to the official). */
  target: string | null;
}

/** How long a ticket's summary may be (characters). */
const SUMMARY_MAX = 30;

/** The ticket's subject as the official sees it: the matter or entry, masked and cut; never the resident. */
export function ticketSummary(target: string | null): string {
  const text = maskDigits((target ?? '').replace(/\s+/g, ' ').trim()) || '群众留言';
  const chars = Array.from(text);
  return chars.length <= SUMMARY_MAX ? text : `${chars.slice(0, SUMMARY_MAX - 1).join('')}…`;
}

/** ticket_overdue: one finding per open ticket past its deadline, dated the local day of the deadline. */
export function ticketOverdueFindings(
  now: Date,
  tickets: OpenTicket[],
  unitOf: ReadonlyMap<number, number>,
  calendar: WorkCalendar,
): NewFinding[] {
  const explainDueAt = workingDeadline(calendar, now, SUPERVISION_RULES.explainWorkingDays);
  return tickets
    .filter((t) => t.dueAt.getTime() <= now.getTime())
    .map((t) => ({
      officialId: t.assigneeOfficialId,
      unitId: unitOf.get(t.assigneeOfficialId) ?? t.assigneeUnitId,
      date: localDate(t.dueAt),
      kind: 'ticket_overdue' as const,
      subject: `ticket:${t.id}`,
      evidence: {
        kind: 'ticket_overdue' as const,
        ticketId: t.id,
        queryCode: t.queryCode,
        summary: ticketSummary(t.target),
        dueAt: t.dueAt.toISOString(),
        state: t.status,
      },
      explainDueAt,
    }));
}
