// Drill 1: comments at RATE/s through two app instances (each through its own HAProxy listener,
// preferring node 1 and node 2) while Galera node 1 is SIGKILLed and later restarted.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  backToRate,
  checkTickets,
  comment,
  duplicateKeys,
  fmt,
  log,
  mapLimit,
  meanRate,
  mysqlUrl,
  now,
  paced,
  perSecond,
  postComment,
  script,
  scriptAsync,
  statusCounts,
  withDb,
} from './lib.mjs';

export async function galeraDrill(ctx, { apps, tokens, officials, database }) {
  const { rate, seconds, killAt, restartAt } = ctx.galeraLoad;
  const [a, b] = apps;
  const pids = apps.map((x) => x.pid);
  const nodeLog = join(ctx.galeraDir, 'node1', 'mysqld.log');
  const times = {};
  let restartDone = null;
  let logOffset = 0;
  const t0 = now();
  const at = () => (now() - t0) / 1000;

  log(
    `drill 1: ${rate} comments/s for ${seconds} s through ${a.name} (node 1) and ${b.name} (node 2); kill node 1 at ${killAt} s, restart at ${restartAt} s`,
  );
  const comments = [];
  const run = await paced({
    rate,
    seconds,
    send: (n) => {
      const c = comment(n, { tokens, officials, tag: '集群演练' });
      const app = n % 2 === 0 ? a : b;
      comments[n] = { ...c, app };
      return postComment(app.url, c).then((r) => ({ ...r, app: app.name }));
    },
    hooks: [
      {
        at: killAt,
        run: () => {
          times.killStart = at();
          script('.ci/galera.sh', ['kill', ctx.galeraDir, '1']);
          times.killDone = at();
          log(`  node 1 killed at ${fmt(times.killStart, 1)} s (gone at ${fmt(times.killDone, 1)} s)`);
        },
      },
      {
        at: restartAt,
        run: () => {
          logOffset = statSync(nodeLog).size;
          times.restartStart = at();
          restartDone = scriptAsync('.ci/galera.sh', ['restart', ctx.galeraDir, '1']).then(() => {
            times.synced = at();
            log(`  node 1 synced again at ${fmt(times.synced, 1)} s`);
          });
        },
      },
    ],
  });
  // paced() measures from its own start; our clock started a moment earlier: shift.
  if (restartDone) await restartDone;
  else throw new Error('node 1 was never restarted');
  const shift = (run.started - t0) / 1000;
  for (const k of Object.keys(times)) times[k] -= shift;

  const results = run.results;
  const ok = results.filter((r) => r.status === 201);
  const failed = results.filter((r) => r.status !== 201);
  // "In flight on the dead node's connections": sent to the instance whose preferred node died,
  // answered after the kill began, and started before HAProxy could mark the node down (2 failed
  // checks 500 ms apart, plus one interval): such a request held, or was handed, a pooled
  // connection to the dead node.
  const detection = 1.5;
  const onDead = (r) => r.app === a.name && r.t1 >= times.killStart && r.t0 <= times.killDone + detection;
  const inFlight = failed.filter((r) => onDead(r) && r.t0 <= times.killDone);
  const beforeDetection = failed.filter((r) => onDead(r) && r.t0 > times.killDone);
  const others = failed.filter((r) => !onDead(r));
  const buckets = perSecond(results, (r) => r.status === 201, seconds);
  // The rate before the kill is what this machine sustains (the target when it keeps up).
  const before = meanRate(buckets, 1, Math.floor(times.killStart));
  const back = backToRate(buckets, times.killStart, before, seconds);
  const after = meanRate(buckets, Math.ceil(times.killStart) + (back ?? 0), seconds);
  const latencies = ok.map((r) => r.ms).sort((x, y) => x - y);

  // Retries with the same key: every failed request, and some that succeeded.
  log(`  answers: ${JSON.stringify(statusCounts(results))}`);
  log(`  retrying ${failed.length} failed requests and 200 acknowledged ones with their keys`);
  const retried = await mapLimit(failed, 20, async (r) => ({
    r,
    again: await postComment(comments[r.n].app.url, comments[r.n], 30_000),
  }));
  const sample = ok.filter((_, i) => i % Math.max(1, Math.floor(ok.length / 200)) === 0).slice(0, 200);
  const replays = await mapLimit(sample, 10, (r) =>
    postComment(comments[r.n].app.url, comments[r.n], 30_000),
  );
  const mismatched = replays.filter((x, i) => x.status !== 200 || x.id !== sample[i].id);
  const replayMismatch = mismatched.length;
  const retryFailed = retried.filter(({ again }) => again.status !== 201 && again.status !== 200).length;

  // What the database holds.
  const acknowledged = [
    ...ok.map((r) => r.id),
    ...retried.flatMap(({ again }) => (again.id ? [again.id] : [])),
  ];
  const db = await withDb(mysqlUrl(ctx.ports.galera + 1, database), async (c) => {
    await c.query('SET SESSION wsrep_sync_wait = 1');
    const check = await checkTickets(c, acknowledged);
    const dups = await duplicateKeys(c);
    const keys = failed.map((r) => comments[r.n].key);
    let perKey = [];
    if (keys.length)
      [perKey] = await c.query(
        'SELECT idempotency_key AS k, COUNT(*) AS n FROM tickets WHERE idempotency_key IN (?) GROUP BY idempotency_key',
        [keys],
      );
    const none = keys.length - perKey.length;
    const many = perKey.filter((x) => Number(x.n) > 1).length;
    return { ...check, dups, none, many };
  });

  // An acknowledged ticket that is not stored: when it was sent and answered, against the kill.
  for (const id of db.missing) {
    const r = ok.find((x) => x.id === id) ?? retried.find(({ again }) => again.id === id)?.r;
    log(
      `  missing ticket ${id}: comment ${r?.n} through ${r?.app}, sent ${fmt((r?.t0 ?? NaN) - times.killStart, 3)} s ` +
        `and answered ${fmt((r?.t1 ?? NaN) - times.killStart, 3)} s after the kill began (${r?.ms} ms)`,
    );
  }

  // The node rejoined by IST and holds the same rows as the others.
  const joined = readFileSync(nodeLog, 'utf8').slice(logOffset);
  const ist = /IST received|Receiving IST|Prepared IST receiver/.test(joined);
  const sst = /Requesting state transfer|Running: 'wsrep_sst_mariabackup/.test(joined) && !ist;
  const counts = [];
  for (let n = 0; n < 3; n += 1) {
    counts.push(
      await withDb(mysqlUrl(ctx.ports.galera + n, database), async (c) => {
        await c.query('SET SESSION wsrep_sync_wait = 1');
        const [[row]] = await c.query(
          `SELECT (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM ticket_events) AS events,
                  (SELECT COUNT(*) FROM outbox_messages) AS outbox`,
        );
        return `${row.tickets}/${row.events}/${row.outbox}`;
      }),
    );
  }
  const sameRows = counts.every((x) => x === counts[0]);
  const samePids = apps.every((x, i) => !x.exited && x.pid === pids[i]);

  const figures = {
    'requests sent': results.length,
    '201 acknowledged (load)': ok.length,
    'acknowledged in the database': acknowledged.length - db.missing.length,
    'acknowledged missing': db.missing.length,
    'tickets without their events': db.incomplete.length,
    'errors during the drill': failed.length,
    'errors in flight on node 1 at the kill': inFlight.length,
    'errors started before HAProxy marked node 1 down (≤ 1.5 s)': beforeDetection.length,
    'other errors': others.length,
    'error kinds': JSON.stringify(statusCounts(failed)),
    'other errors at (s)': others
      .slice(0, 8)
      .map((r) => `${fmt(r.t0, 1)}:${r.app}:${r.status || r.error}${r.code ? ':' + r.code : ''}`)
      .join(' '),
    'failed requests retried → 201/200': `${retried.length - retryFailed}/${retried.length}`,
    'acknowledged replayed → same ticket (200)': `${sample.length - replayMismatch}/${sample.length}${replayMismatch ? ` ${JSON.stringify(statusCounts(mismatched))}` : ''}`,
    'retried keys with no ticket / more than one': `${db.none} / ${db.many}`,
    'duplicate keys in the table': db.dups,
    'kill at (s)': fmt(times.killStart, 1),
    'restart at (s) → synced (s)': `${fmt(times.restartStart, 1)} → ${fmt(times.synced, 1)}`,
    '201/s per second': buckets.slice(0, Math.ceil(seconds)).join(' '),
    '201/s before the kill / after recovery (target)': `${fmt(before)} / ${fmt(after)} (${rate})`,
    'back to the rate before the kill (s)': back === null ? 'never' : fmt(back, 1),
    'p50 / p99 / max ms (201s)': `${fmt(latencies[Math.floor(latencies.length / 2)])} / ${fmt(latencies[Math.floor(latencies.length * 0.99)])} / ${fmt(latencies.at(-1))}`,
    'node 1 rejoined by': ist ? 'IST' : sst ? 'SST (full transfer)' : 'unknown (no IST line in its log)',
    'rows per node (tickets/events/outbox)': counts.join(' | '),
    'app PIDs unchanged': samePids,
  };
  const failures = [];
  if (db.missing.length) failures.push(`${db.missing.length} acknowledged tickets missing`);
  if (db.incomplete.length) failures.push(`${db.incomplete.length} tickets without their events`);
  if (others.length) failures.push(`${others.length} errors outside the requests in flight on node 1`);
  if (retryFailed) failures.push(`${retryFailed} retries with the same key failed`);
  if (replayMismatch) failures.push(`${replayMismatch} replays did not give back the same ticket`);
  if (db.many || db.dups) failures.push('a key with more than one ticket');
  if (back === null || back > 10)
    failures.push(`not back to the rate before the kill within 10 s (${back ?? 'never'})`);
  if (before < 0.9 * rate)
    failures.push(`the target rate was not reached: ${fmt(before)} of ${rate} comments/s before the kill`);
  if (!ist) failures.push('node 1 did not rejoin by IST');
  if (!sameRows) failures.push(`nodes differ: ${counts.join(' | ')}`);
  if (!samePids) failures.push('an app instance died');
  return { figures, failures };
}
