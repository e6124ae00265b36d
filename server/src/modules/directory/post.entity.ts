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

/** A position in a unit (职务). It exists independently of who holds it (Popolo's post). */
@Entity('posts')
@Index('idx_posts_unit', ['unit'])
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_posts_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_posts_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** 1 = head of the unit; lower sorts first. */
  @Column({ type: 'int', default: 100 })
  rank: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
