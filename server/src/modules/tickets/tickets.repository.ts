import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { localDate } from '../../common/time/local-time';
import { RoleGrant } from '../auth/role-grant.entity';
import { User } from '../auth/user.entity';
import { currentMemberships } from '../directory/current-membership';
import { Matter } from '../directory/matter.entity';
import { Official } from '../directory/official.entity';
import { PlanEntry } from '../journals/plan-entry.entity';
import { Unit } from '../directory/unit.entity';
import { SensitiveWord } from './sensitive-word.entity';
import { TicketEvent } from './ticket-event.entity';
import { TicketFollower } from './ticket-follower.entity';
import { NEVER_PUBLIC, OPEN_STATES, PUBLIC_MODERATION } from './ticket-state';
import { Ticket } from './ticket.entity';
import { batchedTransaction, type TransactionWriter } from '../../database/batched-transaction';
import { retriedTransaction } from '../../database/contention';
import { insertStatement, type PendingId } from '../../database/insert-statement';
import { PreparedQueries } from '../../database/prepared-queries';

export type TicketPatch = Partial<Omit<Ticket, 'id' | 'version' | 'createdAt'>>;
export type NewEvent = Omit<TicketEvent, 'id' | 'ticket' | 'createdAt' | 'ticketId'>;

export interface PrimaryPost {
  name: string;
  title: string;
  unitId: number;
  unitName: string;
  unitPath: string;
}

/** The public tickets (see PUBLIC_MODERATION): the same rule as isPublic(), as a WHERE. */
const PUBLIC_WHERE = {
  publicAllowed: true,
  moderation: In([...PUBLIC_MODERATION]),
  status: Not(In([...NEVER_PUBLIC])),
};

const RELATIONS = {
  official: true,
  matter: true,
  unit: true,
  planEntry: { dayPlan: true },
  assigneeOfficial: true,
  assigneeUnit: true,
} as const;

