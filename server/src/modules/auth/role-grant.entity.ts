import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Role } from '@jinri/shared';
import { Official } from '../directory/official.entity';
import { Unit } from '../directory/unit.entity';
import { User } from './user.entity';

/**
 * A role beyond `resident` held by a user, over a unit subtree (its scope). An official grant is
 * bound to one Official. Revoking sets revokedAt; rows are never deleted.
 */
@Entity('role_grants')
@Index('idx_role_grants_user', ['user', 'revokedAt'])
@Index('idx_role_grants_unit', ['unit'])
@Index('idx_role_grants_official', ['official'])
export class RoleGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_role_grants_user' })
  user: User;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  role: Exclude<Role, 'resident'>;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_role_grants_unit' })
  unit: Unit;

  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => Official, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'fk_role_grants_official' })
  official: Official | null;

  @Column({ type: 'int', nullable: true })
  officialId: number | null;

  @Column({ type: 'int', nullable: true })
  inviteId: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  revokedByUserId: number | null;
}
