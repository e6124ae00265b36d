import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A counter on MySQL/MariaDB/TiDB is one row per database node, "<name>#<node>" (the node that runs
 * the statement names it: a hash of its @@hostname and @@port), and its value is the sum of its rows.
 * On a Galera cluster two instances writing through different nodes then never update the same row:
 * a single hot row made about one in three concurrent plan saves on two nodes fail certification
 * (1213). Writers through one node still queue on that node's row, as before. A plain "<name>" row
 * (SQLite, the demo seed, counters from before) is part of the sum too.
 */
const NODE_ROW = "CONCAT(?, '#', LEFT(MD5(CONCAT(@@hostname, ':', @@port)), 8))";

/** Counter names: short enough for "#<node>" in varchar(32), and nothing LIKE reads as a wildcard. */
function checked(name: string): string {
  if (name.length > 23 || /[%_#\\]/.test(name)) throw new Error(`Bad cache counter name: ${name}`);
  return name;
}

/** Named queries of the cache version counters. */
@Injectable()
export class CacheVersionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  /** The counter's value (the sum of its rows); 0 while it was never bumped. One primary-key range read. */
  async findVersion(name: string): Promise<number> {
    const rows: Array<{ version: unknown }> = await this.dataSource.query(
      'SELECT COALESCE(SUM(version), 0) AS version FROM cache_versions WHERE name = ? OR name LIKE ?',
      [checked(name), `${name}#%`],
    );
    return Number(rows[0]?.version ?? 0);
  }

  /** Every counter whose name starts with `prefix`. */
  async findVersionsStartingWith(prefix: string): Promise<Map<string, number>> {
    const rows: Array<{ name: string; version: unknown }> = await this.dataSource.query(
      'SELECT name, version FROM cache_versions WHERE name LIKE ?',
      [`${checked(prefix)}%`],
    );
    const versions = new Map<string, number>();
    for (const row of rows) {
      const name = row.name.split('#')[0]!;
      versions.set(name, (versions.get(name) ?? 0) + Number(row.version));
    }
    return versions;
  }

  /**
   * Adds one to the counter in one statement, creating its row at 1 the first time (in the caller's
   * transaction when `manager` is given): on MySQL the row of the node that runs it.
   */
  async increment(name: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      this.mysql
        ? `INSERT INTO cache_versions (name, version) VALUES (${NODE_ROW}, 1)
           ON DUPLICATE KEY UPDATE version = version + 1`
        : `INSERT INTO cache_versions (name, version) VALUES (?, 1)
           ON CONFLICT (name) DO UPDATE SET version = version + 1`,
      [checked(name)],
    );
  }
}
