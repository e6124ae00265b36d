import type { ApiErrorBody, AuthTokens, DemoPersona } from '@jinri/shared';
import sharp from 'sharp';
import { addDays, localDate } from '../src/common/time/local-time';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/** Inputs the fuzzer (test/fuzz) found giving 500: each must be a 400 with a stable code. */
describe.each(testDatabases())('hostile input on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  let clerk: string;
  let officialId: number;
  let unitId: number;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' } });
    officialId = (await call<DemoPersona[]>(sut.url, 'GET', '/demo/personas')).body.find(
      (p) => p.role === 'official',
    )!.officialId!;
    clerk = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'clerk', officialId } }))
      .body.accessToken;
    unitId = (
      await call<{ posts: Array<{ unit: { id: number } }> }>(sut.url, 'GET', `/officials/${officialId}`)
    ).body.posts[0]!.unit.id;
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('refuses an object whose toString or valueOf is not a function where a number is expected', async () => {
    for (const officialId of [{ toString: 'x' }, { valueOf: 1, toString: [] }]) {
      const response = await call<ApiErrorBody>(sut.url, 'POST', '/auth/demo', {
        body: { role: 'official', officialId },
      });
      expect([response.status, response.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
    }
  });

  it('refuses a photo whose header reads but whose pixels are cut short with 400 UPLOAD.DAMAGED', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([png.subarray(0, png.length - 40)], { type: 'image/png' }), 'photo.png');
    const response = await fetch(`${sut.url}/api/v1/uploads`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect([response.status, ((await response.json()) as ApiErrorBody).code]).toEqual([
      400,
      'UPLOAD.DAMAGED',
    ]);
  });

  it('refuses a plan entry that is an array instead of an object, on every route that takes entries', async () => {
    const date = addDays(localDate(new Date()), 1);
    const requests: Array<[string, string, unknown]> = [
      ['POST', '/plans/check', { entries: [[{ what: '日常工作' }]] }],
      ['POST', '/plans/check', { entries: [[]] }],
      ['PUT', `/plans/${officialId}/${date}`, { entries: [[]] }],
      ['PUT', `/units/${unitId}/plans`, { date, plans: [[]] }],
      ['PUT', `/units/${unitId}/plans`, { date, plans: [{ officialId, entries: [[]] }] }],
    ];
    for (const [method, path, body] of requests) {
      const response = await call<ApiErrorBody>(sut.url, method, path, { token: clerk, body });
      expect([path, response.status, response.body.code]).toEqual([path, 400, 'COMMON.VALIDATION_FAILED']);
    }
  });
});
