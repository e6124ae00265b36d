// Child process of abuse.bench.mjs: the real app (built) on SQLite with the demo county and demo
// login. BENCH_DIST picks the build (default ../dist), so the same attack can be run against an old
// build. Prints its URL and pid as JSON when ready.
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = resolve(process.env.BENCH_DIST ?? join(fileURLToPath(new URL('.', import.meta.url)), '../dist'));
const { createApp } = require(join(dist, 'app.factory.js'));
const { loadConfig } = require(join(dist, 'config/app.config.js'));
const { withLocalSecrets } = require(join(dist, 'config/local-secrets.js'));

const config = withLocalSecrets(
  loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'jinri-abuse-')),
    SEED_DEMO: 'county',
    DEMO_LOGIN: '1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'development',
    JWT_SECRET: 'x'.repeat(40),
    ENCRYPTION_KEYS: `b1:${Buffer.alloc(32, 7).toString('base64')}`,
    JOBS_ENABLED: '0',
  }),
);
const app = await createApp(config);
await app.listen(0, '127.0.0.1');
const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
