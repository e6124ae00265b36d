import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, LessThan } from 'typeorm';
import { type TransactionWriter, write } from '../../database/batched-transaction';
import { type Insertable, insertStatement } from '../../database/insert-statement';
import { InAppMessage } from './in-app-message.entity';

/** Named queries of the message centre; every one is bounded to one user's own rows. */
@Injectable()
export class InAppMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(InAppMessage);
  }

  /** Writes messages in the caller's transaction (the outbox enqueues their WeChat copies with them). */
  async insert(
    transaction: EntityManager | TransactionWriter,
    messages: Array<
      Insertable<Pick<InAppMessage, 'userId' | 'kind' | 'title' | 'body' | 'page' | 'createdAt' | 'readAt'>>
    >,
  ): Promise<void> {
    // One multi-row INSERT, without reading generated columns back (nothing uses them).
    await write(transaction, insertStatement(this.dataSource, InAppMessage, messages));
  }

  findPageOfUser(userId: number, skip: number, take: number): Promise<[InAppMessage[], number]> {
    return this.repository.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
  }

  countUnreadOfUser(userId: number): Promise<number> {
    return this.repository.countBy({ userId, readAt: IsNull() });
  }

  /** Marks the given unread messages of this user read; ids of other users match nothing. */
  async markRead(userId: number, ids: number[] | 'all', at: Date): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    const result = await this.repository.update(
      { userId, readAt: IsNull(), ...(ids === 'all' ? {} : { id: In(ids) }) },
      { readAt: at },
    );
    return result.affected ?? 0;
  }

  async deleteCreatedBefore(before: Date): Promise<number> {
    const result = await this.repository.delete({ createdAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
