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
import { Official } from './official.entity';
import { Unit } from './unit.entity';

/** A position in a unit (职务). It exists independently of who holds it (Popolo's post). */
@Entity('posts')
@Index('idx_posts_unit', ['unit'])
@Index('idx_posts_deputy', ['deputyOfficial'])
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

  /**
   * The acting deputy (代理) while the holder is on approved leave: new tickets go to them and the
   * holder's status names them. Null: nobody named (tickets wait for the holder).
   */
  @ManyToOne(() => Official, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deputy_official_id', foreignKeyConstraintName: 'fk_posts_deputy_official' })
  deputyOfficial: Official | null;

  @Column({ type: 'int', nullable: true })
  deputyOfficialId: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
