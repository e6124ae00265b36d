#!/usr/bin/env node
// Benchmark: GET /api/v1/search over HTTP on a generated province (100k officials, 20k matters),
// the whole stack: validation, the county's index, handlers for the resident's town and where each
// of them is now (status from today's plans). autocannon, 50 connections, a mix of real queries.
// Run after `pnpm --filter @jinri/server build`:  node server/bench/search-http.bench.mjs
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const QUERIES = [
  '低保',
  'dibao',
  'db',
  '盖房子',
  '看病报销',
  '养老金',
  '宅基地审批',
  'zjd',
  '底保',
  'dibai',
  '我想办低保怎么弄',
  '残疾证',
  'hukou',
  '王伟',
  'wangwei',
  '民政助理',
  'li',
  '临时救助',
];

const child = spawn(process.execPath, [join(here, 'search-server.mjs')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const info = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (line) resolve(JSON.parse(line));
  });
  child.on('exit', (code) => reject(new Error(`search-server exited with ${code}`)));
});
const requests = QUERIES.flatMap((q) =>
  info.towns.map((town) => ({
    method: 'GET',
    path: `/api/v1/search?q=${encodeURIComponent(q)}&unitId=${town}`,
  })),
);
const result = await new Promise((resolve, reject) =>
  autocannon({ url: info.url, connections: CONNECTIONS, duration: DURATION, requests }, (e, r) =>
    e ? reject(e) : resolve(r),
  ),
);
child.kill('SIGTERM');
console.log(
  `GET /search over HTTP: 100 counties, ${info.towns.length} towns queried, ${QUERIES.length} queries; ${CONNECTIONS} connections, ${DURATION} s`,
);
console.log(
  `data generated in ${(info.insertMs / 1000).toFixed(1)} s, first index build ${(info.indexMs / 1000).toFixed(1)} s, server heap ${info.heapMb} MB`,
);
console.log(
  `req/s ${Math.round(result.requests.average)}, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.timeouts}, non-2xx ${result.non2xx}`,
);
process.exit(0);
