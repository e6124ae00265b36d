import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@jinri/shared';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthResponse> {
    const database: HealthResponse['database'] = { type: this.config.database.type, up: false };
    try {
      const started = process.hrtime.bigint();
      await this.dataSource.query('SELECT 1');
      database.latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      const rows: Array<{ name: string }> = await this.dataSource.query(
        'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
      );
      database.migration = rows[0]?.name;
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