/** Named queries of tickets and their events. */
@Injectable()
export class TicketsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.prepared = new PreparedQueries(dataSource);
  }

  /** The comment path's reads, built once (see PreparedQueries). */
  private readonly prepared: PreparedQueries;

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  findById(id: number): Promise<Ticket | null> {
    return this.dataSource.getRepository(Ticket).findOne({ where: { id }, relations: RELATIONS });
  }

  findByQueryCode(queryCode: string): Promise<Ticket | null> {
    return this.dataSource.getRepository(Ticket).findOne({ where: { queryCode }, relations: RELATIONS });
  }

  findByIdempotencyKey(authorUserId: number, idempotencyKey: string): Promise<Ticket | null> {
    return this.dataSource.getRepository(Ticket).findOneBy({ authorUserId, idempotencyKey });
  }

  findEvents(ticketId: number): Promise<TicketEvent[]> {
    return this.dataSource.getRepository(TicketEvent).find({ where: { ticketId }, order: { id: 'ASC' } });
  }

  /**
   * Inserts a ticket with its first events (in the caller's transaction): nothing is sent yet; the
   * ticket, then its events (one multi-row INSERT) go with the transaction's next request or its
   * COMMIT, on MySQL in the same request (the answer is the ticket's pending id, see PendingId).
   */
  insertTicket(writer: TransactionWriter, ticket: Partial<Ticket>, events: NewEvent[]): PendingId {
    const id = writer.insertLater(insertStatement(this.dataSource, Ticket, [ticket]));
    if (events.length > 0)
      writer.defer(
        insertStatement(
          this.dataSource,
          TicketEvent,
          events.map((e) => ({ ...e, ticketId: id })),
        ),
      );
    return id;
  }

  /** A transaction whose writes are batched (see batchedTransaction): the comment's. */
  batchedTransaction<T>(work: (writer: TransactionWriter) => Promise<T>): Promise<T> {
    return batchedTransaction(this.dataSource, work);
  }

  /**
   * The optimistic lock: changes the ticket only if it is still at `version`, and moves the version
   * on. False when someone else changed it first (nothing is written then).
   */
  async updateIfVersion(
    manager: EntityManager,
    id: number,
    version: number,
    patch: TicketPatch,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async insertEvent(manager: EntityManager, ticketId: number, event: NewEvent): Promise<void> {
    await manager.getRepository(TicketEvent).insert({ ...event, ticketId });
  }

  /**
   * What a new comment is checked against, in one query (every comment asks this): the author's
   * comments since `recentSince`, whether the same text was sent since `duplicateSince` (the
   * earlier of the two), the ticket already made with this Idempotency-Key in that window (an older
   * one is caught by the unique index), the comments from the address since `recentSince` counted
   * up to `ip.cap` only (one village behind one address, or a load test, must not make every comment
   * count an ever longer index range), and the author's encrypted openid (moderation).
   */
  async findAuthorActivity(
    authorUserId: number,
    contentHash: string,
    idempotencyKey: string,
    recentSince: Date,
    duplicateSince: Date,
    ip: { hash: string; cap: number } | null,
  ): Promise<{
    recent: number;
    duplicate: boolean;
    keyedTicketId: number | null;
    byIp: number;
    openidEnc: string | null;
  }> {
    const cap = ip ? Math.max(0, Math.floor(ip.cap)) : 0;
    const byIp = ip
      ? `(SELECT COUNT(*) FROM (SELECT 1 AS one FROM tickets ipt
          WHERE ipt.ip_hash = :ipHash AND ipt.created_at >= :recentSince LIMIT ${cap}) capped)`
      : '0';
    const row = await this.prepared.rawOne<Record<string, string | number | null>>(
      ip ? `authorActivity:ip:${cap}` : 'authorActivity',
      () =>
        this.dataSource
          .getRepository(User)
          .createQueryBuilder('usr')
          .leftJoin(Ticket, 't', 't.authorUserId = usr.id AND t.createdAt >= :duplicateSince')
          .select('usr.openidEnc', 'openidEnc')
          .addSelect('SUM(CASE WHEN t.createdAt >= :recentSince THEN 1 ELSE 0 END)', 'recent')
          .addSelect('SUM(CASE WHEN t.contentHash = :contentHash THEN 1 ELSE 0 END)', 'same')
          .addSelect('MAX(CASE WHEN t.idempotencyKey = :idempotencyKey THEN t.id ELSE NULL END)', 'keyed')
          .addSelect(byIp, 'byIp')
          .where('usr.id = :authorUserId')
          .groupBy('usr.id')
          .addGroupBy('usr.openidEnc'),
      {
        authorUserId,
        duplicateSince,
        recentSince,
        contentHash,
        idempotencyKey,
        ipHash: ip?.hash ?? null,
      },
    );
    return {
      recent: Number(row?.recent ?? 0),
      duplicate: Number(row?.same ?? 0) > 0,
      keyedTicketId: row?.keyed === null || row?.keyed === undefined ? null : Number(row.keyed),
      byIp: Number(row?.byIp ?? 0),
      openidEnc: (row?.openidEnc as string | null | undefined) ?? null,
    };
  }

  /** The author's resolved tickets, waiting for a rating. */
  countToRate(authorUserId: number): Promise<number> {
    return this.dataSource.getRepository(Ticket).countBy({ authorUserId, status: 'resolved' });
  }

  findMine(authorUserId: number, page: number, pageSize: number): Promise<[Ticket[], number]> {
    return this.dataSource.getRepository(Ticket).findAndCount({
      where: { authorUserId },
      relations: RELATIONS,
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  /** Open tickets on the same target (for "已有人反映过类似问题"), newest first. */
  findOpenOnTarget(
    target: { planEntryId?: number; officialId?: number; matterId?: number },
    limit: number,
  ): Promise<Ticket[]> {
    const where = target.planEntryId
      ? { planEntryId: target.planEntryId }
      : target.officialId
        ? { officialId: target.officialId }
        : { matterId: target.matterId };
    return this.dataSource.getRepository(Ticket).find({
      where: {
        ...where,
        ...PUBLIC_WHERE,
        status: In([...OPEN_STATES]),
      },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** Public tickets (allowed by the author and through moderation) on a target. */
  findPublic(
    target: { planEntryId?: number; officialId?: number; matterId?: number },
    page: number,
    pageSize: number,
  ): Promise<[Ticket[], number]> {
    const where = {
      ...(target.planEntryId ? { planEntryId: target.planEntryId } : {}),
      ...(target.officialId ? { officialId: target.officialId } : {}),
      ...(target.matterId ? { matterId: target.matterId } : {}),
      ...PUBLIC_WHERE,
      status: In([
        'submitted',
        'assigned',
        'acknowledged',
        'replied',
        'transferred',
        'reopened',
        'resolved',
        'closed',
      ]),
    };
    return this.dataSource.getRepository(Ticket).findAndCount({
      where,
      relations: RELATIONS,
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  /** Users bound to an official (their phones get the official's notifications). */
  async findUserIdsOfOfficial(officialId: number): Promise<number[]> {
    const rows = await this.dataSource.getRepository(RoleGrant).find({
      where: { role: 'official', officialId, revokedAt: IsNull() },
      select: { id: true, userId: true },
    });
    return [...new Set(rows.map((r) => r.userId))];
  }

  /** Supervisors whose grant covers a unit (the queue, escalations, extension requests). */
  async findSupervisorUserIds(unitPath: string): Promise<number[]> {
    const rows: Array<{ userId: number; path: string }> = await this.dataSource
      .getRepository(RoleGrant)
      .createQueryBuilder('g')
      .innerJoin('g.unit', 'u')
      .select(['g.userId AS "userId"', 'u.path AS path'])
      .where("g.role = 'supervisor' AND g.revokedAt IS NULL")
      .getRawMany();
    return [...new Set(rows.filter((r) => unitPath.startsWith(r.path)).map((r) => Number(r.userId)))];
  }

  /**
   * Who is told of a ticket for an assignee: the users of the official, or, for the queue of a unit,
   * the supervisors whose grant covers it.
   */
  findAssigneeUserIds(officialId: number | null, unitPath: string): Promise<number[]> {
    return officialId ? this.findUserIdsOfOfficial(officialId) : this.findSupervisorUserIds(unitPath);
  }

  /** The primary posts of these tickets' assignees (how each assignee is shown). */
  findAssigneePosts(tickets: Ticket[]): Promise<Map<number, PrimaryPost>> {
    return this.findPrimaryPosts(
      tickets.flatMap((t) => (t.assigneeOfficialId ? [t.assigneeOfficialId] : [])),
    );
  }

  /** Each official's first post held today (by rank): title and unit. */
  async findPrimaryPosts(officialIds: number[]): Promise<Map<number, PrimaryPost>> {
    if (officialIds.length === 0) return new Map();
    const rows = await this.primaryPostsQuery(localDate(this.clock.now()))
      .setParameter('officialIds', [...new Set(officialIds)])
      .getRawMany();
    return TicketsRepository.firstPosts(rows, (r) => TicketsRepository.toPost(r));
  }

  /**
   * What routing a new ticket to these officials needs, in one query (every comment asks this):
   * each one's first post held today, whether they are on approved leave today, and the users bound
   * to them (who are told of the ticket; see findUserIdsOfOfficial).
   */
  async findTakers(
    officialIds: number[],
  ): Promise<Map<number, { post: PrimaryPost; onLeave: boolean; userIds: number[] }>> {
    if (officialIds.length === 0) return new Map();
    const today = localDate(this.clock.now());
    const rows = await this.prepared.rawMany(
      'takers',
      () =>
        this.primaryPostsQuery(today)
          .addSelect(
            `(SELECT COUNT(*) FROM leaves lv WHERE lv.official_id = m.officialId AND lv.status = 'approved'
          AND lv.start_date <= :leaveDay AND lv.end_date >= :leaveDay)`,
            'onLeave',
          )
          .addSelect(
            `(SELECT GROUP_CONCAT(rg.user_id) FROM role_grants rg WHERE rg.role = 'official'
          AND rg.official_id = m.officialId AND rg.revoked_at IS NULL)`,
            'userIds',
          ),
      { currentDay: today, leaveDay: today, officialIds: [...new Set(officialIds)] },
    );
    return TicketsRepository.firstPosts(rows, (r) => ({
      post: TicketsRepository.toPost(r),
      onLeave: Number(r.onLeave) > 0,
      userIds: [
        ...new Set(
          String(r.userIds ?? '')
            .split(',')
            .filter(Boolean)
            .map(Number),
        ),
      ],
    }));
  }

  /** Officials' posts held on `today`, for the officials of the parameter `officialIds` (set by the caller). */
  private primaryPostsQuery(today: string) {
    return currentMemberships(this.dataSource, today)
      .innerJoin('m.official', 'o')
      .select([
        'm.officialId AS "officialId"',
        'o.name AS name',
        'p.title AS title',
        'u.id AS "unitId"',
        'u.name AS "unitName"',
        'u.path AS "unitPath"',
      ])
      .andWhere('m.officialId IN (:...officialIds)')
      .orderBy('p.rank', 'ASC')
      .addOrderBy('p.id', 'ASC');
  }

  /** The first row of each official (rows ordered by post rank), as `map` makes it. */
  private static firstPosts<T>(
    rows: Array<Record<string, unknown>>,
    map: (row: Record<string, unknown>) => T,
  ): Map<number, T> {
    const posts = new Map<number, T>();
    for (const r of rows) {
      const id = Number(r.officialId);
      if (!posts.has(id)) posts.set(id, map(r));
    }
    return posts;
  }

  private static toPost(r: Record<string, unknown>): PrimaryPost {
    return {
      name: String(r.name),
      title: String(r.title),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      unitPath: String(r.unitPath),
    };
  }

  /** The entry with its day plan, in one query (findOne with a relation would send two). */
  findPlanEntry(id: number): Promise<PlanEntry | null> {
    return this.dataSource
      .getRepository(PlanEntry)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.dayPlan', 'dayPlan')
      .where('e.id = :id', { id })
      .getOne();
  }

  findMatter(id: number): Promise<Matter | null> {
    return this.dataSource.getRepository(Matter).findOneBy({ id });
  }

  findOfficial(id: number): Promise<Official | null> {
    return this.dataSource.getRepository(Official).findOneBy({ id });
  }

  /** The acting deputies (代理) named by an official's current posts, the highest-ranked post first. */
  async findActingDeputies(officialId: number): Promise<number[]> {
    const rows: Array<Record<string, unknown>> = await currentMemberships(
      this.dataSource,
      localDate(this.clock.now()),
    )
      .select(['p.deputyOfficialId AS "deputyOfficialId"'])
      .andWhere('m.officialId = :officialId', { officialId })
      .andWhere('p.deputyOfficialId IS NOT NULL')
      .orderBy('p.rank', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany();
    return [...new Set(rows.map((r) => Number(r.deputyOfficialId)))].filter((id) => id !== officialId);
  }

  /** Adds a follower once (a second follow is a no-op). */
  async follow(ticketId: number, userId: number): Promise<void> {
    try {
      await this.dataSource.getRepository(TicketFollower).insert({ ticketId, userId });
    } catch (error) {
      if (!(await this.dataSource.getRepository(TicketFollower).existsBy({ ticketId, userId }))) throw error;
    }
  }

  async unfollow(ticketId: number, userId: number): Promise<void> {
    await this.dataSource.getRepository(TicketFollower).delete({ ticketId, userId });
  }

  countFollowers(ticketId: number): Promise<number> {
    return this.dataSource.getRepository(TicketFollower).countBy({ ticketId });
  }

  async findFollowerUserIds(ticketId: number): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(TicketFollower)
      .find({ where: { ticketId }, select: { id: true, userId: true } });
    return rows.map((r) => r.userId);
  }

  /** The tickets a user follows, the most recently followed first. */
  async findFollowed(userId: number, page: number, pageSize: number): Promise<[Ticket[], number]> {
    const [rows, total] = await this.dataSource.getRepository(TicketFollower).findAndCount({
      where: { userId },
      relations: { ticket: RELATIONS },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return [rows.map((r) => r.ticket), total];
  }

  /** Retention: who followed a ticket is personal data too. */
  async deleteFollowers(manager: EntityManager, ticketId: number): Promise<void> {
    await manager.getRepository(TicketFollower).delete({ ticketId });
  }

  /** Open311 requests: public tickets, newest first, by ids or by a creation window. */
  findPublicRequests(
    filter: {
      ids?: number[];
      createdBetween?: [Date, Date];
      matterCode?: string;
      status?: 'open' | 'closed';
    },
    limit: number,
  ): Promise<Ticket[]> {
    const query = this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.matter', 'matter')
      .leftJoinAndSelect('t.assigneeUnit', 'assigneeUnit')
      .where({ ...PUBLIC_WHERE })
      .orderBy('t.id', 'DESC')
      .take(limit);
    if (filter.ids) query.andWhere('t.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [0] });
    if (filter.createdBetween) {
      const [start, end] = filter.createdBetween;
      query.andWhere('t.createdAt >= :start AND t.createdAt <= :end', { start, end });
    }
    if (filter.matterCode) query.andWhere('matter.code = :code', { code: filter.matterCode });
    // A resolved ticket waits for the resident's rating: still open in GeoReport terms.
    if (filter.status === 'open')
      query.andWhere('t.status IN (:...open)', { open: [...OPEN_STATES, 'resolved'] });
    if (filter.status === 'closed') query.andWhere("t.status = 'closed'");
    return query.getMany();
  }

  findMatters(): Promise<Matter[]> {
    return this.dataSource.getRepository(Matter).find({ order: { id: 'ASC' } });
  }

  findMatterByCode(code: string): Promise<Matter | null> {
    return this.dataSource.getRepository(Matter).findOneBy({ code });
  }

  findUnit(id: number): Promise<Unit | null> {
    return this.dataSource.getRepository(Unit).findOneBy({ id });
  }

  /** Every sensitive word with the path of its unit. */
  async findSensitiveWords(): Promise<Array<{ id: number; word: string; unitId: number; unitPath: string }>> {
    const rows = await this.dataSource
      .getRepository(SensitiveWord)
      .find({ relations: { unit: true }, order: { id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, word: r.word, unitId: r.unitId, unitPath: r.unit.path }));
  }

  async replaceSensitiveWords(unitId: number, words: string[], userId: number): Promise<void> {
    await retriedTransaction(this.dataSource, async (manager) => {
      await manager.getRepository(SensitiveWord).delete({ unitId });
      if (words.length > 0)
        await manager
          .getRepository(SensitiveWord)
          .insert(words.map((word) => ({ unitId, word, createdByUserId: userId })));
    });
  }
}
