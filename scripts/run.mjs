#!/usr/bin/env node
// The two commands of the quick start. Needs only Node 20+ and npm: pnpm is fetched with npx when it
// is not installed.
//   node scripts/run.mjs start   install, build, and start the whole product on the embedded SQLite
//                                default with demo data (PORT, DATA_DIR honoured)
//   node scripts/run.mjs test    install, build, and run the whole test suite; ends with a line
//                                "tests: N passed, M failed"
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const isCI = process.env.CI === 'true' || process.env.CI === '1';

function log(message) {
  process.stdout.write(`\n\x1b[1m▶ ${message}\x1b[0m\n`);
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('9.')) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

const PNPM = pnpmCommand();

function run(cmd, args, { env = {}, allowFail = false, cwd = root } = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0 && !allowFail) {
    process.stderr.write(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${result.status}) after ${seconds}s\n`);
    process.exit(result.status ?? 1);
  }
  return { ok: result.status === 0, seconds };
}

function pnpm(args, options) {
  return run(PNPM[0], [...PNPM.slice(1), ...args], options);
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds a package when its sources are newer than its output (a second start skips the builds). */
function buildIfStale(filter, script, sources, output) {
  const out = join(root, output);
  const stale = !existsSync(out) || sources.some((s) => newestMtime(join(root, s)) > statSync(out).mtimeMs);
  if (!stale) return;
  log(`Building ${filter} (${script})`);
  pnpm(['--filter', filter, 'run', script]);
}

function install() {
  log(`Installing dependencies with pnpm ${PNPM_VERSION}`);
  pnpm(['install', '--frozen-lockfile', '--config.confirmModulesPurge=false']);
}

function buildAll({ force }) {
  if (force) {
    log('Building shared, server and the H5 app');
    pnpm(['--filter', '@jinri/shared', 'run', 'build']);
    pnpm(['--filter', '@jinri/server', 'run', 'build']);
    return;
  }
  buildIfStale('@jinri/shared', 'build', ['shared/src'], 'shared/dist/cjs/index.js');
  buildIfStale('@jinri/server', 'build', ['server/src', 'shared/src'], 'server/dist/main.js');
  buildIfStale(
    '@jinri/miniprogram',
    'build:h5',
    ['miniprogram/src', 'miniprogram/config', 'shared/src'],
    'miniprogram/dist/h5/index.html',
  );
}

function start() {
  install();
  buildAll({ force: false });
  log('Starting 今日工作 on the embedded database with demo data');
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: root,
    stdio: 'inherit',
    // API_DOCS: README points to the OpenAPI UI of the demo at /api/docs.
    env: { SEED_DEMO: '1', DEMO_LOGIN: '1', API_DOCS: '1', DATA_DIR: join(root, 'data'), ...process.env },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** Runs jest with a JSON report and returns its counts. */
function jest(pkg, args, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'jinri-jest-'));
  const report = join(dir, 'report.json');
  const { ok } = pnpm(['--filter', pkg, 'exec', 'jest', '--json', `--outputFile=${report}`, ...args], {
    env,
    allowFail: true,
  });
  const counts = existsSync(report)
    ? (({ numPassedTests, numFailedTests, numRuntimeErrorTestSuites }) => ({
        passed: numPassedTests,
        failed: numFailedTests + numRuntimeErrorTestSuites,
      }))(JSON.parse(readFileSync(report, 'utf8')))
    : { passed: 0, failed: 1 };
  rmSync(dir, { recursive: true, force: true });
  if (!ok && counts.failed === 0) counts.failed = 1;
  return counts;
}

/**
 * Runs every browser journey in miniprogram/e2e against the embedded product started on a free port.
 * A journey whose header has a line `// @clock <ISO date-time>` gets a server of its own whose clock
 * starts there (DEMO_CLOCK), so a Sunday or the day before a leave is the same on every run.
 */
function browserJourneys() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const required = isCI || process.env.REQUIRE_BROWSER === '1';
    process.stdout.write(
      `\n${required ? '✖' : '⚠'} browser journeys NOT RUN: no Chromium at ${chromium} ` +
        "(install Debian's chromium package or set CHROMIUM_PATH)\n",
    );
    return { passed: 0, failed: required ? 1 : 0 };
  }
  log('Browser journeys on the H5 build (headless Chromium)');
  const dir = join(root, 'miniprogram', 'e2e');
  const journeys = readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.mjs'))
    .sort()
    .map((file) => ({
      file,
      clock: /^\/\/ @clock (\S+)$/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? null,
    }));
  const counts = { passed: 0, failed: 0 };
  const groups = new Map();
  for (const journey of journeys) {
    const list = groups.get(journey.clock) ?? [];
    list.push(journey.file);
    groups.set(journey.clock, list);
  }
  for (const [clock, files] of groups) {
    if (clock) log(`Browser journeys with the clock at ${clock}: ${files.join(', ')}`);
    try {
      withServer(clock, (baseUrl) => {
        for (const file of files) {
          const result = spawnSync(process.execPath, [join(dir, file)], {
            cwd: root,
            encoding: 'utf8',
            env: {
              ...process.env,
              BASE_URL: baseUrl,
              CHROMIUM_PATH: chromium,
              ...(clock ? { DEMO_CLOCK: clock } : {}),
            },
            timeout: 180_000,
          });
          process.stdout.write(result.stdout ?? '');
          process.stderr.write(result.stderr ?? '');
          const match = /(\d+) passed, (\d+) failed\s*$/.exec((result.stdout ?? '').trim());
          const passed = match ? Number(match[1]) : 0;
          const failed = match ? Number(match[2]) : 1;
          counts.passed += passed;
          counts.failed += result.status === 0 ? failed : Math.max(failed, 1);
        }
      });
    } catch (error) {
      process.stderr.write(`✖ ${error.message}\n`);
      counts.failed += 1;
    }
  }
  return counts;
}

