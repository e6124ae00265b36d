#!/usr/bin/env node
// `pnpm faults`: the fault drills of issue #16 in one command. Starts what it needs (a 3-node Galera
// cluster, HAProxy, a single MariaDB, app instances, a WeChat stub), prints its figures, stops
// everything it started (by PID) and exits 1 when a guarantee failed.
//
// Uses the server build in server/dist (run `pnpm build`, or at least
// `pnpm --filter @jinri/shared build && pnpm --filter @jinri/server build`, first; it builds the
// server itself only when server/dist is missing) and copies it to server/.dist-faults so that a
// rebuild meanwhile does not change the code under test.
//
// Environment: FAULTS_ONLY=1,2,3,4 (which drills), FAULTS_GALERA_PORT (3710: nodes on 3710-3712),
// FAULTS_MARIADB_PORT (3790), FAULTS_PORT (4610: app instances from 4610, HAProxy from 4620),
// FAULTS_RATE (300 comments/s in drill 1), FAULTS_KEEP=1 (leave the databases' directories).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appKillDrill } from './app-kill.drill.mjs';
import { galeraDrill } from './galera.drill.mjs';
import { kneeDrill } from './knee.drill.mjs';
import {
  demoOfficials,
  log,
  mysqlUrl,
  out,
  REPO,
  residents,
  script,
  startApp,
  stopAllApps,
  withDb,
} from './lib.mjs';
import { singleDrill } from './single.drill.mjs';

const started = Date.now();
const only = new Set((process.env.FAULTS_ONLY ?? '1,2,3,4').split(',').map((s) => s.trim()));
const appPort = Number(process.env.FAULTS_PORT ?? 4610);
const ctx = {
  ports: {
    galera: Number(process.env.FAULTS_GALERA_PORT ?? 3710),
    single: Number(process.env.FAULTS_MARIADB_PORT ?? 3790),
    app: (i) => appPort + i,
    haproxy: (i) => appPort + 10 + i,
  },
  galeraLoad: {
    rate: Number(process.env.FAULTS_RATE ?? 300),
    seconds: 45,
    killAt: 10,
    restartAt: 22,
  },
  work: mkdtempSync(join(tmpdir(), 'jinri-faults-')),
};
ctx.galeraDir = join(ctx.work, 'galera');
ctx.haproxyDir = join(ctx.work, 'haproxy');
ctx.singleDir = join(ctx.work, 'mariadb');
const dist = join(REPO, 'server', '.dist-faults');

function build() {
  if (!existsSync(join(REPO, 'server/dist/main.js'))) {
    if (existsSync(join(dist, 'main.js'))) {
      log('server/dist is missing (a build under way?): using the previous copy in server/.dist-faults');
      return;
    }
    log('server/dist is missing: building shared and the server');
    for (const pkg of ['@jinri/shared', '@jinri/server']) {
      const r = spawnSync('pnpm', ['--filter', pkg, 'build'], { cwd: REPO, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${pkg} build failed`);
    }
  }
  const r = spawnSync('rsync', ['-a', '--delete', 'server/dist/', 'server/.dist-faults/'], { cwd: REPO });
  if (r.status !== 0) throw new Error('copying server/dist failed');
}

const started_ = { galera: false, haproxy: false, single: false };
async function cleanup() {
  await stopAllApps();
  if (ctx.stub) await ctx.stub.close();
  for (const [what, fn] of [
    ['haproxy', () => script('.ci/haproxy.sh', ['stop', ctx.haproxyDir])],
    ['galera', () => script('.ci/galera.sh', ['stop', ctx.galeraDir])],
    ['single', () => script('.ci/mariadb.sh', ['stop', ctx.singleDir])],
  ]) {
    if (!started_[what]) continue;
    try {
      fn();
    } catch (error) {
      process.stderr.write(`stopping ${what}: ${error.message}\n`);
    }
  }
  if (process.env.FAULTS_KEEP !== '1') rmSync(ctx.work, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130));
  });

/** The cluster, the balancer and two instances on a fresh database with the demo county. */
async function cluster(database, { jobs = false, env = {} } = {}) {
  if (!started_.galera) {
    log(`starting a 3-node Galera cluster on ${ctx.ports.galera}-${ctx.ports.galera + 2}`);
    started_.galera = true;
    log(script('.ci/galera.sh', ['start', ctx.galeraDir, String(ctx.ports.galera)]));
    started_.haproxy = true;
    log(
      script('.ci/haproxy.sh', [
        'start',
        ctx.haproxyDir,
        String(ctx.ports.galera),
        String(ctx.ports.haproxy(0)),
        String(ctx.ports.haproxy(1)),
      ]),
    );
  }
  await withDb(mysqlUrl(ctx.ports.galera), (c) =>
    c.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
  );
  const common = { SEED_DEMO: '1', JOBS_ENABLED: jobs ? '1' : '0', ...env };
  // The first instance migrates and seeds; the second starts on the finished schema.
  const apps = [];
  for (const i of [0, 1]) {
    apps.push(
      await startApp(dist, {
        name: `app${i + 1}`,
        port: ctx.ports.app(apps.length + (ctx.nextApp ?? 0)),
        env: { ...common, DATABASE_URL: mysqlUrl(ctx.ports.haproxy(i), database) },
      }),
    );
  }
  ctx.nextApp = (ctx.nextApp ?? 0) + 2;
  return apps;
}

const report = [];
let failed = false;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
log(`${cpus().length} cores, node ${process.version}, load average ${load()} (the drills share the machine)`);
try {
  build();
  if (only.has('1') || only.has('4')) {
    const database = 'jinri_faults';
    const apps = await cluster(database);
    const api = `${apps[0].url}/api/v1`;
    const tokens = await residents(api, 300, `faults-${Date.now().toString(36)}`);
    const officials = await demoOfficials(api);
    log(
      `${apps.length} instances (pids ${apps.map((a) => a.pid).join(', ')}), ${tokens.length} residents, ${officials.length} officials`,
    );
    if (only.has('1'))
      report.push([
        '1. Galera node killed under 300 comments/s',
        await galeraDrill(ctx, { apps, tokens, officials, database }),
      ]);
    if (only.has('4'))
      report.push(['4. Mixed resident load: the knee', await kneeDrill(ctx, { apps, tokens, officials })]);
    for (const app of apps) await import('./lib.mjs').then((l) => l.stopApp(app));
  }
  if (only.has('2'))
    report.push([
      '2. Single MariaDB killed and restarted',
      await singleDrill(ctx, { dist, started: started_ }),
    ]);
  if (only.has('3'))
    report.push(['3. App instance killed mid-request', await appKillDrill(ctx, { dist, cluster })]);
} catch (error) {
  failed = true;
  process.stderr.write(`\nThe drill could not run to the end: ${error.stack ?? error}\n`);
} finally {
  await cleanup();
}

for (const [title, { figures, failures }] of report) {
  out(`\n== ${title}\n`);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) out(`  ${k.padEnd(width)}  ${v}\n`);
  if (failures.length) {
    failed = true;
    for (const f of failures) out(`  FAILED: ${f}\n`);
  } else out('  every guarantee held\n');
}
out(`\nload average at the end: ${load()}`);
out(`\npnpm faults: ${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(failed ? 1 : 0);
