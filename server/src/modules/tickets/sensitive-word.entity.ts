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

/** An admin-maintained sensitive word; it applies to comments routed inside the unit's subtree. */
@Entity('sensitive_words')
@Index('uq_sensitive_words_unit_word', ['unit', 'word'], { unique: true })
export class SensitiveWord {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_sensitive_words_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'varchar', length: 50 })
  word: string;

  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
