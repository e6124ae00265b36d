import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboxFilter } from '@jinri/shared';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import type { FigureRow } from './ticket-figures';
import { NEVER_PUBLIC, OPEN_STATES } from './ticket-state';
import { Ticket } from './ticket.entity';

/** Who is asking for an inbox: an official's own tickets and/or the queues of some subtrees. */
export interface InboxScope {
  officialId?: number;
  /** Supervisor/admin subtrees: the queue, escalations, held comments, extension requests there. */
  paths: string[];
}

/** Named queries of the staff side's lists and counts: the inbox (with its tab counts) and the figures. */
@Injectable()
export class TicketInboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The inbox, most urgent first (the nearer deadline: acknowledgement until done, then resolution). */
  async findInbox(
    scope: InboxScope,
    filter: InboxFilter,
    now: Date,
    page: number,
    pageSize: number,
  ): Promise<[Ticket[], number]> {
    const query = this.inboxQuery(scope, filter, now)
      .leftJoinAndSelect('t.official', 'official')
      .leftJoinAndSelect('t.matter', 'matter')
      .leftJoinAndSelect('t.unit', 'unit')
      .leftJoinAndSelect('t.planEntry', 'planEntry')
      .leftJoinAndSelect('planEntry.dayPlan', 'dayPlan')
      .leftJoinAndSelect('t.assigneeOfficial', 'assigneeOfficial')
      .addSelect('CASE WHEN t.acknowledgedAt IS NULL THEN t.ackDueAt ELSE t.dueAt END', 'urgency')
      .orderBy(
        filter === 'done' ? 't.id' : filter === 'held' ? 't.reviewDueAt' : 'urgency',
        filter === 'done' ? 'DESC' : 'ASC',
      )
      .addOrderBy('t.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    return query.getManyAndCount();
  }

  countInbox(scope: InboxScope, filter: InboxFilter, now: Date): Promise<number> {
    return this.inboxQuery(scope, filter, now).getCount();
  }

  /** Held comments in the inbox whose publication review is past its deadline. */
  countHeldOverdue(scope: InboxScope, now: Date): Promise<number> {
    return this.inboxQuery(scope, 'held', now).andWhere('t.reviewDueAt <= :now', { now }).getCount();
  }

  /** Open tickets in the inbox whose next deadline (acknowledge, else resolve) falls before `until`. */
  countInboxDueBefore(scope: InboxScope, now: Date, until: Date): Promise<number> {
    return this.inboxQuery(scope, 'open', now)
      .andWhere('CASE WHEN t.acknowledgedAt IS NULL THEN t.ackDueAt ELSE t.dueAt END > :now', { now })
      .andWhere('CASE WHEN t.acknowledgedAt IS NULL THEN t.ackDueAt ELSE t.dueAt END <= :until', { until })
      .getCount();
  }

  private inboxQuery(scope: InboxScope, filter: InboxFilter, now: Date): SelectQueryBuilder<Ticket> {
    const query = this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.assigneeUnit', 'assigneeUnit');
    const inScope = scope.paths.length > 0 ? inSubtrees('assigneeUnit', scope.paths, 'inbox') : null;
    const own = scope.officialId !== undefined ? 't.assigneeOfficialId = :officialId' : null;
    const params = { officialId: scope.officialId, open: [...OPEN_STATES], now };
    // Whose tickets: the official's own; for supervisors, the queue and the escalated ones in scope.
    const whose = new Brackets((w) => {
      if (own) w.orWhere(own, params);
      if (inScope)
        w.orWhere(
          new Brackets((s) =>
            s
              .where(inScope)
              .andWhere(
                filter === 'done' || filter === 'held' || filter === 'extensions'
                  ? '1 = 1'
                  : '(t.assigneeOfficialId IS NULL OR t.escalatedAt IS NOT NULL OR t.dueAt <= :now)',
                params,
              ),
          ),
        );
      if (!own && !inScope) w.where('1 = 0');
    });
    query.where(whose);
    switch (filter) {
      case 'open':
        query.andWhere('t.status IN (:...open)', params);
        break;
      case 'overdue':
        query
          .andWhere('t.status IN (:...open)', params)
          .andWhere('(t.dueAt <= :now OR (t.acknowledgedAt IS NULL AND t.ackDueAt <= :now))', params);
        break;
      case 'held':
        query
          .andWhere("(t.moderation = 'held' OR t.replyModeration = 'held')")
          .andWhere('t.status NOT IN (:...never)', { never: NEVER_PUBLIC });
        break;
      case 'extensions':
        query.andWhere("t.extensionStatus = 'pending'").andWhere('t.status IN (:...open)', params);
        break;
      case 'done':
        query.andWhere('t.status NOT IN (:...open)', params);
        break;
    }
    return query;
  }

  /** The rows the figures are computed from: tickets assigned to an official, or in a unit's subtree. */
  async findFigureRows(scope: { officialId: number } | { unitPath: string }): Promise<FigureRow[]> {
    const query = this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select([
        't.status',
        't.createdAt',
        't.ackDueAt',
        't.dueAt',
        't.acknowledgedAt',
        't.resolvedAt',
        't.ratingSatisfied',
      ]);
    if ('officialId' in scope) query.where('t.assigneeOfficialId = :officialId', scope);
    else query.innerJoin('t.assigneeUnit', 'u').where(inSubtrees('u', [scope.unitPath], 'figures'));
    return query.getMany();
  }
}
