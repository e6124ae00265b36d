import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import { DayPlan } from '../journals/day-plan.entity';
import { PlanEntry } from '../journals/plan-entry.entity';
import { PlanRevision } from '../journals/plan-revision.entity';
import { SpotCheckSample } from './spot-check-sample.entity';
import { SpotCheck } from './spot-check.entity';
import { retriedTransaction } from '../../database/contention';

export type NewSpotCheck = Omit<
  SpotCheck,
  'id' | 'planEntry' | 'official' | 'unit' | 'findingId' | 'createdAt'
>;
export type NewSample = Omit<SpotCheckSample, 'id' | 'unit' | 'createdAt'>;

export interface SpotCheckFilter {
  /** The caller's scope roots: only checks of units inside one of them. */
  scopePaths: string[];
  /** Narrow to one unit's subtree (already checked to lie in the scope). */
  unitPath?: string;
  from?: string;
  to?: string;
}

/** Named queries of spot checks (抽查) and their samples, and the plan entries they visit. */
@Injectable()
export class SpotChecksRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  /** The active entries of these officials' published plans of `date`, with their plan and place unit. */
  async findPublishedEntries(officialIds: number[], date: string): Promise<PlanEntry[]> {
    const entries: PlanEntry[] = [];
    for (let i = 0; i < officialIds.length; i += 500) {
      entries.push(
        ...(await this.dataSource
          .getRepository(PlanEntry)
          .createQueryBuilder('e')
          .innerJoinAndSelect('e.dayPlan', 'd')
          .leftJoinAndSelect('e.placeUnit', 'pu')
          .where('d.officialId IN (:...officialIds)', { officialIds: officialIds.slice(i, i + 500) })
          .andWhere('d.date = :date AND d.status = :published AND e.status = :active', {
            date,
            published: 'published' satisfies DayPlan['status'],
            active: 'active',
          })
          .getMany()),
      );
    }
    return entries;
  }

  /** One entry with its plan, the plan's official and the entry's place unit (any status). */
  findEntry(id: number): Promise<PlanEntry | null> {
    return this.dataSource.getRepository(PlanEntry).findOne({
      where: { id },
      relations: { dayPlan: { official: true }, placeUnit: true },
    });
  }

  /** Entries by id (any status), with plan, official and place unit. */
  findEntries(ids: number[]): Promise<PlanEntry[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(PlanEntry).find({
      where: { id: In(ids) },
      relations: { dayPlan: { official: true }, placeUnit: true },
    });
  }

  /** The plan's history, oldest first (what was in force when). */
  findRevisions(planId: number): Promise<PlanRevision[]> {
    return this.dataSource
      .getRepository(PlanRevision)
      .find({ where: { dayPlanId: planId }, order: { revision: 'ASC', id: 'ASC' } });
  }

  async insertSample(manager: EntityManager, sample: NewSample): Promise<number> {
    const result = await manager.getRepository(SpotCheckSample).insert(sample);
    return Number(result.identifiers[0]!.id);
  }

  findSample(id: number): Promise<SpotCheckSample | null> {
    return this.dataSource
      .getRepository(SpotCheckSample)
      .findOne({ where: { id }, relations: { unit: true } });
  }

  async insertCheck(manager: EntityManager, check: NewSpotCheck): Promise<number> {
    const result = await manager.getRepository(SpotCheck).insert({ ...check, findingId: null });
    return Number(result.identifiers[0]!.id);
  }

  /** Links the `absent` finding a check opened (in the transaction that recorded both). */
  async setFinding(manager: EntityManager, id: number, findingId: number): Promise<void> {
    await manager.getRepository(SpotCheck).update(id, { findingId });
  }

  findCheck(id: number): Promise<SpotCheck | null> {
    return this.dataSource.getRepository(SpotCheck).findOne({
      where: { id },
      relations: { unit: true, official: true, planEntry: { dayPlan: true, placeUnit: true } },
    });
  }

  /** One page of the checks in scope, the latest visit first. */
  async findPage(
    filter: SpotCheckFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: SpotCheck[]; total: number }> {
    if (filter.scopePaths.length === 0) return { rows: [], total: 0 };
    const query = this.dataSource
      .getRepository(SpotCheck)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.unit', 'u')
      .innerJoinAndSelect('s.official', 'o')
      .innerJoinAndSelect('s.planEntry', 'e')
      .innerJoinAndSelect('e.dayPlan', 'd')
      .leftJoinAndSelect('e.placeUnit', 'pu')
      .where(inSubtrees('u', filter.scopePaths));
    if (filter.unitPath) query.andWhere('u.path LIKE :unitPath', { unitPath: `${filter.unitPath}%` });
    if (filter.from) query.andWhere('s.date >= :from', { from: filter.from });
    if (filter.to) query.andWhere('s.date <= :to', { to: filter.to });
    const [rows, total] = await query
      .orderBy('s.visitedAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { rows, total };
  }
}
