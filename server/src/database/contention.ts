import type { DataSource, EntityManager } from 'typeorm';

/**
 * Lock contention on MySQL/MariaDB (and a Galera certification failure, which reports the same
 * 1213): the transaction was rolled back whole, so running it again is safe and usually succeeds.
 *   1213 ER_LOCK_DEADLOCK, 1205 ER_LOCK_WAIT_TIMEOUT
 */
const CONTENTION_ERRNOS = new Set([1213, 1205]);

interface DriverErrorLike {
  errno?: unknown;
  driverError?: { errno?: unknown };
}

export function isContention(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as DriverErrorLike;
  return CONTENTION_ERRNOS.has(Number(e.errno)) || CONTENTION_ERRNOS.has(Number(e.driverError?.errno));
}

/**
 * A unique or primary key already holds the value: MySQL/MariaDB/TiDB 1062 ER_DUP_ENTRY, SQLite's
 * UNIQUE or PRIMARY KEY constraint (better-sqlite3 error codes).
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as DriverErrorLike & { code?: unknown; driverError?: { code?: unknown } };
  if (Number(e.errno) === 1062 || Number(e.driverError?.errno) === 1062) return true;
  const code = String(e.driverError?.code ?? e.code ?? '');
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Runs a whole transaction again when it lost a lock race (bounded: `attempts` runs in all, with a
 * short jittered pause between them). Any other error, or contention on the last run, is thrown; the
 * exception filter answers contention with 409, never 500.
 */
export async function retryOnContention<T>(
  transaction: () => Promise<T>,
  { attempts = 3, pauseMs = 20, sleep = defaultSleep }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!isContention(error) || attempt >= attempts) throw error;
      await sleep(pauseMs * attempt + Math.floor(Math.random() * pauseMs));
    }
  }
}

export interface RetryOptions {
  attempts?: number;
  pauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * THE way a repository runs a write transaction: the whole transaction runs again when it lost a
 * lock race or Galera certification (1213, usually at COMMIT when another node changed the same rows
 * first). Safe because a transaction that failed was rolled back whole and its work re-reads what it
 * checks (versions, states, existing rows), so a retry either succeeds or fails cleanly (a version
 * conflict, a state error). The work must touch nothing outside the database but idempotent caches.
 */
export function retriedTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return retryOnContention(() => dataSource.transaction(work));
}
