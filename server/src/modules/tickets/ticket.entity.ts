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
import type { ModerationStatus, TicketState } from '@jinri/shared';
import { User } from '../auth/user.entity';
import { Matter } from '../directory/matter.entity';
import { Official } from '../directory/official.entity';
import { Unit } from '../directory/unit.entity';
import { PlanEntry } from '../journals/plan-entry.entity';

export type TicketTargetKind = 'entry' | 'official' | 'matter';
export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

/**
 * 工单: one resident comment, from submission to the resident's rating. Exactly one current assignee:
 * an official (assigneeOfficialId) or, when routing found nobody, the supervisor queue of
 * assigneeUnitId. `version` is the optimistic lock; every change also writes a TicketEvent.
 * Personal data (contact phone, author label, IP hash) is scrubbed after the retention period.
 */
@Entity('tickets')
@Index('uq_tickets_author_key', ['author', 'idempotencyKey'], { unique: true })
@Index('idx_tickets_assignee_status', ['assigneeOfficial', 'status'])
@Index('idx_tickets_queue_status', ['assigneeUnit', 'status'])
@Index('idx_tickets_status_due', ['status', 'dueAt'])
@Index('idx_tickets_author_created', ['author', 'createdAt'])
@Index('idx_tickets_ip_created', ['ipHash', 'createdAt'])
@Index('idx_tickets_official', ['official', 'status'])
@Index('idx_tickets_matter', ['matter', 'status'])
@Index('idx_tickets_entry', ['planEntry'])
@Index('idx_tickets_unit', ['unit'])
@Index('idx_tickets_closed', ['closedAt'])
export class Ticket {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_tickets_query_code', { unique: true })
  @Column({ type: 'varchar', length: 12 })
  queryCode: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'fk_tickets_author' })
  author: User;

  @Column({ type: 'int' })
  authorUserId: number;

  @Column({ type: 'varchar', length: 64 })
  idempotencyKey: string;

  /** SHA-256 of the request body, so a key reused for a different comment is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 8 })
  targetKind: TicketTargetKind;

  @ManyToOne(() => PlanEntry, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_entry_id', foreignKeyConstraintName: 'fk_tickets_plan_entry' })
  planEntry: PlanEntry | null;

  @Column({ type: 'int', nullable: true })
  planEntryId: number | null;

  /** The official the comment is about (the entry's official, or the one chosen). */
  @ManyToOne(() => Official, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_tickets_official' })
  official: Official | null;

  @Column({ type: 'int', nullable: true })
  officialId: number | null;

  @ManyToOne(() => Matter, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matter_id', foreignKeyConstraintName: 'fk_tickets_matter' })
  matter: Matter | null;

  @Column({ type: 'int', nullable: true })
  matterId: number | null;

  /** The resident's village or unit (routing by matter, the masked author label). */
  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_tickets_unit' })
  unit: Unit | null;

  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'simple-json' })
  photoIds: string[];

  @Column({ type: 'boolean', default: false })
  publicAllowed: boolean;

  /** Already masked at submission ("金乡街道 村民 王**"); "村民" after scrubbing. */
  @Column({ type: 'varchar', length: 60 })
  authorLabel: string;

  /** AES-256-GCM, FieldCipher; null when none was given or after scrubbing. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  contactPhoneEnc: string | null;

  /** HMAC of the client IP (per-IP rate limit); null after scrubbing. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ipHash: string | null;

  /** Hash of the normalised content (a copy-paste flood from one user). */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: TicketState;

  @Column({ type: 'varchar', length: 8 })
  moderation: ModerationStatus;

  /** While held: when the supervisor's publication review is due. */
  @Column({ type: 'datetime', nullable: true })
  reviewDueAt: Date | null;

  @ManyToOne(() => Official, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_official_id', foreignKeyConstraintName: 'fk_tickets_assignee_official' })
  assigneeOfficial: Official | null;

  @Column({ type: 'int', nullable: true })
  assigneeOfficialId: number | null;

  /** The assignee's unit, or the supervisor queue's unit when no official is assigned. */
  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_unit_id', foreignKeyConstraintName: 'fk_tickets_assignee_unit' })
  assigneeUnit: Unit;

  @Column({ type: 'int' })
  assigneeUnitId: number;

  @Column({ type: 'datetime' })
  ackDueAt: Date;

  @Column({ type: 'datetime' })
  dueAt: Date;

  @Column({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  remindedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reply: string | null;

  /** 举报: the public answer (reply and resolution) held after 3 reports, or kept hidden on review. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  replyModeration: 'held' | 'hidden' | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ type: 'simple-json' })
  resolutionPhotoIds: string[];

  @Column({ type: 'boolean', nullable: true })
  ratingSatisfied: boolean | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  ratingReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  reopenCount: number;

  @Column({ type: 'varchar', length: 8, nullable: true })
  extensionStatus: ExtensionStatus | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  extensionReason: string | null;

  @Column({ type: 'int', nullable: true })
  extensionDays: number | null;

  @Column({ type: 'datetime', nullable: true })
  scrubbedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
