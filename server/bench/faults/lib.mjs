// What the fault drills share: the processes they start (and stop, by PID), HTTP with keep-alive,
// a paced load loop that keeps every request's outcome, demo residents, and database checks.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Throwaway secrets (the data is throwaway too). */
export const SECRETS = {
  JWT_SECRET: 'f'.repeat(40),
  ENCRYPTION_KEYS: `f1:${Buffer.alloc(32, 9).toString('base64')}`,
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

/** Written synchronously: the figures must reach a pipe even when the process exits right after. */
export function out(text) {
  writeSync(1, text);
}

export function log(message) {
  out(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

/** Runs a repository script (.ci/…) to the end; throws with its output when it fails. */
export function script(file, args) {
  const result = spawnSync(join(REPO, file), args, { encoding: 'utf8', cwd: REPO });
  if (result.status !== 0)
    throw new Error(
      `${file} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout.trim();
}

/** The same, without blocking the event loop (the load keeps running meanwhile). */
export function scriptAsync(file, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(REPO, file), args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise(out.trim())
        : reject(new Error(`${file} ${args.join(' ')}: ${code}\n${out}`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// App instances: node <dist>/main.js, each with its own port and data directory.

const apps = new Set();
const dataDirs = [];

/**
 * Starts an app instance and waits until it answers /health. `env` is added to the drill's defaults
 * (demo login, trusted proxy, silent logs, raised per-resident limits).
 */
export async function startApp(dist, { name, port, env }) {
  const dataDir = mkdtempSync(join(tmpdir(), `jinri-faults-${name}-`));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, [join(dist, 'main.js')], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DEMO_LOGIN: '1',
      TRUST_PROXY: '1',
      TICKET_RATE_PER_USER: '100000',
      TICKET_RATE_PER_IP: '100000',
      ...SECRETS,
      ...env,
    },
  });
  let stderr = '';
  child.stderr.on('data', (c) => {
    if (stderr.length < 4000) stderr += c;
  });
  const app = {
    name,
    port,
    child,
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    exited: null,
    stderr: () => stderr,
  };
  apps.add(app);
  child.on('exit', (code, signal) => {
    app.exited = { code, signal };
    apps.delete(app);
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (app.exited) throw new Error(`${name} exited (${JSON.stringify(app.exited)}):\n${stderr}`);
    const r = await request(`${app.url}/api/v1/health`, { timeoutMs: 1000 });
    if (r.status === 200) return app;
    await sleep(250);
  }
  throw new Error(`${name} did not become healthy in 180 s:\n${stderr}`);
}

/** SIGTERM (then SIGKILL after 10 s) and wait for the exit. */
export async function stopApp(app) {
  if (!app || app.exited) return;
  const done = new Promise((r) => app.child.once('exit', r));
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

export async function killApp(app) {
  const done = new Promise((r) => app.child.once('exit', r));
  process.kill(app.pid, 'SIGKILL');
  await done;
}

export async function stopAllApps() {
  await Promise.all([...apps].map(stopApp));
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs `fn` over `items`, `limit` at a time; the results in order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next;
        next += 1;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// HTTP

// Idle sockets close after 4 s, before the server's 5 s keep-alive timeout: a request never reuses a
// socket the server is closing (that would read as ECONNRESET, a fault of the client, not the drill).
const agent = new http.Agent({ keepAlive: true, maxSockets: 128, timeout: 4000 });

/** One request; never throws: `{ status, body, ms, error }` (status 0 on a network error or timeout). */
export function request(url, { method = 'GET', headers = {}, body, timeoutMs = 10_000 } = {}) {
  const started = now();
  return new Promise((resolvePromise) => {
    let settled = false;
    const finish = (r) => {
      if (settled) return;
      settled = true;
      resolvePromise({ ms: now() - started, ...r });
    };
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => finish({ status: 0, error: e.code ?? e.message }));
    });
    // A hard deadline from the start (queueing for a socket included), not an idle timeout.
    const timer = setTimeout(() => {
      finish({ status: 0, error: 'timeout' });
      req.destroy();
    }, timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e) => finish({ status: 0, error: e.code ?? e.message }));
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export async function getJson(url, headers) {
  const r = await request(url, { headers });
  if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${r.error ?? r.body?.slice(0, 300)}`);
  return JSON.parse(r.body);
}

export async function postJson(url, data, headers = {}) {
  const r = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(data),
  });
  return { ...r, json: r.body ? safeJson(r.body) : null };
}

export function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Load

/**
 * Calls `send(n)` `rate` times a second for `seconds` (evenly, in 5 ms ticks) with at most
 * `maxInFlight` unanswered; resolves with every result once all have settled. Hooks `{ at, run }`
 * run at `at` seconds (given the elapsed time).
 */
export async function paced({ rate, seconds, send, hooks = [], maxInFlight = 64 }) {
  const started = now();
  const pending = [];
  const results = [];
  let sent = 0;
  let inFlight = 0;
  const due = hooks.map((h) => ({ ...h, done: false }));
  const hookRuns = [];
  while (now() - started < seconds * 1000) {
    const elapsed = (now() - started) / 1000;
    for (const h of due)
      if (!h.done && elapsed >= h.at) {
        h.done = true;
        hookRuns.push(Promise.resolve().then(() => h.run(elapsed)));
      }
    const target = Math.floor(elapsed * rate);
    // Like autocannon's connections: at most maxInFlight requests wait for an answer; beyond that
    // the generator falls behind (the achieved rate shows it) instead of piling up timeouts.
    while (sent < target && inFlight < maxInFlight) {
      const n = sent;
      sent += 1;
      inFlight += 1;
      const t0 = (now() - started) / 1000;
      pending.push(
        send(n).then((r) => {
          inFlight -= 1;
          results.push({ n, t0, t1: (now() - started) / 1000, ...r });
        }),
      );
    }
    await sleep(5);
  }
  await Promise.all(pending);
  await Promise.all(hookRuns);
  return { results: results.sort((a, b) => a.n - b.n), started };
}

export const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Successful completions per whole second of the run (by answer time). */
export function perSecond(results, ok, seconds) {
  const buckets = new Array(Math.ceil(seconds) + 15).fill(0);
  for (const r of results) if (ok(r)) buckets[Math.floor(r.t1)] += 1;
  return buckets;
}

/** Mean successful completions per second over seconds [from, to). */
export function meanRate(buckets, from, to) {
  const slice = buckets.slice(Math.max(0, Math.floor(from)), Math.floor(to));
  return slice.length ? slice.reduce((a, b) => a + b, 0) / slice.length : 0;
}

/**
 * Seconds from `from` until throughput is back to `level`: the first second s ≥ from where the mean
 * of s, s+1 and s+2 is at least 80% of `level` (null if never before `until`).
 */
export function backToRate(buckets, from, level, until) {
  for (let s = Math.floor(from); s + 3 <= until; s += 1) {
    if (meanRate(buckets, s, s + 3) >= 0.8 * level) return Math.max(0, s - from);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Demo residents and comments

/** `count` demo residents (one device each): their tokens. */
export async function residents(api, count, prefix) {
  const tokens = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, k) =>
        postJson(`${api}/auth/demo`, { role: 'resident', deviceKey: `${prefix}-r${i + k}` }),
      ),
    );
    for (const r of batch) {
      if (!r.json?.accessToken) throw new Error(`demo login: ${r.status} ${r.body?.slice(0, 200)}`);
      tokens.push(r.json.accessToken);
    }
  }
  return tokens;
}

