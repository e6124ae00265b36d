import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplianceFinding } from '../supervision/compliance-finding.entity';
import { SupervisionEvent } from '../supervision/supervision-event.entity';
import type { NewSupervisionEvent } from '../supervision/supervision-events.repository';
import { approvedLeaveOnPlanDay, selectPeriodIndex } from '../../database/period-buckets';
import { DayPlan } from '../journals/day-plan.entity';
import { PlanEntry } from '../journals/plan-entry.entity';
import { WeeklyReport } from '../journals/weekly-report.entity';
import { OPEN_STATES } from '../tickets/ticket-state';
import { Ticket } from '../tickets/ticket.entity';
import { FlagAwardRow, FlagAwardUnitRow } from './flag-award.entity';
import { RankingSettingsRow } from './ranking-settings.entity';
import { retriedTransaction } from '../../database/contention';

/** Officials per IN list. */
const CHUNK = 500;

/** A grouped count: `key` is an official id or a unit path (see `by`), `bucket` the period's index. */
export interface Counted<T extends string> {
  key: string;
  bucket: number;
  values: Record<T, number>;
}

export type GroupBy = { by: 'official'; officialIds: number[] } | { by: 'unit'; unitPath: string };

export interface TicketCountsRow {
  received: number;
  ackDue: number;
  ackInTime: number;
  resolveDue: number;
  solved: number;
  rated: number;
  satisfied: number;
  overdue: number;
}

/**
 * Named queries of the rankings: every figure is one grouped query per 500 officials (or one per
 * subtree), bucketed by period with a portable CASE over the periods' first days — never a row per
 * plan or ticket loaded into Node.
 */
