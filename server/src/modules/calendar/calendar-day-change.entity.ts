import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: each admin entry (`set`) or removal (`delete`) of a calendar day, with who and when. */
@Entity('calendar_day_changes')
@Index('idx_calendar_day_changes_date', ['date'])
export class CalendarDayChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 10 })
  action: 'set' | 'delete';

  /** The day as it was set, or as it was before its removal. */
  @Column({ type: 'boolean', default: false })
  isWorkday: boolean;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
