import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/**
 * The app and MySQL on one machine (a county's single box): DATABASE_SOCKET_PATH connects through
 * the server's Unix socket instead of TCP. Needs TEST_MYSQL_SOCKET, the socket of TEST_MYSQL_URL's
 * server (.ci/run sets both; in CI a MySQL run without it fails instead of skipping).
 */
const socket = process.env.TEST_MYSQL_SOCKET;
const mysql = testDatabases().find(([name]) => name === 'mysql');
const reason = !mysql ? 'TEST_MYSQL_URL is not set' : !socket ? 'TEST_MYSQL_SOCKET is not set' : '';

if (reason && mysql && process.env.CI)
  test('CI gives the socket of its MySQL server', () => {
    throw new Error(`${reason}: .ci/run must export it with TEST_MYSQL_URL`);
  });

(reason ? describe.skip : describe)(
  `the app on MySQL through its Unix socket${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let database: TestDatabase;
    let app: TestApp;

    beforeAll(async () => {
      database = mysql![1]();
      await database.create();
      app = await startTestApp({ ...database.config(), socketPath: socket });
    });

    afterAll(async () => {
      await app?.app.close();
      await database?.drop();
    });

    it('migrates, answers and keeps its connections on the socket, not TCP', async () => {
      expect((await call(app.url, 'GET', '/health/ready')).status).toBe(200);
      const data = app.app.get<DataSource>(getDataSourceToken());
      const [{ host }] = await data.query(
        'SELECT HOST AS host FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()',
      );
      // A socket connection is "localhost"; one over TCP would be "127.0.0.1:<port>".
      expect(host).toBe('localhost');
      const [{ n }] = await data.query('SELECT COUNT(*) AS n FROM migrations');
      expect(Number(n)).toBeGreaterThan(10);
    });
  },
);
