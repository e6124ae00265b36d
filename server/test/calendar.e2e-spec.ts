import type { ApiErrorBody, AuthTokens, DemoPersona } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import type { CalendarYear } from '../src/modules/calendar/calendar.service';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

describe.each(testDatabases())('the working-day calendar on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  const clock = new FixedClock(new Date('2026-12-05T02:00:00Z'));

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' }, clock });
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('knows 2026 with its make-up Saturday, and warns in December that 2027 is missing', async () => {
    const year = (await call<CalendarYear>(sut.url, 'GET', '/calendar/2026')).body;
    expect(year.known).toBe(true);
    expect(year.days.find((d) => d.date === '2026-02-14')).toMatchObject({ isWorkday: true, entered: false });
    expect(year.days.find((d) => d.date === '2026-02-16')).toMatchObject({ isWorkday: false });
    expect(year.warning).toContain('2027 年的节假日安排尚未录入');
    expect((await call<CalendarYear>(sut.url, 'GET', '/calendar/2027')).body.known).toBe(false);
  });

  it('takes the admin’s entries, which every deadline then follows', async () => {
    const admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
    const saved = await call<CalendarYear>(sut.url, 'PUT', '/admin/calendar/2027-01-01', {
      token: admin,
      body: { isWorkday: false, name: '元旦' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.known).toBe(true);
    expect(saved.body.days).toContainEqual({
      date: '2027-01-01',
      isWorkday: false,
      name: '元旦',
      entered: true,
    });
    const december = (await call<CalendarYear>(sut.url, 'GET', '/calendar/2026')).body;
    expect(december.warning).toBeNull();
  });

  it('is corrected by the whole jurisdiction’s admin only', async () => {
    const head = (await call<DemoPersona[]>(sut.url, 'GET', '/demo/personas')).body.find(
      (p) => p.role === 'official',
    )!;
    const townAdmin = (
      await call<AuthTokens>(sut.url, 'POST', '/auth/demo', {
        body: { role: 'admin', officialId: head.officialId },
      })
    ).body.accessToken;
    const refused = await call<ApiErrorBody>(sut.url, 'PUT', '/admin/calendar/2027-01-02', {
      token: townAdmin,
      body: { isWorkday: false, name: '放假' },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
  });
});
