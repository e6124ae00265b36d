#!/usr/bin/env node
// Benchmark (issue #13, P5): the daily findings check (FindingsCheckService.runDaily) on a generated
// jurisdiction of 10k, 30k and 100k officials with two weeks of plans, on MySQL/MariaDB: wall time,
// memory, findings by kind, a second (idempotent) run, and EXPLAIN of the statements that took the
// most time. Each size gets its own database, dropped at the end (BENCH_KEEP=1 keeps them).
// Run after `pnpm --filter @jinri/server build`, with a MariaDB/MySQL server:
//   TEST_MYSQL_URL=mysql://root:root@127.0.0.1:3307/mysql node server/bench/findings.bench.mjs
// BENCH_SIZES=10000,30000,100000 (officials), BENCH_ENTRIES=3-5 (entries per plan), BENCH_GENERATE_ONLY=1,
// BENCH_RULES_EVERY=10 (every 10th town has its own journal rules: a jurisdiction the job checks apart),
// BENCH_UNIQUE=1 (no two entries share a text, so the check's caches of recent texts never hit).
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { DATES, generate } from './findings-data.mjs';
import { fromDist } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '10000,30000,100000').split(',').map(Number);
const RULES_EVERY = Number(process.env.BENCH_RULES_EVERY ?? 0);
// BENCH_UNIQUE=1: every entry text different (the check's text caches never hit).
const UNIQUE = process.env.BENCH_UNIQUE === '1';
const ENTRIES = (process.env.BENCH_ENTRIES ?? '3-5').split('-').map(Number);
const admin = new URL(
  process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root:root@127.0.0.1:3307/mysql',
);
const { createDataSource } = fromDist('database/data-source.js');
const { runMigrations } = fromDist('database/migrate.js');
const date = DATES.at(-1);

const root = await mysql.createConnection({ uri: admin.toString() });
const [[{ version }]] = await root.query('SELECT VERSION() AS version');

function runCheck(url) {
  const child = spawn(process.execPath, ['--expose-gc', join(here, 'findings-run.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, BENCH_DATE: date },
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`findings-run exited with ${code}: ${out.slice(-2000)}`));
    }),
  );
}

const results = [];
for (const officials of SIZES) {
  const database = `jinri_bench_findings_${officials}`;
  await root.query(`DROP DATABASE IF EXISTS ${database}`);
  await root.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(admin);
  url.pathname = `/${database}`;

  let started = performance.now();
  const ds = await createDataSource({ type: 'mysql', url: url.toString() });
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();
  const migrateMs = performance.now() - started;

  started = performance.now();
  const pool = mysql.createPool({
    uri: url.toString(),
    connectionLimit: 10,
    timezone: 'Z',
    dateStrings: true,
  });
  const wrote = await generate(pool, {
    officials,
    entries: ENTRIES,
    rulesEvery: RULES_EVERY,
    unique: UNIQUE,
  });
  await pool.query(
    'ANALYZE TABLE units, officials, posts, memberships, leaves, day_plans, plan_entries, plan_revisions',
  );
  await pool.end();
  const generateMs = performance.now() - started;
  console.log(
    `${officials} officials: migrated in ${(migrateMs / 1000).toFixed(1)} s; generated in ${(generateMs / 1000).toFixed(1)} s: ` +
      `${wrote.units} units, ${wrote.plans} plans, ${wrote.entries} entries, ${wrote.revisions} revisions, ${wrote.leaves} leaves; ` +
      `on ${date} expected ≈ ${JSON.stringify(wrote.expected)}`,
  );

  if (process.env.BENCH_GENERATE_ONLY) {
    if (!process.env.BENCH_KEEP) await root.query(`DROP DATABASE ${database}`);
    continue;
  }
  const check = await runCheck(url.toString());
  results.push({ officials, wrote, generateMs, check });
  console.log(
    `  runDaily(${date}): ${(check.first.ms / 1000).toFixed(2)} s, ${check.first.recorded} recorded ${JSON.stringify(check.first.byKind)}, ` +
      `${check.statements.first} statements (${(check.sqlMs.first / 1000).toFixed(2)} s in SQL); RSS ${check.first.rssBeforeMb} → peak ${check.first.rssPeakMb} MB, heap peak +${check.first.heapPeakDeltaMb} MB`,
  );
  console.log(
    `  again: ${(check.second.ms / 1000).toFixed(2)} s, ${check.second.recorded} recorded, ${check.statements.second} statements (${(check.sqlMs.second / 1000).toFixed(2)} s in SQL)`,
  );
  if (check.byJurisdiction)
    console.log(
      `  as the job runs it, the ${check.byJurisdiction.groups} jurisdictions in one runDaily: ${(check.byJurisdiction.togetherMs / 1000).toFixed(2)} s` +
        (check.byJurisdiction.ms === null
          ? ''
          : `; one runDaily per jurisdiction: ${(check.byJurisdiction.ms / 1000).toFixed(2)} s`) +
        `, ${check.byJurisdiction.recorded} recorded`,
    );
  for (const s of check.hot) {
    console.log(`  ${s.ms} ms in ${s.count}× (max ${s.maxMs} ms, ${s.params} params): ${s.shape}`);
    for (const e of s.explain ?? [])
      console.log(
        `      ${e.table}: ${e.type}, key ${e.key ?? '—'}, rows ${e.rows}${e.extra ? `, ${e.extra}` : ''}`,
      );
  }
  if (!process.env.BENCH_KEEP) await root.query(`DROP DATABASE ${database}`);
}

console.log(
  `\nMariaDB ${version}; ${cpus().length} cores, node ${process.version}; entries per plan ${ENTRIES.join('–')}`,
);
console.table(
  results.map((r) => ({
    officials: r.officials,
    plans: r.wrote.plans,
    entries: r.wrote.entries,
    'generate s': +(r.generateMs / 1000).toFixed(1),
    'runDaily s': +(r.check.first.ms / 1000).toFixed(2),
    'µs/official': Math.round((r.check.first.ms * 1000) / r.officials),
    recorded: r.check.first.recorded,
    'peak RSS MB': r.check.first.rssPeakMb,
    'heap +MB': r.check.first.heapPeakDeltaMb,
    'again s': +(r.check.second.ms / 1000).toFixed(2),
    'again recorded': r.check.second.recorded,
  })),
);
const largest = results.at(-1);
if (largest)
  console.log(
    `largest: ${largest.officials} officials in ${(largest.check.first.ms / 1000).toFixed(2)} s (target < 30 s at 100k)`,
  );
await root.end();
process.exit(0);
