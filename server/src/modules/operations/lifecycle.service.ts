import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ticksSettled } from '../../common/jobs/guarded-tick';

/**
 * This instance's life after start: serving, then draining once SIGTERM/SIGINT arrives (readiness
 * answers 503 at once, new requests are refused, scheduled jobs start no new runs, the outbox
 * dispatcher stops claiming) until in-flight requests and running jobs are done. The HTTP side of it
 * (counting requests, refusing while draining) is request-tracking.ts; the signals are shutdown.ts.
 */
@Injectable()
export class Lifecycle {
  private readonly logger = new Logger('Lifecycle');
  private drainingSince: number | null = null;
  private readonly inFlight = new Set<{ beforeDrain: () => void }>();
  private idle: Array<() => void> = [];

  constructor(private readonly scheduler: SchedulerRegistry) {}

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  get inFlightRequests(): number {
    return this.inFlight.size;
  }

  /**
   * Stops taking new work: from now on `draining` is true (readiness, request tracking and the
   * outbox read it) and this app's cron jobs no longer fire. Idempotent.
   */
  beginDrain(): void {
    if (this.draining) return;
    this.drainingSince = Date.now();
    for (const [name, job] of this.scheduler.getCronJobs()) {
      void job.stop();
      this.logger.debug({ job: name }, 'cron stopped');
    }
    for (const request of this.inFlight) request.beforeDrain();
    this.logger.log({ inFlightRequests: this.inFlight.size }, 'draining: no new work taken');
  }

  /** Counts a request until `done` is called; `beforeDrain` runs if draining starts meanwhile. */
  track(beforeDrain: () => void): () => void {
    const entry = { beforeDrain };
    this.inFlight.add(entry);
    return () => {
      if (!this.inFlight.delete(entry) || this.inFlight.size > 0) return;
      const waiting = this.idle;
      this.idle = [];
      for (const resolve of waiting) resolve();
    };
  }

  /** Resolves once no request is in flight and no scheduled tick (job run, outbox dispatch) runs. */
  async settled(): Promise<void> {
    if (this.inFlight.size > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await ticksSettled();
  }
}
