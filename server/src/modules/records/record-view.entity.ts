import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { RecordViewFormat } from '@jinri/shared';
import { User } from '../auth/user.entity';
import { Official } from '../directory/official.entity';

/**
 * One look at an official's 立体像 (JSON or PDF), written in the same request as the answer. The
 * viewer's name and role are kept as they were then (what the official is shown); never a phone.
 * Append-only: never updated or deleted.
 */
@Entity('record_views')
@Index('idx_record_views_official', ['official', 'id'])
@Index('idx_record_views_viewer', ['viewer'])
export class RecordView {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_record_views_official' })
  official: Official;

  @Column({ type: 'int' })
  officialId: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'viewer_user_id', foreignKeyConstraintName: 'fk_record_views_viewer' })
  viewer: User;

  @Column({ type: 'int' })
  viewerUserId: number;

  /** The viewer's official name when they are one, else 督查室 / 管理员. */
  @Column({ type: 'varchar', length: 60 })
  viewerName: string;

  @Column({ type: 'varchar', length: 16 })
  viewerRole: 'supervisor' | 'admin';

  @Column({ type: 'date' })
  fromDate: string;

  @Column({ type: 'date' })
  toDate: string;

  @Column({ type: 'varchar', length: 8 })
  format: RecordViewFormat;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
