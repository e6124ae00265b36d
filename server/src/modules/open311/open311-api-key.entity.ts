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
import { Unit } from '../directory/unit.entity';

/**
 * An integrator's Open311 API key (issue #17). Only a SHA-256 of the key is stored (the key is 160
 * random bits, shown once); `prefix` finds the row. Tickets filed with the key are authored by
 * `user` (one user row per key). Revoked, never deleted.
 */
@Entity('open311_api_keys')
@Index('idx_open311_api_keys_jurisdiction', ['jurisdictionUnit'])
export class Open311ApiKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Index('uq_open311_api_keys_prefix', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_unit_id', foreignKeyConstraintName: 'fk_open311_api_keys_unit' })
  jurisdictionUnit: Unit;

  @Column({ type: 'int' })
  jurisdictionUnitId: number;

  /** The integrator as an author of tickets (each key has a user of its own). */
  @Index('uq_open311_api_keys_user', { unique: true })
  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_open311_api_keys_user' })
  user: User;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  ratePerHour: number;

  @Column({ type: 'int' })
  createdByUserId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  revokedByUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;
}
