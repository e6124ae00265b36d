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
import type { NoticeFact, NoticeState } from '@jinri/shared';
import { Unit } from '../directory/unit.entity';

/**
 * 督察通报: drafted from confirmed findings of a period and scope, editable while a draft, immutable
 * once issued (the issue freezes its facts and takes the next number of the year, 督通字〔2026〕N号,
 * counted per county: `numberingUnitId` is the county the scope lies in).
 */
@Entity('notices')
@Index('uq_notices_number', ['numberingUnitId', 'year', 'number'], { unique: true })
@Index('idx_notices_unit', ['unit', 'state'])
export class Notice {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_notices_unit' })
  unit: Unit;

  /** The scope the notice covers. */
  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'int' })
  numberingUnitId: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  state: NoticeState;

  @Column({ type: 'int' })
  year: number;

  /** Null while a draft. */
  @Column({ type: 'int', nullable: true })
  number: number | null;

  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  preface: string;

  /** Grouped by unit and person; recomputed from the cited findings while a draft, frozen at issue. */
  @Column({ type: 'simple-json' })
  facts: NoticeFact[];

  @Column({ type: 'text' })
  requirement: string;

  @Column({ type: 'int', default: 3 })
  selfExamWorkingDays: number;

  @Column({ type: 'varchar', length: 50 })
  issuer: string;

  @Column({ type: 'date', nullable: true })
  issueDate: string | null;

  @Column({ type: 'int' })
  createdByUserId: number;

  @Column({ type: 'int', nullable: true })
  issuedByUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
