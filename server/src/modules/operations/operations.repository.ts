import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxMessage } from '../notifications/outbox-message.entity';

export interface OutboxBacklog {
  pending: number;
  oldestCreatedAt: Date | null;
}

export interface PoolStats {
  limit: number;
  total: number;
  idle: number;
  waiting: number;
}

/** The queues of mysql2's pool (Denque lists); read, never changed. */
interface Mysql2PoolLike {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** What /metrics reads at scrape time: cheap figures only. */
@Injectable()
export class OperationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pending outbox messages and the oldest one's creation (one aggregate over idx_outbox_due). */
  async findOutboxBacklog(): Promise<OutboxBacklog> {
    const row = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .select('COUNT(*)', 'pending')
      .addSelect('MIN(o.createdAt)', 'oldest')
      .where("o.status = 'pending'")
      .getRawOne<{ pending: number | string; oldest: Date | string | null }>();
    return { pending: Number(row?.pending ?? 0), oldestCreatedAt: asUtcDate(row?.oldest ?? null) };
  }

  /** The MySQL pool's connections and queue, or null (SQLite has no pool). */
  poolStats(): PoolStats | null {
    const pool = (this.dataSource.driver as { pool?: Mysql2PoolLike }).pool;
    if (!pool?._allConnections || !pool._freeConnections) return null;
    return {
      limit: pool.config?.connectionLimit ?? 0,
      total: pool._allConnections.length,
      idle: pool._freeConnections.length,
      waiting: pool._connectionQueue?.length ?? 0,
    };
  }
}

/** A raw datetime: a Date from mysql2 (timezone Z), a UTC "YYYY-MM-DD HH:MM:SS.sss" string from SQLite. */
function asUtcDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
