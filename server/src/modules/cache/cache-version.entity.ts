import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A counter per cached view; bumping it invalidates the caches of every instance. */
@Entity('cache_versions')
export class CacheVersion {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int', default: 0 })
  version: number;
}
