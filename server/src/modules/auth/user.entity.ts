import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Someone who signed in. The openid is kept only as a lookup hash plus an encrypted copy (for
 * subscribe messages); the WeChat session_key is never stored. Demo users have no openid.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_users_openid_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openidHash: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  openidEnc: string | null;

  @Column({ type: 'boolean', default: false })
  demo: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;
}
