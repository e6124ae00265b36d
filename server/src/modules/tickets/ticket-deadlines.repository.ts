import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { Open311Request } from '../open311/open311-request.entity';
import { OPEN_STATES } from './ticket-state';
import { Ticket } from './ticket.entity';

/** Named queries of the deadlines job: what is due for a reminder, escalation, auto close, scrubbing. */
@Injectable()
export class TicketDeadlinesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Open, assigned tickets not yet reminded whose deadline falls before `horizon` (the caller keeps
   * those whose reminder time, the working day before, has come).
   */
  findDueForReminder(horizon: Date, limit: number): Promise<Ticket[]> {
    return this.dataSource.getRepository(Ticket).find({
      where: {
        status: In([...OPEN_STATES]),
        remindedAt: IsNull(),
        assigneeOfficialId: Not(IsNull()),
        dueAt: LessThanOrEqual(horizon),
      },
      order: { dueAt: 'ASC' },
      take: limit,
    });
  }

  /** Open tickets past their resolution deadline and not yet escalated. */
  findDueForEscalation(now: Date, limit: number): Promise<Ticket[]> {
    return this.dataSource.getRepository(Ticket).find({
      where: { status: In([...OPEN_STATES]), escalatedAt: IsNull(), dueAt: LessThanOrEqual(now) },
      relations: { assigneeUnit: true, assigneeOfficial: true },
      order: { dueAt: 'ASC' },
      take: limit,
    });
  }

  /** Resolved tickets the resident has not rated since `resolvedBefore` (auto close after 7 days). */
  findDueForAutoClose(resolvedBefore: Date, limit: number): Promise<Ticket[]> {
    return this.dataSource.getRepository(Ticket).find({
      where: { status: 'resolved', resolvedAt: LessThanOrEqual(resolvedBefore) },
      order: { resolvedAt: 'ASC' },
      take: limit,
    });
  }

  /** Final tickets whose personal data is past retention and not yet scrubbed. */
  findDueForScrubbing(closedBefore: Date, limit: number): Promise<Ticket[]> {
    return this.dataSource.getRepository(Ticket).find({
      where: { closedAt: LessThanOrEqual(closedBefore), scrubbedAt: IsNull() },
      order: { closedAt: 'ASC' },
      take: limit,
    });
  }

  /** Officials with at least `min` open tickets (the daily digest). */
  async findOfficialsWithOpenTickets(
    min: number,
    now: Date,
  ): Promise<Array<{ officialId: number; open: number; overdue: number }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select('t.assigneeOfficialId', 'officialId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN t.dueAt <= :now THEN 1 ELSE 0 END)', 'overdue')
      .where('t.assigneeOfficialId IS NOT NULL')
      .andWhere('t.status IN (:...open)', { open: [...OPEN_STATES], now })
      .groupBy('t.assigneeOfficialId')
      .having('COUNT(*) >= :min', { min })
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
      open: Number(r.open),
      overdue: Number(r.overdue ?? 0),
    }));
  }

  /** Sets a marker column (remindedAt, escalatedAt) once; false when another instance did it. */
  async markOnce(
    manager: EntityManager,
    id: number,
    column: 'remindedAt' | 'escalatedAt',
    at: Date,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ [column]: at, updatedAt: () => 'updated_at' })
      .where(`id = :id AND ${column === 'remindedAt' ? 'reminded_at' : 'escalated_at'} IS NULL`, { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * Retention: the citizen's contact an Open311 POST brought (email, phone, names, device and
   * account ids, encrypted) goes with the ticket's other personal data. The location, media URL and
   * attributes stay: they were public in GeoReport answers.
   */
  async clearOpen311Contact(manager: EntityManager, ticketId: number): Promise<void> {
    await manager.getRepository(Open311Request).update({ ticketId }, { contactEnc: null });
  }
}
