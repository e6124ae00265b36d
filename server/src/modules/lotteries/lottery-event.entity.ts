import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LotteryAction = 'committed' | 'revealed' | 'drawn';

/** One step of a lottery, append-only, written in the transaction of the change it records. */
@Entity('lottery_events')
@Index('idx_lottery_events_lottery', ['lotteryId', 'id'])
export class LotteryEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  lotteryId: number;

  @Column({ type: 'varchar', length: 16 })
  action: LotteryAction;

  /** The (injected) time of the step. */
  @Column({ type: 'datetime' })
  at: Date;
}
