import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { LotteryState } from '@jinri/shared';
import { Unit } from '../directory/unit.entity';

/**
 * One county's weekly lottery (抽签晒): committed at the start of the week (the SHA-256 of a secret
 * seed is public, the seed is not), then revealed and drawn once the week is over. The seed is never
 * answered before the reveal, and nothing of a drawn lottery changes afterwards.
 */
@Entity('lotteries')
@Index('uq_lotteries_unit_week', ['unit', 'weekStart'], { unique: true })
@Index('idx_lotteries_state_due', ['state', 'revealDueAt'])
export class Lottery {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_lotteries_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  /** Monday, local date. */
  @Column({ type: 'date' })
  weekStart: string;

  /** Sunday, local date. */
  @Column({ type: 'date' })
  weekEnd: string;

  @Column({ type: 'int' })
  drawSize: number;

  /** The draw function's version (lottery-draw.ts). */
  @Column({ type: 'varchar', length: 32 })
  algorithm: string;

  /** SHA-256 of the seed, lowercase hex: public from committedAt. */
  @Column({ type: 'varchar', length: 64 })
  commitment: string;

  /** 64 lowercase hex characters: secret until revealedAt. */
  @Column({ type: 'varchar', length: 64 })
  seed: string;

  @Column({ type: 'varchar', length: 16 })
  state: LotteryState;

  @Column({ type: 'datetime' })
  committedAt: Date;

  @Column({ type: 'datetime' })
  revealDueAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revealedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  drawnAt: Date | null;

  @Column({ type: 'int', nullable: true })
  candidateCount: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
