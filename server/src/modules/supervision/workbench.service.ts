import { Inject, Injectable } from '@nestjs/common';
import type { FindingKind, SupervisionSummary, SupervisionTrend } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, isValidDate, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { DirectoryRepository } from '../directory/directory.repository';
import { JournalsRepository, type SubtreeOfficial } from '../journals/journals.repository';
import { TREND_WEEKS } from './dto/workbench.dto';
import { type ScopedUnit, SupervisionScope } from './supervision-scope';
import { owedDays, trendPoints, trendWeeks, type WeekPlanCounts } from './workbench-trend';
import { WorkbenchRepository } from './workbench.repository';

/**
 * A row of the workbench: a child unit of the scope (its whole subtree), or the scope unit itself
 * (`own`: only its own posts, "本级", when it has children too).
 */
type Group = { id: number; name: string; path: string; own?: boolean };

const inGroup = (group: Group, unitPath: string) =>
  group.own ? unitPath === group.path : unitPath.startsWith(group.path);

/**
 * The supervisor's morning: what the checks found for a day, per unit and kind, what waits for a
 * decision, the overdue tickets, who is on leave, and the weekly trend of submission, punctuality
 * and quality per unit. Supervisors and admins of the unit only (SupervisionScope).
 */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly repository: WorkbenchRepository,
    private readonly journals: JournalsRepository,
    private readonly directory: DirectoryRepository,
    private readonly calendars: CalendarService,
    private readonly scope: SupervisionScope,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async summary(user: AuthUser, query: { unitId?: number; date?: string }): Promise<SupervisionSummary> {
    if (query.date !== undefined && !isValidDate(query.date))
      throw new AppException('COMMON.VALIDATION_FAILED', '日期不正确', [
        { field: 'date', reasons: ['must be a real date'] },
      ]);
    const unit = await this.scope.unit(user, query.unitId);
    const now = this.clock.now();
    const date = query.date ?? localDate(now);
    const [groups, findings, states, overdueTickets, spotChecksToday, selfExams, officials] =
      await Promise.all([
        this.groups(unit),
        this.repository.countFindingsOn(unit.path, date),
        this.repository.countFindingsByState(unit.path),
        this.repository.countOverdueTickets(unit.path, now),
        this.repository.countSpotChecksOn(unit.path, date),
        this.repository.countSelfExamsByState(unit.path),
        this.journals.findOfficialsInSubtree(unit.path, date),
      ]);

    const withOwn = this.withOwn(unit, groups, [
      ...findings.map((f) => f.unitPath),
      ...officials.map((o) => o.unitPath),
    ]);
    const units = withOwn.map((g) => ({
      unit: { id: g.id, name: g.name },
      counts: {} as Partial<Record<FindingKind, number>>,
      total: 0,
    }));
    const totals: Partial<Record<FindingKind, number>> = {};
    for (const row of findings) {
      totals[row.kind] = (totals[row.kind] ?? 0) + row.n;
      const at = withOwn.findIndex((g) => inGroup(g, row.unitPath));
      const group = units[at];
      if (!group) continue;
      group.counts[row.kind] = (group.counts[row.kind] ?? 0) + row.n;
      group.total += row.n;
    }

    const leaves = await this.journals.findApprovedLeavesOn(
      officials.map((o) => o.officialId),
      date,
    );
    const byId = new Map<number, SubtreeOfficial>(officials.map((o) => [o.officialId, o]));
    const onLeave = leaves
      .map((l) => ({ leave: l, official: byId.get(l.officialId) }))
      .filter((x): x is { leave: (typeof leaves)[number]; official: SubtreeOfficial } => !!x.official)
      .map(({ leave, official }) => ({
        official: { id: official.officialId, name: official.name },
        unit: { id: official.unitId, name: official.unitName },
        endDate: String(leave.endDate).slice(0, 10),
      }))
      .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.official.id - b.official.id);

    return {
      date,
      units,
      totals,
      awaitingDecision: states.explained ?? 0,
      open: states.open ?? 0,
      overdueTickets,
      onLeave,
      spotChecksToday,
      pendingSelfExams: (selfExams.pending ?? 0) + (selfExams.returned ?? 0),
      submittedSelfExams: selfExams.submitted ?? 0,
    };
  }

  /**
   * Per child unit and week (the last `weeks`, up to today): officials are counted in the unit of
   * their primary post today; their working days owed follow the work calendar (调休 included), and
   * days of approved leave are excused.
   */
  async trend(user: AuthUser, query: { unitId?: number; weeks?: number }): Promise<SupervisionTrend> {
    const unit = await this.scope.unit(user, query.unitId);
    const today = localDate(this.clock.now());
    const weeks = trendWeeks(today, query.weeks ?? TREND_WEEKS.default);
    const from = weeks[0]!;
    const [groups, officials, calendar] = await Promise.all([
      this.groups(unit),
      this.journals.findOfficialsInSubtree(unit.path, today),
      this.calendars.calendar(),
    ]);
    const isWorkday = (date: string) => calendar.isWorkday(date);
    const owed = weeks.flatMap((w) => owedDays(w, today, isWorkday));
    const ids = officials.map((o) => o.officialId);
    const [plans, flagged, leaves] = await Promise.all([
      this.repository.countPlansByWeek(ids, weeks, owed),
      this.repository.countFlaggedDaysByWeek(unit.path, weeks, today),
      this.journals.findApprovedLeavesBetween(ids, from, addDays(from, weeks.length * 7 - 1)),
    ]);
    const counts: WeekPlanCounts[] = [
      ...plans,
      ...flagged.map((f) => ({ ...f, submitted: 0, onTime: 0, published: 0, flaggedDays: f.days })),
    ];
    const rows = this.withOwn(
      unit,
      groups,
      officials.map((o) => o.unitPath),
    );
    const members = officials
      .map((o) => ({ officialId: o.officialId, groupId: rows.find((g) => inGroup(g, o.unitPath))?.id }))
      .filter((o): o is { officialId: number; groupId: number } => o.groupId !== undefined);
    const points = trendPoints({
      weeks,
      lastDay: today,
      isWorkday,
      officials: members,
      leaves: leaves.map((l) => ({
        officialId: l.officialId,
        startDate: String(l.startDate).slice(0, 10),
        endDate: String(l.endDate).slice(0, 10),
      })),
      counts,
    });
    return {
      weeks,
      units: rows.map((g) => ({
        unit: { id: g.id, name: g.name },
        points:
          points.get(g.id) ??
          weeks.map((weekStart) => ({ weekStart, submission: null, onTime: null, vagueOrRepeated: null })),
      })),
    };
  }

  /** The children, after the unit's own posts (本级) when something lies there directly. */
  private withOwn(unit: ScopedUnit, groups: Group[], paths: string[]): Group[] {
    if (groups.length === 1 && groups[0]!.id === unit.id) return groups;
    if (!paths.includes(unit.path)) return groups;
    return [{ id: unit.id, name: `${unit.name}（本级）`, path: unit.path, own: true }, ...groups];
  }

  /** The scope unit's direct children in display order (each standing for its subtree), or the unit. */
  private async groups(unit: ScopedUnit): Promise<Group[]> {
    const children = await this.directory.findChildren(unit.id);
    if (children.length === 0) return [{ id: unit.id, name: unit.name, path: unit.path }];
    return children.map((c) => ({ id: c.id, name: c.name, path: c.path }));
  }
}
