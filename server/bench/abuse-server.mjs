// Child process of abuse.bench.mjs: the real app (built) on SQLite with the demo county and demo
// login. BENCH_DIST picks the build (default ../dist), so the same attack can be run against an old
// build. Prints its URL and pid as JSON when ready.
import { BENCH_SECRETS, benchConfig, fromDist, serve } from './lib.mjs';

const { createApp } = fromDist('app.factory.js');
const config = benchConfig('jinri-abuse-', {
  SEED_DEMO: 'county',
  DEMO_LOGIN: '1',
  NODE_ENV: 'development',
  ...BENCH_SECRETS,
});
await serve(await createApp(config), { pid: process.pid });
