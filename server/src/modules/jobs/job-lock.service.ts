import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock';
import { MetricsService } from '../operations/metrics.service';
import { JobRunsRepository } from './job-runs.repository';

/**
 * Runs a job at most once per fire key across every server instance sharing the database: the
 * first instance to insert (job, fireKey) runs it, the others meet its row and skip (the claim is
 * decided in JobRunsRepository.claimRun, on SQLite, MySQL, Galera and TiDB alike).
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
   *
   * Who runs a key is decided by JobRunsRepository.claimRun alone (claimed, or someone else's). A key
   * it could not decide (database unreachable, contention past its bound) is neither run nor skipped
   * here: the keys already claimed still run (nobody else will), then the claim's error is thrown, so
   * the caller's next tick claims the undecided key again (and meets its own claimed keys as taken).
   */
  async runOnceEach<T>(
    job: string,
    fireKeys: string[],
    work: (claimed: string[]) => Promise<T>,
  ): Promise<{ claimed: string[]; result?: T }> {
    const claimed: string[] = [];
    const undecided: string[] = [];
    let claimError: unknown;
    for (const fireKey of fireKeys) {
      if (claimError !== undefined) {
        undecided.push(fireKey);
        continue;
      }
      try {
        if (await this.runs.claimRun(job, fireKey, this.clock.now())) claimed.push(fireKey);
      } catch (error) {
        claimError = error;
        undecided.push(fireKey);
      }
    }
    this.metrics.observeJob(job, 'skipped', fireKeys.length - claimed.length - undecided.length);
    if (undecided.length > 0) {
      this.logger.error({ job, fireKeys: undecided, err: claimError }, 'job run could not be claimed');
      this.metrics.observeJob(job, 'failed', undecided.length);
    }
    const outcome = claimed.length > 0 ? await this.run(job, claimed, work) : { claimed };
    if (claimError !== undefined) throw claimError;
    return outcome;
  }

  /** Runs `work` for the keys this instance claimed and records how each ended. */
  private async run<T>(
    job: string,
    claimed: string[],
    work: (claimed: string[]) => Promise<T>,
  ): Promise<{ claimed: string[]; result: T }> {
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
}

function summary(result: unknown): string | null {
  if (result === undefined) return null;
  return JSON.stringify(result).slice(0, 255);
}
