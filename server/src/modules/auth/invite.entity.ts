import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Official } from '../directory/official.entity';
import { Unit } from '../directory/unit.entity';

/** A one-time invite code (only its SHA-256 is stored) that binds a WeChat user to a role. */
@Entity('invites')
@Index('idx_invites_unit', ['unit'])
@Index('idx_invites_official', ['official'])
export class Invite {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_invites_code_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: 'official' | 'clerk' | 'supervisor' | 'admin';

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_invites_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => Official, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_invites_official' })
  official: Official | null;

  @Column({ type: 'int', nullable: true })
  officialId: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  note: string | null;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'int' })
  createdByUserId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'int', nullable: true })
  redeemedByUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  redeemedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
