import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A matter an admin put at the top of a county's popular matters (1 first). */
@Entity('matter_pins')
export class MatterPin {
  @PrimaryColumn({ type: 'int' })
  countyUnitId: number;

  @PrimaryColumn({ type: 'int' })
  matterId: number;

  @Column({ type: 'int' })
  pinnedRank: number;

  @Column({ type: 'int', nullable: true })
  pinnedByUserId: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
