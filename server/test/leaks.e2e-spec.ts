import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { ApiErrorBody, DemoPersona, UploadResponse } from '@jinri/shared';
import { call, startTestApp, type TestApp } from './app';
import { demoToken } from './helpers/demo-county';
import { testDatabases, type TestDatabase } from './databases';

/** Small leaks of issue 10: entity fields in answers, outside photo URLs, names the import refuses. */
describe.each(testDatabases())('what the API lets in and out on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  let admin: string;
  let official: string;
  let officialId: number;

  const demo = (role: string, id?: number) => demoToken(sut.url, role, id);
  const fields = (details: unknown) => JSON.stringify(details ?? null);

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' } });
    const personas = (await call<DemoPersona[]>(sut.url, 'GET', '/demo/personas')).body;
    officialId = personas.find((p) => p.role === 'official')!.officialId!;
    admin = await demo('admin');
    official = await demo('official', officialId);
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  describe('admin answers', () => {
    it('give a new official as a view, without the encrypted phone or timestamps', async () => {
      const created = await call<Record<string, unknown>>(sut.url, 'POST', '/admin/officials', {
        token: admin,
        body: { name: '欧阳明', gender: 'male' },
      });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(
        ['code', 'gender', 'id', 'name', 'phoneMasked', 'photoUrl'].sort(),
      );
    });

    it('give a saved matter as a view', async () => {
      const units = (await call<{ unit: { id: number } }>(sut.url, 'GET', '/units')).body;
      const saved = await call<Record<string, unknown>>(sut.url, 'POST', '/admin/matters', {
        token: admin,
        body: {
          name: '测试事项',
          category: '测试',
          keywords: [],
          synonyms: [],
          materials: [],
          whereToGo: '便民服务中心',
          officeHours: '工作日',
          departmentId: units.unit.id,
        },
      });
      expect(saved.status).toBe(201);
      expect(Object.keys(saved.body)).not.toContain('createdAt');
      expect(Object.keys(saved.body)).not.toContain('updatedAt');
      expect(saved.body.departmentId).toBe(units.unit.id);
    });
  });

  describe('an official photo', () => {
    it('refuses an outside https URL with 400 naming photoUrl', async () => {
      const response = await call<ApiErrorBody>(sut.url, 'PATCH', `/officials/${officialId}`, {
        token: official,
        body: { photoUrl: 'https://tracker.example/pixel.jpg' },
      });
      expect([response.status, response.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
      expect(fields(response.body.details)).toContain('photoUrl');
    });

    it('refuses an upload path that names no upload with 400 naming photoUrl', async () => {
      const response = await call<ApiErrorBody>(sut.url, 'PATCH', `/officials/${officialId}`, {
        token: official,
        body: { photoUrl: '/uploads/2026/11/00000000-0000-4000-8000-000000000000.jpg' },
      });
      expect([response.status, response.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
      expect(fields(response.body.details)).toContain('photoUrl');
    });

    it('accepts a photo uploaded here', async () => {
      const png = await sharp({
        create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 80, b: 40 } },
      })
        .png()
        .toBuffer();
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'me.png');
      const uploaded = await fetch(`${sut.url}/api/v1/uploads`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${official}` },
      });
      expect(uploaded.status).toBe(201);
      const photo = (await uploaded.json()) as UploadResponse;
      const response = await call<{ photoUrl: string }>(sut.url, 'PATCH', `/officials/${officialId}`, {
        token: official,
        body: { photoUrl: photo.url },
      });
      expect([response.status, response.body.photoUrl]).toEqual([200, photo.url]);
    });
  });

  describe('official names', () => {
    it('refuses a name the directory import would refuse, with 400 naming the field', async () => {
      for (const name of ['123', 'Li Lei', '李', '王5']) {
        const response = await call<ApiErrorBody>(sut.url, 'POST', '/admin/officials', {
          token: admin,
          body: { name },
        });
        expect([name, response.status, response.body.code]).toEqual([name, 400, 'COMMON.VALIDATION_FAILED']);
        expect(fields(response.body.details)).toContain('name');
      }
    });

    it('stores a name as the import would read it, so the export imports unchanged', async () => {
      const created = await call<{ name: string }>(sut.url, 'POST', '/admin/officials', {
        token: admin,
        body: { name: '阿依古丽.买买提' },
      });
      expect([created.status, created.body.name]).toEqual([201, '阿依古丽·买买提']);
      const exported = await fetch(`${sut.url}/api/v1/admin/directory/export.xlsx`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await exported.arrayBuffer()) as unknown as ArrayBuffer);
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(await workbook.xlsx.writeBuffer())]), 'directory.xlsx');
      const imported = await fetch(`${sut.url}/api/v1/admin/directory/import`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${admin}` },
      });
      expect([imported.status, JSON.stringify(await imported.json()).slice(0, 300)]).toEqual([
        201,
        expect.any(String),
      ]);
    });
  });
});
