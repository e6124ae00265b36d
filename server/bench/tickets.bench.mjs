#!/usr/bin/env node
// Benchmark: POST /api/v1/tickets at a fixed 300 comments/s for 60 s on MySQL/MariaDB (evenly
// spaced, one every 1/300 s, open loop: latency counts from when each request was due) from 1000 demo residents, each on their own address behind a proxy, on demo officials
// who are signed in (so each comment also writes their outbox message and its in-app copy), then the
// app flat out (autocannon, 50 connections), then checks that every 201 is in the database; and, for scale, the same rows
// (ticket + its 2 events) inserted with raw mysql2 at the same rate and flat out. Before the load it
// counts the statements one comment sends (BENCH_DIST=<older build> runs an older build the same way).
// Run after `pnpm --filter @jinri/server build`, with a MariaDB/MySQL server:
//   BENCH_MYSQL_URL=mysql://root:root@127.0.0.1:3307/mysql node server/bench/tickets.bench.mjs
// (.ci/mariadb.sh start /tmp/jinri-mariadb 3307 starts a throwaway one.)
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';

const here = dirname(fileURLToPath(import.meta.url));
const RATE = Number(process.env.BENCH_RATE ?? 300);
const DURATION = Number(process.env.BENCH_SECONDS ?? 60);
const FLAT_SECONDS = Number(process.env.BENCH_FLAT_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 1000);
// BENCH_INSTANCES=2: two app processes on the same database (as behind a load balancer); comment n
// goes to instance n mod 2.
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const admin = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root:root@127.0.0.1:3307/mysql');
const database = `jinri_bench_${Date.now().toString(36)}`;

const root = await mysql.createConnection({ uri: admin.toString() });
await root.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
const dbUrl = new URL(admin);
dbUrl.pathname = `/${database}`;

function startApp() {
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(here, 'tickets-server.mjs')], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, DATABASE_URL: dbUrl.toString() },
  });
  let errText = '';
  child.stderr.on('data', (chunk) => {
    stderrBytes += chunk.length;
    if (errText.length < 2000) errText += chunk;
  });
  child.on('exit', () => errText && process.stderr.write(`server stderr (first 2000 chars):\n${errText}\n`));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      // Stop collecting: anything the server prints later is counted, not kept.
      child.stdout.off('data', onData);
      child.stdout.on('data', (more) => (stdoutBytes += more.length));
      resolve({ child, info: JSON.parse(line) });
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`tickets-server exited with ${code}`)));
  });
}

let stdoutBytes = 0;
let stderrBytes = 0;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const app = await startApp();
const api = `${app.info.url}/api/v1`;
// The others start once the first has migrated and seeded the database.
const apps = [app];
for (let i = 1; i < INSTANCES; i += 1) apps.push(await startApp());
const apis = apps.map((a) => `${a.info.url}/api/v1`);
const post = (path, body, token) =>
  fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json());
const personas = await fetch(`${api}/demo/personas`).then((r) => r.json());
const officials = personas.filter((p) => p.role === 'official').map((p) => p.officialId);
const tokens = [];
// One demo user per "device": each resident has their own history (the duplicate check reads it).
for (let i = 0; i < RESIDENTS; i += 1)
  tokens.push((await post('/auth/demo', { role: 'resident', deviceKey: `${database}-r${i}` })).accessToken);
if (new Set(tokens).size !== RESIDENTS || tokens.some((t) => !t)) throw new Error('demo logins failed');
// The officials sign in too: a comment then tells them (outbox message + in-app copy), as in real use.
for (const officialId of officials)
  if (!(await post('/auth/demo', { role: 'official', officialId })).accessToken)
    throw new Error('official login failed');

/** The statements the app sent since the last call (the server's StatementLog, over IPC). */
const statementsSent = () =>
  new Promise((resolve) => {
    app.child.once('message', (m) => resolve(m.statements));
    app.child.send('statements');
  });
const BEGIN = /^(START TRANSACTION|BEGIN)/i;
// Each logged request is one round trip; a multi-statement request (batched-transaction.ts joins its
// statements with ";\n") counts each of its statements. Older builds sent one statement per request.
const countOf = (statements) => ({
  statements: statements.reduce((sum, s) => sum + s.sql.split(/;\n/).length, 0),
  roundTrips: statements.length,
  transactions: statements.filter((s) => BEGIN.test(s.sql)).length,
});

let sequence = 0;
const created = new Set();
const statuses = new Map();
const body = (n) =>
  JSON.stringify({
    officialId: officials[n % officials.length],
    content: `压测留言第${n}条：村口路灯坏了，晚上出行不便，请尽快安排维修`,
    publicAllowed: n % 2 === 0,
  });

