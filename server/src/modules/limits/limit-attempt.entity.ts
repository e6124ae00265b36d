import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One counted attempt (a wrong invite code, a 查询码 lookup, a board PDF) of one key: it counts
 * against its limit until `expiresAt`. Only inserted and deleted, never updated: the id is random,
 * so instances on different Galera nodes never write the same row.
 */
@Entity('limit_attempts')
@Index('idx_limit_attempts_key', ['limiter', 'keyHash', 'expiresAt'])
@Index('idx_limit_attempts_expires', ['expiresAt'])
export class LimitAttempt {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  /** The AttemptLimiter's name. */
  @Column({ type: 'varchar', length: 32 })
  limiter: string;

  /** HMAC-SHA256 of the limiter and the key (an address, a user or device id is never stored). */
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  /** Epoch milliseconds (a bigint, returned as a string on MySQL). */
  @Column({ type: 'bigint' })
  expiresAt: string;
}
