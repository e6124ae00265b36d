import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FindingKind, FindingState, SelfExamState } from '@jinri/shared';
import { DataSource } from 'typeorm';
import { approvedLeaveOnPlanDay, selectPeriodIndex } from '../../database/period-buckets';
import { DayPlan } from '../journals/day-plan.entity';
import { OPEN_STATES } from '../tickets/ticket-state';
import { Ticket } from '../tickets/ticket.entity';
import { ComplianceFinding } from './compliance-finding.entity';
import { SelfExamination } from './self-examination.entity';
import { SpotCheck } from './spot-check.entity';
import type { WeekPlanCounts } from './workbench-trend';

/** Officials per IN list (SQLite's bound-parameter limit is far above, MariaDB has none that matters). */
const CHUNK = 500;

/**
 * Named queries of the supervisor's morning: counts over a unit's subtree, each one grouped query
 * (never one per official). `unitPath` is the scope unit's materialised path, already checked.
 */
@Injectable()
export class WorkbenchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Findings dated `date` in the subtree, counted by the unit they belong to and kind. */
  async countFindingsOn(
    unitPath: string,
    date: string,
  ): Promise<Array<{ unitPath: string; kind: FindingKind; n: number }>> {
    const rows: Array<{ unitPath: string; kind: FindingKind; n: number | string }> = await this.dataSource
      .getRepository(ComplianceFinding)
      .createQueryBuilder('f')
      .innerJoin('f.unit', 'u')
      .select(['u.path AS "unitPath"', 'f.kind AS kind', 'COUNT(*) AS n'])
      .where('u.path LIKE :path', { path: `${unitPath}%` })
      .andWhere('f.date = :date', { date })
      .groupBy('u.path')
      .addGroupBy('f.kind')
      .getRawMany();
    return rows.map((r) => ({ unitPath: r.unitPath, kind: r.kind, n: Number(r.n) }));
  }

  /** Findings of any date in the subtree still waiting on someone: open, and explained (to decide). */
  async countFindingsByState(unitPath: string): Promise<Partial<Record<FindingState, number>>> {
    const rows: Array<{ state: FindingState; n: number | string }> = await this.dataSource
      .getRepository(ComplianceFinding)
      .createQueryBuilder('f')
      .innerJoin('f.unit', 'u')
      .select(['f.state AS state', 'COUNT(*) AS n'])
      .where('u.path LIKE :path', { path: `${unitPath}%` })
      .andWhere('f.state IN (:...states)', { states: ['open', 'explained'] })
      .groupBy('f.state')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  /** Open tickets assigned in the subtree (to an official there or its queue) past their deadline. */
  countOverdueTickets(unitPath: string, now: Date): Promise<number> {
    return this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .innerJoin('t.assigneeUnit', 'u')
      .where('u.path LIKE :path', { path: `${unitPath}%` })
      .andWhere('t.status IN (:...open)', { open: [...OPEN_STATES] })
      .andWhere('t.dueAt <= :now', { now })
      .getCount();
  }

  /** Spot checks recorded for `date` in the subtree. */
  countSpotChecksOn(unitPath: string, date: string): Promise<number> {
    return this.dataSource
      .getRepository(SpotCheck)
      .createQueryBuilder('s')
      .innerJoin('s.unit', 'u')
      .where('u.path LIKE :path', { path: `${unitPath}%` })
      .andWhere('s.date = :date', { date })
      .getCount();
  }

  /** Self-examinations in the subtree by state. */
  async countSelfExamsByState(unitPath: string): Promise<Partial<Record<SelfExamState, number>>> {
    const rows: Array<{ state: SelfExamState; n: number | string }> = await this.dataSource
      .getRepository(SelfExamination)
      .createQueryBuilder('e')
      .innerJoin('e.unit', 'u')
      .select(['e.state AS state', 'COUNT(*) AS n'])
      .where('u.path LIKE :path', { path: `${unitPath}%` })
      .groupBy('e.state')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  /**
   * Per official and week: plans handed in for an owed day (one of `owedDates`, not covered by
   * approved leave), of those on time, and published. One grouped query per 500 officials.
   */
  async countPlansByWeek(
    officialIds: number[],
    weeks: string[],
    owedDates: string[],
  ): Promise<WeekPlanCounts[]> {
    if (officialIds.length === 0 || owedDates.length === 0 || weeks.length === 0) return [];
    const out: WeekPlanCounts[] = [];
    for (let i = 0; i < officialIds.length; i += CHUNK) {
      const query = this.dataSource.getRepository(DayPlan).createQueryBuilder('p');
      const excused = approvedLeaveOnPlanDay(query);
      const rows: Array<Record<string, number | string>> = await selectPeriodIndex(
        query,
        'p.date',
        weeks,
        'week',
      )
        .addSelect('p.officialId', 'officialId')
        .addSelect('COUNT(*)', 'submitted')
        .addSelect('SUM(CASE WHEN p.late THEN 0 ELSE 1 END)', 'onTime')
        .addSelect("SUM(CASE WHEN p.status = 'published' THEN 1 ELSE 0 END)", 'published')
        .where('p.officialId IN (:...ids)', { ids: officialIds.slice(i, i + CHUNK) })
        .andWhere('p.date IN (:...owed)', { owed: owedDates })
        .andWhere('p.status IN (:...handedIn)', { handedIn: ['submitted', 'published'] })
        .andWhere(`NOT EXISTS ${excused}`)
        .groupBy('p.officialId')
        .addGroupBy('week')
        .getRawMany();
      for (const r of rows)
        out.push({
          officialId: Number(r.officialId),
          weekStart: weeks[Number(r.week)]!,
          submitted: Number(r.submitted),
          onTime: Number(r.onTime ?? 0),
          published: Number(r.published ?? 0),
          flaggedDays: 0,
        });
    }
    return out;
  }

  /** Per official and week: the days with a vague or repeated finding in the subtree. */
  async countFlaggedDaysByWeek(
    unitPath: string,
    weeks: string[],
    to: string,
  ): Promise<Array<{ officialId: number; weekStart: string; days: number }>> {
    if (weeks.length === 0) return [];
    const query = this.dataSource
      .getRepository(ComplianceFinding)
      .createQueryBuilder('f')
      .innerJoin('f.unit', 'u');
    const rows: Array<Record<string, number | string>> = await selectPeriodIndex(
      query,
      'f.date',
      weeks,
      'week',
    )
      .addSelect('f.officialId', 'officialId')
      .addSelect('COUNT(DISTINCT f.date)', 'days')
      .where('u.path LIKE :path', { path: `${unitPath}%` })
      .andWhere('f.kind IN (:...kinds)', { kinds: ['vague', 'repeated'] })
      .andWhere('f.date >= :from AND f.date <= :to', { from: weeks[0], to })
      .groupBy('f.officialId')
      .addGroupBy('week')
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
      weekStart: weeks[Number(r.week)]!,
      days: Number(r.days),
    }));
  }
}

/**
 * Selects `week`: the index in `weeks` (Mondays, oldest first) of the week `column` falls in, as a
 * CASE over the Mondays (portable between SQLite and MariaDB, unlike their date functions). Rows
 * before the first Monday answer NULL; callers filter them out by their date range.
 */
