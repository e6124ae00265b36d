import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { EntryUpdateKind } from '@jinri/shared';
import { PlanEntry } from './plan-entry.entity';

/** 一日三晒: progress (noon) or result (evening) posted on an entry, with up to 9 photos. */
@Entity('entry_updates')
@Index('idx_entry_updates_entry', ['planEntry'])
export class EntryUpdate {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => PlanEntry, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_entry_id', foreignKeyConstraintName: 'fk_entry_updates_entry' })
  planEntry: PlanEntry;

  @Column({ type: 'int' })
  planEntryId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: EntryUpdateKind;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'simple-json' })
  photoIds: string[];

  /** Where the official was when posting; supervisors only. */
  @Column({ type: 'simple-json', nullable: true })
  location: { latitude: number; longitude: number } | null;

  @Column({ type: 'int' })
  createdByUserId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
