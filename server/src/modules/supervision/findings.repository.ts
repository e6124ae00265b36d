import { Injectable } from '@nestjs/common';
import type { FindingKind, FindingState } from '@jinri/shared';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import { currentMemberships } from '../directory/current-membership';
import { primaryPostOfEach } from '../directory/primary-post';
import { ComplianceFinding } from './compliance-finding.entity';
import { NoticeFinding } from './notice-finding.entity';
import { Notice } from './notice.entity';
import { SupervisionEvent } from './supervision-event.entity';
import { supervisionEvent } from './supervision-events.repository';
import { noticeNumber } from './notice-number';
import { retriedTransaction } from '../../database/contention';

/** A finding to record: the key (official, date, kind, subject) and what it rests on. */
export type NewFinding = Pick<
  ComplianceFinding,
  'officialId' | 'unitId' | 'date' | 'kind' | 'evidence' | 'explainDueAt'
> & { subject?: string };

/** Who recorded new findings: the system (jobs) or a supervisor (a spot check), with a note. */
export interface RecordedBy {
  actorUserId: number | null;
  actor: string;
  note: string | null;
}

export interface FindingFilter {
  /** The caller's scope roots: only findings of units inside one of them. */
  scopePaths: string[];
  /** Narrow to one unit's subtree (already checked to lie in the scope). */
  unitPath?: string;
  from?: string;
  to?: string;
  kinds?: FindingKind[];
  states?: FindingState[];
  officialId?: number;
}

const KEY = (f: { officialId: number; date: string; kind: string; subject?: string }) =>
  `${f.officialId}|${f.date}|${f.kind}|${f.subject ?? ''}`;

