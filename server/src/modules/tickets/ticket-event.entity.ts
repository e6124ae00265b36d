import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { TicketEventType, TicketState } from '@jinri/shared';
import { Ticket } from './ticket.entity';

/** One change of a ticket, append-only: who, when, from, to, note. Never updated or deleted. */
@Entity('ticket_events')
@Index('idx_ticket_events_ticket', ['ticket', 'id'])
export class TicketEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Ticket, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_ticket_events_ticket' })
  ticket: Ticket;

  @Column({ type: 'int' })
  ticketId: number;

  @Column({ type: 'varchar', length: 24 })
  type: TicketEventType;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: TicketState | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: TicketState | null;

  /** Null for the system (jobs). */
  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  /** "村民", "张三（干部）", "督查室", "系统" — never a resident's name. */
  @Column({ type: 'varchar', length: 60 })
  actorLabel: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