/** Starts the product with demo data on a free port (its clock at `clock` if given), runs `fn`, stops it. */
function withServer(clock, fn) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinri-e2e-'));
  const port = String(40000 + Math.floor(Math.random() * 10000));
  const server = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: port,
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      DEMO_LOGIN: '1',
      LOG_LEVEL: 'warn',
      ...(clock ? { DEMO_CLOCK: clock } : {}),
    },
  });
  try {
    const ready = waitFor(`http://127.0.0.1:${port}/api/v1/health`, 60_000);
    if (!ready) throw new Error('the server did not become healthy within 60 s');
    fn(`http://127.0.0.1:${port}/`);
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Polls a URL until it answers 200 (synchronously, through a child node process). */
function waitFor(url, timeoutMs) {
  const script = `const end=Date.now()+${timeoutMs};(async()=>{while(Date.now()<end){try{const r=await fetch(${JSON.stringify(url)});if(r.ok)process.exit(0)}catch{}await new Promise(r=>setTimeout(r,300))}process.exit(1)})()`;
  return spawnSync(process.execPath, ['-e', script], { stdio: 'ignore' }).status === 0;
}

function test() {
  const started = Date.now();
  install();
  buildAll({ force: true });
  const totals = { passed: 0, failed: 0 };
  const add = (name, counts) => {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    process.stdout.write(`\n${name}: ${counts.passed} passed, ${counts.failed} failed\n`);
  };

  log('Checking format, lint and types (pnpm check)');
  const check = pnpm(['run', 'check'], { allowFail: true });
  add('check', { passed: check.ok ? 1 : 0, failed: check.ok ? 0 : 1 });

  log('Shared package tests');
  add('shared', jest('@jinri/shared', []));

  log('Mini-program component and hook tests (jsdom)');
  add('miniprogram', jest('@jinri/miniprogram', ['--config', 'test/jest.config.js']));

  log('Server unit tests');
  add('server unit', jest('@jinri/server', ['--selectProjects', 'unit']));

  log(`Server database tests (SQLite${process.env.TEST_MYSQL_URL ? ' and MySQL' : ''})`);
  add('server db', jest('@jinri/server', ['--selectProjects', 'db']));

  // Issue #16: several app instances on the three nodes of a Galera cluster (migrations at once,
  // exactly-once jobs and outbox, certification conflicts answered 409). Needs TEST_GALERA_URLS
  // (.ci/run starts a cluster with .ci/galera.sh); REQUIRE_GALERA=1 without it fails here.
  if (process.env.TEST_GALERA_URLS || process.env.REQUIRE_GALERA === '1') {
    log('Server Galera suite (app instances on a 3-node cluster)');
    // --forceExit: an instance that fails to start inside a spec keeps its pool open; the spec fails
    // either way, and the run must go on rather than wait for CI's time limit.
    add('server galera', jest('@jinri/server', ['--selectProjects', 'galera', '--forceExit']));
  }

  // Issue #17: the OpenAPI document generated from the sources, linted (Spectral oas + Redocly
  // recommended, zero errors); its generated response schemas must match the controllers' types.
  log('OpenAPI document: Spectral oas and Redocly lint');
  const openapi = spawnSync(process.execPath, ['server/scripts/openapi-lint.mjs'], {
    cwd: root,
    encoding: 'utf8',
  });
  process.stdout.write(openapi.stdout ?? '');
  process.stderr.write(openapi.stderr ?? '');
  const openapiCounts = /(\d+) passed, (\d+) failed\s*$/.exec((openapi.stdout ?? '').trim());
  add('openapi lint', {
    passed: openapiCounts ? Number(openapiCounts[1]) : 0,
    failed: openapiCounts ? Number(openapiCounts[2]) : 1,
  });

  // WeChat's own compiler and code-quality scan (miniprogram-ci, offline) on the weapp build, and the
  // main package ≤ 1 MB. miniprogram-ci has its own lockfile outside the workspace (see the script).
  log("Mini-program: weapp build, WeChat's compiler and code-quality check, package sizes");
  const weapp = pnpm(['--filter', '@jinri/miniprogram', 'run', 'build:weapp'], { allowFail: true });
  const ciDir = 'miniprogram/scripts/wechat-ci';
  const ciArgs = ['install', '--dir', ciDir, '--ignore-workspace', '--frozen-lockfile', '--prefer-offline'];
  const ciInstall = pnpm(ciArgs, { allowFail: true });
  const unit = run(process.execPath, ['--test', 'miniprogram/scripts/wechat-check.test.mjs'], {
    allowFail: true,
  });
  add('wechat-check unit', { passed: unit.ok ? 1 : 0, failed: unit.ok ? 0 : 1 });
  const wechat =
    weapp.ok && ciInstall.ok
      ? pnpm(['--filter', '@jinri/miniprogram', 'run', 'wechat:check'], { allowFail: true })
      : { ok: false };
  add('weapp build + WeChat checks', { passed: wechat.ok ? 1 : 0, failed: wechat.ok ? 0 : 1 });

  log('Mini-program: H5 build');
  const h5 = pnpm(['--filter', '@jinri/miniprogram', 'run', 'build:h5'], { allowFail: true });
  add('h5 build', { passed: h5.ok ? 1 : 0, failed: h5.ok ? 0 : 1 });

  if (h5.ok) add('browser', browserJourneys());

  log(`Finished in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed\n`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

const command = process.argv[2];
if (command === 'start') start();
else if (command === 'test') test();
else {
  process.stderr.write('usage: node scripts/run.mjs start|test\n');
  process.exit(2);
}
