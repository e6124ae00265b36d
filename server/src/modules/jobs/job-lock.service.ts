import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock';
import { JobRunsRepository } from './job-runs.repository';

/**
 * Runs a job at most once per fire key across every server instance sharing the database: the
 * first instance to insert (job, fireKey) runs it, the others get a duplicate-key error and skip.
 */
@Injectable()
export class JobLockService {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly runs: JobRunsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async runOnce<T>(
    job: string,
    fireKey: string,
    work: () => Promise<T>,
  ): Promise<{ ran: boolean; result?: T }> {
    try {
      await this.runs.insertStarted(job, fireKey, this.clock.now());
    } catch {
      if (await this.runs.existsRun(job, fireKey)) return { ran: false };
      throw new Error(`Could not record the run of ${job} ${fireKey}`);
    }
    const started = Date.now();
    try {
      const result = await work();
      await this.runs.markFinished(job, fireKey, this.clock.now(), summary(result));
      this.logger.log({ job, fireKey, ms: Date.now() - started }, 'job finished');
      return { ran: true, result };
    } catch (error) {
      await this.runs.markFinished(
        job,
        fireKey,
        this.clock.now(),
        `failed: ${(error as Error).message}`.slice(0, 255),
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
