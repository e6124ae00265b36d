import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PlanStatus } from '@jinri/shared';
import { Official } from '../directory/official.entity';

/** One official's plan for one local date (今日工作). */
@Entity('day_plans')
@Index('uq_day_plans_official_date', ['official', 'date'], { unique: true })
@Index('idx_day_plans_date_status', ['date', 'status'])
export class DayPlan {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_day_plans_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  /** YYYY-MM-DD, Asia/Shanghai. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: PlanStatus;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'datetime', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  submittedByUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** 0 until published; each change after publication adds one. */
  @Column({ type: 'int', default: 0 })
  revision: number;

  /** Optimistic lock, bumped on every save. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
