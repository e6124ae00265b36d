import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * Options for the one data source: an embedded SQLite file by default, MySQL/MariaDB/TiDB when
 * DATABASE_URL is set. Schema changes always go through MIGRATIONS (synchronize is never on).
 */
export function buildDataSourceOptions(
  config: DatabaseConfig,
  server: MysqlServer = { flavor: 'mysql', galera: false },
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
  } as const;
  if (config.type === 'mysql') {
    return {
      ...common,
      type: server.flavor,
      url: config.url,
      ...(config.socketPath ? { socketPath: config.socketPath } : {}),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: ['DATE'],
      // Database down (issue #16): a connect gives up after DATABASE_CONNECT_TIMEOUT_MS and at most
      // POOL_QUEUE_LIMIT requests wait for a connection (the next is refused at once), so a request
      // never hangs on a dead server; both surface as 503 SYSTEM.DATABASE_UNAVAILABLE
      // (availability.ts). TCP keep-alive finds connections a vanished server left open.
      connectTimeout: DATABASE_CONNECT_TIMEOUT_MS,
      // mysql2 captures a stack trace for every query by default (`trace`), for error messages we
      // never show: 5 % of a comment's CPU (issue #16). Our own errors carry their own context.
      trace: false,
      // A transaction's writes travel as one multi-statement request (batched-transaction.ts): a
      // comment's transaction is 2 round trips instead of 6. What this flag risks is an injected
      // second statement; every value reaches SQL as a bound parameter (query builder, `?`,
      // insertStatement), never spliced into the text. Not on a Galera node: in one of four runs
      // of the node-kill drill with batching, one acknowledged comment was not stored, and until
      // that is understood a cluster gets one statement per request (see docs/deploy.md).
      multipleStatements: !server.galera,
      extra: {
        connectionLimit: POOL_CONNECTION_LIMIT,
        waitForConnections: true,
        queueLimit: POOL_QUEUE_LIMIT,
        enableKeepAlive: true,
        keepAliveInitialDelay: 10_000,
      },
    };
  }
  const path = config.sqlitePath ?? ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: path,
    // WAL lets readers go on while a writer commits; a writer waits up to 5 s for a lock.
    enableWAL: path !== ':memory:',
    timeout: 5000,
  };
}

/** The MySQL pool: connections per instance, requests allowed to wait for one, connect timeout. */
export const POOL_CONNECTION_LIMIT = 20;
export const POOL_QUEUE_LIMIT = 500;
export const DATABASE_CONNECT_TIMEOUT_MS = 3000;

export type MysqlFlavor = 'mysql' | 'mariadb';

/** What the app needs to know about its MySQL server before opening the pool. */
export interface MysqlServer {
  flavor: MysqlFlavor;
  /** A MariaDB Galera node (wsrep_on = ON). */
  galera: boolean;
}

/**
 * MariaDB and MySQL report column metadata differently; TypeORM needs to know which one it talks to
 * (for schema comparison), and a Galera node gets no multi-statement requests. One short connection
 * asks the server.
 */
export async function detectMysqlServer(config: DatabaseConfig): Promise<MysqlServer> {
  if (config.type !== 'mysql') return { flavor: 'mysql', galera: false };
  const connection = await createConnection({
    uri: config.url,
    ...(config.socketPath ? { socketPath: config.socketPath } : {}),
    connectTimeout: 10_000,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const flavor = /mariadb/i.test(String((rows as Array<{ version: string }>)[0]?.version))
      ? 'mariadb'
      : 'mysql';
    // MySQL and TiDB have no such variable (no rows); a MariaDB without Galera says OFF.
    const [wsrep] = await connection.query("SHOW VARIABLES LIKE 'wsrep_on'");
    const galera = String((wsrep as Array<{ Value?: string }>)[0]?.Value ?? 'OFF').toUpperCase() === 'ON';
    return { flavor, galera };
  } finally {
    await connection.end();
  }
}

export async function createDataSource(config: DatabaseConfig): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions(config, await detectMysqlServer(config)));
}

/** Whether the pool takes several statements in one request (see multipleStatements above). */
export function takesMultipleStatements(dataSource: DataSource): boolean {
  return (dataSource.options as { multipleStatements?: boolean }).multipleStatements === true;
}

export function isMysqlFamily(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}

/** Fails fast when a MySQL database would store Chinese text or emoji badly. */
export async function assertUtf8mb4(dataSource: DataSource): Promise<void> {
  if (!isMysqlFamily(dataSource)) return;
  const rows: Array<{ charset: string }> = await dataSource.query(
    'SELECT @@character_set_database AS charset',
  );
  const charset = rows[0]?.charset;
  if (charset !== 'utf8mb4') {
    throw new Error(
      `The MySQL database uses character set "${charset}"; 今日工作 needs utf8mb4 (Chinese text and emoji). ` +
        'Create it with: CREATE DATABASE <name> CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    );
  }
}
