// Drill 2: one app instance on a single MariaDB that is SIGKILLed and restarted under comment load.
import {
  backToRate,
  checkTickets,
  comment,
  demoOfficials,
  fmt,
  log,
  meanRate,
  mysqlUrl,
  now,
  paced,
  perSecond,
  postComment,
  request,
  residents,
  script,
  scriptAsync,
  sleep,
  startApp,
  statusCounts,
  stopApp,
  withDb,
} from './lib.mjs';

const RATE = 150;
const SECONDS = 32;
const KILL_AT = 8;
const RESTART_AT = 16;

export async function singleDrill(ctx, { dist, started }) {
  log(`drill 2: a single MariaDB on ${ctx.ports.single}`);
  started.single = true;
  log(script('.ci/mariadb.sh', ['start', ctx.singleDir, String(ctx.ports.single)]));
  const database = 'jinri_faults_single';
  await withDb(mysqlUrl(ctx.ports.single), (c) =>
    c.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
  );
  const app = await startApp(dist, {
    name: 'single',
    port: ctx.ports.app(9),
    env: { SEED_DEMO: '1', JOBS_ENABLED: '0', DATABASE_URL: mysqlUrl(ctx.ports.single, database) },
  });
  const pid = app.pid;
  const api = `${app.url}/api/v1`;
  const tokens = await residents(api, 100, `single-${Date.now().toString(36)}`);
  const officials = await demoOfficials(api);
  // Readiness: /health/ready when the build has it, else /health.
  const readyPath = (await request(`${api}/health/ready`)).status === 404 ? '/health' : '/health/ready';

  const times = {};
  let restart = null;
  const polls = [];
  let polling = true;
  const t0 = now();
  const at = () => (now() - t0) / 1000;
  const poller = (async () => {
    while (polling) {
      const t = at();
      const r = await request(`${api}${readyPath}`, { timeoutMs: 5000 });
      polls.push({ t, status: r.status, ms: r.ms });
      await sleep(200);
    }
  })();

  log(
    `  ${RATE} comments/s for ${SECONDS} s; kill at ${KILL_AT} s, restart at ${RESTART_AT} s; polling ${readyPath}`,
  );
  const run = await paced({
    rate: RATE,
    seconds: SECONDS,
    send: (n) => postComment(app.url, comment(n, { tokens, officials, tag: '单库演练' })),
    hooks: [
      {
        at: KILL_AT,
        run: () => {
          times.kill = at();
          script('.ci/mariadb.sh', ['kill', ctx.singleDir]);
          times.killed = at();
        },
      },
      {
        at: RESTART_AT,
        run: () => {
          times.restart = at();
          restart = scriptAsync('.ci/mariadb.sh', ['restart', ctx.singleDir]).then(() => (times.up = at()));
        },
      },
    ],
  });
  await restart;
  await sleep(2000);
  polling = false;
  await poller;
  const shift = (run.started - t0) / 1000;
  const rel = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v - shift]));
  for (const p of polls) p.t -= shift;

  const results = run.results;
  const ok = results.filter((r) => r.status === 201);
  const down = results.filter((r) => r.t0 >= rel.killed && r.t0 < rel.up);
  const down503 = down.filter((r) => r.status === 503 && r.code === 'SYSTEM.DATABASE_UNAVAILABLE');
  // Sent while it was down and answered 201: the database accepted again before the restart
  // script noticed. Anything but 503 DATABASE_UNAVAILABLE or 201 is wrong.
  const down201 = down.filter((r) => r.status === 201);
  const downOther = down.filter(
    (r) => r.status !== 201 && !(r.status === 503 && r.code === 'SYSTEM.DATABASE_UNAVAILABLE'),
  );
  const downMax = Math.max(0, ...down.map((r) => r.ms));
  const hung = results.filter((r) => r.status === 0);
  const non201 = results.filter((r) => r.status !== 201);
  const buckets = perSecond(results, (r) => r.status === 201, SECONDS);
  const before = meanRate(buckets, 1, Math.floor(rel.kill));
  const recovery = backToRate(buckets, rel.up, before, SECONDS);
  const first201 = ok.filter((r) => r.t0 >= rel.killed).sort((x, y) => x.t1 - y.t1)[0];
  const notReadyAt = polls.find((p) => p.t >= rel.kill && p.status !== 200);
  const readyDuringDown = polls.filter(
    (p) => p.t >= rel.killed + 1 && p.t < rel.restart && p.status === 200,
  ).length;
  const readyAgain = polls.find((p) => p.t >= rel.up && p.status === 200);
  const samePid = !app.exited && app.pid === pid;

  const db = await withDb(mysqlUrl(ctx.ports.single, database), (c) =>
    checkTickets(
      c,
      ok.map((r) => r.id),
    ),
  );
  await stopApp(app);

  const figures = {
    'requests sent': results.length,
    '201 acknowledged': ok.length,
    'acknowledged missing after the restart': db.missing.length,
    'tickets without their events': db.incomplete.length,
    'kill at / restart at / accepting again at (s)': `${fmt(rel.kill, 1)} / ${fmt(rel.restart, 1)} / ${fmt(rel.up, 1)}`,
    'requests sent while it was down': down.length,
    '…answered 503 SYSTEM.DATABASE_UNAVAILABLE': down503.length,
    '…answered 201 (the database was back before the script saw it)': down201.length,
    '…answered otherwise': `${downOther.length} ${JSON.stringify(statusCounts(downOther))}`,
    'slowest answer while down (ms)': fmt(downMax),
    'all non-201 answers': JSON.stringify(statusCounts(non201)),
    [`${readyPath} not ready after the kill (s)`]: notReadyAt ? fmt(notReadyAt.t - rel.kill, 1) : 'never',
    [`${readyPath} answering 200 while down`]: readyDuringDown,
    [`${readyPath} ready again after the restart (s)`]: readyAgain ? fmt(readyAgain.t - rel.up, 1) : 'never',
    'first 201 after the restart (s)': first201 ? fmt(first201.t1 - rel.up, 1) : 'never',
    '201/s before the kill (target)': `${fmt(before)} (${RATE})`,
    'back to the rate before the kill, after the restart (s)': recovery === null ? 'never' : fmt(recovery, 1),
    '201/s per second': buckets.slice(0, SECONDS).join(' '),
    'same app PID, still running': samePid,
  };
  const failures = [];
  if (db.missing.length) failures.push(`${db.missing.length} acknowledged tickets lost`);
  if (db.incomplete.length) failures.push(`${db.incomplete.length} tickets without their events`);
  if (down503.length === 0) failures.push('no 503 SYSTEM.DATABASE_UNAVAILABLE while the database was down');
  if (downOther.length)
    failures.push(`${downOther.length} answers while down other than 503 SYSTEM.DATABASE_UNAVAILABLE`);
  if (hung.length || downMax > 10_000)
    failures.push(`requests hung (${hung.length} without an answer, slowest ${fmt(downMax)} ms)`);
  if (!notReadyAt || readyDuringDown > 0) failures.push(`${readyPath} did not report the database down`);
  if (recovery === null || recovery > 10)
    failures.push(
      `no recovery to the rate before the kill within 10 s of the restart (${recovery ?? 'never'})`,
    );
  if (!samePid) failures.push('the app process died');
  return { figures, failures };
}
