import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Unit } from '../directory/unit.entity';

/** Deadlines and standard lists of one jurisdiction (the nearest ancestor with a row applies). */
@Entity('journal_rules')
export class JournalRulesRow {
  @PrimaryColumn({ type: 'int' })
  unitId: number;

  @OneToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_journal_rules_unit' })
  unit: Unit;

  @Column({ type: 'varchar', length: 5 })
  planDueTime: string;

  @Column({ type: 'varchar', length: 5 })
  publicationTime: string;

  /** 1 = Monday … 7 = Sunday. */
  @Column({ type: 'int' })
  weeklyReportDueWeekday: number;

  @Column({ type: 'varchar', length: 5 })
  weeklyReportDueTime: string;

  @Column({ type: 'varchar', length: 5 })
  reminderTime: string;

  @Column({ type: 'simple-json' })
  entryKinds: string[];

  @Column({ type: 'simple-json' })
  meetingNames: string[];

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
