import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { JobRun } from './job-run.entity';

/**
 * Runs a job at most once per fire key across every server instance sharing the database: the
 * first instance to insert (job, fireKey) runs it, the others get a duplicate-key error and skip.
 */
@Injectable()
export class JobLockService {
  private readonly logger = new Logger('Jobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async runOnce<T>(
    job: string,
    fireKey: string,
    work: () => Promise<T>,
  ): Promise<{ ran: boolean; result?: T }> {
    const runs = this.dataSource.getRepository(JobRun);
    try {
      await runs.insert({ job, fireKey, startedAt: this.clock.now(), finishedAt: null, result: null });
    } catch {
      const existing = await runs.findOneBy({ job, fireKey });
      if (existing) return { ran: false };
      throw new Error(`Could not record the run of ${job} ${fireKey}`);
    }
    const started = Date.now();
    try {
      const result = await work();
      await runs.update({ job, fireKey }, { finishedAt: this.clock.now(), result: summary(result) });
      this.logger.log({ job, fireKey, ms: Date.now() - started }, 'job finished');
      return { ran: true, result };
    } catch (error) {
      await runs.update(
        { job, fireKey },
        { finishedAt: this.clock.now(), result: `failed: ${(error as Error).message}`.slice(0, 255) },
      );
      this.logger.error({ job, fireKey, err: error }, 'job failed');
      throw error;
    }
  }
}

function summary(result: unknown): string | null {
  if (result === undefined) return null;
  return JSON.stringify(result).slice(0, 255);
}
