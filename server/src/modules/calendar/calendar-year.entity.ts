import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A year a county admin confirmed as entered: its holidays and make-up days are complete. */
@Entity('calendar_years')
export class CalendarYearRow {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int', nullable: true })
  confirmedByUserId: number | null;

  @CreateDateColumn({ type: 'datetime', name: 'confirmed_at' })
  confirmedAt: Date;
}
