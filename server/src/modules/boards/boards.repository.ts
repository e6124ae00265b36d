import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DayPeriod } from '@jinri/shared';
import { DataSource, In } from 'typeorm';
import { Membership } from '../directory/membership.entity';
import { Unit } from '../directory/unit.entity';
import { DayPlan } from '../journals/day-plan.entity';
import { Leave } from '../journals/leave.entity';
import { WeeklyReport } from '../journals/weekly-report.entity';
import { Ticket } from '../tickets/ticket.entity';

/** One (official, post) held in the unit during the week. */
export interface MemberRow {
  officialId: number;
  name: string;
  postId: number;
  title: string;
  rank: number;
  startDate: string;
  endDate: string | null;
}

/** One active entry of a published plan. */
export interface PublishedEntryRow {
  officialId: number;
  date: string;
  startTime: string | null;
  period: DayPeriod | null;
  place: string | null;
  what: string;
}

/** Ticket states in which a resolution stands (a reopened ticket is not resolved). */
const RESOLVED_STATES = ['resolved', 'closed'];

const dateOf = (value: unknown): string => String(value).slice(0, 10);

/** Named queries of the weekly board: public facts only (published plans, approved leave, counts). */
@Injectable()
export class BoardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findUnit(id: number): Promise<Unit | null> {
    return this.dataSource.getRepository(Unit).findOneBy({ id });
  }

  /**
   * Everyone who held a post of the unit itself (not its sub-units) on some day from `from` to `to`,
   * a row per membership, in the directory's order: post rank, then official id.
   */
  async findMembersBetween(unitId: number, from: string, to: string): Promise<MemberRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin('m.post', 'p')
      .innerJoin('m.official', 'o')
      .select([
        'o.id AS "officialId"',
        'o.name AS name',
        'p.id AS "postId"',
        'p.title AS title',
        'p.rank AS rank',
        'm.startDate AS "startDate"',
        'm.endDate AS "endDate"',
      ])
      .where('p.unitId = :unitId', { unitId })
      .andWhere('m.startDate <= :to', { to })
      .andWhere('(m.endDate IS NULL OR m.endDate >= :from)', { from })
      .orderBy('p.rank', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
      name: String(r.name),
      postId: Number(r.postId),
      title: String(r.title),
      rank: Number(r.rank),
      startDate: dateOf(r.startDate),
      endDate: r.endDate == null ? null : dateOf(r.endDate),
    }));
  }

  /** The active entries of these officials' published plans from `from` to `to`, by date and position. */
  async findPublishedEntries(officialIds: number[], from: string, to: string): Promise<PublishedEntryRow[]> {
    if (officialIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(DayPlan)
      .createQueryBuilder('d')
      .innerJoin('plan_entries', 'e', 'e.day_plan_id = d.id')
      .leftJoin('units', 'pu', 'pu.id = e.place_unit_id')
      .select([
        'd.officialId AS "officialId"',
        'd.date AS date',
        'e.start_time AS "startTime"',
        'e.period AS period',
        'COALESCE(e.place, pu.name) AS place',
        'e.what AS what',
      ])
      .where('d.officialId IN (:...officialIds)', { officialIds })
      .andWhere('d.date BETWEEN :from AND :to', { from, to })
      .andWhere("d.status = 'published'")
      .andWhere("e.status = 'active'")
      .orderBy('d.date', 'ASC')
      .addOrderBy('e.position', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
      date: dateOf(r.date),
      startTime: (r.startTime as string | null) ?? null,
      period: (r.period as DayPeriod | null) ?? null,
      place: (r.place as string | null) ?? null,
      what: String(r.what),
    }));
  }

  /** Approved leave of these officials touching `from`…`to` (dates only: the reason is never public). */
  async findApprovedLeaves(
    officialIds: number[],
    from: string,
    to: string,
  ): Promise<Array<{ officialId: number; startDate: string; endDate: string }>> {
    if (officialIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(Leave)
      .createQueryBuilder('l')
      .select(['l.officialId', 'l.startDate', 'l.endDate'])
      .where('l.officialId IN (:...officialIds)', { officialIds })
      .andWhere("l.status = 'approved'")
      .andWhere('l.startDate <= :to AND l.endDate >= :from', { from, to })
      .getMany();
    return rows.map((l) => ({
      officialId: l.officialId,
      startDate: dateOf(l.startDate),
      endDate: dateOf(l.endDate),
    }));
  }

  /** The next-week plans of these officials' 周报 of the week starting `weekStart`. */
  async findNextWeekPlans(officialIds: number[], weekStart: string): Promise<Map<number, string>> {
    if (officialIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(WeeklyReport).find({
      select: { officialId: true, nextWeekPlan: true },
      where: { officialId: In(officialIds), weekStart },
    });
    return new Map(rows.map((r) => [r.officialId, r.nextWeekPlan]));
  }

  /**
   * Tickets resolved in [from, to) that are still resolved or closed: of the unit (assigned to it)
   * and of each of these officials (assigned to them).
   */
  async countResolved(
    unitId: number,
    officialIds: number[],
    from: Date,
    to: Date,
  ): Promise<{ unit: number; byOfficial: Map<number, number> }> {
    const base = () =>
      this.dataSource
        .getRepository(Ticket)
        .createQueryBuilder('t')
        .where('t.resolvedAt >= :from AND t.resolvedAt < :to', { from, to })
        .andWhere('t.status IN (:...states)', { states: RESOLVED_STATES });
    const unit = await base().andWhere('t.assigneeUnitId = :unitId', { unitId }).getCount();
    const byOfficial = new Map<number, number>();
    if (officialIds.length > 0) {
      const rows: Array<Record<string, unknown>> = await base()
        .select(['t.assigneeOfficialId AS "officialId"', 'COUNT(*) AS n'])
        .andWhere('t.assigneeOfficialId IN (:...officialIds)', { officialIds })
        .groupBy('t.assigneeOfficialId')
        .getRawMany();
      for (const r of rows) byOfficial.set(Number(r.officialId), Number(r.n));
    }
    return { unit, byOfficial };
  }
}
