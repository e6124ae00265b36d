import { Inject, Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CLOCK, type Clock } from '../../common/clock';
import { Lifecycle } from './lifecycle.service';
import { OperationsRepository } from './operations.repository';

/** Latency buckets (seconds) of HTTP requests: the product's targets sit between 50 and 200 ms. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.1, 0.5, 1, 5, 15, 60, 300];

export type JobOutcome = 'finished' | 'failed' | 'skipped';

/**
 * The Prometheus registry of this app (one per app, so several test apps in one process do not
 * share counters). Labels are bounded: HTTP by method, route template and status class (never the
 * raw URL: no ids, no personal data), jobs by name and outcome. The outbox backlog and the database
 * pool are read at scrape time.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();

  private readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request to the end of its answer, by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  private readonly jobRuns = new Counter({
    name: 'jinri_job_runs_total',
    help: 'Scheduled job fire keys by job and outcome (skipped: another instance ran it)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'jinri_job_duration_seconds',
    help: 'Duration of a scheduled job run on this instance, by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  constructor(repository: OperationsRepository, lifecycle: Lifecycle, @Inject(CLOCK) clock: Clock) {
    collectDefaultMetrics({ register: this.registry });
    const logger = this.logger;
    new Gauge({
      name: 'jinri_http_requests_in_flight',
      help: 'HTTP requests being answered now',
      registers: [this.registry],
      collect() {
        this.set(lifecycle.inFlightRequests);
      },
    });
    new Gauge({
      name: 'jinri_shutting_down',
      help: '1 once SIGTERM/SIGINT arrived and the instance drains',
      registers: [this.registry],
      collect() {
        this.set(lifecycle.draining ? 1 : 0);
      },
    });
    const pending = new Gauge({
      name: 'jinri_outbox_pending_messages',
      help: 'Notification outbox messages not yet sent (due now or waiting for their backoff)',
      registers: [this.registry],
    });
    const oldest = new Gauge({
      name: 'jinri_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest pending outbox message (0 when none)',
      registers: [this.registry],
      // One indexed aggregate per scrape. While the database is down the two gauges are left out
      // (the scrape still answers, with the pool and process figures).
      async collect() {
        try {
          const backlog = await repository.findOutboxBacklog();
          pending.set(backlog.pending);
          this.set(
            backlog.oldestCreatedAt
              ? Math.max(0, (clock.now().getTime() - backlog.oldestCreatedAt.getTime()) / 1000)
              : 0,
          );
        } catch (error) {
          pending.reset();
          this.reset();
          logger.debug({ err: error }, 'outbox backlog not read');
        }
      },
    });
    void oldest;
    // The pool figures exist on MySQL/MariaDB only (SQLite has no pool): registered only there.
    if (repository.poolStats() === null) return;
    const connections = new Gauge({
      name: 'jinri_db_pool_connections',
      help: 'MySQL pool connections by state (in_use, idle); absent on SQLite',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = repository.poolStats();
        if (!pool) return;
        this.set({ state: 'in_use' }, pool.total - pool.idle);
        this.set({ state: 'idle' }, pool.idle);
      },
    });
    void connections;
    new Gauge({
      name: 'jinri_db_pool_waiting_requests',
      help: 'Requests waiting for a pool connection (refused once the queue limit is reached)',
      registers: [this.registry],
      collect() {
        const pool = repository.poolStats();
        if (pool) this.set(pool.waiting);
      },
    });
    new Gauge({
      name: 'jinri_db_pool_max_connections',
      help: 'The pool connection limit',
      registers: [this.registry],
      collect() {
        const pool = repository.poolStats();
        if (pool) this.set(pool.limit);
      },
    });
  }

  /** Records one answered HTTP request (`route` is a template or a fixed name, never a raw URL). */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status_class: `${Math.floor(status / 100)}xx` };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** Records the fire keys of one job run (or skip) and, for a run, its duration. */
  observeJob(job: string, outcome: JobOutcome, fireKeys: number, seconds?: number): void {
    if (fireKeys > 0) this.jobRuns.inc({ job, outcome }, fireKeys);
    if (seconds !== undefined) this.jobDuration.observe({ job, outcome }, seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
