#!/usr/bin/env node
// Benchmark: what one user's hostile request costs everyone (issue #10, resource bounds). Starts the
// built app on SQLite with the demo county, then for each attack prints the answers, the time of the
// attacking requests, the server's peak RSS during the attack (VmHWM, reset before each) and the
// latency of GET /api/v1/health polled every 50 ms while the attack runs.
// Run after `pnpm --filter @jinri/server build`:
//   node server/bench/abuse.bench.mjs            (BENCH_DIST=/path/to/dist runs an older build)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The hostile bodies are the db specs' own (test/factories), loaded with jest's swc settings.
const require = createRequire(import.meta.url);
require('./swc-register.cjs');
const { hugePng, multipart, xlsxBomb } = require('../test/factories/hostile-bodies.ts');

const here = dirname(fileURLToPath(import.meta.url));

// ---- the server -----------------------------------------------------------------------------------

function startApp() {
  const child = spawn(process.execPath, [join(here, 'abuse-server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '4' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && !out.includes('\u0000')) {
        out = '\u0000';
        resolve({ child, ...JSON.parse(line) });
      }
    });
    child.on('exit', (code) => reject(new Error(`abuse-server exited with ${code}`)));
  });
}

let app;
process.on('exit', () => app?.child.kill('SIGTERM'));
const kb = (field) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))[1]);
const resetPeak = () => {
  try {
    writeFileSync(`/proc/${app.pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
};

function send(method, path, { token, contentType, chunks }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(`${app.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
        'content-length': chunks.reduce((n, c) => n + c.length, 0),
      },
    });
    let body = '';
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        let parsed = {};
        try {
          parsed = JSON.parse(body);
        } catch {
          // not JSON (a reset connection, an HTML page): reported by status only
        }
        resolve({
          status: res.statusCode,
          code: parsed.code,
          message: parsed.message,
          ms: performance.now() - started,
        });
      });
    });
    req.on('error', (error) => resolve({ status: 0, code: error.code, ms: performance.now() - started }));
    (async () => {
      for (const chunk of chunks) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      req.end();
    })();
  });
}

