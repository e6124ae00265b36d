import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { type TransactionWriter, write } from '../../database/batched-transaction';
import { isContention, retryOnContention } from '../../database/contention';
import { type Insertable, insertStatement } from '../../database/insert-statement';
import { User } from '../auth/user.entity';
import { OutboxMessage } from './outbox-message.entity';

/** An outbox row to insert; its page and ticket may be pending (a ticket of the same transaction). */
export type NewOutboxMessage = Insertable<
  Pick<
    OutboxMessage,
    | 'userId'
    | 'purpose'
    | 'values'
    | 'page'
    | 'ticketId'
    | 'status'
    | 'attempts'
    | 'nextAttemptAt'
    | 'createdAt'
  >
>;

/** Named queries of the notification outbox. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get messages() {
    return this.dataSource.getRepository(OutboxMessage);
  }

  /** Writes outbox rows in the caller's transaction (one multi-row INSERT, nothing read back). */
  async insert(transaction: EntityManager | TransactionWriter, messages: NewOutboxMessage[]): Promise<void> {
    await write(transaction, insertStatement(this.dataSource, OutboxMessage, messages));
  }

  /** Pending messages due at `now` that no dispatcher holds, oldest first. */
  findDue(now: Date, limit: number): Promise<OutboxMessage[]> {
    return this.messages
      .createQueryBuilder('o')
      .where("o.status = 'pending'")
      .andWhere('o.nextAttemptAt <= :now', { now })
      .andWhere(
        new Brackets((b) => b.where('o.claimedUntil IS NULL').orWhere('o.claimedUntil < :now', { now })),
      )
      .orderBy('o.nextAttemptAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /**
   * Holds a pending message until `until` unless another dispatcher holds it (a conditional update):
   * true when this caller got it. On a Galera cluster two dispatchers on two nodes may both see the
   * row free and both update it: the one certified second fails with 1213 — it did not get the row.
   */
  async claim(id: number, now: Date, until: Date): Promise<boolean> {
    try {
      const claimed = await this.messages
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ claimedUntil: until })
        .where("id = :id AND status = 'pending'", { id })
        .andWhere(
          new Brackets((b) => b.where('claimed_until IS NULL').orWhere('claimed_until < :now', { now })),
        )
        .execute();
      return (claimed.affected ?? 0) === 1;
    } catch (error) {
      if (isContention(error)) return false;
      throw error;
    }
  }

  /**
   * Records the outcome of an attempt and releases the claim (only the holder writes a claimed row;
   * a lost race with a node applying another write is simply written again).
   */
  async release(
    id: number,
    outcome: Partial<Pick<OutboxMessage, 'status' | 'attempts' | 'sentAt' | 'lastErrcode' | 'nextAttemptAt'>>,
  ): Promise<void> {
    await retryOnContention(() => this.messages.update(id, { ...outcome, claimedUntil: null }), {
      attempts: 5,
    });
  }

  /** The encrypted WeChat openids of these users (users without one are absent). */
  async findEncryptedOpenids(userIds: number[]): Promise<Map<number, string>> {
    const users = await this.dataSource.getRepository(User).findBy({ id: In(userIds) });
    return new Map(users.flatMap((u) => (u.openidEnc ? [[u.id, u.openidEnc] as const] : [])));
  }

  findOfTicket(ticketId: number): Promise<OutboxMessage[]> {
    return this.messages.find({ where: { ticketId }, order: { id: 'ASC' } });
  }

  countDue(now: Date): Promise<number> {
    return this.messages.countBy({ status: 'pending', nextAttemptAt: LessThanOrEqual(now) });
  }
}
