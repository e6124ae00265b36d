import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { testDatabases } from '../databases';
import type { CaseKind } from './cases';
import { formatReport, runFuzz } from './fuzzer';
import { startFuzzTarget } from './target';

/**
 * The full fuzz run (`npm run fuzz`, `pnpm --filter @jinri/server fuzz`), on SQLite, or on a fresh
 * database of the MySQL/MariaDB server at TEST_MYSQL_URL or DATABASE_URL (dropped afterwards).
 * Environment: FUZZ_REQUESTS (20000), FUZZ_SEED (random, printed), FUZZ_CASE=<i>[,<j>…] to replay
 * cases of that seed, FUZZ_LOG_LEVEL (error: the stack of every 500; silent, warn…), FUZZ_KINDS=valid,field… to send only those kinds, FUZZ_CONCURRENCY (8), FUZZ_REPORT=<file> for the report as JSON.
 * Exits 1 when any answer is ≥ 500, a request got no answer or /health was not 200.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  process.env.TZ = 'UTC';
  const serverUrl = env.TEST_MYSQL_URL ?? env.DATABASE_URL;
  if (serverUrl) process.env.TEST_MYSQL_URL = serverUrl;
  const [name, makeDatabase] = testDatabases().find(([n]) => n === (serverUrl ? 'mysql' : 'sqlite'))!;
  const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : randomInt(2 ** 31);
  const only = env.FUZZ_CASE ? env.FUZZ_CASE.split(',').map(Number) : undefined;
  const requests = Number(env.FUZZ_REQUESTS ?? 20_000);
  const database = makeDatabase();
  await database.create();
  process.stdout.write(
    `fuzz: seed ${seed}, ${only ? `cases ${only.join(',')}` : `${requests} requests`} on ${name}\n`,
  );
  try {
    const started = performance.now();
    const target = await startFuzzTarget(database.config(), { LOG_LEVEL: env.FUZZ_LOG_LEVEL ?? 'error' });
    process.stdout.write(
      `fuzz: app ready in ${((performance.now() - started) / 1000).toFixed(1)} s, ${target.routes.length} routes from the OpenAPI document\n`,
    );
    try {
      let shown = 0;
      const report = await runFuzz(target.app.url, target.routes, target.world, {
        seed,
        requests,
        only,
        kinds: env.FUZZ_KINDS ? (env.FUZZ_KINDS.split(',') as CaseKind[]) : undefined,
        concurrency: Number(env.FUZZ_CONCURRENCY ?? 8),
        onProgress: (done, r) => {
          if (done - shown < 2000) return;
          shown = done;
          process.stdout.write(`fuzz: ${done} sent, ${r.failures.length} ≥ 500\n`);
        },
      });
      process.stdout.write(`${formatReport(report)}\n`);
      if (env.FUZZ_REPORT) writeFileSync(env.FUZZ_REPORT, JSON.stringify(report, null, 2));
      const ok = !report.failures.length && !report.transportErrors.length && !report.health.notOk;
      return ok ? 0 : 1;
    } finally {
      await target.close();
    }
  } finally {
    await database.drop();
  }
}
