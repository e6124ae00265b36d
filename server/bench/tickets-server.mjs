// Child process of tickets.bench.mjs: the real app (built) on a MySQL/MariaDB database given as
// DATABASE_URL, with the demo county, demo login, X-Forwarded-For trusted and the per-user/per-IP
// limits raised (each simulated resident sends far more than a real one would). Prints its URL as JSON when ready.
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createApp } = require('../dist/app.factory.js');
const { loadConfig } = require('../dist/config/app.config.js');
const { withLocalSecrets } = require('../dist/config/local-secrets.js');

const config = withLocalSecrets(
  loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'jinri-bench-')),
    DATABASE_URL: process.env.DATABASE_URL,
    SEED_DEMO: 'county',
    DEMO_LOGIN: '1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'development',
    JWT_SECRET: 'x'.repeat(40),
    ENCRYPTION_KEYS: `b1:${Buffer.alloc(32, 7).toString('base64')}`,
    JOBS_ENABLED: '0',
    TRUST_PROXY: '1',
    // Each of the 1000 residents sends about 20 comments in the run: well above the real limits.
    TICKET_RATE_PER_USER: '1000',
    TICKET_RATE_PER_IP: '1000',
  }),
);
const app = await createApp(config);
await app.listen(0, '127.0.0.1');
const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
