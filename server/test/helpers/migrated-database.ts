import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import type { TestDatabase } from '../databases';

/**
 * A fresh test database with the schema migrated and no app: for the seed and maintenance code
 * that works on a DataSource. The caller destroys the DataSource and drops the database.
 */
export async function openMigratedDatabase(
  makeDatabase: () => TestDatabase,
): Promise<{ database: TestDatabase; dataSource: DataSource }> {
  const database = makeDatabase();
  await database.create();
  try {
    const dataSource = await createDataSource(database.config());
    await dataSource.initialize();
    await runMigrations(dataSource);
    return { database, dataSource };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
