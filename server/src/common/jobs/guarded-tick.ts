import type { Logger } from '@nestjs/common';

export interface GuardedTickOptions {
  /** Whether scheduled jobs run at all (config.jobsEnabled: off in tests), read at each tick. */
  enabled: () => boolean;
  logger: Logger;
  /** Skip a tick while the previous one of this guard still runs (for jobs that can outlast their interval). */
  alone?: boolean;
}

/** Every tick running in this process: a graceful shutdown waits for them (ticksSettled). */
const running = new Set<Promise<void>>();

/** Resolves once the ticks running now (job runs, outbox dispatches) have ended, however they end. */
export async function ticksSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

/**
 * The guard around a scheduled job's tick: nothing while jobs are off (or, with `alone`, while the
 * previous tick runs), and a failure is logged under `failure`, never thrown into the scheduler.
 */
export class GuardedTick {
  private running = false;

  constructor(private readonly options: GuardedTickOptions) {}

  async run(failure: string, work: () => Promise<unknown>): Promise<void> {
    if (!this.options.enabled() || (this.options.alone && this.running)) return;
    this.running = true;
    const tick = (async () => {
      try {
        await work();
      } catch (error) {
        this.options.logger.error({ err: error }, failure);
      } finally {
        this.running = false;
      }
    })();
    running.add(tick);
    try {
      await tick;
    } finally {
      running.delete(tick);
    }
  }
}
