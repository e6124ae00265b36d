// Drill 3: an app instance SIGKILLed mid-request under comment load (two instances on the cluster,
// jobs on, WeChat pointed at the stub of server/test): no half-written ticket, every acknowledged
// ticket whole, and the outbox sends what was not sent, each message once.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  checkTickets,
  comment,
  demoOfficials,
  duplicateKeys,
  fmt,
  halfWritten,
  killApp,
  log,
  mysqlUrl,
  paced,
  postJson,
  postComment,
  residents,
  SECRETS,
  sleep,
  startApp,
  statusCounts,
  withDb,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const RATE = 40;
const SECONDS = 12;
const KILL_AT = 5;

export async function appKillDrill(ctx, { dist, cluster }) {
  require('../swc-register.cjs');
  const { startWechatStub } = require('../../test/wechat-stub/wechat-stub.ts');
  const { FieldCipher } = require(join(dist, 'common/crypto/field-cipher.js'));
  const [keyId, keyText] = SECRETS.ENCRYPTION_KEYS.split(':');
  const cipher = new FieldCipher([{ id: keyId, key: Buffer.from(keyText, 'base64') }]);
  const stub = await startWechatStub();
  ctx.stub = stub;
  const database = 'jinri_faults_kill';
  const env = {
    WECHAT_APPID: stub.state.appId,
    WECHAT_SECRET: stub.state.secret,
    WECHAT_API_BASE: stub.url,
  };
  log(`drill 3: two instances with jobs on (outbox every 10 s), WeChat stub at ${stub.url}`);
  const apps = await cluster(database, { jobs: true, env });
  const [a, b] = apps;
  const url = mysqlUrl(ctx.ports.galera + 1, database);
  const api = `${b.url}/api/v1`;
  const officials = await demoOfficials(api);
  // Each demo official signs in once (a user with the official's grant: the recipient of its
  // tickets' messages), and gets a WeChat identity so that the messages are really sent.
  for (const officialId of officials) {
    const r = await postJson(`${api}/auth/demo`, { role: 'official', officialId });
    if (!r.json?.accessToken) throw new Error(`official demo login: ${r.status} ${r.body?.slice(0, 200)}`);
  }
  const officialUsers = await withDb(url, async (c) => {
    const [rows] = await c.query("SELECT DISTINCT user_id AS id FROM role_grants WHERE role = 'official'");
    for (const { id } of rows)
      await c.query('UPDATE users SET openid_enc = ? WHERE id = ?', [
        cipher.encrypt(`faults-openid-${id}`),
        id,
      ]);
    return rows.length;
  });
  const tokens = await residents(api, 50, `kill-${Date.now().toString(36)}`);

  // Only the drill's tickets (the demo's own were seeded before the officials had users).
  const firstId = await withDb(url, async (c) => {
    const [[row]] = await c.query('SELECT COALESCE(MAX(id), 0) AS id FROM tickets');
    return Number(row.id);
  });
  let killedAt = null;
  log(`  ${RATE} comments/s for ${SECONDS} s through both; SIGKILL ${a.name} (pid ${a.pid}) at ${KILL_AT} s`);
  const run = await paced({
    rate: RATE,
    seconds: SECONDS,
    send: (n) => {
      const app = n % 2 === 0 ? a : b;
      return postComment(app.url, comment(n, { tokens, officials, tag: '实例演练' })).then((r) => ({
        ...r,
        app: app.name,
      }));
    },
    hooks: [
      {
        at: KILL_AT,
        run: async (elapsed) => {
          killedAt = elapsed;
          await killApp(a);
        },
      },
    ],
  });
  const results = run.results;
  const ok = results.filter((r) => r.status === 201);
  const failed = results.filter((r) => r.status !== 201);
  const atKill = failed.filter((r) => r.app === a.name && r.t0 <= killedAt + 0.05 && r.t1 >= killedAt);
  const afterKill = failed.filter((r) => r.app === a.name && r.t0 > killedAt + 0.05);
  const elsewhere = failed.filter((r) => r.app !== a.name);

  // The killed instance comes back; both dispatch until nothing is pending (claims held by the dead
  // instance expire after 60 s).
  log(`  restarting ${a.name}; waiting for the outbox to drain (up to 120 s)`);
  const again = await startApp(dist, {
    name: `${a.name}-restarted`,
    port: a.port,
    env: {
      SEED_DEMO: '1',
      JOBS_ENABLED: '1',
      ...env,
      DATABASE_URL: mysqlUrl(ctx.ports.haproxy(0), database),
    },
  });
  const drainStart = Date.now();
  let pending = null;
  while (Date.now() - drainStart < 120_000) {
    pending = await withDb(url, async (c) => {
      const [[row]] = await c.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'pending'");
      return Number(row.n);
    });
    if (pending === 0) break;
    await sleep(2000);
  }
  const drained = (Date.now() - drainStart) / 1000;
  await sleep(1000);

  const db = await withDb(url, async (c) => {
    await c.query('SET SESSION wsrep_sync_wait = 1');
    const check = await checkTickets(
      c,
      ok.map((r) => r.id),
    );
    const half = await halfWritten(c);
    const dups = await duplicateKeys(c);
    // A ticket assigned to an official with users must have an outbox row for each of them.
    const [[noOutbox]] = await c.query(
      `SELECT COUNT(*) AS n FROM tickets t
        WHERE t.id > ? AND t.assignee_official_id IS NOT NULL
          AND (SELECT COUNT(*) FROM outbox_messages o WHERE o.ticket_id = t.id)
           <> (SELECT COUNT(DISTINCT g.user_id) FROM role_grants g
                WHERE g.role = 'official' AND g.official_id = t.assignee_official_id AND g.revoked_at IS NULL)`,
      [firstId],
    );
    const [byStatus] = await c.query('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status');
    const [[tickets]] = await c.query('SELECT COUNT(*) AS n FROM tickets WHERE id > ?', [firstId]);
    return {
      ...check,
      half,
      dups,
      noOutbox: Number(noOutbox.n),
      byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
      tickets: Number(tickets.n),
    };
  });
  const sends = new Map();
  for (const m of stub.state.sent) {
    const key = `${m.touser}|${m.page}`;
    sends.set(key, (sends.get(key) ?? 0) + 1);
  }
  const twice = [...sends.values()].filter((n) => n > 1).length;
  const twiceWhat = [...sends].filter(([, n]) => n > 1).map(([k]) => k.split('|')[1]);
  const sentRows = db.byStatus.sent ?? 0;

  const figures = {
    'requests sent': results.length,
    '201 acknowledged': ok.length,
    'acknowledged missing': db.missing.length,
    'tickets of the drill in the database': db.tickets,
    'half-written tickets (no submitted/assigned event)': db.half,
    'tickets whose outbox rows ≠ their official’s users': db.noOutbox,
    'errors in flight on the killed instance': atKill.length,
    'errors sent to the killed instance after it died': `${afterKill.length} (nothing listens there: no balancer in front of the apps)`,
    'errors on the surviving instance': `${elsewhere.length} ${JSON.stringify(statusCounts(elsewhere))}`,
    'official users given a WeChat identity': officialUsers,
    'outbox after the drain': JSON.stringify(db.byStatus),
    'outbox drained in (s)': pending === 0 ? fmt(drained) : `not drained (${pending} pending after 120 s)`,
    'WeChat sends (stub) / rows marked sent': `${stub.state.sent.length} / ${sentRows}`,
    'messages sent more than once': `${twice}${twice ? ` (${twiceWhat.slice(0, 3).join(', ')})` : ''}`,
    'duplicate keys': db.dups,
    'plan publish during the kill': 'not drilled',
  };
  const failures = [];
  if (db.missing.length) failures.push(`${db.missing.length} acknowledged tickets missing`);
  if (db.half) failures.push(`${db.half} half-written tickets`);
  if (db.noOutbox) failures.push(`${db.noOutbox} tickets without their outbox rows`);
  if (elsewhere.length) failures.push(`${elsewhere.length} errors on the surviving instance`);
  if (pending !== 0) failures.push(`outbox not drained: ${pending} pending`);
  if (twice) failures.push(`${twice} messages sent more than once`);
  if (stub.state.sent.length !== sentRows)
    failures.push(`stub received ${stub.state.sent.length} sends for ${sentRows} sent rows`);
  if (!again.pid) failures.push('the instance did not restart');
  if (officialUsers === 0 || sentRows === 0)
    failures.push('no message was sent: the outbox was not exercised');
  return { figures, failures };
}
