import { JobLockService } from '../../src/modules/jobs/job-lock.service';
import type { TestApp } from '../app';
import {
  certificationFailures,
  closeApps,
  describeGalera,
  GALERA_TIMEOUT,
  galeraDatabase,
  serverRetryOff,
  startGaleraApps,
  type GaleraDatabase,
} from './cluster';

const FIRE_TIMES = 40;

describeGalera('Scheduled jobs on three instances on three Galera nodes', () => {
  let database: GaleraDatabase;
  let apps: TestApp[] = [];

  beforeAll(async () => {
    database = galeraDatabase();
    await database.create();
    apps = await startGaleraApps(database);
    // Every certification failure reaches the app: MariaDB's own retry of a lone statement would
    // otherwise rescue most losing claims, and the spec would pass without the app's handling.
    await serverRetryOff(apps);
  }, GALERA_TIMEOUT);

  afterAll(async () => {
    await closeApps(apps);
    await database?.drop();
  }, GALERA_TIMEOUT);

  it(
    'runs each fire time exactly once when every instance fires it at the same moment',
    async () => {
      const ran = new Map<string, string[]>();
      const conflictsBefore = await certificationFailures();
      const fireKeys = Array.from(
        { length: FIRE_TIMES },
        (_, i) => `2026-11-16T${String(i).padStart(4, '0')}`,
      );
      // Each fire time is fired by the three instances together (as their schedulers would).
      const outcomes = await Promise.allSettled(
        fireKeys.flatMap((fireKey) =>
          apps.map((app, node) =>
            app.app.get(JobLockService).runOnce('galera-exactly-once', fireKey, async () => {
              ran.set(fireKey, [...(ran.get(fireKey) ?? []), `node${node + 1}`]);
              return node;
            }),
          ),
        ),
      );
      const conflicts = (await certificationFailures()) - conflictsBefore;
      process.stdout.write(
        `[galera jobs] ${FIRE_TIMES} fire times × 3 instances: ${conflicts} certification conflicts, ` +
          `runs per node ${JSON.stringify(countBy([...ran.values()].flat()))}\n`,
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect(fireKeys.filter((k) => ran.get(k)?.length !== 1)).toEqual([]);
      const recorded = await database.query<{ n: number }>(
        2,
        "SELECT COUNT(*) AS n FROM job_runs WHERE job = 'galera-exactly-once' AND finished_at IS NOT NULL",
      );
      expect(Number(recorded[0]?.n)).toBe(FIRE_TIMES);
    },
    GALERA_TIMEOUT,
  );
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
