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
import { Unit } from './unit.entity';

/** Something residents come for (事项): 低保申请, 宅基地审批 … */
@Entity('matters')
@Index('idx_matters_department', ['department'])
export class Matter {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_matters_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  category: string;

  @Column({ type: 'simple-json' })
  keywords: string[];

  /** Everyday words residents type ("盖房子"). */
  @Column({ type: 'simple-json' })
  synonyms: string[];

  /** What to bring. */
  @Column({ type: 'simple-json' })
  materials: string[];

  @Column({ type: 'varchar', length: 500 })
  whereToGo: string;

  @Column({ type: 'varchar', length: 200 })
  officeHours: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  legalBasis: string | null;

  /** Working days to acknowledge a comment on this matter (null: the default, 1). */
  @Column({ type: 'int', nullable: true })
  ackWorkingDays: number | null;

  /** Working days to resolve a comment on this matter (null: the default, 5). */
  @Column({ type: 'int', nullable: true })
  resolveWorkingDays: number | null;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_matters_department' })
  department: Unit;

  @Column({ type: 'int' })
  departmentId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
