import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.factory';
import { type AppConfig, type DatabaseConfig, loadConfig } from '../src/config/app.config';
import type { Clock } from '../src/common/clock';

/** Secrets shared by every test app of one run (two instances must accept each other's tokens). */
const TEST_ENV = {
  NODE_ENV: 'test',
  JWT_SECRET: randomBytes(32).toString('hex'),
  ENCRYPTION_KEYS: `test1:${randomBytes(32).toString('base64')}`,
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'stub-secret-0123456789',
  WECHAT_TIMEOUT_MS: '1000',
};

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
}

/** The real app on a test database, listening on an ephemeral port of 127.0.0.1. */
export async function startTestApp(
  database: DatabaseConfig,
  options: { env?: Record<string, string>; config?: Partial<AppConfig>; clock?: Clock } = {},
): Promise<TestApp> {
  const config: AppConfig = { ...loadConfig({ ...TEST_ENV, ...options.env }), database, ...options.config };
  const app = await createApp(config, { clock: options.clock });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl().then((u) => u.replace('[::1]', '127.0.0.1')), config };
}

/** JSON over real HTTP; returns status, headers and the parsed body. */
export async function call<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  // Open311 and /metrics live outside the API prefix.
  const prefix = path.startsWith('/open311/') || path === '/metrics' ? '' : '/api/v1';
  const response = await fetch(`${url}${prefix}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  // Only JSON is parsed (a spreadsheet download is read and dropped).
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  const text = json ? await response.text() : (await response.arrayBuffer(), '');
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: response.headers,
  };
}
