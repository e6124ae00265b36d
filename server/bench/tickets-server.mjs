// Child process of tickets.bench.mjs: the real app (built) on a MySQL/MariaDB database given as
// DATABASE_URL, with the demo county, demo login, X-Forwarded-For trusted and the per-user/per-IP
// limits raised (each simulated resident sends far more than a real one would). Prints its URL as JSON when ready,
// and answers the message 'statements' with the statements sent since the last one (tickets.bench.mjs counts them).
import { createRequire } from 'node:module';
import { BENCH_SECRETS, benchConfig, fromDist, serve } from './lib.mjs';

const require = createRequire(import.meta.url);

const { createApp } = fromDist('app.factory.js');
const config = benchConfig('jinri-bench-', {
  DATABASE_URL: process.env.DATABASE_URL,
  // BENCH_SOCKET=<the server's socket file>: the app connects through it (DATABASE_SOCKET_PATH).
  ...(process.env.BENCH_SOCKET ? { DATABASE_SOCKET_PATH: process.env.BENCH_SOCKET } : {}),
  SEED_DEMO: 'county',
  DEMO_LOGIN: '1',
  NODE_ENV: 'development',
  ...BENCH_SECRETS,
  TRUST_PROXY: '1',
  // Each of the 1000 residents sends about 20 comments in the run: well above the real limits.
  TICKET_RATE_PER_USER: '1000',
  TICKET_RATE_PER_IP: '1000',
});
const app = await createApp(config);
// The statements the app sends, for the parent to count (over IPC: 'statements' answers and resets,
// 'stop' puts the app's own logger back before the load).
const { StatementLog } = fromDist('database/statement-log.js');
const { DataSource } = require('typeorm');
const dataSource = app.get(DataSource);
const logger = dataSource.logger;
const log = StatementLog.attach(dataSource);
process.on('message', (message) => {
  if (message === 'statements') process.send({ statements: log.take() });
  if (message === 'stop') dataSource.logger = logger;
});
await serve(app);
