#!/usr/bin/env node
// Benchmark: GET /api/v1/today for a 200-official town, the real app against a bare node:http server
// returning the same bytes, side by side in one run (autocannon, 100 connections).
// Run after `pnpm --filter @jinri/server build`:  node server/bench/today.bench.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);

function start(script, args = []) {
  const child = spawn(process.execPath, [join(here, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, info: JSON.parse(line) });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function run(url, title) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: DURATION, title, headers: { 'accept-encoding': 'gzip' } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const app = await start('today-server.mjs');
const target = `${app.info.url}${app.info.path}`;
const first = await fetch(target);
const body = await first.text();
const etag = first.headers.get('etag');
// The bytes on the wire for a client that accepts gzip (every browser and WeChat do).
const gzipped = await new Promise((resolve, reject) =>
  request(target, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  }).end(),
);
const file = join(mkdtempSync(join(tmpdir(), 'jinri-bare-')), 'today.json');
writeFileSync(file, JSON.stringify({ body: gzipped.toString('base64'), etag }));
const bare = await start('bare-server.mjs', [file]);

// Warm up both, then measure one after the other (2 cores: server + load generator).
await run(target, 'warm-up').catch(() => undefined);
const appResult = await run(target, 'app');
const bareResult = await run(bare.info.url, 'bare');
const conditional = await new Promise((resolve, reject) =>
  autocannon(
    {
      url: target,
      connections: CONNECTIONS,
      duration: Math.max(5, DURATION / 3),
      headers: { 'if-none-match': etag },
    },
    (e, r) => (e ? reject(e) : resolve(r)),
  ),
);
app.child.kill('SIGTERM');
bare.child.kill('SIGTERM');

const row = (name, r) => ({
  server: name,
  'req/s (avg)': Math.round(r.requests.average),
  'p50 ms': r.latency.p50,
  'p99 ms': r.latency.p99,
  errors: r.errors + r.timeouts,
  'non-2xx': r.non2xx ?? 0,
  'bytes/resp': Math.round(r.throughput.average / Math.max(1, r.requests.average)),
});
console.log(
  `GET /today, ${JSON.parse(body).plans.length} officials, ${Buffer.byteLength(body)} bytes JSON, ${gzipped.length} bytes gzip; ${CONNECTIONS} connections, ${DURATION} s each; ${cpus().length} cores, node ${process.version}`,
);
console.table([
  row('app (NestJS, cached)', appResult),
  row('bare node:http', bareResult),
  row('app, If-None-Match → 304 (non-2xx)', conditional),
]);
const ratio = appResult.requests.average / bareResult.requests.average;
console.log(
  `throughput ratio app/bare: ${ratio.toFixed(2)} (target ≥ 0.5); app p99: ${appResult.latency.p99} ms (target < 50 ms)`,
);
process.exit(0);
