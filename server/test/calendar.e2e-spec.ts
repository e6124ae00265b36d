import type { ApiErrorBody, CalendarStatus } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { CalendarService, type CalendarYear } from '../src/modules/calendar/calendar.service';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { townAdminToken, demoToken } from './helpers/demo-county';

describe.each(testDatabases())('the working-day calendar on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  const clock = new FixedClock(new Date('2026-12-05T02:00:00Z'));

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' }, clock });
  });

  const login = (role: string, officialId?: number) => demoToken(sut.url, role, officialId);

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('knows 2026 with its make-up Saturday, and warns in December that 2027 is missing', async () => {
    const year = (await call<CalendarYear>(sut.url, 'GET', '/calendar/2026')).body;
    expect(year.known).toBe(true);
    expect(year.days.find((d) => d.date === '2026-02-14')).toMatchObject({ isWorkday: true, entered: false });
    expect(year.days.find((d) => d.date === '2026-02-16')).toMatchObject({ isWorkday: false });
    expect(year.warning).toBe('2027 年节假日安排尚未录入，工作日计算可能不准确');
    expect((await call<CalendarYear>(sut.url, 'GET', '/calendar/2027')).body.known).toBe(false);
  });

  it('warns admins and supervisors from December 1 in Shanghai, not on November 30', async () => {
    const supervisor = await login('supervisor');
    const admin = await login('admin');
    try {
      clock.set(new Date('2026-11-30T15:59:00Z')); // 23:59 on November 30 in Shanghai
      const november = await call<CalendarStatus>(sut.url, 'GET', '/calendar/status', { token: supervisor });
      expect(november.body).toMatchObject({ today: '2026-11-30', nextYear: 2027, nextYearKnown: false });
      expect(november.body.warning).toBeNull();
      clock.set(new Date('2026-11-30T16:00:00Z')); // 00:00 on December 1 in Shanghai
      for (const token of [supervisor, admin]) {
        const december = await call<CalendarStatus>(sut.url, 'GET', '/calendar/status', { token });
        expect([december.status, december.body.warning]).toEqual([
          200,
          '2027 年节假日安排尚未录入，工作日计算可能不准确',
        ]);
      }
      const resident = await login('resident');
      expect((await call<ApiErrorBody>(sut.url, 'GET', '/calendar/status', { token: resident })).status).toBe(
        403,
      );
    } finally {
      clock.set(new Date('2026-12-05T02:00:00Z'));
    }
  });

  it('takes the admin’s entries, which every deadline then follows, and knows the year once confirmed', async () => {
    const admin = await login('admin');
    const saved = await call<CalendarYear>(sut.url, 'PUT', '/admin/calendar/2027-01-01', {
      token: admin,
      body: { isWorkday: false, name: '元旦' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.days).toContainEqual({
      date: '2027-01-01',
      isWorkday: false,
      name: '元旦',
      entered: true,
    });
    // One entered day is not a whole year: the warning stays until the admin confirms it.
    expect([saved.body.known, saved.body.confirmedAt]).toEqual([false, null]);
    expect(
      (await call<CalendarStatus>(sut.url, 'GET', '/calendar/status', { token: admin })).body.warning,
    ).toBe('2027 年节假日安排尚未录入，工作日计算可能不准确');
    const confirmed = await call<CalendarYear>(sut.url, 'PUT', '/admin/calendar-years/2027', {
      token: admin,
    });
    expect([confirmed.status, confirmed.body.known, confirmed.body.packaged]).toEqual([200, true, false]);
    expect(confirmed.body.confirmedAt).toEqual(expect.any(String));
    const status = (await call<CalendarStatus>(sut.url, 'GET', '/calendar/status', { token: admin })).body;
    expect([status.nextYearKnown, status.warning]).toEqual([true, null]);
    const december = (await call<CalendarYear>(sut.url, 'GET', '/calendar/2026')).body;
    expect(december.warning).toBeNull();
  });

  it('refuses to confirm a year the package does not cover while no holiday of it is entered', async () => {
    const refused = await call<ApiErrorBody>(sut.url, 'PUT', '/admin/calendar-years/2028', {
      token: await login('admin'),
    });
    expect([refused.status, refused.body.code]).toEqual([400, 'CALENDAR.YEAR_EMPTY']);
  });

  it('removes an admin entry made by mistake and keeps who entered and removed it, and when', async () => {
    const admin = await login('admin');
    const entered = await call<CalendarYear>(sut.url, 'PUT', '/admin/calendar/2027-02-06', {
      token: admin,
      body: { isWorkday: true, name: '调休上班' },
    });
    expect(entered.body.days.find((d) => d.date === '2027-02-06')).toMatchObject({ isWorkday: true });
    const removed = await call<CalendarYear>(sut.url, 'DELETE', '/admin/calendar/2027-02-06', {
      token: admin,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.days.find((d) => d.date === '2027-02-06')).toBeUndefined();
    const changes = await sut.app.get(CalendarService).changesOf('2027-02-06');
    expect(changes.map((c) => [c.action, c.isWorkday, c.name])).toEqual([
      ['set', true, '调休上班'],
      ['delete', true, '调休上班'],
    ]);
    expect(changes[1]!.userId).toEqual(expect.any(Number));
    expect(changes[1]!.createdAt).toBeInstanceOf(Date);
    const again = await call<ApiErrorBody>(sut.url, 'DELETE', '/admin/calendar/2027-02-06', { token: admin });
    expect([again.status, again.body.code]).toEqual([404, 'CALENDAR.ENTRY_NOT_FOUND']);
  });

  it('is corrected by the whole jurisdiction’s admin only', async () => {
    const townAdmin = await townAdminToken(sut.url);
    const refused = await call<ApiErrorBody>(sut.url, 'PUT', '/admin/calendar/2027-01-02', {
      token: townAdmin,
      body: { isWorkday: false, name: '放假' },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
    for (const [method, path] of [
      ['DELETE', '/admin/calendar/2027-01-01'],
      ['PUT', '/admin/calendar-years/2027'],
    ] as const) {
      const denied = await call<ApiErrorBody>(sut.url, method, path, { token: townAdmin });
      expect([method, denied.status, denied.body.code]).toEqual([method, 403, 'AUTH.OUT_OF_SCOPE']);
    }
  });
});
