import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message in a user's in-app message centre (消息). Written in the same transaction as the outbox
 * row it mirrors (OutboxService.enqueue), so every client sees it, with or without a WeChat
 * subscription. Kept for IN_APP_MESSAGE_RETENTION_DAYS.
 */
@Entity('in_app_messages')
@Index('idx_in_app_messages_user', ['userId', 'createdAt'])
export class InAppMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  /** The outbox purpose it came from (ticketNew, ticketReply, ticketDue, ticketDigest …). */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  body: string;

  /** The mini-program page to open ("packages/tickets/detail/index?id=12"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  page: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;
}
