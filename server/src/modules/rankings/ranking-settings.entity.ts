import type { RankingWeights } from '@jinri/shared';
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
import { Unit } from '../directory/unit.entity';

/**
 * A jurisdiction's (county's) ranking settings, set by its admin: the composite weights, the minimum
 * sample below which a unit is 样本不足, and N flags of each color. Absent: the defaults. Every change
 * is also a supervision event (subject 'rank_settings') with the values before and after.
 */
@Entity('ranking_settings')
@Index('uq_ranking_settings_jurisdiction', ['jurisdiction'], { unique: true })
export class RankingSettingsRow {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_unit_id', foreignKeyConstraintName: 'fk_ranking_settings_unit' })
  jurisdiction: Unit;

  @Column({ type: 'int' })
  jurisdictionUnitId: number;

  @Column({ type: 'simple-json' })
  weights: RankingWeights;

  @Column({ type: 'int' })
  minSample: number;

  @Column({ type: 'int' })
  flagCount: number;

  @Column({ type: 'int' })
  updatedByUserId: number;

  /** The admin's name as shown (an official's name, else 管理员). */
  @Column({ type: 'varchar', length: 60 })
  updatedByName: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