/** The headers of comment `n`: one of the residents, on their own address behind the proxy. */
const headersOf = (n) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${tokens[n % tokens.length]}`,
  'idempotency-key': randomUUID(),
  // Each resident on their own address, behind the proxy (TRUST_PROXY=1).
  'x-forwarded-for': `10.${(n % tokens.length) >> 8}.${(n % tokens.length) & 255}.1`,
});

/**
 * `rate` comments a second for `seconds`, evenly spaced (comment n is due at n / rate s), over at
 * most CONNECTIONS keep-alive connections, whatever the answers (an open loop, as residents are).
 * Latency runs from when a comment was due, so a request that waited for the generator or for a
 * free connection counts its wait. (autocannon's `overallRate` sends each connection's share of a
 * second at the start of that second: 300 requests at once, then nothing, which measured bursts.)
 */
async function evenLoad(rate, seconds) {
  // Idle sockets close after 4 s, before the server's 5 s keep-alive timeout: a request never goes
  // out on a socket the server is closing (an ECONNRESET of the client's making).
  const agents = apis.map(
    () =>
      new http.Agent({ keepAlive: true, maxSockets: Math.ceil(CONNECTIONS / apis.length), timeout: 4000 }),
  );
  const targets = apis.map((a) => new URL(`${a}/tickets`));
  const latencies = [];
  const pending = [];
  // BENCH_LATENCIES=<file>: each comment's due time (s) and latency (ms), to find when slow ones happen.
  const trace = process.env.BENCH_LATENCIES ? ['due_s,latency_ms'] : null;
  const started = performance.now();
  // The monotonic clock at the start (µs), to line the trace up with a BENCH_PROFILE profile.
  trace?.unshift(`# start_monotonic_us=${process.hrtime.bigint() / 1000n} start_epoch_ms=${Date.now()}`);
  const total = Math.floor(rate * seconds);
  const send = (n) =>
    new Promise((resolvePromise) => {
      const due = started + (n * 1000) / rate;
      const k = (sequence += 1);
      const payload = body(k);
      const req = http.request(
        targets[n % targets.length],
        {
          method: 'POST',
          agent: agents[n % agents.length],
          headers: { ...headersOf(k), 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - due);
            trace?.push(`${((due - started) / 1000).toFixed(3)},${(performance.now() - due).toFixed(1)}`);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode === 201) created.add(JSON.parse(Buffer.concat(chunks).toString()).id);
            resolvePromise();
          });
        },
      );
      // A network error is counted among the statuses by its code (ECONNRESET …), so as a non-201.
      req.on('error', (error) => {
        statuses.set(error.code ?? 'error', (statuses.get(error.code ?? 'error') ?? 0) + 1);
        resolvePromise();
      });
      req.end(payload);
    });
  for (let n = 0; n < total;) {
    const dueNow = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    while (n < dueNow) pending.push(send(n++));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  for (const agent of agents) agent.destroy();
  if (trace) writeFileSync(process.env.BENCH_LATENCIES, `${trace.join('\n')}\n`);
  latencies.sort((a, b) => a - b);
  return {
    requests: { average: latencies.length / elapsed, total: latencies.length },
    latency: {
      p50: Math.round(percentile(latencies, 50)),
      p99: Math.round(percentile(latencies, 99)),
      max: Math.round(latencies[latencies.length - 1] ?? NaN),
    },
    errors: 0,
    timeouts: 0,
  };
}

function load(title, rate, seconds) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: apis.length === 1 ? `${api}/tickets` : apis.map((a) => `${a}/tickets`),
        title,
        connections: CONNECTIONS,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const n = (sequence += 1);
              return { ...request, headers: headersOf(n), body: body(n) };
            },
            onResponse: (status, responseBody) => {
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status === 201) created.add(JSON.parse(responseBody).id);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    void instance;
  });
}

// One request by hand: the load below must be measuring the real thing.
const probe = await fetch(`${api}/tickets`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    authorization: `Bearer ${tokens[0]}`,
    'idempotency-key': randomUUID(),
  },
  body: body(0),
});
if (probe.status !== 201) throw new Error(`probe: ${probe.status} ${await probe.text()}`);
// What one comment costs the database, caches warm (the probe filled them): the cache version
// counters (re-read at most once a second, whatever the load) are counted apart.
await statementsSent();
const counted = await fetch(`${api}/tickets`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    authorization: `Bearer ${tokens[0]}`,
    'idempotency-key': randomUUID(),
  },
  body: body(1),
});
if (counted.status !== 201) throw new Error(`counted comment: ${counted.status} ${await counted.text()}`);
const oneComment = await statementsSent();
for (const { child } of apps) child.send('stop');
const counters = oneComment.filter((s) => /cache_versions/i.test(s.sql));
const perComment = countOf(oneComment.filter((s) => !counters.includes(s)));

