import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A refresh token (only its SHA-256 is stored). Each use rotates it; presenting a token that was
 * already rotated revokes the whole family (a stolen token cannot be used twice unnoticed).
 */
@Entity('refresh_tokens')
@Index('idx_refresh_tokens_family', ['family'])
@Index('idx_refresh_tokens_revoked', ['revokedAt'])
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_refresh_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 36 })
  family: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
