import { Agent, request } from 'node:http';
import { makeCase, type CaseKind, type FuzzCase, type FuzzWorld } from './cases';
import type { FuzzRoute } from './routes';

export interface FuzzFailure {
  /** Replays alone with the same seed: FUZZ_SEED=<seed> FUZZ_CASE=<index>. */
  seed: number;
  index: number;
  status: number;
  method: string;
  path: string;
  route: string;
  persona: string;
  kind: string;
  note: string;
  /** The first 200 characters of the request body and of the response. */
  requestSample: string;
  responseSample: string;
}

export interface FuzzReport {
  seed: number;
  sent: number;
  byStatusClass: Record<string, number>;
  byStatus: Record<number, number>;
  /** Status classes per route ("GET /api/v1/me" → { "2xx": 12, "4xx": 200 }). */
  byRoute: Record<string, Record<string, number>>;
  failures: FuzzFailure[];
  /** Requests that got no HTTP answer (connection reset, timeout). */
  transportErrors: Array<{ index: number; route: string; kind: string; note: string; error: string }>;
  /** Requests sent again because the keep-alive socket they went out on had just been closed as idle. */
  staleSocketRetries: number;
  health: { checks: number; notOk: number; maxMs: number; finalStatus: number };
  routesCovered: number;
  /** Personas whose token still worked at the end (GET /me); one that lost it was fuzzed as anonymous. */
  personasSignedIn: string[];
  ms: number;
}

export interface FuzzOptions {
  seed: number;
  requests: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** GET /health every this many requests (and once at the end). */
  healthEvery?: number;
  /** Only these case indexes (replay). */
  only?: number[];
  /** Only these kinds of case (e.g. FUZZ_KINDS=valid to see how far plausible requests get). */
  kinds?: CaseKind[];
  timeoutMs?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/**
 * Sends one case. A keep-alive socket the server closed as idle just as the request went out on it
 * fails with ECONNRESET before any answer (the race Node's docs describe under
 * `request.reusedSocket`): that request is sent again (at most 3 times), and `onStale` counts it.
 * A reset on a fresh socket, or after the answer began, stays an error.
 */
export async function send(
  base: URL,
  agent: Agent,
  c: Pick<FuzzCase, 'method' | 'path' | 'headers' | 'body'>,
  timeoutMs: number,
  onStale: () => void = () => undefined,
): Promise<Answer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendOnce(base, agent, c, timeoutMs);
    } catch (error) {
      if (!(error instanceof StaleSocket) || attempt >= 3)
        throw error instanceof StaleSocket ? error.cause : error;
      onStale();
    }
  }
}

class StaleSocket extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

function sendOnce(
  base: URL,
  agent: Agent,
  c: Pick<FuzzCase, 'method' | 'path' | 'headers' | 'body'>,
  timeoutMs: number,
) {
  return new Promise<Answer>((resolve, reject) => {
    let answered = false;
    const started = performance.now();
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: c.method,
        path: c.path,
        agent,
        headers: { ...c.headers, ...(c.body ? { 'content-length': String(c.body.length) } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < 4096) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(!answered && req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocket(error) : error),
    );
    req.end(c.body);
  });
}

const sample = (text: string | Buffer | undefined) =>
  text === undefined ? '' : JSON.stringify(String(text).slice(0, 200)).slice(1, -1);

/**
 * Sends `requests` fuzz cases (seeded) to the app at `url` and returns what came back. Every answer
 * ≥ 500 is a failure; /health is checked along the way and at the end.
 */
