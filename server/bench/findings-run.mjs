// Child process of findings.bench.mjs: the built app (no HTTP listener, no jobs) on the generated
// database DATABASE_URL runs FindingsCheckService.runDaily(BENCH_DATE) twice, timing every SQL
// statement, then EXPLAINs the statements that took the most time. Prints one JSON line.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { BENCH_SECRETS, benchConfig, fromDist } from './lib.mjs';

const require = createRequire(import.meta.url);
const { MysqlQueryRunner } = require('typeorm/driver/mysql/MysqlQueryRunner.js');
const { DataSource } = require('typeorm');
const { createApp } = fromDist('app.factory.js');
const { FindingsCheckService } = fromDist('modules/supervision/findings-check.service.js');

const date = process.env.BENCH_DATE;
const MB = 1048576;

// Every statement the app sends: its text with IN-lists and VALUES-lists folded, count and time.
const statements = new Map();
let recording = false;
const query = MysqlQueryRunner.prototype.query;
MysqlQueryRunner.prototype.query = async function timed(sql, parameters, ...rest) {
  if (!recording) return query.call(this, sql, parameters, ...rest);
  const started = performance.now();
  try {
    return await query.call(this, sql, parameters, ...rest);
  } finally {
    const ms = performance.now() - started;
    const shape = sql
      .replace(/\(\s*\?(\s*,\s*\?)*\s*\)/g, '(?…)')
      .replace(/VALUES\s*(\([^)]*\)\s*,?\s*)+/gi, 'VALUES (…)')
      .replace(/\s+/g, ' ')
      .trim();
    const s = statements.get(shape) ?? { shape, count: 0, ms: 0, maxMs: 0, sql, parameters };
    s.count += 1;
    s.ms += ms;
    if (ms > s.maxMs) Object.assign(s, { maxMs: ms, sql, parameters });
    statements.set(shape, s);
  }
};

const config = benchConfig('jinri-bench-findings-', {
  DATABASE_URL: process.env.DATABASE_URL,
  NODE_ENV: 'development',
  ...BENCH_SECRETS,
});
const app = await createApp(config);
await app.init();
const sut = app.get(FindingsCheckService);
const ds = app.get(DataSource);

async function measure() {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  }, 10);
  const started = performance.now();
  const result = await sut.runDaily(date);
  const ms = performance.now() - started;
  clearInterval(sampler);
  const m = process.memoryUsage();
  return {
    ms: Math.round(ms),
    recorded: result.recorded,
    byKind: result.byKind,
    rssBeforeMb: Math.round(rssBefore / MB),
    rssPeakMb: Math.round(Math.max(rssPeak, m.rss) / MB),
    heapPeakDeltaMb: Math.round((Math.max(heapPeak, m.heapUsed) - heapBefore) / MB),
  };
}

recording = true;
const first = await measure();
const firstStatements = [...statements.values()];
statements.clear();
const second = await measure();
recording = false;
const secondStatements = [...statements.values()];

// As the job runs it: every jurisdiction due at the same time in one runDaily (after the runs above,
// so it records nothing); and, for comparison, one runDaily per jurisdiction (how the job ran first).
let byJurisdiction;
const groups = await sut.jurisdictions();
if (groups.length > 1) {
  let started = performance.now();
  const together = (await sut.runDaily(date, groups)).recorded;
  const togetherMs = Math.round(performance.now() - started);
  started = performance.now();
  let recorded = together;
  if (process.env.BENCH_EACH_JURISDICTION === '1')
    for (const group of groups) recorded += (await sut.runDaily(date, group)).recorded;
  byJurisdiction = {
    groups: groups.length,
    togetherMs,
    ms: process.env.BENCH_EACH_JURISDICTION === '1' ? Math.round(performance.now() - started) : null,
    recorded,
  };
}

// The hot statements of the first run (most time first), each with the plan MariaDB chooses.
const hot = firstStatements.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_EXPLAIN ?? 8));
for (const s of hot) {
  if (!/^\s*(SELECT|UPDATE|DELETE)/i.test(s.sql)) continue;
  s.explain = (await ds.query(`EXPLAIN ${s.sql}`, s.parameters)).map((r) => ({
    table: r.table,
    type: r.type,
    key: r.key,
    rows: Number(r.rows),
    extra: r.Extra,
  }));
}
const trim = (list) =>
  list.map(({ shape, count, ms, maxMs, explain, parameters }) => ({
    shape: shape.length > 600 ? `${shape.slice(0, 600)}…` : shape,
    count,
    ms: Math.round(ms),
    maxMs: Math.round(maxMs),
    params: parameters?.length ?? 0,
    explain,
  }));
await app.close();
process.stdout.write(
  `${JSON.stringify({
    first,
    second,
    byJurisdiction,
    sqlMs: {
      first: Math.round(firstStatements.reduce((n, s) => n + s.ms, 0)),
      second: Math.round(secondStatements.reduce((n, s) => n + s.ms, 0)),
    },
    statements: {
      first: firstStatements.reduce((n, s) => n + s.count, 0),
      second: secondStatements.reduce((n, s) => n + s.count, 0),
    },
    hot: trim(hot),
    secondHot: trim(secondStatements.sort((a, b) => b.ms - a.ms).slice(0, 3)),
  })}\n`,
);
process.exit(0);
