import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { isMysqlFamily } from './data-source';

/**
 * Work that must run on one instance at a time however many start together (the migrations, the demo
 * seed), on one MySQL server or a whole cluster.
 *
 * SQLite: the work runs at once (one process owns the file). MySQL family: a lease row, not GET_LOCK —
 * a named lock is per server, so on a Galera cluster (every node takes writes) three instances on
 * three nodes would each "hold" it. The lease is a row of a small table made outside the migrations
 * (CREATE TABLE IF NOT EXISTS: it must exist before the first one runs), one row per lease name. It
 * is claimed with an INSERT of its primary key: whoever commits first holds it; the others get a 1062
 * duplicate key (one server, or a node that has applied the winner's row) or a 1213 certification
 * failure (Galera, both inserts in flight on different nodes) — both mean "held". It expires
 * `leaseSeconds` after its last renewal (renewed every third of that while the work runs) so a
 * crashed holder blocks the others for at most that long; an expired row is taken over by an UPDATE
 * that only one claimant can win. Waiters poll until they hold it, then run their work, which finds
 * what the holder did (nothing pending, the seed present). Works on MySQL, MariaDB, Galera and TiDB
 * (expiry on the database's own UTC clock, so instances' clocks do not matter).
 */
export async function withLease<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
  options: LeaseOptions = {},
): Promise<T> {
  if (!isMysqlFamily(dataSource)) return work();
  const lease = new Lease(dataSource, name, options);
  await lease.acquire();
  try {
    return await work();
  } finally {
    await lease.release();
  }
}

export interface LeaseOptions {
  /** How long a lease lives without renewal (default 60 s). */
  leaseSeconds?: number;
  /** Pause between two claims while another instance holds it (default 500 ms, jittered). */
  pollMs?: number;
  /** Give up waiting after this long (default 15 min). */
  waitMs?: number;
  /** Told once when the lease is held by someone else and this instance starts waiting. */
  onWait?: (holder: string) => void;
}

/** One row per lease name (the first lease was the migrations'; the name stays). */
export const LEASE_TABLE = 'migration_lease';

/** A duplicate key, a lost lock race or certification failure, a TiDB write conflict: someone else won. */
const LOST_RACE = new Set([1062, 1213, 1205, 9007]);

function errnoOf(error: unknown): number | undefined {
  const e = error as { errno?: unknown; driverError?: { errno?: unknown } } | null;
  const errno = Number(e?.errno ?? e?.driverError?.errno);
  return Number.isFinite(errno) ? errno : undefined;
}

const lostRace = (error: unknown) => LOST_RACE.has(errnoOf(error) ?? 0);

class Lease {
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`.slice(0, 100);
  private readonly leaseSeconds: number;
  private renewal?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly name: string,
    private readonly options: LeaseOptions,
  ) {
    this.leaseSeconds = Math.max(1, Math.round(options.leaseSeconds ?? 60));
  }

  async acquire(): Promise<void> {
    await this.dataSource.query(
      `CREATE TABLE IF NOT EXISTS ${LEASE_TABLE} (
         name VARCHAR(64) NOT NULL PRIMARY KEY,
         holder VARCHAR(100) NOT NULL,
         expires_at DATETIME(3) NOT NULL
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
    );
    const pollMs = this.options.pollMs ?? 500;
    const deadline = Date.now() + (this.options.waitMs ?? 15 * 60_000);
    let told = false;
    while (!(await this.claim())) {
      if (!told) {
        told = true;
        this.options.onWait?.(await this.currentHolder());
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for the ${this.name} lease held by ${await this.currentHolder()}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs / 2 + Math.random() * pollMs));
    }
    const every = Math.max(250, (this.leaseSeconds * 1000) / 3);
    this.renewal = setInterval(() => void this.renew(), every);
    this.renewal.unref();
  }

  async release(): Promise<void> {
    clearInterval(this.renewal);
    await this.dataSource.query(`DELETE FROM ${LEASE_TABLE} WHERE name = ? AND holder = ?`, [
      this.name,
      this.holder,
    ]);
  }

  /** True when this instance now holds the lease: a fresh row, or an expired one taken over. */
  private async claim(): Promise<boolean> {
    try {
      await this.dataSource.query(
        `INSERT INTO ${LEASE_TABLE} (name, holder, expires_at)
         VALUES (?, ?, UTC_TIMESTAMP(3) + INTERVAL ? SECOND)`,
        [this.name, this.holder, this.leaseSeconds],
      );
      return true;
    } catch (error) {
      if (!lostRace(error)) throw error;
    }
    try {
      // Only one claimant's UPDATE can match an expired row: on one server the row lock makes the
      // second re-read a fresh expiry; on Galera the second loses certification (1213).
      const result: unknown = await this.dataSource.query(
        `UPDATE ${LEASE_TABLE} SET holder = ?, expires_at = UTC_TIMESTAMP(3) + INTERVAL ? SECOND
         WHERE name = ? AND expires_at < UTC_TIMESTAMP(3)`,
        [this.holder, this.leaseSeconds, this.name],
      );
      return affectedRows(result) === 1;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }

  private async renew(): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE ${LEASE_TABLE} SET expires_at = UTC_TIMESTAMP(3) + INTERVAL ? SECOND
         WHERE name = ? AND holder = ?`,
        [this.leaseSeconds, this.name, this.holder],
      );
    } catch {
      // The next renewal tries again; the lease outlives two missed renewals.
    }
  }

  private async currentHolder(): Promise<string> {
    const rows: Array<{ holder: string }> = await this.dataSource.query(
      `SELECT holder FROM ${LEASE_TABLE} WHERE name = ?`,
      [this.name],
    );
    return rows[0]?.holder ?? 'nobody (just released)';
  }
}

/** TypeORM's MySQL driver answers an UPDATE with the driver's result header (affectedRows). */
function affectedRows(result: unknown): number {
  const header = (Array.isArray(result) ? (result[1] ?? result[0]) : result) as
    { affectedRows?: unknown } | undefined;
  return Number(header?.affectedRows ?? 0);
}
