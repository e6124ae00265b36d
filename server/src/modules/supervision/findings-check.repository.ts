import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlanRevisionView } from '@jinri/shared';
import { DataSource, In, IsNull, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { DayPlan } from '../journals/day-plan.entity';
import { Leave } from '../journals/leave.entity';
import { PlanEntry } from '../journals/plan-entry.entity';
import { PlanRevision } from '../journals/plan-revision.entity';
import { WeeklyReport } from '../journals/weekly-report.entity';
import { OPEN_STATES } from '../tickets/ticket-state';
import { Ticket } from '../tickets/ticket.entity';
import type { LeaveSpan, OpenTicket } from './finding-checks';

/** A plan handed in (submitted or published) with what the rules need of it. */
export type HandedInPlan = Pick<
  DayPlan,
  'id' | 'officialId' | 'date' | 'status' | 'submittedAt' | 'publishedAt'
>;

export type StoredEntry = Pick<
  PlanEntry,
  'id' | 'dayPlanId' | 'what' | 'place' | 'kind' | 'status' | 'createdAt' | 'modifiedAt'
>;

/** A raw datetime column: a Date from MySQL, 'YYYY-MM-DD HH:MM:SS[.fff]' in UTC from SQLite. */
function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}

/** IN lists longer than this are split (MariaDB and SQLite both cope, the planner prefers it). */
const IN_CHUNK = 1000;

/**
 * The bulk reads of the morning check: whole dates at once (never one official at a time), so a
 * county of any size is a handful of queries. Callers filter the rows to their officials in memory.
 */
