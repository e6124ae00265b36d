import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TicketReportTarget } from '@jinri/shared';
import { DataSource, type EntityManager, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { isMysql } from '../../database/migrations/schema-helpers';
import { PUBLIC_MODERATION } from './ticket-state';
import { TicketReport } from './ticket-report.entity';
import { Ticket } from './ticket.entity';

/** Named queries of 举报. */
@Injectable()
export class TicketReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The targets a user has reported on a ticket. */
  async findTargetsOf(ticketId: number, reporterUserId: number): Promise<TicketReportTarget[]> {
    const rows = await this.dataSource.getRepository(TicketReport).find({
      where: { ticketId, reporterUserId },
      select: { id: true, target: true },
      order: { id: 'ASC' },
    });
    return rows.map((r) => r.target);
  }

  /** When the user's reports since `since` were made (at most `cap`, oldest first): the hourly brake. */
  async findRecentBy(reporterUserId: number, since: Date, cap: number): Promise<Date[]> {
    const rows = await this.dataSource.getRepository(TicketReport).find({
      where: { reporterUserId, createdAt: MoreThanOrEqual(since) },
      select: { id: true, createdAt: true },
      order: { createdAt: 'DESC' },
      take: cap,
    });
    return rows.map((r) => r.createdAt).reverse();
  }

  /** Unreviewed reports of the comment (different users: one row per user and target). */
  countPending(ticketId: number, target: TicketReportTarget, manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource.manager)
      .getRepository(TicketReport)
      .countBy({ ticketId, target, reviewedAt: IsNull() });
  }

  /** Serialises reports of one ticket (MySQL); SQLite runs one write transaction at a time anyway. */
  async lockTicket(manager: EntityManager, ticketId: number): Promise<void> {
    if (isMysql(manager.queryRunner!))
      await manager.query('SELECT id FROM tickets WHERE id = ? FOR UPDATE', [ticketId]);
  }

  async insert(manager: EntityManager, report: Partial<TicketReport>): Promise<void> {
    await manager.getRepository(TicketReport).insert(report);
  }

  /**
   * Holds the target for review, once: the comment only while it is public, the answer only while
   * it is shown. False when it is already held (or no longer public): nothing written then.
   */
  async hold(
    manager: EntityManager,
    ticketId: number,
    target: TicketReportTarget,
    now: Date,
    reviewDueAt: Date,
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(Ticket)
      .set(
        target === 'comment'
          ? { moderation: 'held', reviewDueAt, version: () => 'version + 1', updatedAt: now }
          : { replyModeration: 'held', reviewDueAt, version: () => 'version + 1', updatedAt: now },
      )
      .where('id = :ticketId', { ticketId });
    if (target === 'comment') query.andWhere({ moderation: In([...PUBLIC_MODERATION]) });
    else query.andWhere('reply_moderation IS NULL');
    const result = await query.execute();
    return (result.affected ?? 0) === 1;
  }

  /** The review covers the reports counted so far: later reports count afresh. */
  async markReviewed(
    manager: EntityManager,
    ticketId: number,
    targets: readonly TicketReportTarget[],
    now: Date,
  ): Promise<void> {
    if (targets.length === 0) return;
    await manager
      .getRepository(TicketReport)
      .update({ ticketId, target: In([...targets]), reviewedAt: IsNull() }, { reviewedAt: now });
  }
}