/**
 * How fast this machine's CPU is right now: the median time (ms) of a fixed piece of work (hashing
 * and arithmetic), run while nothing else of the bench is. On a shared virtual machine the same work
 * took 62–104 ms within one quiet minute (2026-12-06), so a run's latencies are read beside it.
 */
function machineSpeed() {
  const block = Buffer.alloc(1 << 20, 7);
  const times = [];
  for (let run = 0; run < 7; run += 1) {
    const start = performance.now();
    for (let k = 0; k < 40; k += 1) createHash('sha256').update(block).digest();
    let x = 0;
    for (let k = 0; k < 2e7; k += 1) x += k % 7;
    if (x < 0) throw new Error('unreachable');
    times.push(performance.now() - start);
  }
  return Math.round(times.sort((a, b) => a - b)[3]);
}

// Warm-up (JIT, pools, every resident's first request, a fresh database's first pages), not
// counted: 10 s at the target rate, the way the measured run sends.
await evenLoad(RATE, Number(process.env.BENCH_WARMUP_SECONDS ?? 10));
const warmIds = new Set(created);
created.clear();
statuses.clear();
/** CPU seconds (user + system) the app's process has used so far, from /proc (Linux). */
const appCpu = () =>
  apps.reduce((sum, { child }) => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return NaN;
    }
  }, 0);
/** Busy and total CPU ticks of the whole machine so far (/proc/stat): every process, the database's too. */
const machineTicks = () => {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const all = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: all - idle, all };
};
const speedBefore = machineSpeed();
const cpuBefore = appCpu();
const machineBefore = machineTicks();
const result = await evenLoad(RATE, DURATION);
const pacedCpu = appCpu() - cpuBefore;
const machineAfter = machineTicks();
const machineBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.all - machineBefore.all);
const speedAfter = machineSpeed();
const pacedStatuses = new Map(statuses);
// Then flat out (as fast as 50 connections get answers), counted apart.
statuses.clear();
const flatCpuBefore = appCpu();
const flat = FLAT_SECONDS > 0 ? await load('flat-out', 0, FLAT_SECONDS) : null;
const flatCpu = appCpu() - flatCpuBefore;
const flatNon201 = [...statuses].filter(([s]) => s !== 201).reduce((a, [, n]) => a + n, 0);

// Every 201 must be in the database, once.
const check = await mysql.createConnection({ uri: dbUrl.toString() });
const ids = [...created];
let found = 0;
for (let i = 0; i < ids.length; i += 1000) {
  const [rows] = await check.query('SELECT COUNT(*) AS n FROM tickets WHERE id IN (?)', [
    ids.slice(i, i + 1000),
  ]);
  found += Number(rows[0].n);
}
const [[{ n: total }]] = await check.query('SELECT COUNT(*) AS n FROM tickets');
const [[{ n: events }]] = await check.query('SELECT COUNT(*) AS n FROM ticket_events');
for (const { child } of apps) child.kill('SIGTERM');

