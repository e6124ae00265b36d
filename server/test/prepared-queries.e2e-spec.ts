import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { PreparedQueries } from '../src/database/prepared-queries';
import { countStatements, StatementLog } from '../src/database/statement-log';
import { User } from '../src/modules/auth/user.entity';
import { startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/**
 * Prepared reads (issue #16): built once, bound on every run; reads started in the same tick go to
 * MySQL as one request, each answered with its own rows, and a failing read does not take the others'
 * rows with it.
 */
describe.each(testDatabases())('prepared queries on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let app: TestApp;
  let dataSource: DataSource;
  let sut: PreparedQueries;
  const ids: number[] = [];

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    app = await startTestApp(database.config());
    dataSource = app.app.get<DataSource>(getDataSourceToken());
    for (const hash of ['prepared-spec-a', 'prepared-spec-b']) {
      const user = await dataSource
        .getRepository(User)
        .save({ openidHash: hash, openidEnc: null, demo: true, lastLoginAt: null });
      ids.push(user.id);
    }
  });

  beforeEach(() => {
    sut = new PreparedQueries(dataSource);
  });

  afterAll(async () => {
    await app?.app.close();
    await database?.drop();
  });

  const byId = (id: number) =>
    sut.rawOne<{ hash: string }>(
      'userById',
      () =>
        dataSource
          .getRepository(User)
          .createQueryBuilder('u')
          .select('u.openidHash', 'hash')
          .where('u.id = :id'),
      { id },
    );
  const byIds = (list: number[]) =>
    sut.rawMany<{ hash: string }>(
      'usersByIds',
      () =>
        dataSource
          .getRepository(User)
          .createQueryBuilder('u')
          .select('u.openidHash', 'hash')
          .where('u.id IN (:...list)')
          .orderBy('u.id'),
      { list },
    );
  const broken = () =>
    sut.rawMany('broken', () => dataSource.getRepository(User).createQueryBuilder('u').where('u.nope = :x'), {
      x: 1,
    });

  /** The requests of these reads only: the app's own background reads (cache version polls, jobs) share the pool. */
  const ours = (log: StatementLog) => log.take().filter((s) => /openid_hash/.test(s.sql));

  it('answers reads started in the same tick with their own rows, in one request on MySQL', async () => {
    const log = StatementLog.attach(dataSource);
    log.take();
    const [a, b, both] = await Promise.all([byId(ids[0]!), byId(ids[1]!), byIds(ids)]);
    expect(a?.hash).toBe('prepared-spec-a');
    expect(b?.hash).toBe('prepared-spec-b');
    expect(both.map((r) => r.hash)).toEqual(['prepared-spec-a', 'prepared-spec-b']);
    expect(countStatements(ours(log))).toEqual({
      statements: 3,
      roundTrips: name === 'mysql' ? 1 : 3,
      transactions: 0,
    });
  });

  it('sends reads of different ticks separately', async () => {
    const log = StatementLog.attach(dataSource);
    log.take();
    expect((await byId(ids[0]!))?.hash).toBe('prepared-spec-a');
    expect((await byId(ids[1]!))?.hash).toBe('prepared-spec-b');
    expect(countStatements(ours(log)).roundTrips).toBe(2);
  });

  it('gives a failing read its error and the reads beside it their rows', async () => {
    const [failed, a, b] = await Promise.allSettled([broken(), byId(ids[0]!), byId(ids[1]!)]);
    expect(failed.status).toBe('rejected');
    expect(a).toEqual({ status: 'fulfilled', value: { hash: 'prepared-spec-a' } });
    expect(b).toEqual({ status: 'fulfilled', value: { hash: 'prepared-spec-b' } });
    // The pool is clean afterwards: the next reads are answered.
    expect((await byIds(ids)).map((r) => r.hash)).toEqual(['prepared-spec-a', 'prepared-spec-b']);
  });

  it('binds the parameters of every run (nothing kept from the first)', async () => {
    expect((await byIds([ids[1]!])).map((r) => r.hash)).toEqual(['prepared-spec-b']);
    expect((await byIds([ids[0]!])).map((r) => r.hash)).toEqual(['prepared-spec-a']);
  });
});
