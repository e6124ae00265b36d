import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.factory';
import { type AppConfig, loadConfig } from '../src/config/app.config';
import type { DatabaseConfig } from '../src/config/app.config';

/** The real app on a test database, listening on an ephemeral port of 127.0.0.1. */
export async function startTestApp(
  database: DatabaseConfig,
  overrides: Partial<AppConfig> = {},
): Promise<{ app: INestApplication; url: string; config: AppConfig }> {
  const config: AppConfig = { ...loadConfig({ NODE_ENV: 'test' }), database, ...overrides };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl().then((u) => u.replace('[::1]', '127.0.0.1')), config };
}
