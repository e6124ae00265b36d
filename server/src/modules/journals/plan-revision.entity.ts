import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { PlanRevisionView } from '@jinri/shared';
import { DayPlan } from './day-plan.entity';

/** Append-only history of a plan: a snapshot of its entries at each submission and change. */
@Entity('plan_revisions')
@Index('idx_plan_revisions_plan', ['dayPlan'])
export class PlanRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => DayPlan, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'day_plan_id', foreignKeyConstraintName: 'fk_plan_revisions_plan' })
  dayPlan: DayPlan;

  @Column({ type: 'int' })
  dayPlanId: number;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'varchar', length: 16 })
  kind: 'submitted' | 'published' | 'revised';

  @Column({ type: 'int', nullable: true })
  changedByUserId: number | null;

  /** 本人 / 信息员 / 管理员 / 系统: shown publicly instead of a user. */
  @Column({ type: 'varchar', length: 16 })
  changedBy: string;

  @Column({ type: 'simple-json' })
  snapshot: PlanRevisionView['entries'];

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