export async function runFuzz(
  url: string,
  routes: readonly FuzzRoute[],
  world: FuzzWorld,
  options: FuzzOptions,
): Promise<FuzzReport> {
  const base = new URL(url);
  const concurrency = options.concurrency ?? 8;
  const healthEvery = options.healthEvery ?? 250;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency + 1 });
  const report: FuzzReport = {
    seed: options.seed,
    sent: 0,
    byStatusClass: {},
    byStatus: {},
    byRoute: {},
    failures: [],
    transportErrors: [],
    staleSocketRetries: 0,
    health: { checks: 0, notOk: 0, maxMs: 0, finalStatus: 0 },
    routesCovered: 0,
    personasSignedIn: [],
    ms: 0,
  };
  const covered = new Set<string>();
  const started = performance.now();
  const indexes = options.only ?? Array.from({ length: options.requests }, (_, i) => i);
  let next = 0;
  let sinceHealth = 0;

  const health = async () => {
    report.health.checks++;
    try {
      const answer = await send(
        base,
        agent,
        { method: 'GET', path: '/api/v1/health', headers: {} },
        timeoutMs,
      );
      report.health.maxMs = Math.max(report.health.maxMs, Math.round(answer.ms));
      report.health.finalStatus = answer.status;
      if (answer.status !== 200) report.health.notOk++;
    } catch {
      report.health.notOk++;
      report.health.finalStatus = 0;
    }
  };

  const worker = async () => {
    while (next < indexes.length) {
      const index = indexes[next++]!;
      const c = makeCase(options.seed, index, routes, world, options.kinds);
      covered.add(c.route);
      try {
        const answer = await send(base, agent, c, timeoutMs, () => report.staleSocketRetries++);
        report.sent++;
        const klass = `${Math.floor(answer.status / 100)}xx`;
        report.byStatusClass[klass] = (report.byStatusClass[klass] ?? 0) + 1;
        report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
        const perRoute = (report.byRoute[c.route] ??= {});
        perRoute[klass] = (perRoute[klass] ?? 0) + 1;
        if (answer.status >= 500)
          report.failures.push({
            seed: options.seed,
            index,
            status: answer.status,
            method: c.method,
            path: c.path.length > 200 ? `${c.path.slice(0, 200)}…` : c.path,
            route: c.route,
            persona: c.persona,
            kind: c.kind,
            note: c.note,
            requestSample: sample(c.body),
            responseSample: sample(answer.body),
          });
      } catch (error) {
        report.sent++;
        report.byStatusClass.none = (report.byStatusClass.none ?? 0) + 1;
        report.transportErrors.push({
          index,
          route: c.route,
          kind: c.kind,
          note: c.note,
          error: (error as Error).message,
        });
      }
      if (++sinceHealth >= healthEvery) {
        sinceHealth = 0;
        await health();
      }
      options.onProgress?.(report.sent, report);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await health();
  for (const [persona, token] of Object.entries(world.tokens)) {
    if (!token) continue;
    const me = await send(
      base,
      agent,
      { method: 'GET', path: '/api/v1/me', headers: { authorization: `Bearer ${token}` } },
      timeoutMs,
    ).catch(() => undefined);
    if (me?.status === 200) report.personasSignedIn.push(persona);
  }
  agent.destroy();
  report.routesCovered = covered.size;
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** The failures grouped by route, kind and status: one line each, with one case to replay. */
export function summarizeFailures(failures: readonly FuzzFailure[]): string[] {
  const groups = new Map<string, FuzzFailure[]>();
  for (const f of failures) {
    const key = `${f.status} ${f.route} [${f.kind}]`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, list]) => {
      const f = list[0]!;
      return `${key} ×${list.length}: e.g. case ${f.index} as ${f.persona}, ${f.note}; ${f.method} ${f.path.slice(0, 120)} body «${f.requestSample.slice(0, 120)}» → «${f.responseSample.slice(0, 160)}» (replay: FUZZ_SEED=${f.seed} FUZZ_CASE=${f.index})`;
    });
}

/** The report in a few lines: what was sent, what came back, how long it took. */
export function formatReport(report: FuzzReport): string {
  const classes = Object.entries(report.byStatusClass)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const statuses = Object.entries(report.byStatus)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
  return [
    `fuzz seed ${report.seed}: ${report.sent} requests over ${report.routesCovered} routes in ${(report.ms / 1000).toFixed(1)} s (${Math.round((report.sent * 1000) / Math.max(report.ms, 1))}/s)`,
    `responses: ${classes}`,
    `statuses: ${statuses}`,
    `personas still signed in at the end: ${report.personasSignedIn.join(', ') || 'none'}`,
    `/health: ${report.health.checks} checks, ${report.health.notOk} not 200, slowest ${report.health.maxMs} ms, last ${report.health.finalStatus}`,
    `routes never answered 2xx: ${
      Object.entries(report.byRoute)
        .filter(([, classes]) => !classes['2xx'])
        .map(([route]) => route)
        .join(', ') || 'none'
    }`,
    `responses ≥ 500: ${report.failures.length}; no answer: ${report.transportErrors.length}; sent again after a stale keep-alive socket: ${report.staleSocketRetries}`,
    ...summarizeFailures(report.failures).map((line) => `  ${line}`),
    ...report.transportErrors
      .slice(0, 10)
      .map((e) => `  no answer: case ${e.index} ${e.route} [${e.kind}] ${e.note}: ${e.error}`),
  ].join('\n');
}
