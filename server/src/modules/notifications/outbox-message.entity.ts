import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dropped';

/**
 * A subscribe message waiting to be sent. Written in the same transaction as the change that causes
 * it; the dispatcher sends it with retries and exponential backoff, so a WeChat outage delays a
 * message but never drops it. `dropped`: the recipient cannot receive (no openid, no subscription).
 */
@Entity('outbox_messages')
@Index('idx_outbox_due', ['status', 'nextAttemptAt'])
@Index('idx_outbox_ticket', ['ticketId'])
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  /** A configured template purpose (ticketNew, ticketReply …). */
  @Column({ type: 'varchar', length: 32 })
  purpose: string;

  @Column({ type: 'simple-json' })
  values: Record<string, string>;

  @Column({ type: 'varchar', length: 200, nullable: true })
  page: string | null;

  @Column({ type: 'int', nullable: true })
  ticketId: number | null;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'datetime' })
  nextAttemptAt: Date;

  /** A dispatcher instance holds the row until then (several instances never send it twice). */
  @Column({ type: 'datetime', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'int', nullable: true })
  lastErrcode: number | null;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
