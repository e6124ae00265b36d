import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DayPlan } from '../journals/day-plan.entity';
import { Lottery } from './lottery.entity';

/**
 * One published day plan of a lottery's week, frozen at the reveal with the names shown then; the
 * drawn ones carry their rank. Written once with the draw, never changed.
 */
@Entity('lottery_candidates')
@Index('uq_lottery_candidates_plan', ['lottery', 'dayPlan'], { unique: true })
@Index('idx_lottery_candidates_day_plan', ['dayPlan'])
export class LotteryCandidate {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Lottery, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lottery_id', foreignKeyConstraintName: 'fk_lottery_candidates_lottery' })
  lottery: Lottery;

  @Column({ type: 'int' })
  lotteryId: number;

  @ManyToOne(() => DayPlan, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'day_plan_id', foreignKeyConstraintName: 'fk_lottery_candidates_day_plan' })
  dayPlan: DayPlan;

  @Column({ type: 'int' })
  dayPlanId: number;

  /** 0-based place in the canonical list (date, then plan id). */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'int' })
  officialId: number;

  @Column({ type: 'varchar', length: 64 })
  officialName: string;

  @Column({ type: 'varchar', length: 100 })
  unitName: string;

  /** 1 = drawn first; null = not drawn. */
  @Column({ type: 'int', nullable: true })
  drawnRank: number | null;

  /** h(k) for the drawn ones (lowercase hex). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  drawHash: string | null;
}
