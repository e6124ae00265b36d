import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { LeaveStatus } from '@jinri/shared';
import { Official } from '../directory/official.entity';

/** 请假: an absence over a date range; approved leave shows publicly as "请假" (never the reason). */
@Entity('leaves')
@Index('idx_leaves_official_dates', ['official', 'startDate'])
@Index('idx_leaves_status', ['status'])
export class Leave {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_leaves_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: LeaveStatus;

  @Column({ type: 'int' })
  requestedByUserId: number;

  @Column({ type: 'int', nullable: true })
  decidedByUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
