import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock';
import { MetricsService } from '../operations/metrics.service';
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
    private readonly metrics: MetricsService,
  ) {}

  async runOnce<T>(
    job: string,
    fireKey: string,
    work: () => Promise<T>,
  ): Promise<{ ran: boolean; result?: T }> {
    const { claimed, result } = await this.runOnceEach(job, [fireKey], () => work());
    return claimed.length === 1 ? { ran: true, result } : { ran: false };
  }

  /**
   * runOnce for several fire keys of one job that one piece of work covers together (the morning
   * check of a date for every jurisdiction due at that time reads the date once): the keys this
   * instance claims are handed to `work`, which runs once for all of them; keys another instance
   * recorded first are skipped. Nothing runs when no key is claimed.
   */
  async runOnceEach<T>(
    job: string,
    fireKeys: string[],
    work: (claimed: string[]) => Promise<T>,
  ): Promise<{ claimed: string[]; result?: T }> {
    const claimed: string[] = [];
    for (const fireKey of fireKeys) if (await this.claim(job, fireKey)) claimed.push(fireKey);
    this.metrics.observeJob(job, 'skipped', fireKeys.length - claimed.length);
    if (claimed.length === 0) return { claimed };
    const started = Date.now();
    try {
      const result = await work(claimed);
      for (const fireKey of claimed)
        await this.runs.markFinished(job, fireKey, this.clock.now(), summary(result));
      this.logger.log({ job, fireKeys: claimed, ms: Date.now() - started }, 'job finished');
      this.metrics.observeJob(job, 'finished', claimed.length, (Date.now() - started) / 1000);
      return { claimed, result };
    } catch (error) {
      for (const fireKey of claimed)
        await this.runs.markFinished(
          job,
          fireKey,
          this.clock.now(),
          `failed: ${(error as Error).message}`.slice(0, 255),
        );
      this.logger.error({ job, fireKeys: claimed, err: error }, 'job failed');
      this.metrics.observeJob(job, 'failed', claimed.length, (Date.now() - started) / 1000);
      throw error;
    }
  }

  /** True when this instance recorded the start of (job, fireKey) first. */
  private async claim(job: string, fireKey: string): Promise<boolean> {
    try {
      await this.runs.insertStarted(job, fireKey, this.clock.now());
      return true;
    } catch {
      if (await this.runs.existsRun(job, fireKey)) return false;
      throw new Error(`Could not record the run of ${job} ${fireKey}`);
    }
  }
}

function summary(result: unknown): string | null {
  if (result === undefined) return null;
  return JSON.stringify(result).slice(0, 255);
}
