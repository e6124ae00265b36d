import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type WechatMessageStatus = 'sent' | 'no_subscription' | 'rejected' | 'failed';

/** One attempt to send a subscribe message; 43101 is recorded as no_subscription and not retried. */
@Entity('wechat_message_log')
@Index('idx_wechat_message_log_user', ['userId', 'createdAt'])
export class WechatMessageLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  purpose: string;

  @Column({ type: 'varchar', length: 16 })
  status: WechatMessageStatus;

  @Column({ type: 'int', default: 0 })
  errcode: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
