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
import type { FindingEvidence, FindingKind, FindingState } from '@jinri/shared';
import { Official } from '../directory/official.entity';
import { Unit } from '../directory/unit.entity';

/**
 * 督查 finding: one official, one date, one kind (and one subject where a day can have several: a
 * ticket, a spot check, a self-examination). The unique key makes every check idempotent: running it
 * again for the same date records nothing twice. Never deleted; every change is a SupervisionEvent.
 */
@Entity('compliance_findings')
@Index('uq_findings_key', ['official', 'date', 'kind', 'subject'], { unique: true })
@Index('idx_findings_unit_date', ['unit', 'date'])
@Index('idx_findings_state', ['state', 'explainDueAt'])
export class ComplianceFinding {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_findings_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  /** The unit of the official's primary post on `date`: the finding's scope and its group in notices. */
  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_findings_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  /** YYYY-MM-DD: the plan's date, or the Monday of a weekly report's week. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 24 })
  kind: FindingKind;

  /** '' when a day has one finding of the kind; else "ticket:12", "spot:3", "selfexam:4". */
  @Column({ type: 'varchar', length: 40, default: '' })
  subject: string;

  @Column({ type: 'simple-json' })
  evidence: FindingEvidence;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  state: FindingState;

  @Column({ type: 'datetime' })
  explainDueAt: Date;

  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ type: 'simple-json', nullable: true })
  explanationPhotoIds: string[] | null;

  @Column({ type: 'datetime', nullable: true })
  explainedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  decidedByUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  /** Optimistic lock, bumped on every change. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
