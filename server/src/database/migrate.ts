import type { DataSource, Migration } from 'typeorm';
import { isMysqlFamily } from './data-source';

const LOCK_NAME = 'jinri_migrations';

/**
 * Runs pending migrations. On MySQL the run holds a named lock (GET_LOCK) so that several server
 * instances starting together apply each migration once; on SQLite the file lock serialises writers.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  if (!isMysqlFamily(dataSource)) {
    return dataSource.runMigrations({ transaction: 'each' });
  }
  const runner = dataSource.createQueryRunner();
  try {
    const rows: Array<{ got: number | string | null }> = await runner.query(
      'SELECT GET_LOCK(?, 120) AS got',
      [LOCK_NAME],
    );
    if (Number(rows[0]?.got) !== 1)
      throw new Error('Timed out waiting for the migration lock held by another instance');
    try {
      // MySQL commits DDL implicitly, so a transaction per migration buys nothing there.
      return await dataSource.runMigrations({ transaction: 'none' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}
