import { Inject, Injectable } from '@nestjs/common';
import type { HealthResponse, LivenessResponse, ReadinessResponse } from '@jinri/shared';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { Lifecycle } from '../operations/lifecycle.service';
import { HealthRepository } from './health.repository';

const VERSION = process.env.npm_package_version ?? '0.1.0';

/** A readiness probe answers within this even when the database hangs. */
export const READINESS_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly repository: HealthRepository,
    private readonly lifecycle: Lifecycle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthResponse> {
    const database: HealthResponse['database'] = { type: this.config.database.type, up: false };
    try {
      const started = process.hrtime.bigint();
      await this.repository.ping();
      database.latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      database.migration = await this.repository.findLatestMigration();
      database.up = true;
    } catch {
      database.up = false;
    }
    return {
      status: database.up ? 'ok' : 'degraded',
      version: VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      database,
    };
  }

  liveness(): LivenessResponse {
    return { status: 'live', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Ready: not draining, the database answers (within READINESS_TIMEOUT_MS), the newest migration is in. */
  async readiness(): Promise<ReadinessResponse> {
    const migration = this.repository.newestKnownMigration();
    const database: ReadinessResponse['database'] = { up: false, migration, migrated: false };
    if (this.lifecycle.draining) return { status: 'not-ready', reason: 'shutting-down', database };
    try {
      const started = process.hrtime.bigint();
      database.migrated = await withTimeout(this.repository.hasMigration(migration), READINESS_TIMEOUT_MS);
      database.latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      database.up = true;
    } catch {
      return { status: 'not-ready', reason: 'database-unavailable', database };
    }
    if (!database.migrated) return { status: 'not-ready', reason: 'migrations-pending', database };
    // Draining may have begun while the database answered.
    if (this.lifecycle.draining) return { status: 'not-ready', reason: 'shutting-down', database };
    return { status: 'ready', database };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms))),
  ]).finally(() => clearTimeout(timer));
}
