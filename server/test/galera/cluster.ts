import { randomBytes } from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';
import type { DatabaseConfig } from '../../src/config/app.config';
import type { Clock } from '../../src/common/clock';
import type { AppConfig } from '../../src/config/app.config';
import { startTestApp, type TestApp } from '../app';
import { DataSource } from 'typeorm';

/**
 * The harness of the Galera suite (test/galera/*.galera-spec.ts, jest project `galera`): a 3-node
 * MariaDB Galera cluster named by TEST_GALERA_URLS (three comma-separated server URLs, one per node,
 * e.g. mysql://root:root@127.0.0.1:3510/mysql,…:3511/…,…:3512/…; `.ci/galera.sh start` makes one).
 * Each spec file gets one fresh database (created on node 1, which replicates the DDL to the others),
 * a DatabaseConfig per node, and app instances bound each to one node — so two instances write to
 * different nodes and certification conflicts (errno 1213) really happen.
 *
 * Without TEST_GALERA_URLS every spec skips (global-setup.ts says why); with REQUIRE_GALERA=1 a missing
 * or unreachable cluster fails the run.
 */

/** The three node URLs, or undefined when the suite is to be skipped. */
export function galeraUrls(): string[] | undefined {
  const raw = process.env.TEST_GALERA_URLS?.trim();
  if (!raw) return undefined;
  const urls = raw
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length !== 3) throw new Error(`TEST_GALERA_URLS must name 3 nodes, got ${urls.length}: ${raw}`);
  return urls;
}

/** Why the suite skips, or undefined when it runs. */
export function galeraSkipReason(): string | undefined {
  return galeraUrls()
    ? undefined
    : 'TEST_GALERA_URLS is not set (3 node URLs of a Galera cluster; see .ci/galera.sh): Galera specs skipped';
}

/** describe() when a cluster is configured, describe.skip() otherwise (the reason is in the name). */
export const describeGalera = (name: string, fn: () => void): void => {
  const reason = galeraSkipReason();
  if (reason) describe.skip(`${name} — skipped: ${reason}`, fn);
  else describe(name, fn);
};

/** Per hook/test timeout for the suite: apps on a cluster start in seconds, more on a loaded machine. */
export const GALERA_TIMEOUT = 180_000;

export type GaleraNode = 0 | 1 | 2;
export const NODES: readonly GaleraNode[] = [0, 1, 2];