// Raw mysql2: the same rows (a ticket and its two events in one transaction), paced at RATE, then flat out.
const [[template]] = await check.query('SELECT * FROM tickets ORDER BY id DESC LIMIT 1');
if (!template) throw new Error('no ticket was created: see the status codes above');
const pool = mysql.createPool({ uri: dbUrl.toString(), connectionLimit: 10 });
let rawSeq = 0;
async function rawInsert() {
  const n = (rawSeq += 1);
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const [res] = await connection.query('INSERT INTO tickets SET ?', [
      {
        ...template,
        id: undefined,
        query_code: `R${n.toString(36).toUpperCase().padStart(7, '0')}`.slice(0, 12),
        idempotency_key: randomUUID(),
        content: `raw ${n}`,
        content_hash: randomUUID(),
      },
    ]);
    const event = { ticket_id: res.insertId, type: 'submitted', actor_label: '村民', created_at: new Date() };
    await connection.query('INSERT INTO ticket_events SET ?', [event]);
    await connection.query('INSERT INTO ticket_events SET ?', [{ ...event, type: 'assigned' }]);
    await connection.commit();
  } finally {
    connection.release();
  }
}
async function rawRun(rate, seconds) {
  const latencies = [];
  const started = Date.now();
  const inflight = new Set();
  let sent = 0;
  while (Date.now() - started < seconds * 1000) {
    if (rate) {
      const due = Math.floor(((Date.now() - started) / 1000) * rate);
      while (sent < due) {
        sent += 1;
        const t0 = performance.now();
        const p = rawInsert().then(() => latencies.push(performance.now() - t0));
        inflight.add(p);
        p.finally(() => inflight.delete(p));
      }
      await new Promise((r) => setTimeout(r, 2));
    } else {
      while (inflight.size < CONNECTIONS) {
        sent += 1;
        const t0 = performance.now();
        const p = rawInsert().then(() => latencies.push(performance.now() - t0));
        inflight.add(p);
        p.finally(() => inflight.delete(p));
      }
      await Promise.race(inflight);
    }
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return {
    rate: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
const rawPaced = await rawRun(RATE, Math.min(DURATION, 20));
const rawMax = await rawRun(0, 10);
await pool.end();
await check.end();
// BENCH_KEEP_DB=1 leaves the database for a look afterwards (EXPLAIN, counts); it is named below.
if (process.env.BENCH_KEEP_DB === '1') console.log(`database kept: ${database}`);
else await root.query(`DROP DATABASE ${database}`);
await root.end();

const non201 = [...pacedStatuses].filter(([s]) => s !== 201).reduce((a, [, n]) => a + n, 0);
const appP99 = result.latency.p99;
console.log(
  `\nPOST /tickets on ${admin.protocol.replace(':', '')} ${admin.host}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), node ${process.version}`,
);
console.log(
  `target ${RATE}/s for ${DURATION} s, ${INSTANCES} app instance(s), ${CONNECTIONS} connections, ${RESIDENTS} residents, ${warmIds.size} warm-up tickets not counted\n`,
);
console.table([
  {
    case: `app: POST /tickets, ${RATE}/s evenly`,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': appP99,
    'max ms': result.latency.max,
    requests: result.requests.total,
    'errors/non-201': result.errors + result.timeouts + non201,
    'app CPU ms/comment': Math.round((pacedCpu * 10000) / result.requests.total) / 10,
  },
  ...(flat
    ? [
        {
          case: 'app: POST /tickets, flat out',
          'req/s': Math.round(flat.requests.average),
          'p50 ms': flat.latency.p50,
          'p99 ms': flat.latency.p99,
          'max ms': flat.latency.max,
          requests: flat.requests.total,
          'errors/non-201': flat.errors + flat.timeouts + flatNon201,
          'app CPU ms/comment': Math.round((flatCpu * 10000) / flat.requests.total) / 10,
        },
      ]
    : []),
  {
    case: `raw mysql2, paced at ${RATE}/s`,
    'req/s': Math.round(rawPaced.rate),
    'p50 ms': Math.round(rawPaced.p50 * 10) / 10,
    'p99 ms': Math.round(rawPaced.p99 * 10) / 10,
  },
  {
    case: 'raw mysql2, flat out',
    'req/s': Math.round(rawMax.rate),
    'p50 ms': Math.round(rawMax.p50 * 10) / 10,
    'p99 ms': Math.round(rawMax.p99 * 10) / 10,
  },
]);
console.log(
  `machine CPU busy during the paced run: ${Math.round(machineBusy * 100)} % of ${cpus().length} cores (app, database and this load generator)`,
);
console.log(
  `machine speed (median of a fixed piece of work, lower is faster): ${speedBefore} ms before the paced run, ${speedAfter} ms after`,
);
console.log(`server output during the run: stdout ${stdoutBytes} bytes, stderr ${stderrBytes} bytes`);
console.log(
  `one comment: ${perComment.statements} statements, ${perComment.roundTrips} round trips (requests sent), ` +
    `plus ${counters.length} cache version read(s) (at most one per counter per second)`,
);
oneComment.forEach((s, i) =>
  s.sql
    .split(/;\n/)
    .forEach((one, j) =>
      console.log(`  ${j === 0 ? `${i + 1}.` : '  '} ${one.replace(/\s+/g, ' ').slice(0, 110)}`),
    ),
);
console.log(`status codes at ${RATE}/s: ${JSON.stringify(Object.fromEntries(pacedStatuses))}`);
if (flat) console.log(`status codes flat out: ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(
  `201 answers: ${created.size}; of them in the database: ${found}; tickets in the database: ${total}; events: ${events}`,
);
console.log(`p99 ratio raw/app at ${RATE}/s: ${(rawPaced.p99 / appP99).toFixed(2)}`);
if (found !== created.size || non201 > 0 || result.errors > 0 || flatNon201 > 0 || (flat?.errors ?? 0) > 0) {
  console.error('FAILED: lost tickets or errors');
  process.exit(1);
}
