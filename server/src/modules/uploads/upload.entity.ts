import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A stored photo (EXIF stripped, resized) and its thumbnail. */
@Entity('uploads')
@Index('idx_uploads_owner', ['ownerUserId', 'createdAt'])
export class Upload {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'int' })
  ownerUserId: number;

  /** Relative to the storage root, e.g. 2026/11/<id>.jpg */
  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Column({ type: 'varchar', length: 255 })
  thumbPath: string;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  /** The stored JPEG. */
  @Column({ type: 'int' })
  bytes: number;

  /** The file as received (counts towards the daily quota). */
  @Column({ type: 'int', default: 0 })
  sourceBytes: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