@Injectable()
export class FindingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  /**
   * Inserts the findings not yet recorded (by their key) and returns only those, with their ids: a
   * check that runs twice for a date records nothing the second time. Rows that another instance
   * inserts at the same moment are skipped by the unique key (INSERT … IGNORE), never duplicated.
   * Each new finding gets its `recorded` event here, in the caller's transaction, by `recordedBy`.
   */
  async record(
    manager: EntityManager,
    rows: NewFinding[],
    recordedBy: RecordedBy,
  ): Promise<ComplianceFinding[]> {
    const inserted = await this.insertNew(manager, rows);
    const events = inserted.map((f) =>
      supervisionEvent(
        'finding',
        f.id,
        'recorded',
        null,
        'open',
        recordedBy.actorUserId,
        recordedBy.actor,
        recordedBy.note,
      ),
    );
    for (const group of chunks(events, 500)) await manager.getRepository(SupervisionEvent).insert(group);
    return inserted;
  }

  private async insertNew(manager: EntityManager, rows: NewFinding[]): Promise<ComplianceFinding[]> {
    if (rows.length === 0) return [];
    const repo = manager.getRepository(ComplianceFinding);
    const fresh = new Map<string, NewFinding>();
    for (const group of chunks(rows, 500)) {
      const existing = await this.existingKeys(manager, group);
      for (const row of group) if (!existing.has(KEY(row))) fresh.set(KEY(row), row);
    }
    if (fresh.size === 0) return [];
    for (const group of chunks([...fresh.values()], 500)) {
      await repo
        .createQueryBuilder()
        .insert()
        .into(ComplianceFinding)
        .values(group.map((r) => ({ ...r, subject: r.subject ?? '', state: 'open' as const })))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
    // Read back what this call inserted (a row another instance inserted first is not ours to report).
    const inserted: ComplianceFinding[] = [];
    for (const group of chunks([...fresh.values()], 500)) {
      const found = await this.byKeys(manager, group);
      inserted.push(...found.filter((f) => f.version === 1 && f.state === 'open'));
    }
    return inserted.filter((f) => fresh.has(KEY(f)));
  }

  private async existingKeys(manager: EntityManager, rows: NewFinding[]): Promise<Set<string>> {
    return new Set((await this.byKeys(manager, rows)).map(KEY));
  }

  private byKeys(manager: EntityManager, rows: NewFinding[]): Promise<ComplianceFinding[]> {
    const officialIds = [...new Set(rows.map((r) => r.officialId))];
    const dates = [...new Set(rows.map((r) => r.date))];
    const kinds = [...new Set(rows.map((r) => r.kind))];
    const wanted = new Set(rows.map(KEY));
    return manager
      .getRepository(ComplianceFinding)
      .find({ where: { officialId: In(officialIds), date: In(dates), kind: In(kinds) } })
      .then((found) => found.filter((f) => wanted.has(KEY(f))));
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<ComplianceFinding | null> {
    return manager
      .getRepository(ComplianceFinding)
      .findOne({ where: { id }, relations: { official: true, unit: true } });
  }

  findByIds(ids: number[], manager: EntityManager = this.dataSource.manager): Promise<ComplianceFinding[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(ComplianceFinding).find({
      where: { id: In(ids) },
      relations: { official: true, unit: true },
      order: { date: 'ASC', id: 'ASC' },
    });
  }

  /** One page of the findings in scope matching the filter, newest date first. */
  async findPage(
    filter: FindingFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: ComplianceFinding[]; total: number }> {
    if (filter.scopePaths.length === 0) return { rows: [], total: 0 };
    const query = this.dataSource
      .getRepository(ComplianceFinding)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.unit', 'u')
      .innerJoinAndSelect('f.official', 'o')
      .where(inSubtrees('u', filter.scopePaths));
    if (filter.unitPath) query.andWhere('u.path LIKE :unitPath', { unitPath: `${filter.unitPath}%` });
    if (filter.from) query.andWhere('f.date >= :from', { from: filter.from });
    if (filter.to) query.andWhere('f.date <= :to', { to: filter.to });
    if (filter.kinds?.length) query.andWhere('f.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.states?.length) query.andWhere('f.state IN (:...states)', { states: filter.states });
    if (filter.officialId) query.andWhere('f.officialId = :officialId', { officialId: filter.officialId });
    const [rows, total] = await query
      .orderBy('f.date', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { rows, total };
  }

  /** The official's own findings, newest first (their workbench). */
  findOfOfficial(officialId: number, limit: number): Promise<ComplianceFinding[]> {
    return this.dataSource.getRepository(ComplianceFinding).find({
      where: { officialId },
      relations: { official: true, unit: true },
      order: { date: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /**
   * Moves a finding from one of `from` to a new state with its changes, if nobody changed it since
   * `version` was read. False when it moved on (the caller answers 409).
   */
  async transition(
    manager: EntityManager,
    id: number,
    version: number,
    from: FindingState[],
    changes: Partial<ComplianceFinding>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ComplianceFinding)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .andWhere(new Brackets((w) => w.where('state IN (:...from)', { from })))
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Each official's primary post title on `date` (the rows of a view). */
  async findPostTitles(officialIds: number[], date: string): Promise<Map<number, string>> {
    if (officialIds.length === 0) return new Map();
    const rows: Array<Record<string, unknown>> = await currentMemberships(this.dataSource, date)
      .select(['m.officialId AS "officialId"', 'p.id AS "postId"', 'p.title AS title', 'p.rank AS rank'])
      .andWhere('m.officialId IN (:...officialIds)', { officialIds })
      .getRawMany();
    const posts = primaryPostOfEach(
      rows.map((r) => ({
        officialId: Number(r.officialId),
        postId: Number(r.postId),
        rank: Number(r.rank),
        title: String(r.title),
      })),
    );
    return new Map(posts.map((p) => [p.officialId, p.title]));
  }

  /** The notice citing each finding (an issued one before a draft), for the views. */
  async findNoticesOf(findingIds: number[]): Promise<Map<number, { id: number; number: string | null }>> {
    if (findingIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(NoticeFinding)
      .createQueryBuilder('nf')
      .innerJoin(Notice, 'n', 'n.id = nf.noticeId')
      .select(['nf.findingId AS "findingId"', 'n.id AS "noticeId"', 'n.number AS number', 'n.year AS year'])
      .addSelect('n.state', 'state')
      .where('nf.findingId IN (:...findingIds)', { findingIds })
      .orderBy('n.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    const result = new Map<number, { id: number; number: string | null }>();
    for (const r of rows) {
      const findingId = Number(r.findingId);
      const issued = r.state === 'issued';
      if (result.has(findingId) && !issued) continue;
      result.set(findingId, {
        id: Number(r.noticeId),
        number: issued && r.number != null ? noticeNumber(Number(r.year), Number(r.number)) : null,
      });
    }
    return result;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
