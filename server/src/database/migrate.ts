import type { DataSource, Migration } from 'typeorm';
import { isMysqlFamily } from './data-source';
import { type LeaseOptions, withLease } from './lease';

export { LEASE_TABLE, type LeaseOptions } from './lease';

/**
 * Runs pending migrations, once, however many instances start together. SQLite: the file lock
 * serialises writers. MySQL family (Galera and TiDB included): under the "migrations" lease (lease.ts);
 * whoever waited for it then finds nothing pending.
 */
export async function runMigrations(
  dataSource: DataSource,
  options: LeaseOptions = {},
): Promise<Migration[]> {
  if (!isMysqlFamily(dataSource)) {
    return dataSource.runMigrations({ transaction: 'each' });
  }
  // MySQL commits DDL implicitly, so a transaction per migration buys nothing there.
  return withLease(
    dataSource,
    'migrations',
    () => dataSource.runMigrations({ transaction: 'none' }),
    options,
  );
}
