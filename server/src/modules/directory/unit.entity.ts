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
import type { UnitKind } from '@jinri/shared';

/** A node of the administrative tree: county → town/street → village; departments and offices. */
@Entity('units')
@Index('idx_units_parent', ['parent'])
@Index('idx_units_path', ['path'])
export class Unit {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stable external key (demo seed, spreadsheet import). */
  @Index('uq_units_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: UnitKind;

  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_units_parent' })
  parent: Unit | null;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  /** Materialised path of ids, "/1/4/17/", for subtree queries with a prefix match. */
  @Column({ type: 'varchar', length: 255, default: '/' })
  path: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  /** "08:30-12:00,14:30-17:30" local time. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  officeHours: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
