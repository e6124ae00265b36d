import { Injectable } from '@nestjs/common';
import type { NoticeState } from '@jinri/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import { ComplianceFinding } from './compliance-finding.entity';
import { NoticeFinding } from './notice-finding.entity';
import { Notice } from './notice.entity';
import { retriedTransaction } from '../../database/contention';

export type NewNotice = Omit<
  Notice,
  | 'id'
  | 'unit'
  | 'state'
  | 'number'
  | 'issuedByUserId'
  | 'issuedAt'
  | 'issueDate'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

export interface NoticeFilter {
  /** The caller's scope roots: only notices whose unit lies inside one of them. */
  scopePaths: string[];
  /** Narrow to one unit's subtree (already checked to lie in the scope). */
  unitPath?: string;
  state?: NoticeState;
}

/** The notices (督察通报), the findings they cite, and their numbering. */
@Injectable()
export class NoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Notice | null> {
    return manager.getRepository(Notice).findOne({ where: { id }, relations: { unit: true } });
  }

  /** One page of the notices in scope, newest first. */
  async findPage(
    filter: NoticeFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: Notice[]; total: number }> {
    if (filter.scopePaths.length === 0) return { rows: [], total: 0 };
    const query = this.dataSource
      .getRepository(Notice)
      .createQueryBuilder('n')
      .innerJoinAndSelect('n.unit', 'u')
      .where(inSubtrees('u', filter.scopePaths));
    if (filter.unitPath) query.andWhere('u.path LIKE :unitPath', { unitPath: `${filter.unitPath}%` });
    if (filter.state) query.andWhere('n.state = :state', { state: filter.state });
    const [rows, total] = await query
      .orderBy('n.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { rows, total };
  }

  /** The issued notices citing a finding of this official, newest first. */
  findIssuedCiting(officialId: number, limit: number): Promise<Notice[]> {
    return this.dataSource
      .getRepository(Notice)
      .createQueryBuilder('n')
      .innerJoinAndSelect('n.unit', 'u')
      .where('n.state = :issued', { issued: 'issued' })
      .andWhere(
        (qb) =>
          `EXISTS ${qb
            .subQuery()
            .select('1')
            .from(NoticeFinding, 'nf')
            .innerJoin(ComplianceFinding, 'f', 'f.id = nf.findingId')
            .where('nf.noticeId = n.id AND f.officialId = :officialId')
            .getQuery()}`,
        { officialId },
      )
      .orderBy('n.id', 'DESC')
      .take(limit)
      .getMany();
  }

  /** Whether an issued notice cites a finding of this official. */
  async cites(noticeId: number, officialId: number): Promise<boolean> {
    const count = await this.dataSource
      .getRepository(NoticeFinding)
      .createQueryBuilder('nf')
      .innerJoin(ComplianceFinding, 'f', 'f.id = nf.findingId')
      .where('nf.noticeId = :noticeId AND f.officialId = :officialId', { noticeId, officialId })
      .getCount();
    return count > 0;
  }

  /** The ids of the findings each notice cites, ascending. */
  async findFindingIds(noticeIds: number[]): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(noticeIds.map((id) => [id, []]));
    if (noticeIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(NoticeFinding)
      .find({ where: { noticeId: In(noticeIds) }, order: { findingId: 'ASC' } });
    for (const row of rows) result.get(row.noticeId)?.push(row.findingId);
    return result;
  }

  /**
   * The confirmed findings of the period whose unit lies in the subtree and that no issued notice
   * cites yet (oldest first, at most `limit`).
   */
  findUncitedConfirmed(
    unitPath: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<ComplianceFinding[]> {
    return this.dataSource
      .getRepository(ComplianceFinding)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.unit', 'u')
      .innerJoinAndSelect('f.official', 'o')
      .where('u.path LIKE :unitPath', { unitPath: `${unitPath}%` })
      .andWhere('f.state = :confirmed', { confirmed: 'confirmed' })
      .andWhere('f.date >= :from AND f.date <= :to', { from, to })
      .andWhere(
        (qb) =>
          `NOT EXISTS ${qb
            .subQuery()
            .select('1')
            .from(NoticeFinding, 'nf')
            .innerJoin(Notice, 'n', 'n.id = nf.noticeId')
            .where('nf.findingId = f.id AND n.state = :issued')
            .getQuery()}`,
        { issued: 'issued' },
      )
      .orderBy('f.date', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Of these findings, those an issued notice (other than `exceptNoticeId`) already cites. */
  async findCitedByIssued(
    findingIds: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<number>> {
    if (findingIds.length === 0) return new Set();
    const rows = await manager
      .getRepository(NoticeFinding)
      .createQueryBuilder('nf')
      .innerJoin(Notice, 'n', 'n.id = nf.noticeId')
      .select('nf.findingId', 'findingId')
      .where('nf.findingId IN (:...findingIds)', { findingIds })
      .andWhere('n.state = :issued', { issued: 'issued' })
      .getRawMany<{ findingId: number | string }>();
    return new Set(rows.map((r) => Number(r.findingId)));
  }

  async insert(manager: EntityManager, notice: NewNotice, findingIds: number[]): Promise<number> {
    const result = await manager.getRepository(Notice).insert({ ...notice, state: 'draft', number: null });
    const id = Number(result.identifiers[0]!.id);
    await this.insertFindings(manager, id, findingIds);
    return id;
  }

  /** A draft's cited findings become exactly these (the links of a draft are not history). */
  async replaceFindings(manager: EntityManager, noticeId: number, findingIds: number[]): Promise<void> {
    await manager.getRepository(NoticeFinding).delete({ noticeId });
    await this.insertFindings(manager, noticeId, findingIds);
  }

  private async insertFindings(
    manager: EntityManager,
    noticeId: number,
    findingIds: number[],
  ): Promise<void> {
    for (let i = 0; i < findingIds.length; i += 500)
      await manager
        .getRepository(NoticeFinding)
        .insert(findingIds.slice(i, i + 500).map((findingId) => ({ noticeId, findingId })));
  }

  /** Changes a draft if nobody changed it since `version`; false when it moved on (or was issued). */
  async updateDraft(
    manager: EntityManager,
    id: number,
    version: number,
    changes: Partial<Omit<Notice, 'unit'>>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Notice)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND state = :draft', { id, version, draft: 'draft' })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** The highest number issued in this county and year (0 for none). */
  async maxNumber(
    numberingUnitId: number,
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const row = await manager
      .getRepository(Notice)
      .createQueryBuilder('n')
      .select('MAX(n.number)', 'max')
      .where('n.numberingUnitId = :numberingUnitId AND n.year = :year', { numberingUnitId, year })
      .andWhere('n.number IS NOT NULL')
      .getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0);
  }
}

/**
 * Two notices of a county issued at the same moment took the same number: a unique-key violation
 * (MySQL/MariaDB ER_DUP_ENTRY, SQLite UNIQUE constraint), or on InnoDB the deadlock the two
 * updates of the unique index may run into. Either way the loser's transaction is rolled back.
 */
export function isNumberRace(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string } | null;
  const code = e?.driverError?.code ?? e?.code ?? '';
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'ER_LOCK_DEADLOCK' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
