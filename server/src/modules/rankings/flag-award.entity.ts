import type { FlagColor, FlagLevel, FlagPeriod } from '@jinri/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Unit } from '../directory/unit.entity';

/**
 * One award of a period's 红黄旗 for a jurisdiction and level, by a supervisor. Append-only: a later
 * award for the same period gets the next `sequence` and marks this one superseded (an event says
 * so); nothing is deleted. The unique key (jurisdiction, level, period, from, sequence) refuses two
 * concurrent awards superseding the same one.
 */
@Entity('flag_awards')
@Index('uq_flag_awards_period_seq', ['jurisdiction', 'level', 'period', 'fromDate', 'sequence'], {
  unique: true,
})
@Index('idx_flag_awards_current', ['jurisdiction', 'level', 'supersededAt', 'toDate'])
export class FlagAwardRow {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_unit_id', foreignKeyConstraintName: 'fk_flag_awards_unit' })
  jurisdiction: Unit;

  @Column({ type: 'int' })
  jurisdictionUnitId: number;

  @Column({ type: 'varchar', length: 16 })
  level: FlagLevel;

  @Column({ type: 'varchar', length: 8 })
  period: FlagPeriod;

  @Column({ type: 'date' })
  fromDate: string;

  @Column({ type: 'date' })
  toDate: string;

  /** 1 for the first award of the period, then 2, 3 … for each one superseding the last. */
  @Column({ type: 'int' })
  sequence: number;

  /** The award differs from the ranking's proposal. */
  @Column({ type: 'boolean', default: false })
  overridden: boolean;

  /** The supervisor's written reason (required when overridden). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'int' })
  awardedByUserId: number;

  @Column({ type: 'varchar', length: 60 })
  awardedByName: string;

  @Column({ type: 'int', nullable: true })
  supersedesId: number | null;

  @Column({ type: 'datetime', nullable: true })
  supersededAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

/** One unit's flag in an award. */
@Entity('flag_award_units')
@Index('uq_flag_award_units', ['award', 'unit'], { unique: true })
@Index('idx_flag_award_units_unit', ['unit', 'award'])
export class FlagAwardUnitRow {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => FlagAwardRow, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id', foreignKeyConstraintName: 'fk_flag_award_units_award' })
  award: FlagAwardRow;

  @Column({ type: 'int' })
  awardId: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_flag_award_units_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'varchar', length: 8 })
  color: FlagColor;

  /** The ranking proposed this unit for this color. */
  @Column({ type: 'boolean', default: false })
  proposed: boolean;

  /** The unit's rank in the ranking the award was made from (null: not ranked). */
  @Column({ type: 'int', nullable: true })
  rank: number | null;
}
