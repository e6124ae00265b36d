import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';

const MAIN = resolve(__dirname, '..', 'dist', 'main.js');

interface Run {
  code: number | null;
  output: string;
}

/** Starts the built server; resolves when it prints that it runs (then stops it) or when it exits. */
function runServer(env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start or exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running')) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

async function countRows(dataDir: string): Promise<Record<string, number>> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: join(dataDir, 'jinri.sqlite') });
  await dataSource.initialize();
  try {
    const result: Record<string, number> = {};
    for (const table of [
      'units',
      'officials',
      'matters',
      'duties',
      'migrations',
      'day_plans',
      'plan_entries',
    ]) {
      const rows: Array<{ n: number }> = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
      result[table] = Number(rows[0]!.n);
    }
    return result;
  } finally {
    await dataSource.destroy();
  }
}

describe('starting the built server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinri-start-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('has a build to start (the test command builds the server first)', () => {
    expect(existsSync(MAIN)).toBe(true);
  });

  it('exits non-zero naming every bad variable', async () => {
    const sut = await runServer({ PORT: 'abc', LOG_LEVEL: 'shouting' });
    expect(sut.code).toBe(1);
    expect(sut.output).toContain('PORT');
    expect(sut.output).toContain('LOG_LEVEL');
  });

  it('creates the SQLite file under DATA_DIR, seeds once and reuses the data on a second start', async () => {
    const env = {
      PORT: String(30000 + Math.floor(Math.random() * 20000)),
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      H5_DIR: join(dataDir, 'no-h5'),
    };
    const first = await runServer(env);
    expect(first.output).toContain('is running');
    const afterFirst = await countRows(dataDir);
    expect(afterFirst.officials).toBeGreaterThan(150);
    expect(afterFirst.day_plans).toBeGreaterThan(500);

    const second = await runServer(env);
    expect(second.output).toContain('is running');
    expect(await countRows(dataDir)).toEqual(afterFirst);
  });
});
