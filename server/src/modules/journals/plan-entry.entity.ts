import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { DayPeriod, EntryStatus } from '@jinri/shared';
import { Unit } from '../directory/unit.entity';
import { DayPlan } from './day-plan.entity';

/** One item of a day plan. Never deleted: a removed entry becomes `withdrawn`. */
@Entity('plan_entries')
@Index('idx_plan_entries_plan', ['dayPlan', 'position'])
@Index('idx_plan_entries_place_unit', ['placeUnit'])
export class PlanEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => DayPlan, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'day_plan_id', foreignKeyConstraintName: 'fk_plan_entries_plan' })
  dayPlan: DayPlan;

  @Column({ type: 'int' })
  dayPlanId: number;

  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'varchar', length: 5, nullable: true })
  startTime: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  endTime: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  period: DayPeriod | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  place: string | null;

  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'place_unit_id', foreignKeyConstraintName: 'fk_plan_entries_place_unit' })
  placeUnit: Unit | null;

  @Column({ type: 'int', nullable: true })
  placeUnitId: number | null;

  @Column({ type: 'varchar', length: 200 })
  what: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  meetingName: string | null;

  @Column({ type: 'simple-json' })
  matterIds: number[];

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: EntryStatus;

  /** Added or changed after publication ("已修改 HH:mm"). */
  @Column({ type: 'datetime', nullable: true })
  modifiedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
