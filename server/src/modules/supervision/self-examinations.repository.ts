import { Injectable } from '@nestjs/common';
import type { SelfExamState } from '@jinri/shared';
import { Brackets, DataSource, type EntityManager, In, LessThan, MoreThan } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import { SelfExamination } from './self-examination.entity';
import { retriedTransaction } from '../../database/contention';

export type NewSelfExamination = Pick<SelfExamination, 'noticeId' | 'officialId' | 'unitId' | 'dueAt'>;

export interface SelfExamFilter {
  scopePaths: string[];
  unitPath?: string;
  states?: SelfExamState[];
}

const RELATIONS = { notice: true, official: true, unit: true } as const;

/** The written self-examinations (书面检查) issued notices require. */
@Injectable()
export class SelfExaminationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  /** Inserts one per (notice, official) and returns them with their ids. */
  async insert(manager: EntityManager, rows: NewSelfExamination[]): Promise<SelfExamination[]> {
    if (rows.length === 0) return [];
    const repo = manager.getRepository(SelfExamination);
    for (let i = 0; i < rows.length; i += 500)
      await repo.insert(
        rows.slice(i, i + 500).map((r) => ({ ...r, state: 'pending' as const, photoIds: [] })),
      );
    return repo.find({ where: { noticeId: rows[0]!.noticeId }, order: { id: 'ASC' } });
  }

  findById(id: number): Promise<SelfExamination | null> {
    return this.dataSource.getRepository(SelfExamination).findOne({ where: { id }, relations: RELATIONS });
  }

  findOfNotices(noticeIds: number[]): Promise<SelfExamination[]> {
    if (noticeIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SelfExamination)
      .find({ where: { noticeId: In(noticeIds) }, relations: RELATIONS, order: { id: 'ASC' } });
  }

  findOfOfficial(officialId: number, limit: number): Promise<SelfExamination[]> {
    return this.dataSource
      .getRepository(SelfExamination)
      .find({ where: { officialId }, relations: RELATIONS, order: { id: 'DESC' }, take: limit });
  }

  async findPage(
    filter: SelfExamFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: SelfExamination[]; total: number }> {
    if (filter.scopePaths.length === 0) return { rows: [], total: 0 };
    const query = this.dataSource
      .getRepository(SelfExamination)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.unit', 'u')
      .innerJoinAndSelect('s.official', 'o')
      .innerJoinAndSelect('s.notice', 'n')
      .where(inSubtrees('u', filter.scopePaths));
    if (filter.unitPath) query.andWhere('u.path LIKE :unitPath', { unitPath: `${filter.unitPath}%` });
    if (filter.states?.length) query.andWhere('s.state IN (:...states)', { states: filter.states });
    const [rows, total] = await query
      .orderBy('s.dueAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { rows, total };
  }

  /** Pending or returned ones past their deadline, by id after `afterId` (a cursor over all of them). */
  findOverdue(now: Date, afterId: number, limit: number): Promise<SelfExamination[]> {
    return this.dataSource.getRepository(SelfExamination).find({
      where: { state: In(['pending', 'returned']), dueAt: LessThan(now), id: MoreThan(afterId) },
      relations: RELATIONS,
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** Moves one from one of `from` if nobody changed it since `version`; false when it moved on. */
  async transition(
    manager: EntityManager,
    id: number,
    version: number,
    from: SelfExamState[],
    changes: Partial<Omit<SelfExamination, 'notice' | 'official' | 'unit'>>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(SelfExamination)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .andWhere(new Brackets((w) => w.where('state IN (:...from)', { from })))
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
