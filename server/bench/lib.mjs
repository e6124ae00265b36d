// What the benchmark servers (child processes of the *.bench.mjs) share: the built app's modules,
// the bench configuration and the way a server tells its parent where it listens.
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The build under test: BENCH_DIST (e.g. an older build) or server/dist. */
const DIST = resolve(process.env.BENCH_DIST ?? join(fileURLToPath(new URL('.', import.meta.url)), '../dist'));

/** A module of the build, e.g. `fromDist('app.factory.js')`. */
export function fromDist(path) {
  return require(join(DIST, path));
}

/** A fixed signing secret and field key (throwaway data), for the servers that set them. */
export const BENCH_SECRETS = {
  JWT_SECRET: 'x'.repeat(40),
  ENCRYPTION_KEYS: `b1:${Buffer.alloc(32, 7).toString('base64')}`,
};

/** The app's configuration on a fresh data directory (`prefix` + random), silent, without jobs. */
export function benchConfig(prefix, env) {
  const { loadConfig } = fromDist('config/app.config.js');
  const { withLocalSecrets } = fromDist('config/local-secrets.js');
  return withLocalSecrets(
    loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), prefix)),
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: '0',
      ...env,
    }),
  );
}

/**
 * Listens on an ephemeral port of 127.0.0.1, prints one JSON line for the parent (the URL, then
 * `extra`) and closes on SIGTERM.
 */
export async function serve(app, extra = {}) {
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url, ...extra })}\n`);
  process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
}