@Injectable()
export class FindingsCheckRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Plans handed in (submitted or published) on the dates; only `officialIds` when given. Read raw:
   * hydrating 400,000 entities cost the 100k-official morning check about 2 s.
   */
  async findHandedInPlans(dates: string[], officialIds?: number[]): Promise<HandedInPlan[]> {
    if (dates.length === 0) return [];
    const rows = await this.byOfficials(officialIds, (ids) => {
      const query = this.dataSource
        .getRepository(DayPlan)
        .createQueryBuilder('p')
        .select([
          'p.id AS "id"',
          'p.officialId AS "officialId"',
          'p.date AS "date"',
          'p.status AS "status"',
          'p.submittedAt AS "submittedAt"',
          'p.publishedAt AS "publishedAt"',
        ])
        .where('p.date IN (:...dates)', { dates })
        .andWhere('p.status IN (:...statuses)', { statuses: ['submitted', 'published'] });
      if (ids) query.andWhere('p.officialId IN (:...ids)', { ids });
      return query.getRawMany<Record<keyof HandedInPlan, unknown>>();
    });
    return rows.map((r) => ({
      id: Number(r.id),
      officialId: Number(r.officialId),
      date: String(r.date),
      status: r.status as HandedInPlan['status'],
      submittedAt: rawDate(r.submittedAt),
      publishedAt: rawDate(r.publishedAt),
    }));
  }

  /**
   * The `published` revision's snapshot of each published plan on the dates (by plan id; the first
   * such revision when there are several). Read raw in the order of idx_day_plans_date_status: an
   * ORDER BY on the revision id sent every row with its snapshot through a temporary table and a
   * filesort (18 s of the 100k-official benchmark), and hydrating entities doubled the parse.
   */
  async findPublishedSnapshots(
    dates: string[],
    officialIds?: number[],
  ): Promise<Map<number, PlanRevisionView['entries']>> {
    const result = new Map<number, PlanRevisionView['entries']>();
    if (dates.length === 0) return result;
    const rows = await this.byOfficials(officialIds, (ids) => {
      const query = this.dataSource
        .getRepository(PlanRevision)
        .createQueryBuilder('r')
        .innerJoin(DayPlan, 'p', 'p.id = r.dayPlanId')
        .select(['r.id AS "id"', 'r.dayPlanId AS "planId"', 'r.snapshot AS "snapshot"'])
        .where('r.kind = :kind', { kind: 'published' })
        .andWhere('p.date IN (:...dates)', { dates })
        .andWhere('p.status = :status', { status: 'published' });
      if (ids) query.andWhere('p.officialId IN (:...ids)', { ids });
      return query
        .orderBy('p.date', 'ASC')
        .addOrderBy('p.status', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .getRawMany<{ id: number | string; planId: number | string; snapshot: string }>();
    });
    const first = new Map<number, number>();
    for (const row of rows) {
      const planId = Number(row.planId);
      const id = Number(row.id);
      if ((first.get(planId) ?? Infinity) < id) continue;
      first.set(planId, id);
      result.set(planId, JSON.parse(row.snapshot) as PlanRevisionView['entries']);
    }
    return result;
  }

  /**
   * The stored entries (withdrawn ones included) of the published plans on the dates that have no
   * `published` revision (plans written by imports and seeds): what publishedEntries falls back to.
   */
  async findEntriesWithoutSnapshot(dates: string[], officialIds?: number[]): Promise<StoredEntry[]> {
    if (dates.length === 0) return [];
    return this.byOfficials(officialIds, (ids) => {
      const query = this.dataSource
        .getRepository(PlanEntry)
        .createQueryBuilder('e')
        .innerJoin(DayPlan, 'p', 'p.id = e.dayPlanId')
        .leftJoin(PlanRevision, 'r', 'r.dayPlanId = p.id AND r.kind = :kind', { kind: 'published' })
        .select([
          'e.id',
          'e.dayPlanId',
          'e.what',
          'e.place',
          'e.kind',
          'e.status',
          'e.createdAt',
          'e.modifiedAt',
        ])
        .where('p.date IN (:...dates)', { dates })
        .andWhere('p.status = :status', { status: 'published' })
        .andWhere('r.id IS NULL');
      if (ids) query.andWhere('p.officialId IN (:...ids)', { ids });
      return query
        .orderBy('e.dayPlanId', 'ASC')
        .addOrderBy('e.position', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .getMany();
    });
  }

  /** Approved leaves overlapping [from, to], of everyone. */
  async findApprovedLeaves(from: string, to: string): Promise<LeaveSpan[]> {
    const rows = await this.dataSource.getRepository(Leave).find({
      select: { officialId: true, startDate: true, endDate: true },
      where: { status: 'approved', startDate: LessThanOrEqual(to), endDate: MoreThanOrEqual(from) },
    });
    return rows.map((r) => ({ officialId: r.officialId, startDate: r.startDate, endDate: r.endDate }));
  }

  /** The weekly reports of the week starting `weekStart`, of everyone. */
  findWeeklyReports(weekStart: string): Promise<Array<Pick<WeeklyReport, 'officialId' | 'submittedAt'>>> {
    return this.dataSource.getRepository(WeeklyReport).find({
      select: { officialId: true, submittedAt: true },
      where: { weekStart },
    });
  }

  /** Open tickets assigned to an official whose resolution deadline has passed, with their matter or entry. */
  async findOverdueTickets(now: Date): Promise<OpenTicket[]> {
    const rows = await this.dataSource.getRepository(Ticket).find({
      select: {
        id: true,
        queryCode: true,
        assigneeOfficialId: true,
        assigneeUnitId: true,
        status: true,
        dueAt: true,
        matter: { id: true, name: true },
        planEntry: { id: true, what: true },
      },
      relations: { matter: true, planEntry: true },
      where: { status: In([...OPEN_STATES]), assigneeOfficialId: Not(IsNull()), dueAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
    });
    return rows.map((t) => ({
      id: t.id,
      queryCode: t.queryCode,
      assigneeOfficialId: t.assigneeOfficialId!,
      assigneeUnitId: t.assigneeUnitId,
      status: t.status,
      dueAt: t.dueAt,
      target: t.matter?.name ?? t.planEntry?.what ?? null,
    }));
  }

  /** One query, or one per chunk of the given officials. */
  private async byOfficials<T>(
    officialIds: number[] | undefined,
    read: (ids: number[] | undefined) => Promise<T[]>,
  ): Promise<T[]> {
    if (!officialIds) return read(undefined);
    const out: T[] = [];
    for (let i = 0; i < officialIds.length; i += IN_CHUNK)
      out.push(...(await read(officialIds.slice(i, i + IN_CHUNK))));
    return out;
  }
}