@Injectable()
export class RankingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  /** Per official and period: plans handed in for an owed day (not on approved leave), and on time. */
  async countPlans(
    officialIds: number[],
    owedDates: string[],
    starts: string[],
  ): Promise<Array<Counted<'submitted' | 'onTime'>>> {
    if (officialIds.length === 0 || owedDates.length === 0) return [];
    const out: Array<Counted<'submitted' | 'onTime'>> = [];
    for (let i = 0; i < officialIds.length; i += CHUNK) {
      const query = this.dataSource.getRepository(DayPlan).createQueryBuilder('p');
      const excused = approvedLeaveOnPlanDay(query);
      const rows = await selectPeriodIndex(query, 'p.date', starts, 'bucket')
        .addSelect('p.officialId', 'k')
        .addSelect('COUNT(*)', 'submitted')
        .addSelect('SUM(CASE WHEN p.late THEN 0 ELSE 1 END)', 'onTime')
        .where('p.officialId IN (:...ids)', { ids: officialIds.slice(i, i + CHUNK) })
        .andWhere('p.date IN (:...owed)', { owed: owedDates })
        .andWhere('p.status IN (:...handedIn)', { handedIn: ['submitted', 'published'] })
        .andWhere(`NOT EXISTS ${excused}`)
        .groupBy('p.officialId')
        .addGroupBy('bucket')
        .getRawMany<Record<string, string | number | null>>();
      out.push(...rows.map((r) => counted(r, ['submitted', 'onTime'])));
    }
    return out;
  }

  /** Per official and period: entries (not withdrawn) of published plans. */
  async countEntries(
    officialIds: number[],
    from: string,
    to: string,
    starts: string[],
  ): Promise<Array<Counted<'entries'>>> {
    const out: Array<Counted<'entries'>> = [];
    for (let i = 0; i < officialIds.length; i += CHUNK) {
      const query = this.dataSource
        .getRepository(PlanEntry)
        .createQueryBuilder('e')
        .innerJoin('e.dayPlan', 'p');
      const rows = await selectPeriodIndex(query, 'p.date', starts, 'bucket')
        .addSelect('p.officialId', 'k')
        .addSelect('COUNT(*)', 'entries')
        .where('p.officialId IN (:...ids)', { ids: officialIds.slice(i, i + CHUNK) })
        .andWhere('p.date >= :from AND p.date <= :to', { from, to })
        .andWhere("p.status = 'published'")
        .andWhere("e.status <> 'withdrawn'")
        .groupBy('p.officialId')
        .addGroupBy('bucket')
        .getRawMany<Record<string, string | number | null>>();
      out.push(...rows.map((r) => counted(r, ['entries'])));
    }
    return out;
  }

  /**
   * Per official and period: entries the morning check found vague or repeated (the entries listed in
   * the evidence of findings not dismissed), counted in SQL with the dialect's JSON length function.
   */
  async countFlaggedEntries(
    officialIds: number[],
    from: string,
    to: string,
    starts: string[],
  ): Promise<Array<Counted<'flagged'>>> {
    const length = this.isMysql() ? 'JSON_LENGTH' : 'json_array_length';
    const out: Array<Counted<'flagged'>> = [];
    for (let i = 0; i < officialIds.length; i += CHUNK) {
      const query = this.dataSource.getRepository(ComplianceFinding).createQueryBuilder('f');
      const rows = await selectPeriodIndex(query, 'f.date', starts, 'bucket')
        .addSelect('f.officialId', 'k')
        .addSelect(`SUM(COALESCE(${length}(f.evidence, '$.entries'), 1))`, 'flagged')
        .where('f.officialId IN (:...ids)', { ids: officialIds.slice(i, i + CHUNK) })
        .andWhere('f.date >= :from AND f.date <= :to', { from, to })
        .andWhere('f.kind IN (:...kinds)', { kinds: ['vague', 'repeated'] })
        .andWhere("f.state <> 'dismissed'")
        .groupBy('f.officialId')
        .addGroupBy('bucket')
        .getRawMany<Record<string, string | number | null>>();
      out.push(...rows.map((r) => counted(r, ['flagged'])));
    }
    return out;
  }

  /** Per official and period: weekly reports of owed weeks handed in on time. */
  async countWeeklyOnTime(
    officialIds: number[],
    weeks: string[],
    starts: string[],
  ): Promise<Array<Counted<'onTime'>>> {
    if (weeks.length === 0) return [];
    const out: Array<Counted<'onTime'>> = [];
    for (let i = 0; i < officialIds.length; i += CHUNK) {
      const query = this.dataSource.getRepository(WeeklyReport).createQueryBuilder('w');
      const rows = await selectPeriodIndex(query, 'w.weekStart', starts, 'bucket')
        .addSelect('w.officialId', 'k')
        .addSelect('SUM(CASE WHEN w.late THEN 0 ELSE 1 END)', 'onTime')
        .where('w.officialId IN (:...ids)', { ids: officialIds.slice(i, i + CHUNK) })
        .andWhere('w.weekStart IN (:...weeks)', { weeks })
        .groupBy('w.officialId')
        .addGroupBy('bucket')
        .getRawMany<Record<string, string | number | null>>();
      out.push(...rows.map((r) => counted(r, ['onTime'])));
    }
    return out;
  }

  /**
   * Tickets received in [from, until) per assignee (official or unit path) and period, with the
   * figures of ticket-figures.ts as sums: 响应 (acknowledged by the deadline, among those due),
   * 解决 (resolved, not rated unsatisfied, no longer open, among those resolved or past due), 满意
   * (satisfied among rated), overdue (open past the deadline, or resolved after it). Withdrawn and
   * hidden tickets count nowhere.
   */
  async countTickets(
    group: GroupBy,
    from: Date,
    until: Date,
    starts: Date[],
    now: Date,
  ): Promise<Array<Counted<keyof TicketCountsRow>>> {
    const keys: Array<keyof TicketCountsRow> = [
      'received',
      'ackDue',
      'ackInTime',
      'resolveDue',
      'solved',
      'rated',
      'satisfied',
      'overdue',
    ];
    const run = async (ids: number[] | null) => {
      let query = this.dataSource.getRepository(Ticket).createQueryBuilder('t');
      if (ids === null) query = query.innerJoin('t.assigneeUnit', 'u');
      query = selectPeriodIndex(query, 't.createdAt', starts, 'bucket')
        .addSelect(ids === null ? 'u.path' : 't.assigneeOfficialId', 'k')
        .addSelect('COUNT(*)', 'received')
        .addSelect(
          'SUM(CASE WHEN t.acknowledgedAt IS NOT NULL OR t.ackDueAt <= :now THEN 1 ELSE 0 END)',
          'ackDue',
        )
        .addSelect(
          'SUM(CASE WHEN t.acknowledgedAt IS NOT NULL AND t.acknowledgedAt <= t.ackDueAt THEN 1 ELSE 0 END)',
          'ackInTime',
        )
        .addSelect(
          'SUM(CASE WHEN t.resolvedAt IS NOT NULL OR t.dueAt <= :now THEN 1 ELSE 0 END)',
          'resolveDue',
        )
        .addSelect(
          'SUM(CASE WHEN t.resolvedAt IS NOT NULL AND (t.ratingSatisfied IS NULL OR t.ratingSatisfied <> 0) ' +
            'AND t.status NOT IN (:...open) THEN 1 ELSE 0 END)',
          'solved',
        )
        .addSelect('SUM(CASE WHEN t.ratingSatisfied IS NOT NULL THEN 1 ELSE 0 END)', 'rated')
        .addSelect(
          'SUM(CASE WHEN t.ratingSatisfied IS NOT NULL AND t.ratingSatisfied <> 0 THEN 1 ELSE 0 END)',
          'satisfied',
        )
        .addSelect(
          'SUM(CASE WHEN (t.status IN (:...open) AND t.dueAt <= :now) OR ' +
            '(t.resolvedAt IS NOT NULL AND t.resolvedAt > t.dueAt) THEN 1 ELSE 0 END)',
          'overdue',
        )
        .where('t.createdAt >= :from AND t.createdAt < :until', { from, until })
        .andWhere('t.status NOT IN (:...never)', { never: ['withdrawn', 'hidden'] })
        .setParameters({ now, open: [...OPEN_STATES] });
      query =
        ids === null
          ? query
              .andWhere('u.path LIKE :path', { path: `${(group as { unitPath: string }).unitPath}%` })
              .groupBy('u.path')
          : query.andWhere('t.assigneeOfficialId IN (:...ids)', { ids }).groupBy('t.assigneeOfficialId');
      const rows = await query.addGroupBy('bucket').getRawMany<Record<string, string | number | null>>();
      return rows.map((r) => counted(r, keys));
    };
    if (group.by === 'unit') return run(null);
    const out: Array<Counted<keyof TicketCountsRow>> = [];
    for (let i = 0; i < group.officialIds.length; i += CHUNK)
      out.push(...(await run(group.officialIds.slice(i, i + CHUNK))));
    return out;
  }

  /** Confirmed findings dated in [from, to] per official or unit path and period. */
  async countConfirmedFindings(
    group: GroupBy,
    from: string,
    to: string,
    starts: string[],
  ): Promise<Array<Counted<'confirmed'>>> {
    const run = async (ids: number[] | null) => {
      let query = this.dataSource.getRepository(ComplianceFinding).createQueryBuilder('f');
      if (ids === null) query = query.innerJoin('f.unit', 'u');
      query = selectPeriodIndex(query, 'f.date', starts, 'bucket')
        .addSelect(ids === null ? 'u.path' : 'f.officialId', 'k')
        .addSelect('COUNT(*)', 'confirmed')
        .where('f.date >= :from AND f.date <= :to', { from, to })
        .andWhere("f.state = 'confirmed'");
      query =
        ids === null
          ? query
              .andWhere('u.path LIKE :path', { path: `${(group as { unitPath: string }).unitPath}%` })
              .groupBy('u.path')
          : query.andWhere('f.officialId IN (:...ids)', { ids }).groupBy('f.officialId');
      const rows = await query.addGroupBy('bucket').getRawMany<Record<string, string | number | null>>();
      return rows.map((r) => counted(r, ['confirmed']));
    };
    if (group.by === 'unit') return run(null);
    const out: Array<Counted<'confirmed'>> = [];
    for (let i = 0; i < group.officialIds.length; i += CHUNK)
      out.push(...(await run(group.officialIds.slice(i, i + CHUNK))));
    return out;
  }

  // -- settings

  findSettings(jurisdictionUnitId: number): Promise<RankingSettingsRow | null> {
    return this.dataSource.getRepository(RankingSettingsRow).findOneBy({ jurisdictionUnitId });
  }

  /** Inserts or updates the jurisdiction's row and writes its event, in one transaction. */
  async saveSettings(
    values: Pick<
      RankingSettingsRow,
      'jurisdictionUnitId' | 'weights' | 'minSample' | 'flagCount' | 'updatedByUserId' | 'updatedByName'
    >,
    event: (settingsId: number) => NewSupervisionEvent,
  ): Promise<void> {
    await retriedTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(RankingSettingsRow);
      const existing = await repository.findOneBy({ jurisdictionUnitId: values.jurisdictionUnitId });
      let id: number;
      if (existing) {
        await repository.update({ id: existing.id }, values);
        id = existing.id;
      } else {
        id = (await repository.insert(values)).identifiers[0]!.id as number;
      }
      await manager.getRepository(SupervisionEvent).insert(event(id));
    });
  }

  // -- flags

  /** The award in force for a period (not superseded), if any. */
  findCurrentAwardFor(
    jurisdictionUnitId: number,
    level: string,
    period: string,
    fromDate: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FlagAwardRow | null> {
    return manager
      .getRepository(FlagAwardRow)
      .createQueryBuilder('a')
      .where('a.jurisdictionUnitId = :jurisdictionUnitId', { jurisdictionUnitId })
      .andWhere('a.level = :level AND a.period = :period AND a.fromDate = :fromDate', {
        level,
        period,
        fromDate,
      })
      .andWhere('a.supersededAt IS NULL')
      .orderBy('a.sequence', 'DESC')
      .getOne();
  }

  /**
   * Records an award: the new award (next sequence), its units, the earlier one marked superseded,
   * and their events — one transaction. A concurrent award of the same period loses on the unique key.
   */
  async recordAward(
    manager: EntityManager,
    award: Omit<FlagAwardRow, 'id' | 'jurisdiction' | 'createdAt' | 'supersededAt'>,
    units: Array<Pick<FlagAwardUnitRow, 'unitId' | 'color' | 'proposed' | 'rank'>>,
    now: Date,
  ): Promise<number> {
    const id = (await manager.getRepository(FlagAwardRow).insert({ ...award, supersededAt: null }))
      .identifiers[0]!.id as number;
    if (units.length > 0)
      await manager.getRepository(FlagAwardUnitRow).insert(units.map((u) => ({ ...u, awardId: id })));
    if (award.supersedesId !== null)
      await manager
        .getRepository(FlagAwardRow)
        .createQueryBuilder()
        .update()
        .set({ supersededAt: now })
        .where('id = :id AND superseded_at IS NULL', { id: award.supersedesId })
        .execute();
    return id;
  }

  async recordEvents(manager: EntityManager, events: NewSupervisionEvent[]): Promise<void> {
    if (events.length > 0) await manager.getRepository(SupervisionEvent).insert(events);
  }

  findAwardsByIds(ids: number[]): Promise<FlagAwardRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FlagAwardRow)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.jurisdiction', 'j')
      .where('a.id IN (:...ids)', { ids })
      .getMany();
  }

  findAwardUnits(awardIds: number[]): Promise<FlagAwardUnitRow[]> {
    if (awardIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FlagAwardUnitRow)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.unit', 'u')
      .where('f.awardId IN (:...awardIds)', { awardIds })
      .orderBy('f.awardId', 'ASC')
      .addOrderBy('f.color', 'ASC')
      .addOrderBy('f.rank', 'ASC')
      .getMany();
  }

  /**
   * The awards in force: per jurisdiction and level, the award not superseded with the latest end
   * (the last awarded completed period), ties to the latest award. One row per jurisdiction and level.
   */
  async findCurrentAwards(): Promise<FlagAwardRow[]> {
    const rows = await this.dataSource
      .getRepository(FlagAwardRow)
      .createQueryBuilder('a')
      .where('a.supersededAt IS NULL')
      .andWhere(
        'a.toDate = (SELECT MAX(b.to_date) FROM flag_awards b WHERE b.superseded_at IS NULL ' +
          'AND b.jurisdiction_unit_id = a.jurisdiction_unit_id AND b.level = a.level)',
      )
      .orderBy('a.id', 'DESC')
      .getMany();
    const seen = new Set<string>();
    return rows.filter((r) => {
      const key = `${r.jurisdictionUnitId}|${r.level}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Flags of awards in force for these units. */
  async findCurrentFlagsOf(unitIds: number[]): Promise<Array<FlagAwardUnitRow & { award: FlagAwardRow }>> {
    if (unitIds.length === 0) return [];
    const awards = await this.findCurrentAwards();
    if (awards.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(FlagAwardUnitRow)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.unit', 'u')
      .where('f.unitId IN (:...unitIds)', { unitIds })
      .andWhere('f.awardId IN (:...awardIds)', { awardIds: awards.map((a) => a.id) })
      .getMany();
    const byId = new Map(awards.map((a) => [a.id, a]));
    return rows.map((r) => Object.assign(r, { award: byId.get(r.awardId)! }));
  }

  /** Every flag ever awarded to these units (superseded ones too), newest award first. */
  findFlagHistory(unitIds: number[], limit: number): Promise<FlagAwardUnitRow[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FlagAwardUnitRow)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.unit', 'u')
      .innerJoinAndSelect('f.award', 'a')
      .where('f.unitId IN (:...unitIds)', { unitIds })
      .orderBy('a.toDate', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .take(limit)
      .getMany();
  }

  private isMysql(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }
}

/**
 * Selects `bucket`: the index in `starts` (the periods' first days or instants, ascending) of the
 * period `column` falls in, as a CASE (portable between SQLite and MariaDB). Callers bound the range.
 */

function counted<T extends string>(row: Record<string, string | number | null>, keys: T[]): Counted<T> {
  return {
    key: String(row.k),
    bucket: Number(row.bucket),
    values: Object.fromEntries(keys.map((k) => [k, Number(row[k] ?? 0)])) as Record<T, number>,
  };
}
