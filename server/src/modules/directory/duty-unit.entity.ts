import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Duty } from './duty.entity';
import { Unit } from './unit.entity';

/** A unit a duty covers; covering a unit covers its subtree (a town covers its villages). */
@Entity('duty_units')
@Index('idx_duty_units_unit', ['unit'])
export class DutyUnit {
  @PrimaryColumn({ type: 'int' })
  dutyId: number;

  @PrimaryColumn({ type: 'int' })
  unitId: number;

  @ManyToOne(() => Duty, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'duty_id', foreignKeyConstraintName: 'fk_duty_units_duty' })
  duty: Duty;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_duty_units_unit' })
  unit: Unit;
}
