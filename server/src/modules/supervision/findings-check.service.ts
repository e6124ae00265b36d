import { Inject, Injectable } from '@nestjs/common';
import { type FindingKind, SUPERVISION_RULES } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { addDays } from '../../common/time/local-time';
import { CalendarService } from '../calendar/calendar.service';
import { JournalRulesService } from '../journals/journal-rules.service';
import { JournalsRepository } from '../journals/journals.repository';
import { type JurisdictionOfficials, officialsByJurisdiction } from '../journals/jurisdictions';
import { REPEAT_LOOKBACK } from '../journals/plans.service';
import type { ComplianceFinding } from './compliance-finding.entity';
import {
  type CheckedOfficial,
  dailyFindings,
  earlierWorkingDays,
  officialsWithRepeats,
  type PlanFacts,
  publishedEntries,
  recentWarnings,
  ticketOverdueFindings,
  weeklyFindings,
} from './finding-checks';
import { FindingsCheckRepository, type StoredEntry } from './findings-check.repository';
import { FindingsRepository, type NewFinding } from './findings.repository';

/** What one run recorded: only findings new to this run count (a re-run records nothing). */
export interface CheckCounts {
  date: string;
  recorded: number;
  byKind: Partial<Record<FindingKind, number>>;
}

type DatedPlan = PlanFacts & { date: string };

/** Up to this many officials, a run reads their plans by id instead of the whole date. */
const FEW_OFFICIALS = 2000;

/**
 * The morning check (督查): reads a date's facts in bulk (plans as published, leave, the earlier
 * working days, weekly reports, overdue tickets), applies the rules of finding-checks.ts and records
 * the new findings with their `recorded` events in one transaction. Idempotent by the findings' key.
 */
@Injectable()
export class FindingsCheckService {
  constructor(
    private readonly reads: FindingsCheckRepository,
    private readonly findings: FindingsRepository,
    private readonly calendars: CalendarService,
    private readonly rules: JournalRulesService,
    private readonly journals: JournalsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every official under the rules that apply to them (the job passes one jurisdiction at a time). */
  jurisdictions(): Promise<JurisdictionOfficials[]> {
    return officialsByJurisdiction(this.rules, this.journals);
  }

  /**
   * missing, late, vague and repeated for `date`, of some jurisdictions (the job passes every one due
   * at that time, so the date is read once) or of everyone.
   */
  async runDaily(date: string, only?: JurisdictionOfficials | JurisdictionOfficials[]): Promise<CheckCounts> {
    const calendar = await this.calendars.calendar();
    if (!calendar.isWorkday(date)) return counts(date, []);
    const now = this.clock.now();
    const groups = only ? [only].flat() : await this.jurisdictions();
    const inScope = new Set(groups.flatMap((g) => g.officialIds));
    // A few officials (a small jurisdiction due on its own): read theirs only; else the whole date.
    const few = only && inScope.size <= FEW_OFFICIALS ? [...inScope] : undefined;

    const recent = earlierWorkingDays(calendar, date, REPEAT_LOOKBACK);
    const longer = earlierWorkingDays(calendar, date, SUPERVISION_RULES.repeatLookbackWorkingDays).filter(
      (d) => !recent.includes(d),
    );
    const plans = await this.plansOn([date], inScope, few);
    const published = new Set(plans.filter((p) => p.status === 'published').map((p) => p.officialId));
    const earlier = (await this.plansOn(recent, published, few)).filter((p) => p.status === 'published');
    // The plan check of each published plan against the last few days, once: who repeats an entry
    // (only they need the longer look back for their streak) and the vague and repeated findings.
    const warnings = recentWarnings(date, plans, earlier, calendar);
    const repeaters = officialsWithRepeats(warnings);
    if (repeaters.length > 0 && longer.length > 0) {
      const more = await this.plansOn(longer, new Set(repeaters), repeaters);
      earlier.push(...more.filter((p) => p.status === 'published'));
    }
    const leaves = await this.reads.findApprovedLeaves(date, date);

    const rows = groups.flatMap((group) =>
      dailyFindings({
        date,
        now,
        officials: checked(group),
        plans,
        leaves,
        earlier,
        rules: group.rules,
        calendar,
        warnings,
      }),
    );
    return counts(date, await this.record(rows));
  }

  /** weekly_missing and weekly_late for the week starting `weekStart` (a Monday). */
  async runWeekly(
    weekStart: string,
    only?: JurisdictionOfficials | JurisdictionOfficials[],
  ): Promise<CheckCounts> {
    const calendar = await this.calendars.calendar();
    const now = this.clock.now();
    const groups = only ? [only].flat() : await this.jurisdictions();
    const [reports, leaves] = await Promise.all([
      this.reads.findWeeklyReports(weekStart),
      this.reads.findApprovedLeaves(weekStart, addDays(weekStart, 6)),
    ]);
    const rows = groups.flatMap((group) =>
      weeklyFindings({
        weekStart,
        now,
        officials: checked(group),
        reports,
        leaves,
        rules: group.rules,
        calendar,
      }),
    );
    return counts(weekStart, await this.record(rows));
  }

  /** ticket_overdue for every open ticket past its deadline at `now`. */
  async runTicketOverdue(now: Date = this.clock.now()): Promise<CheckCounts> {
    const calendar = await this.calendars.calendar();
    const tickets = await this.reads.findOverdueTickets(now);
    const rows = ticketOverdueFindings(now, tickets, new Map(), calendar);
    return counts(now.toISOString(), await this.record(rows));
  }

  /** The new findings and one `recorded` event each, in one transaction. */
  private async record(rows: NewFinding[]): Promise<ComplianceFinding[]> {
    if (rows.length === 0) return [];
    return this.findings.transaction((manager) =>
      this.findings.record(manager, rows, { actorUserId: null, actor: '系统', note: null }),
    );
  }

  /**
   * The handed-in plans of `dates` of the officials in `keep`, each with its entries as published.
   * `restrict` narrows the queries themselves (a few officials over many days).
   */
  private async plansOn(dates: string[], keep: Set<number>, restrict?: number[]): Promise<DatedPlan[]> {
    if (dates.length === 0 || keep.size === 0) return [];
    const plans = (await this.reads.findHandedInPlans(dates, restrict)).filter((p) => keep.has(p.officialId));
    if (!plans.some((p) => p.status === 'published')) return plans.map((p) => ({ ...p, entries: [] }));
    const snapshots = await this.reads.findPublishedSnapshots(dates, restrict);
    const fallback = new Map<number, StoredEntry[]>();
    if (plans.some((p) => p.status === 'published' && !snapshots.has(p.id))) {
      for (const entry of await this.reads.findEntriesWithoutSnapshot(dates, restrict)) {
        const list = fallback.get(entry.dayPlanId);
        if (list) list.push(entry);
        else fallback.set(entry.dayPlanId, [entry]);
      }
    }
    return plans.map((p) => ({
      officialId: p.officialId,
      date: p.date,
      status: p.status,
      submittedAt: p.submittedAt,
      entries:
        p.status === 'published'
          ? publishedEntries(snapshots.get(p.id) ?? null, fallback.get(p.id) ?? [], p.publishedAt)
          : [],
    }));
  }
}

function checked(group: JurisdictionOfficials): CheckedOfficial[] {
  return group.officials.map((o) => ({ officialId: o.officialId, unitId: o.unitId }));
}

function counts(date: string, recorded: ComplianceFinding[]): CheckCounts {
  const byKind: Partial<Record<FindingKind, number>> = {};
  for (const f of recorded) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return { date, recorded: recorded.length, byKind };
}
