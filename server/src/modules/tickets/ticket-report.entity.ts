import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { TicketReportReason, TicketReportTarget } from '@jinri/shared';
import { User } from '../auth/user.entity';
import { Ticket } from './ticket.entity';

/**
 * 举报: one user's report of a public comment or its reply, once per user and target. Counted while
 * unreviewed; a supervisor's review (restore or keep hidden) stamps `reviewedAt` on those counted.
 */
@Entity('ticket_reports')
@Index('uq_ticket_reports_target_reporter', ['ticket', 'target', 'reporter'], { unique: true })
@Index('idx_ticket_reports_reporter', ['reporter', 'createdAt'])
export class TicketReport {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Ticket, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_ticket_reports_ticket' })
  ticket: Ticket;

  @Column({ type: 'int' })
  ticketId: number;

  @Column({ type: 'varchar', length: 8 })
  target: TicketReportTarget;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_user_id', foreignKeyConstraintName: 'fk_ticket_reports_reporter' })
  reporter: User;

  @Column({ type: 'int' })
  reporterUserId: number;

  @Column({ type: 'varchar', length: 16 })
  reason: TicketReportReason;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
