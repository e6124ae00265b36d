import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../auth/user.entity';
import { Ticket } from './ticket.entity';

/** A resident who follows a public ticket ("已有人反映过类似问题 — 关注它"): told of its reply and result. */
@Entity('ticket_followers')
@Index('uq_ticket_followers_ticket_user', ['ticket', 'user'], { unique: true })
@Index('idx_ticket_followers_user', ['user', 'id'])
export class TicketFollower {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Ticket, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'fk_ticket_followers_ticket' })
  ticket: Ticket;

  @Column({ type: 'int' })
  ticketId: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_ticket_followers_user' })
  user: User;

  @Column({ type: 'int' })
  userId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
