import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per job and fire time: inserting it is the lock. A second instance inserting the same
 * (job, fireKey) fails on the primary key and skips the run, on SQLite, MySQL and TiDB alike.
 */
@Entity('job_runs')
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  job: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  fireKey: string;

  @Column({ type: 'datetime' })
  startedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  result: string | null;
}
