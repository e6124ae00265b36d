import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { GeoPoint } from '@jinri/shared';
import { Official } from '../directory/official.entity';
import { Unit } from '../directory/unit.entity';
import { PlanEntry } from '../journals/plan-entry.entity';

/** 抽查: a supervisor's visit to the place a published entry named. Never changed once recorded. */
@Entity('spot_checks')
@Index('idx_spot_checks_unit_date', ['unit', 'date'])
@Index('idx_spot_checks_entry', ['planEntry'])
@Index('idx_spot_checks_official', ['official', 'date'])
export class SpotCheck {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => PlanEntry, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_entry_id', foreignKeyConstraintName: 'fk_spot_checks_entry' })
  planEntry: PlanEntry;

  @Column({ type: 'int' })
  planEntryId: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_spot_checks_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  /** The official's unit (primary post) on the day: the check's scope. */
  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_spot_checks_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'datetime' })
  visitedAt: Date;

  @Column({ type: 'boolean' })
  found: boolean;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ type: 'simple-json' })
  photoIds: string[];

  /** Where the photos were taken; supervisors only. */
  @Column({ type: 'simple-json', nullable: true })
  location: GeoPoint | null;

  @Column({ type: 'int', nullable: true })
  sampleId: number | null;

  /** The `absent` finding it opened. */
  @Column({ type: 'int', nullable: true })
  findingId: number | null;

  /** Why nobody found opened no finding (the plan was revised before the visit). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  noFindingReason: string | null;

  @Column({ type: 'int' })
  checkedByUserId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
