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
import type { SelfExamState } from '@jinri/shared';
import { Official } from '../directory/official.entity';
import { Unit } from '../directory/unit.entity';
import { Notice } from './notice.entity';

/**
 * 书面检查 required by an issued notice from one official it cites, due a number of working days
 * after the issue. Overdue ones become `self_exam_overdue` findings.
 */
@Entity('self_examinations')
@Index('uq_self_examinations_notice_official', ['notice', 'official'], { unique: true })
@Index('idx_self_examinations_state_due', ['state', 'dueAt'])
@Index('idx_self_examinations_official', ['official'])
@Index('idx_self_examinations_unit', ['unit', 'state'])
export class SelfExamination {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Notice, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_self_examinations_notice' })
  notice: Notice;

  @Column({ type: 'int' })
  noticeId: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_self_examinations_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_self_examinations_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state: SelfExamState;

  @Column({ type: 'datetime' })
  dueAt: Date;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'simple-json' })
  photoIds: string[];

  @Column({ type: 'datetime', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  decidedByUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
