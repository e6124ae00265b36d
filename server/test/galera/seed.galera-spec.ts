import { StartedClock } from '../../src/common/clock';
import { LEASE_TABLE } from '../../src/database/lease';
import { buildDemoCounty } from '../../src/database/seed/demo-county.data';
import { call, type TestApp } from '../app';
import {
  closeApps,
  describeGalera,
  GALERA_TIMEOUT,
  galeraDatabase,
  startGaleraApps,
  type GaleraDatabase,
} from './cluster';

/** A Wednesday morning (Beijing), so every part of the demo seed has something to write. */
const START = new Date('2026-11-18T02:30:00Z');

describeGalera('The demo seed when every instance starts at once on a Galera cluster', () => {
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
    'starts three instances with SEED_DEMO=1 on three nodes at once and seeds the demo once',
    async () => {
      const started = Date.now();
      apps = await startGaleraApps(database, () => ({
        env: { SEED_DEMO: '1', DEMO_LOGIN: '1' },
        clock: new StartedClock(START),
      }));
      process.stdout.write(
        `[galera seed] 3 instances with SEED_DEMO=1 started at once in ${Date.now() - started} ms\n`,
      );
      for (const app of apps) expect((await call(app.url, 'GET', '/health')).status).toBe(200);

      const count = async (sql: string) => Number((await database.query<{ n: number }>(1, sql))[0]?.n);
      // The county: every unit once (its codes are unique, so a second seed would have failed a start).
      expect(await count('SELECT COUNT(*) AS n FROM units')).toBe(buildDemoCounty().units.length);
      // Read-then-write parts that no unique key guards: a second seed would double them.
      expect(await count('SELECT COUNT(*) AS n FROM record_views')).toBe(2);
      const flags = await database.query<{ n: number }>(
        1,
        'SELECT COUNT(*) AS n FROM flag_awards GROUP BY jurisdiction_unit_id, level, period, from_date',
      );
      expect(flags.length).toBeGreaterThan(0);
      expect(flags.filter((f) => Number(f.n) !== 1)).toEqual([]);
      const tickets = await count('SELECT COUNT(*) AS n FROM tickets');
      const plans = await count('SELECT COUNT(*) AS n FROM day_plans');
      process.stdout.write(
        `[galera seed] ${tickets} tickets, ${plans} day plans, ${flags.length} flag awards, 2 record views\n`,
      );
      expect(tickets).toBeGreaterThan(0);
      expect(
        await database.query(
          1,
          'SELECT official_id, date, COUNT(*) AS n FROM day_plans GROUP BY official_id, date HAVING COUNT(*) > 1',
        ),
      ).toEqual([]);
      // Every lease released: the next start takes each at once.
      expect(await database.query(2, `SELECT * FROM ${LEASE_TABLE}`)).toEqual([]);
    },
    GALERA_TIMEOUT,
  );
});
