import { createConnection } from 'mysql2/promise';

/**
 * Before the database tests: when TEST_MYSQL_URL is set, MySQL must answer. With REQUIRE_MYSQL=1
 * (CI) a missing TEST_MYSQL_URL or an unreachable server fails the run instead of skipping MySQL.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_MYSQL_URL;
  const required = process.env.REQUIRE_MYSQL === '1';
  if (!url) {
    if (required)
      throw new Error('REQUIRE_MYSQL=1 but TEST_MYSQL_URL is not set: the MySQL database tests cannot run');
    process.stdout.write('\n[db tests] TEST_MYSQL_URL is not set: running against SQLite only.\n');
    return;
  }
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 5000 });
    const [rows] = await connection.query('SELECT VERSION() AS version');
    await connection.end();
    process.stdout.write(
      `\n[db tests] MySQL reachable: ${(rows as Array<{ version: string }>)[0]?.version}\n`,
    );
  } catch (error) {
    throw new Error(`TEST_MYSQL_URL is set but MySQL is unreachable: ${(error as Error).message}`);
  }
}
