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
 * A recorded random draw of today's published entries to visit: the seed and the candidate list
 * (ascending entry ids) are kept, so anyone can redo the draw and get the same picks.
 */
@Entity('spot_check_samples')
@Index('idx_spot_check_samples_unit_date', ['unit', 'date'])
export class SpotCheckSample {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_spot_check_samples_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'date' })
  date: string;

  /** Place filter used for the candidates, if any. */
  @Column({ type: 'int', nullable: true })
  placeUnitId: number | null;

  @Column({ type: 'varchar', length: 64 })
  seed: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'simple-json' })
  candidateIds: number[];

  @Column({ type: 'simple-json' })
  pickedIds: number[];

  @Column({ type: 'int' })
  drawnByUserId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
