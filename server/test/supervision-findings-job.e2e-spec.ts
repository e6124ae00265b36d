import type { DemoPersona } from '@jinri/shared';
import { DataSource, In } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { APP_CONFIG } from '../src/config/app.config';
import { CLOCK } from '../src/common/clock';
import { JobRun } from '../src/modules/jobs/job-run.entity';
import { JobLockService } from '../src/modules/jobs/job-lock.service';
import { DEFAULT_JOURNAL_RULES, JournalRulesService } from '../src/modules/journals/journal-rules.service';
import { ComplianceFinding } from '../src/modules/supervision/compliance-finding.entity';
import { FindingsCheckJob } from '../src/modules/supervision/findings-check.job';
import { FindingsCheckService } from '../src/modules/supervision/findings-check.service';
import { call } from './app';
import { testDatabases } from './databases';
import { type DemoCounty, startDemoCounty } from './helpers/demo-county';

/** Wednesday 2026-11-18; the county's plans go public at 08:00, town Y's (its own rules) at 10:00. */
const DAY = '2026-11-18';

describe.each(testDatabases())('the morning check job (%s)', (_name, makeDatabase) => {
  let county: DemoCounty;
  let clock: FixedClock;
  let data: DataSource;
  let sut: FindingsCheckJob;
  let townX: number;
  let townY: number;
  let officialX: number;
  let officialY: number;

  /** Another instance of the app: the same database, nothing remembered of the runs it did not see. */
  const otherInstance = () =>
    new FindingsCheckJob(
      county.sut.app.get(FindingsCheckService),
      county.sut.app.get(JournalRulesService),
      county.sut.app.get(JobLockService),
      county.sut.app.get(APP_CONFIG),
      county.sut.app.get(CLOCK),
    );
  const findingsOn = (officialId: number) =>
    data.getRepository(ComplianceFinding).find({ where: { officialId, date: DAY } });
  const runsOf = (keys: string[]) =>
    data.getRepository(JobRun).find({ where: { job: 'findings-daily', fireKey: In(keys) } });

  beforeAll(async () => {
    clock = new FixedClock(atLocal(DAY, '07:30'));
    county = await startDemoCounty(makeDatabase, { clock });
    data = county.sut.app.get(DataSource);
    const personas = (await call<DemoPersona[]>(county.sut.url, 'GET', '/demo/personas')).body.filter(
      (p) => p.role === 'official',
    );
    officialX = personas[0]!.officialId!;
    officialY = personas[1]!.officialId!;
    const unitOf = async (officialId: number) =>
      (
        await call<{ posts: Array<{ unit: { id: number } }> }>(
          county.sut.url,
          'GET',
          `/officials/${officialId}`,
        )
      ).body.posts[0]!.unit.id;
    townX = await unitOf(officialX);
    townY = await unitOf(officialY);
    expect(townX).not.toBe(townY);
    const rules = county.sut.app.get(JournalRulesService);
    const {
      unitId: _u,
      unitPath: _p,
      ...defaults
    } = { ...DEFAULT_JOURNAL_RULES, unitId: null, unitPath: '/' };
    // Town X keeps the county's times under its own rules row; town Y publishes at 10:00.
    await rules.save(townX, defaults);
    await rules.save(townY, { ...defaults, publicationTime: '10:00' });
    sut = county.sut.app.get(FindingsCheckJob);
  }, 120_000);

  afterAll(async () => {
    await county?.sut.app.close();
    await county?.stub.close();
    await county?.database.drop();
  });

  it('waits for the publication time before judging the day', async () => {
    clock.set(atLocal(DAY, '07:59'));
    await sut.run();
    expect(await findingsOn(officialX)).toEqual([]);
    expect(await runsOf([`default:${DAY}`, `${townX}:${DAY}`])).toEqual([]);
  });

  it('judges every jurisdiction due at 08:00 in one run, each fire key recorded once', async () => {
    clock.set(atLocal(DAY, '08:05'));
    await sut.run();
    expect((await findingsOn(officialX)).map((f) => f.kind)).toEqual(['missing']);
    expect(await findingsOn(officialY)).toEqual([]);
    const runs = await runsOf([`default:${DAY}`, `${townX}:${DAY}`, `${townY}:${DAY}`]);
    expect(runs.map((r) => r.fireKey).sort()).toEqual([`${townX}:${DAY}`, `default:${DAY}`].sort());
    expect(runs.every((r) => r.finishedAt !== null && !String(r.result).startsWith('failed'))).toBe(true);
  });

  it('records nothing when another instance runs the same minute', async () => {
    const before = await data.getRepository(ComplianceFinding).count();
    expect(await otherInstance().run()).toBe(0);
    expect(await data.getRepository(ComplianceFinding).count()).toBe(before);
  });

  it('judges a jurisdiction with a later publication time when its time comes', async () => {
    clock.set(atLocal(DAY, '10:05'));
    await sut.run();
    expect((await findingsOn(officialY)).map((f) => f.kind)).toEqual(['missing']);
    expect(await runsOf([`${townY}:${DAY}`])).toHaveLength(1);
    expect(await findingsOn(officialX)).toHaveLength(1);
  });
});
