import { createDataSource } from '../../src/database/data-source';
import { LEASE_TABLE, runMigrations } from '../../src/database/migrate';
import { MIGRATIONS } from '../../src/database/migrations';
import { call, type TestApp } from '../app';
import {
  closeApps,
  describeGalera,
  GALERA_TIMEOUT,
  galeraDatabase,
  startGaleraApp,
  startGaleraApps,
  type GaleraDatabase,
} from './cluster';

describeGalera('Migrations when every instance starts at once on a Galera cluster', () => {
  describe('on a fresh database', () => {
    let database: GaleraDatabase;
    let apps: TestApp[] = [];

    beforeAll(async () => {
      database = galeraDatabase();
      await database.create();
    }, GALERA_TIMEOUT);

    afterAll(async () => {
      await closeApps(apps);
      await database?.drop();
    }, GALERA_TIMEOUT);

    it(
      'starts three instances on three nodes at once and applies each migration exactly once',
      async () => {
        const started = Date.now();
        apps = await startGaleraApps(database);
        process.stdout.write(`[galera] 3 instances started at once in ${Date.now() - started} ms\n`);
        for (const app of apps) expect((await call(app.url, 'GET', '/health')).status).toBe(200);
        for (const node of [0, 1, 2] as const) {
          const rows = await database.query<{ name: string; n: number }>(
            node,
            'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name',
          );
          expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
          expect(rows).toHaveLength(MIGRATIONS.length);
        }
        // Released at the end: the next start claims it at once.
        expect(await database.query(1, `SELECT * FROM ${LEASE_TABLE}`)).toEqual([]);
      },
      GALERA_TIMEOUT,
    );
  });

  describe('when the lease is already held', () => {
    let database: GaleraDatabase;
    let app: TestApp | undefined;

    beforeAll(async () => {
      database = galeraDatabase();
      await database.create();
      const dataSource = await createDataSource(database.config(0));
      await dataSource.initialize();
      try {
        await runMigrations(dataSource);
      } finally {
        await dataSource.destroy();
      }
    }, GALERA_TIMEOUT);

    afterAll(async () => {
      await app?.app.close();
      await database?.drop();
    }, GALERA_TIMEOUT);

    it(
      'takes over a lease whose holder crashed once it has expired',
      async () => {
        await database.query(
          0,
          `INSERT INTO ${LEASE_TABLE} (name, holder, expires_at)
           VALUES ('migrations', 'crashed-host:1', UTC_TIMESTAMP(3) - INTERVAL 5 SECOND)`,
        );
        app = await startGaleraApp(database, 2);
        expect((await call(app.url, 'GET', '/health')).status).toBe(200);
        expect(await database.query(1, `SELECT * FROM ${LEASE_TABLE}`)).toEqual([]);
      },
      GALERA_TIMEOUT,
    );

    it(
      'waits while a live holder has the lease, then finds nothing pending',
      async () => {
        await database.query(
          0,
          `INSERT INTO ${LEASE_TABLE} (name, holder, expires_at)
           VALUES ('migrations', 'slow-host:2', UTC_TIMESTAMP(3) + INTERVAL 2 SECOND)`,
        );
        const dataSource = await createDataSource(database.config(1));
        await dataSource.initialize();
        try {
          const waitedFor: string[] = [];
          const started = Date.now();
          const applied = await runMigrations(dataSource, { pollMs: 200, onWait: (h) => waitedFor.push(h) });
          expect(waitedFor).toEqual(['slow-host:2']);
          expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
          expect(applied).toEqual([]);
        } finally {
          await dataSource.destroy();
        }
      },
      GALERA_TIMEOUT,
    );
  });
});