/** One fresh database on the cluster for one spec file. */
export interface GaleraDatabase {
  /** The database's name (the same on every node). */
  name: string;
  /** The app's DatabaseConfig bound to node `node` (0, 1 or 2). */
  config(node: GaleraNode): DatabaseConfig;
  /** CREATE DATABASE on node 1, then waits until every node has it. */
  create(): Promise<void>;
  /** DROP DATABASE on node 1 (replicates). */
  drop(): Promise<void>;
  /**
   * A query on one node, in this database, on a short connection. With `causal` (default true) the
   * read waits until the node has applied everything committed anywhere (wsrep_sync_wait), so counts
   * read right after the apps answered are the cluster's, not a lagging node's.
   */
  query<T = Record<string, unknown>>(
    node: GaleraNode,
    sql: string,
    params?: unknown[],
    causal?: boolean,
  ): Promise<T[]>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function connect(uri: string): Promise<Connection> {
  return createConnection({ uri, connectTimeout: 10_000, multipleStatements: false });
}

export function galeraDatabase(): GaleraDatabase {
  const urls = galeraUrls();
  if (!urls) throw new Error(galeraSkipReason());
  const name = `jinri_galera_${randomBytes(4).toString('hex')}`;
  const admin = async <T>(node: GaleraNode, fn: (c: Connection) => Promise<T>): Promise<T> => {
    const connection = await connect(urls[node]!);
    try {
      return await fn(connection);
    } finally {
      await connection.end();
    }
  };
  return {
    name,
    config: (node) => ({ type: 'mysql', url: withDatabase(urls[node]!, name), migrationsRun: true }),
    create: async () => {
      await admin(0, (c) =>
        c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
      );
      // DDL replicates in total order, but a node may apply it a moment later.
      for (const node of NODES) {
        for (let tries = 0; ; tries += 1) {
          const [rows] = await admin(node, (c) =>
            c.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]),
          );
          if ((rows as unknown[]).length > 0) break;
          if (tries > 100) throw new Error(`Galera node ${node + 1} never saw database ${name}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    drop: () => admin(0, (c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``)).then(() => undefined),
    query: async <T>(node: GaleraNode, sql: string, params: unknown[] = [], causal = true) => {
      const connection = await connect(withDatabase(urls[node]!, name));
      try {
        if (causal) await connection.query('SET SESSION wsrep_sync_wait = 1');
        const [rows] = await connection.query(sql, params);
        return rows as T[];
      } finally {
        await connection.end();
      }
    },
  };
}

/**
 * Certification failures and brute-force aborts so far, summed over the nodes (each surfaces as a
 * 1213 to some client): read before and after a spec to say how many conflicts it provoked.
 */
export async function certificationFailures(): Promise<number> {
  const urls = galeraUrls();
  if (!urls) return 0;
  let total = 0;
  for (const uri of urls) {
    const connection = await connect(uri);
    try {
      const [rows] = await connection.query(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')",
      );
      for (const row of rows as Array<{ Value: string }>) total += Number(row.Value);
    } finally {
      await connection.end();
    }
  }
  return total;
}

export interface GaleraAppOptions {
  env?: Record<string, string>;
  config?: Partial<AppConfig>;
  clock?: Clock;
}

/** The real app (test/app.ts startTestApp) on `database`, bound to one node of the cluster. */
export function startGaleraApp(
  database: GaleraDatabase,
  node: GaleraNode,
  options: GaleraAppOptions = {},
): Promise<TestApp> {
  return startTestApp(database.config(node), options);
}

/**
 * One app instance per node, started AT ONCE (as a rolling deploy or a cold start of every instance
 * would): the instances race for the migrations and the seed. Instance i is bound to node i.
 */
export async function startGaleraApps(
  database: GaleraDatabase,
  options: GaleraAppOptions | ((node: GaleraNode) => GaleraAppOptions) = {},
  nodes: readonly GaleraNode[] = NODES,
): Promise<TestApp[]> {
  const started = await Promise.allSettled(
    nodes.map((node) =>
      startGaleraApp(database, node, typeof options === 'function' ? options(node) : options),
    ),
  );
  const apps = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    // Never leave an instance running behind a failed start (jest would hang on its handles).
    await closeApps(apps).catch(() => undefined);
    throw failed.reason;
  }
  return apps;
}

/** Closes apps that started (settles every close, rethrows the first failure). */
export async function closeApps(apps: ReadonlyArray<TestApp | undefined>): Promise<void> {
  const results = await Promise.allSettled(apps.map((a) => a?.app.close()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The part of mysql2's (callback) pool and its connections that serverRetryOff uses. */
interface Mysql2Pool {
  on(event: 'connection' | 'acquire', listener: (connection: Mysql2Connection) => void): void;
}
interface Mysql2Connection {
  query(sql: string, callback: (error: Error | null) => void): void;
}

/**
 * Turns off MariaDB's own retry of an autocommit statement that failed certification
 * (wsrep_retry_autocommit, 1 by default: the node runs a lone INSERT/UPDATE once more by itself) on
 * every connection of the apps' pools, for the rest of their lives. With it on, a claim that lost
 * certification is usually rescued by the server (its second run meets the winner's row), so a spec
 * of the app's own handling of 1213 passes even with that handling removed; with it off every
 * certification failure reaches the app, as it does anyway when the server's one retry fails too.
 * Spec-only: the session variable is set on each pooled connection the first time the pool hands it
 * out (mysql2's pool events; a command queued there runs before the borrower's first statement).
 * Resolves once a query through each app's DataSource reads the variable as 0.
 */
export async function serverRetryOff(apps: readonly TestApp[]): Promise<void> {
  for (const { app } of apps) {
    const dataSource = app.get(DataSource);
    const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
    if (!pool) throw new Error('serverRetryOff: the app does not use a mysql2 pool');
    const done = new WeakSet<Mysql2Connection>();
    const setOff = (connection: Mysql2Connection) => {
      if (done.has(connection)) return;
      done.add(connection);
      connection.query('SET SESSION wsrep_retry_autocommit = 0', (error) => {
        if (error) process.stderr.write(`[galera] wsrep_retry_autocommit = 0 failed: ${error.message}\n`);
      });
    };
    pool.on('connection', setOff);
    pool.on('acquire', setOff);
    const rows: Array<{ retry: number | string }> = await dataSource.query(
      'SELECT @@session.wsrep_retry_autocommit AS retry',
    );
    if (Number(rows[0]?.retry) !== 0)
      throw new Error(`serverRetryOff: wsrep_retry_autocommit is still ${rows[0]?.retry}`);
  }
}
