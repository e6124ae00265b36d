import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { ApiErrorBody, DemoPersona, SheetRowError, UnitChildrenResponse } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { call, startTestApp, type TestApp } from './app';
import { demoToken } from './helpers/demo-county';
import { testDatabases, type TestDatabase } from './databases';
import { hugePng, xlsxWithSheetOf } from './factories/hostile-bodies';

type Err = ApiErrorBody & { details?: SheetRowError[] };

/** Monday 2026-11-23, 17:00 in Asia/Shanghai: 7 hours to local midnight. */
const MONDAY_5PM = new Date('2026-11-23T09:00:00Z');
const TODAY = '2026-11-23';

/**
 * The hostile workbooks, deflated once before any app starts: deflating 100 MB blocks the event loop
 * for seconds on a loaded machine, long enough for the server to close the test's idle keep-alive
 * connections unseen, and the next request then met a reset instead of the server's answer.
 */
const BOMB = xlsxWithSheetOf(100 * 1024 * 1024);
const LIAR = xlsxWithSheetOf(5 * 1024 * 1024, 1000);

describe.each(testDatabases())('resource bounds on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  /** A second instance on the same database: the upload quota must hold across both. */
  let other: TestApp;
  let officials: number[];
  let rootUnit: number;
  const tokens: Record<string, string> = {};

  const demo = (role: string, officialId?: number) => demoToken(sut.url, role, officialId);

  /** A multipart POST of `parts` (a Blob part is a file). */
  const post = async (app: TestApp, path: string, token: string, parts: Array<[string, Blob | string]>) => {
    const form = new FormData();
    for (const [name, value] of parts) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, value, name === 'file' ? 'upload.bin' : `${name}.bin`);
    }
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Err };
  };
  const png = (bytes: Buffer) => new Blob([bytes], { type: 'image/png' });
  const xlsx = (bytes: Buffer) => new Blob([bytes], { type: 'application/octet-stream' });
  const multipartRoutes = () => [
    { path: '/uploads', token: tokens.official! },
    { path: `/units/${rootUnit}/plans/import?date=${TODAY}`, token: tokens.clerk! },
    { path: '/admin/directory/import', token: tokens.admin! },
  ];

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    const env = { DEMO_LOGIN: '1', SEED_DEMO: 'county', UPLOAD_DAILY_COUNT: '2', UPLOAD_DAILY_MB: '1' };
    const clock = new FixedClock(MONDAY_5PM);
    sut = await startTestApp(database.config(), { env, clock });
    other = await startTestApp(database.config(), { env, clock });
    officials = (await call<DemoPersona[]>(sut.url, 'GET', '/demo/personas')).body
      .filter((p) => p.role === 'official')
      .map((p) => p.officialId!);
    tokens.official = await demo('official', officials[0]);
    tokens.second = await demo('official', officials[1]);
    tokens.third = await demo('official', officials[2]);
    tokens.clerk = await demo('clerk');
    tokens.admin = await demo('admin');
    rootUnit = (await call<UnitChildrenResponse>(sut.url, 'GET', '/units')).body.unit.id;
  });

  afterAll(async () => {
    await other?.app.close();
    await sut?.app.close();
    await database?.drop();
  });

  describe('image uploads', () => {
    it('refuse a small PNG that declares 16000 × 16000 pixels, before decoding it', async () => {
      const bomb = hugePng(16000, 16000);
      expect(bomb.length).toBeLessThan(100_000);
      const answer = await post(sut, '/uploads', tokens.third!, [['file', png(bomb)]]);
      expect([answer.status, answer.body.code]).toEqual([400, 'UPLOAD.TOO_MANY_PIXELS']);
      expect(answer.body.message).toContain('像素');
    });

    it('say that a 30000 × 30000 PNG has too many pixels, not that its format is unsupported', async () => {
      const answer = await post(sut, '/uploads', tokens.third!, [
        ['file', png(hugePng(30000, 30000, { pixels: false }))],
      ]);
      expect([answer.status, answer.body.code]).toEqual([400, 'UPLOAD.TOO_MANY_PIXELS']);
    });

    it('allow a user a number of photos a day across instances, then 429 with the seconds to midnight', async () => {
      const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } })
        .png()
        .toBuffer();
      expect((await post(sut, '/uploads', tokens.official!, [['file', png(small)]])).status).toBe(201);
      expect((await post(other, '/uploads', tokens.official!, [['file', png(small)]])).status).toBe(201);
      const third = await post(sut, '/uploads', tokens.official!, [['file', png(small)]]);
      expect([third.status, third.body.code]).toEqual([429, 'UPLOAD.QUOTA_EXCEEDED']);
      expect(third.headers.get('retry-after')).toBe(String(7 * 3600));
      // Another user is not held back.
      expect((await post(other, '/uploads', tokens.third!, [['file', png(small)]])).status).toBe(201);
    });

    it('allow a user a number of megabytes a day, counted as received', async () => {
      const noise = () =>
        sharp(randomBytes(450 * 450 * 3), { raw: { width: 450, height: 450, channels: 3 } })
          .png()
          .toBuffer();
      const first = await noise();
      expect(first.length).toBeGreaterThan(512 * 1024);
      expect((await post(sut, '/uploads', tokens.second!, [['file', png(first)]])).status).toBe(201);
      const second = await post(other, '/uploads', tokens.second!, [['file', png(await noise())]]);
      expect([second.status, second.body.code]).toEqual([429, 'UPLOAD.QUOTA_EXCEEDED']);
      expect(Number(second.headers.get('retry-after'))).toBe(7 * 3600);
    });
  });

  describe('multipart forms', () => {
    it('refuse a text field longer than 1 KB with 413 on every multipart route', async () => {
      for (const { path, token } of multipartRoutes()) {
        const answer = await post(sut, path, token, [['note', 'x'.repeat(64 * 1024)]]);
        expect([path, answer.status, answer.body.code, answer.body.message]).toEqual([
          path,
          413,
          'COMMON.PAYLOAD_TOO_LARGE',
          '表单字段内容过长（每项最多 1024 字节）',
        ]);
      }
    });

    it('refuse more than 10 text fields with 413 on every multipart route', async () => {
      for (const { path, token } of multipartRoutes()) {
        const fields = Array.from({ length: 11 }, (_, i): [string, string] => [`f${i}`, 'x']);
        const answer = await post(sut, path, token, fields);
        expect([path, answer.status, answer.body.message]).toEqual([path, 413, '表单字段过多（最多 10 个）']);
      }
    });

    it('name the expected field when the file comes under another name', async () => {
      const answer = await post(sut, '/uploads', tokens.third!, [['photo', png(Buffer.from('x'))]]);
      expect([answer.status, answer.body.code, answer.body.message]).toEqual([
        400,
        'COMMON.BAD_REQUEST',
        '文件应放在名为 file 的表单字段中上传',
      ]);
    });

    it('say that only one file is taken when two come', async () => {
      const answer = await post(sut, '/admin/directory/import', tokens.admin!, [
        ['file', xlsx(Buffer.from('a'))],
        ['file', xlsx(Buffer.from('b'))],
      ]);
      expect([answer.status, answer.body.code, answer.body.message]).toEqual([
        400,
        'COMMON.BAD_REQUEST',
        '一次只能上传一个文件',
      ]);
    });
  });

  describe('spreadsheet imports', () => {
    const imports = () => multipartRoutes().slice(1);

    it('refuse a workbook whose sheet inflates a thousandfold, before exceljs reads it', async () => {
      const bomb = BOMB;
      expect(bomb.length).toBeLessThan(200 * 1024);
      for (const { path, token } of imports()) {
        const answer = await post(sut, path, token, [['file', xlsx(bomb)]]);
        expect([path, answer.status, answer.body.code]).toEqual([path, 400, 'PLAN.SHEET_INVALID']);
        expect(answer.body.details?.[0]?.reason).toContain('压缩比例异常');
      }
    });

    it('refuse a workbook whose entry inflates to more than it declares', async () => {
      const liar = LIAR;
      for (const { path, token } of imports()) {
        const answer = await post(sut, path, token, [['file', xlsx(liar)]]);
        expect([path, answer.status, answer.body.code]).toEqual([path, 400, 'PLAN.SHEET_INVALID']);
        expect(answer.body.details?.[0]?.reason).toContain('比声明的大小更大');
      }
    });
  });

  describe('JSON bodies', () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const send = (path: string, body: string) =>
      fetch(`${sut.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Err }));

    it('refuse nesting deeper than 32 levels with 400 on every JSON route, signed in or not', async () => {
      for (const path of ['/api/v1/auth/demo', '/api/v1/tickets']) {
        const answer = await send(path, deep);
        expect([path, answer.status, answer.body.code, answer.body.message]).toEqual([
          path,
          400,
          'COMMON.BAD_REQUEST',
          '请求内容嵌套层数过多（最多 32 层）',
        ]);
      }
      // Open311 answers in GeoReport's own error shape: a list of { code, description }.
      const open311 = (await send('/open311/v2/requests.json', deep)) as unknown as {
        status: number;
        body: unknown;
      };
      expect(open311).toEqual({
        status: 400,
        body: [{ code: 400, description: '请求内容嵌套层数过多（最多 32 层）' }],
      });
    });

    it('say that malformed JSON is not JSON', async () => {
      const answer = await send('/api/v1/auth/demo', '{"role": ');
      expect([answer.status, answer.body.message]).toEqual([400, '请求内容不是有效的 JSON']);
    });
  });
});
