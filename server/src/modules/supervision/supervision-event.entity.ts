import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SupervisionSubject =
  | 'finding'
  | 'spot_check'
  | 'sample'
  | 'notice'
  | 'self_exam'
  // Rankings (issue #14): a flag award, a jurisdiction's ranking settings.
  | 'flag_award'
  | 'rank_settings';

/**
 * One step in the life of a finding, spot check, sample, notice or self-examination: append-only,
 * written in the same transaction as the change it records. Never updated or deleted.
 */
@Entity('supervision_events')
@Index('idx_supervision_events_subject', ['subjectType', 'subjectId', 'id'])
export class SupervisionEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  subjectType: SupervisionSubject;

  @Column({ type: 'int' })
  subjectId: number;

  /** recorded, explained, confirmed, dismissed, drawn, visited, drafted, edited, issued, submitted … */
  @Column({ type: 'varchar', length: 24 })
  action: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromState: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toState: string | null;

  /** Null for the system (jobs). */
  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  /** 本人 / 督查室 / 系统: what the pages show instead of a user. */
  @Column({ type: 'varchar', length: 16 })
  actor: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
