import { Inject, Injectable } from '@nestjs/common';
import type { HealthResponse } from '@jinri/shared';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { HealthRepository } from './health.repository';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@Injectable()
export class HealthService {
  constructor(
    private readonly repository: HealthRepository,
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
}
