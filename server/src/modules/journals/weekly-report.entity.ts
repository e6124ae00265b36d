import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Official } from '../directory/official.entity';

/** 周报: this week's results and next week's plan. */
@Entity('weekly_reports')
@Index('uq_weekly_reports_official_week', ['official', 'weekStart'], { unique: true })
export class WeeklyReport {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_weekly_reports_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  /** The Monday of the week. */
  @Column({ type: 'date' })
  weekStart: string;

  @Column({ type: 'text' })
  results: string;

  @Column({ type: 'text' })
  nextWeekPlan: string;

  @Column({ type: 'datetime' })
  submittedAt: Date;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'int' })
  submittedByUserId: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