/** The demo's officials (ids), from the personas. */
export async function demoOfficials(api) {
  const personas = await getJson(`${api}/demo/personas`);
  return personas.filter((p) => p.role === 'official').map((p) => p.officialId);
}

/** A comment: its key, body and author, kept so that it can be retried exactly as sent. */
export function comment(n, { tokens, officials, tag }) {
  const resident = n % tokens.length;
  return {
    key: randomUUID(),
    token: tokens[resident],
    xff: `10.${(resident >> 8) & 255}.${resident & 255}.${(n >> 16) & 255}`,
    body: JSON.stringify({
      officialId: officials[n % officials.length],
      content: `${tag}第${n}条：村口路灯坏了，晚上出行不便，请尽快安排维修`,
      publicAllowed: n % 2 === 0,
    }),
  };
}

/** POST /tickets with the comment's key; the answer's ticket id when 200/201. */
export async function postComment(base, c, timeoutMs = 10_000) {
  const r = await request(`${base}/api/v1/tickets`, {
    method: 'POST',
    timeoutMs,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${c.token}`,
      'idempotency-key': c.key,
      'x-forwarded-for': c.xff,
    },
    body: c.body,
  });
  const json = r.body ? safeJson(r.body) : null;
  return {
    status: r.status,
    ms: r.ms,
    error: r.error,
    id: r.status === 201 || r.status === 200 ? json?.id : undefined,
    code: json?.code ?? json?.error?.code,
  };
}

/** Status counts ("0:ECONNRESET" for network errors). */
export function statusCounts(results) {
  const counts = {};
  for (const r of results) {
    const k = r.status === 0 ? `0:${r.error}` : r.code ? `${r.status}:${r.code}` : String(r.status);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Database

export function mysqlUrl(port, database = 'mysql') {
  return `mysql://root:root@127.0.0.1:${port}/${database}`;
}

export async function withDb(url, fn) {
  const c = await mysql.createConnection({ uri: url, multipleStatements: false });
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Every acknowledged ticket id is stored with its events (submitted, and assigned when it went to
 * an official) and its outbox rows: the ids missing, and the ids whose events or outbox rows are not
 * complete.
 */
export async function checkTickets(c, ids) {
  const missing = [];
  const incomplete = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = ids.slice(i, i + 1000);
    const [rows] = await c.query(
      `SELECT t.id, t.status, t.assignee_official_id AS official,
              (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'submitted') AS submitted,
              (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'assigned') AS assigned,
              (SELECT COUNT(*) FROM outbox_messages o WHERE o.ticket_id = t.id) AS outbox
         FROM tickets t WHERE t.id IN (?)`,
      [slice],
    );
    const found = new Map(rows.map((r) => [Number(r.id), r]));
    for (const id of slice) {
      const r = found.get(Number(id));
      if (!r) missing.push(id);
      else if (Number(r.submitted) !== 1 || (r.official && Number(r.assigned) !== 1)) incomplete.push(id);
    }
  }
  return { missing, incomplete };
}

/** Tickets with no submitted event, or assigned without their assigned event (half-written). */
export async function halfWritten(c) {
  const [[row]] = await c.query(
    `SELECT COUNT(*) AS n FROM tickets t
      WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'submitted')
         OR (t.assignee_official_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'assigned'))`,
  );
  return Number(row.n);
}

/** Idempotency keys stored more than once for one author (a retry that made a second ticket). */
export async function duplicateKeys(c) {
  const [[row]] = await c.query(
    `SELECT COUNT(*) AS n FROM (SELECT author_user_id, idempotency_key FROM tickets
      GROUP BY author_user_id, idempotency_key HAVING COUNT(*) > 1) d`,
  );
  return Number(row.n);
}

export function fmt(n, digits = 0) {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : Number(n).toFixed(digits);
}
