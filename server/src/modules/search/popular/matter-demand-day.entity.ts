import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What residents of a county asked about a matter on one local date: searches whose top hit it was,
 * opens of its page, comments (tickets) on it. Counted in memory and added in batches
 * (MatterDemand); read over the last 30 days for the popular matters. No foreign keys: a counter
 * row must never wait for a lock on a directory row, and rows of a removed matter are ignored.
 */
@Entity('matter_demand_daily')
export class MatterDemandDay {
  @PrimaryColumn({ type: 'int' })
  countyUnitId: number;

  @PrimaryColumn({ type: 'int' })
  matterId: number;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'int', default: 0 })
  searches: number;

  @Column({ type: 'int', default: 0 })
  opens: number;

  @Column({ type: 'int', default: 0 })
  comments: number;
}
