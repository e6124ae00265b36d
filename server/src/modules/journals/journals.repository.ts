import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Between,
  DataSource,
  type EntityManager,
  In,
  IsNull,
  LessThanOrEqual,
  MoreThanOrEqual,
  Not,
} from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import { currentOn } from '../directory/current-membership';
import { DirectoryRepository, type UnitMember } from '../directory/directory.repository';
import { Membership } from '../directory/membership.entity';
import { primaryPostOfEach } from '../directory/primary-post';
import { Unit } from '../directory/unit.entity';
import type { JournalRules } from '@jinri/shared';
import { DayPlan } from './day-plan.entity';
import { EntryUpdate } from './entry-update.entity';
import { JournalRulesRow } from './journal-rules.entity';
import { Leave } from './leave.entity';
import { PlanEntry } from './plan-entry.entity';
import { PlanRevision } from './plan-revision.entity';
import { WeeklyReport } from './weekly-report.entity';
import { LotteryCandidate } from '../lotteries/lottery-candidate.entity';
import { Lottery } from '../lotteries/lottery.entity';
import { retriedTransaction } from '../../database/contention';

export type SubtreeOfficial = Pick<
  UnitMember,
  'officialId' | 'name' | 'title' | 'unitId' | 'unitName' | 'unitPath'
>;

