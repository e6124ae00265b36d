import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person who holds a post and publishes a schedule (干部). */
@Entity('officials')
export class Official {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_officials_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Index('idx_officials_name')
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: 'male' | 'female' | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  photoUrl: string | null;

  /** The phone number, AES-256-GCM encrypted (FieldCipher); shown in full to admins only. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  phoneEnc: string | null;

  /** "138****5678", what everyone else sees. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phoneMasked: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
