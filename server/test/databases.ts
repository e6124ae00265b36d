import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../src/config/app.config';

/** A database for one test file: a fresh SQLite file, or a fresh MySQL database on TEST_MYSQL_URL. */
export interface TestDatabase {
  name: 'sqlite' | 'mysql';
  config(): DatabaseConfig;
  create(): Promise<void>;
  drop(): Promise<void>;
}

function sqlite(): TestDatabase {
  let dir = '';
  return {
    name: 'sqlite',
    config: () => ({ type: 'sqlite', sqlitePath: join(dir, 'test.sqlite'), migrationsRun: true }),
    create: async () => {
      dir = mkdtempSync(join(tmpdir(), 'jinri-test-'));
    },
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function mysql(serverUrl: string): TestDatabase {
  const name = `jinri_test_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  const admin = async <T>(
    fn: (c: Awaited<ReturnType<typeof createConnection>>) => Promise<T>,
  ): Promise<T> => {
    const connection = await createConnection({ uri: serverUrl });
    try {
      return await fn(connection);
    } finally {
      await connection.end();
    }
  };
  return {
    name: 'mysql',
    config: () => {
      const dbUrl = new URL(url.toString());
      dbUrl.pathname = `/${name}`;
      return { type: 'mysql', url: dbUrl.toString(), migrationsRun: true };
    },
    create: () =>
      admin((c) =>
        c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
      ).then(() => undefined),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``)).then(() => undefined),
  };
}

/** The databases every database test runs against: SQLite always, MySQL when TEST_MYSQL_URL is set. */
export function testDatabases(): Array<[string, () => TestDatabase]> {
  const list: Array<[string, () => TestDatabase]> = [['sqlite', sqlite]];
  const url = process.env.TEST_MYSQL_URL;
  if (url) list.push(['mysql', () => mysql(url)]);
  return list;
}