/** Named queries of day plans, entries, revisions, updates, leave and weekly reports. */
@Injectable()
export class JournalsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  findUnit(id: number): Promise<Unit | null> {
    return this.dataSource.getRepository(Unit).findOneBy({ id });
  }

  /**
   * Each official holding a current post in the subtree, once, with their primary post (the rule of
   * primary-post.ts, as for plan access), in the directory's order (unit order, then rank): the rows
   * of a "today" page and the jobs' jurisdictions. `date` (default today) is the day the posts are
   * held on.
   */
  async findOfficialsInSubtree(path: string, date?: string): Promise<SubtreeOfficial[]> {
    return primaryPostOfEach(await this.directory.findMembersInSubtree(path, date));
  }

  findPlan(
    officialId: number,
    date: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DayPlan | null> {
    return manager.getRepository(DayPlan).findOneBy({ officialId, date });
  }

  findPlanById(id: number): Promise<DayPlan | null> {
    return this.dataSource.getRepository(DayPlan).findOneBy({ id });
  }

  /** Plans of these officials on a date, with the given statuses. */
  findPlansOn(officialIds: number[], date: string, statuses: DayPlan['status'][]): Promise<DayPlan[]> {
    if (officialIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(DayPlan)
      .findBy({ officialId: In(officialIds), date, status: In(statuses) });
  }

  /** Published plans of several officials over a range of dates (for "next time in the office"). */
  findPublishedPlansBetween(officialIds: number[], from: string, to: string): Promise<DayPlan[]> {
    if (officialIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(DayPlan)
      .findBy({ officialId: In(officialIds), date: Between(from, to), status: 'published' });
  }

  findPlansInRange(officialId: number, from: string, to: string): Promise<DayPlan[]> {
    return this.dataSource.getRepository(DayPlan).find({
      where: { officialId, date: Between(from, to) },
      order: { date: 'ASC' },
    });
  }

  /** The official's plans of the `days` dates before `date` that have entries (for repeat checks). */
  findPlansBefore(officialId: number, date: string, limit: number): Promise<DayPlan[]> {
    return this.dataSource
      .getRepository(DayPlan)
      .createQueryBuilder('d')
      .where('d.officialId = :officialId', { officialId })
      .andWhere('d.date < :date', { date })
      .andWhere("d.status <> 'draft'")
      .orderBy('d.date', 'DESC')
      .limit(limit)
      .getMany();
  }

  findEntries(planIds: number[], manager: EntityManager = this.dataSource.manager): Promise<PlanEntry[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(PlanEntry).find({
      where: { dayPlanId: In(planIds) },
      relations: { placeUnit: true },
      order: { dayPlanId: 'ASC', position: 'ASC', id: 'ASC' },
    });
  }

  findEntryById(id: number): Promise<PlanEntry | null> {
    return this.dataSource.getRepository(PlanEntry).findOne({ where: { id }, relations: { dayPlan: true } });
  }

  findUpdates(entryIds: number[]): Promise<EntryUpdate[]> {
    if (entryIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(EntryUpdate)
      .find({ where: { planEntryId: In(entryIds) }, order: { id: 'ASC' } });
  }

  async insertUpdate(
    update: Pick<EntryUpdate, 'planEntryId' | 'kind' | 'text' | 'photoIds' | 'location' | 'createdByUserId'>,
  ): Promise<EntryUpdate> {
    const result = await this.dataSource.getRepository(EntryUpdate).insert(update);
    return (await this.dataSource
      .getRepository(EntryUpdate)
      .findOneBy({ id: Number(result.identifiers[0]!.id) }))!;
  }

  async insertPlan(manager: EntityManager, plan: Pick<DayPlan, 'officialId' | 'date'>): Promise<DayPlan> {
    await manager
      .getRepository(DayPlan)
      .insert({ ...plan, status: 'draft', late: false, revision: 0, version: 1 });
    return (await this.findPlan(plan.officialId, plan.date, manager))!;
  }

  /** Bumps the version if it is still `expected`; false means someone saved in between. */
  async bumpVersion(
    manager: EntityManager,
    planId: number,
    expected: number,
    changes: Partial<DayPlan>,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(DayPlan)
      .update({ id: planId, version: expected }, { ...changes, version: expected + 1 });
    return (result.affected ?? 0) > 0;
  }

  async insertEntry(manager: EntityManager, entry: Partial<PlanEntry>): Promise<void> {
    await manager.getRepository(PlanEntry).insert(entry);
  }

  async updateEntry(manager: EntityManager, id: number, changes: Partial<PlanEntry>): Promise<void> {
    await manager.getRepository(PlanEntry).update({ id }, changes);
  }

  async insertRevision(
    manager: EntityManager,
    revision: Pick<
      PlanRevision,
      'dayPlanId' | 'revision' | 'kind' | 'changedByUserId' | 'changedBy' | 'snapshot'
    >,
  ): Promise<void> {
    await manager.getRepository(PlanRevision).insert(revision);
  }

  findRevisions(planId: number): Promise<PlanRevision[]> {
    return this.dataSource
      .getRepository(PlanRevision)
      .find({ where: { dayPlanId: planId }, order: { id: 'ASC' } });
  }

  /** Submitted plans of these officials dated on or before `date`, to publish now. */
  findDueForPublication(date: string, officialIds: number[]): Promise<DayPlan[]> {
    if (officialIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(DayPlan).find({
      where: { status: 'submitted', date: LessThanOrEqual(date), officialId: In(officialIds) },
    });
  }

  /** Publishes a submitted plan unless another instance did first. */
  async markPublished(manager: EntityManager, planId: number, at: Date): Promise<boolean> {
    const result = await manager
      .getRepository(DayPlan)
      .update({ id: planId, status: 'submitted' }, { status: 'published', publishedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Approved leave of these officials covering a date. */
  findApprovedLeavesOn(officialIds: number[], date: string): Promise<Leave[]> {
    if (officialIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Leave).find({
      where: {
        officialId: In(officialIds),
        status: 'approved',
        startDate: LessThanOrEqual(date),
        endDate: MoreThanOrEqual(date),
      },
    });
  }

  /** Approved leaves of several officials touching a range of dates. */
  findApprovedLeavesBetween(officialIds: number[], from: string, to: string): Promise<Leave[]> {
    if (officialIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Leave).find({
      where: {
        officialId: In(officialIds),
        status: 'approved',
        startDate: LessThanOrEqual(to),
        endDate: MoreThanOrEqual(from),
      },
    });
  }

  /** Every leave of an official, with the official (for names in lists). */
  findLeavesOfOfficial(officialId: number): Promise<Leave[]> {
    return this.dataSource.getRepository(Leave).find({
      where: { officialId },
      relations: { official: true },
      order: { startDate: 'ASC' },
    });
  }

  /** Leave of an official overlapping a range (any status). */
  findLeavesOverlapping(officialId: number, from: string, to: string): Promise<Leave[]> {
    return this.dataSource.getRepository(Leave).find({
      where: { officialId, startDate: LessThanOrEqual(to), endDate: MoreThanOrEqual(from) },
      order: { startDate: 'ASC' },
    });
  }

  findLeaveById(id: number): Promise<Leave | null> {
    return this.dataSource.getRepository(Leave).findOne({ where: { id }, relations: { official: true } });
  }

  async insertLeave(
    leave: Pick<Leave, 'officialId' | 'startDate' | 'endDate' | 'reason' | 'requestedByUserId'>,
  ): Promise<number> {
    const result = await this.dataSource.getRepository(Leave).insert({ ...leave, status: 'pending' });
    return Number(result.identifiers[0]!.id);
  }

  /** Decides a pending leave; false when it was decided or cancelled meanwhile. */
  async decideLeave(
    manager: EntityManager,
    id: number,
    status: Leave['status'],
    byUserId: number | null,
    at: Date,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Leave)
      .update({ id, status: 'pending' }, { status, decidedByUserId: byUserId, decidedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Leave of officials holding posts in the subtrees today, newest first. */
  async findLeavesInSubtrees(paths: string[], status?: Leave['status'], limit = 200): Promise<Leave[]> {
    if (paths.length === 0) return [];
    const query = this.dataSource
      .getRepository(Leave)
      .createQueryBuilder('l')
      .innerJoinAndSelect('l.official', 'o')
      .where((qb) => {
        const sub = qb
          .subQuery()
          .select('m.official_id')
          .from(Membership, 'm')
          .innerJoin('m.post', 'p')
          .innerJoin('p.unit', 'u')
          .where(...currentOn('m', this.directory.today()))
          .andWhere(inSubtrees('u', paths))
          .getQuery();
        return `l.official_id IN ${sub}`;
      });
    if (status) query.andWhere('l.status = :status', { status });
    return query.orderBy('l.id', 'DESC').take(limit).getMany();
  }

  findWeeklyReport(officialId: number, weekStart: string): Promise<WeeklyReport | null> {
    return this.dataSource.getRepository(WeeklyReport).findOneBy({ officialId, weekStart });
  }

  findWeeklyReportsInRange(officialId: number, from: string, to: string): Promise<WeeklyReport[]> {
    return this.dataSource.getRepository(WeeklyReport).find({
      where: { officialId, weekStart: Between(from, to) },
      order: { weekStart: 'ASC' },
    });
  }

  async upsertWeeklyReport(
    report: Pick<
      WeeklyReport,
      'officialId' | 'weekStart' | 'results' | 'nextWeekPlan' | 'submittedAt' | 'late' | 'submittedByUserId'
    >,
  ): Promise<void> {
    await this.dataSource.getRepository(WeeklyReport).upsert(report, ['officialId', 'weekStart']);
  }

  /** Every jurisdiction's rules row, with its unit (for the unit's path). */
  findAllRules(): Promise<JournalRulesRow[]> {
    return this.dataSource
      .getRepository(JournalRulesRow)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.unit', 'u')
      .getMany();
  }

  async upsertRules(unitId: number, rules: JournalRules): Promise<void> {
    await this.dataSource.getRepository(JournalRulesRow).upsert({ unitId, ...rules }, ['unitId']);
  }

  /** 抽中: the lottery (id, Monday of its week) that drew each of these plans, if any. */
  async findDrawnMarks(
    planIds: number[],
  ): Promise<Array<{ dayPlanId: number; lotteryId: number; weekStart: string }>> {
    if (planIds.length === 0) return [];
    const drawn = await this.dataSource.getRepository(LotteryCandidate).find({
      select: { dayPlanId: true, lotteryId: true },
      where: { dayPlanId: In(planIds), drawnRank: Not(IsNull()) },
    });
    if (drawn.length === 0) return [];
    const weeks = await this.dataSource.getRepository(Lottery).find({
      select: { id: true, weekStart: true },
      where: { id: In([...new Set(drawn.map((d) => d.lotteryId))]) },
    });
    return drawn.map((d) => ({
      dayPlanId: d.dayPlanId,
      lotteryId: d.lotteryId,
      weekStart: weeks.find((w) => w.id === d.lotteryId)!.weekStart,
    }));
  }
}
