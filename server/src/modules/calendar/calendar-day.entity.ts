import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A day the admin entered or corrected: a holiday, or a weekend made a working day (调休). Days not
 * listed follow the packaged State Council calendar (chinese-days), then plain weekends.
 */
@Entity('calendar_days')
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'boolean', default: false })
  isWorkday: boolean;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'int', nullable: true })
  updatedByUserId: number | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