const json = (path, body) =>
  fetch(`${app.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json());

/** A fresh server per attack, so that each peak RSS starts from the same baseline. */
async function attack(label, run, copies = 1) {
  app = await startApp();
  const api = `${app.url}/api/v1`;
  const personas = await fetch(`${api}/demo/personas`).then((r) => r.json());
  const officialId = personas.find((p) => p.role === 'official').officialId;
  const tokens = {
    official: (await json('/auth/demo', { role: 'official', officialId })).accessToken,
    clerk: (await json('/auth/demo', { role: 'clerk' })).accessToken,
    admin: (await json('/auth/demo', { role: 'admin' })).accessToken,
  };
  const units = await fetch(`${api}/units`, { headers: { authorization: `Bearer ${tokens.clerk}` } }).then(
    (r) => r.json(),
  );
  const context = { tokens, rootUnit: units.unit.id };
  await new Promise((r) => setTimeout(r, 500));
  const baseline = kb('VmRSS');
  const peakReset = resetPeak();
  let sampledPeak = baseline;
  const health = [];
  let failedProbes = 0;
  let running = true;
  const sampler = setInterval(() => {
    try {
      sampledPeak = Math.max(sampledPeak, kb('VmRSS'));
    } catch {
      // the server is gone
    }
  }, 20);
  const probe = (async () => {
    while (running) {
      const t = performance.now();
      const ok = await fetch(`${api}/health`).then(
        (r) => r.arrayBuffer().then(() => r.ok),
        () => false,
      );
      if (ok) health.push(performance.now() - t);
      else failedProbes += 1;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: copies }, () => run(context)));
  const wall = performance.now() - started;
  running = false;
  await probe;
  clearInterval(sampler);
  const exited = app.child.exitCode !== null || app.child.signalCode !== null;
  const peak = exited ? sampledPeak : Math.max(sampledPeak, peakReset ? kb('VmHWM') : 0);
  health.sort((a, b) => a - b);
  const answer = answers[0];
  console.log(
    `${label.padEnd(44)} x${copies}  → ${answer.status} ${answer.code ?? ''} ${answer.message ?? ''}\n` +
      `${''.padEnd(48)}time ${Math.round(wall)} ms (slowest request ${Math.round(Math.max(...answers.map((a) => a.ms)))} ms)` +
      `  peak RSS +${Math.round((peak - baseline) / 1024)} MB (${Math.round(peak / 1024)} MB)` +
      `  /health p50 ${Math.round(health[Math.floor(health.length / 2)] ?? 0)} ms max ${Math.round(health.at(-1) ?? 0)} ms (${health.length} probes${failedProbes ? `, ${failedProbes} failed` : ''})` +
      (exited ? `  SERVER DIED (${app.child.signalCode ?? app.child.exitCode})` : ''),
  );
  if (!exited) {
    await new Promise((resolve) => {
      app.child.once('exit', resolve);
      app.child.kill('SIGTERM');
    });
  }
  app = undefined;
}

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const bombMb = Number(process.env.BENCH_BOMB_MB ?? 400);
const png16k = hugePng(16000, 16000);
const png30k = hugePng(30000, 30000);
/** The largest image still accepted (39.7 MP): what one upload can cost now. */
const pngAtCap = hugePng(6300, 6300);
const bomb = await xlsxBomb(bombMb);
console.log(
  `bodies: 16000×16000 PNG ${Math.round(png16k.length / 1024)} KB, 30000×30000 PNG ${Math.round(png30k.length / 1024)} KB, ` +
    `xlsx bomb ${Math.round(bomb.length / 1024)} KB → ${bombMb} MB\n`,
);

/** BENCH_ONLY=xlsx,JSON runs the attacks whose label contains one of the words. */
const only = process.env.BENCH_ONLY?.split(',');
const attacks = [
  ['idle (health only)', () => new Promise((r) => setTimeout(() => r({ status: 0, ms: 1000 }), 1000))],
  [
    'upload 16000×16000 PNG',
    (c) => send('POST', '/api/v1/uploads', { token: c.tokens.official, ...image(png16k) }),
  ],
  [
    'upload 16000×16000 PNG',
    (c) => send('POST', '/api/v1/uploads', { token: c.tokens.official, ...image(png16k) }),
    4,
  ],
  [
    'upload 6300×6300 PNG (under the cap)',
    (c) => send('POST', '/api/v1/uploads', { token: c.tokens.official, ...image(pngAtCap) }),
  ],
  [
    'upload 6300×6300 PNG (under the cap)',
    (c) => send('POST', '/api/v1/uploads', { token: c.tokens.official, ...image(pngAtCap) }),
    4,
  ],
  [
    'upload 30000×30000 PNG',
    (c) => send('POST', '/api/v1/uploads', { token: c.tokens.official, ...image(png30k) }),
  ],
  [
    'upload: 300 text fields × 1 MB',
    (c) =>
      send('POST', '/api/v1/uploads', {
        token: c.tokens.official,
        ...multipart(
          Array.from({ length: 300 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(1024 * 1024, 0x61) })),
        ),
      }),
  ],
  [
    'plan sheet import: xlsx bomb',
    (c) =>
      send('POST', `/api/v1/units/${c.rootUnit}/plans/import?date=${today}`, {
        token: c.tokens.clerk,
        ...sheet(bomb),
      }),
  ],
  [
    'directory import: xlsx bomb',
    (c) => send('POST', '/api/v1/admin/directory/import', { token: c.tokens.admin, ...sheet(bomb) }),
  ],
  [
    'POST /auth/demo: JSON 3000 levels deep',
    () => send('POST', '/api/v1/auth/demo', { contentType: 'application/json', chunks: [deep] }),
  ],
  [
    'POST /open311/v2/requests.json: 3000 deep',
    () => send('POST', '/open311/v2/requests.json', { contentType: 'application/json', chunks: [deep] }),
  ],
];
function image(png) {
  return multipart([{ name: 'file', filename: 'a.png', type: 'image/png', data: png }]);
}
function sheet(data) {
  return multipart([{ name: 'file', filename: 'a.xlsx', type: 'application/octet-stream', data }]);
}
const deep = Buffer.from(`${'['.repeat(3000)}${']'.repeat(3000)}`);
for (const [label, run, copies] of attacks)
  if (!only || only.some((word) => label.includes(word))) await attack(label, run, copies);
