import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ApiErrorBody, UploadResponse } from '@jinri/shared';
import { startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { demoOfficials, demoToken, startDemoCounty } from './helpers/demo-county';
import { startS3Server, type S3TestServer } from './helpers/s3-server';
import { type WechatStub } from './wechat-stub/wechat-stub';

/** Every file under `dir` (none when it does not exist). */
function filesUnder(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]) : [];
}

describe.each(testDatabases())(
  'photos in an S3 bucket shared by every instance on %s',
  (_name, makeDatabase) => {
    let s3: S3TestServer;
    let database: TestDatabase;
    let stub: WechatStub;
    let first: TestApp;
    let second: TestApp;
    let local: TestApp;
    const dataDirs: string[] = [];
    let official: string;
    let photo: sharp.Sharp;

    const dataDir = () => {
      const dir = mkdtempSync(join(tmpdir(), 'jinri-data-'));
      dataDirs.push(dir);
      return dir;
    };
    const uploadsRows = async (app: TestApp) =>
      Number(
        (
          await app.app
            .get<DataSource>(getDataSourceToken())
            .query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM uploads')
        )[0]!.n,
      );
    const upload = async (app: TestApp, token = official) => {
      const form = new FormData();
      const jpeg = await photo.clone().jpeg().toBuffer();
      form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'photo.jpg');
      const response = await fetch(`${app.url}/api/v1/uploads`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: (await response.json()) as UploadResponse & ApiErrorBody };
    };
    /**
     * GET over node:http, as a phone revalidates: fetch() adds `Cache-Control: no-cache` to a request
     * with If-None-Match, which (rightly) forbids a 304.
     */
    const download = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Headers; bytes: Buffer }>((resolve, reject) => {
        get(`${app.url}${url}`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: new Headers(response.headers as Record<string, string>),
              bytes: Buffer.concat(chunks),
            }),
          );
        }).on('error', reject);
      });

    beforeAll(async () => {
      photo = sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#3a7d44' } });
      s3 = await startS3Server();
      ({
        database,
        stub,
        sut: first,
      } = await startDemoCounty(makeDatabase, {
        env: { ...s3.env, DATA_DIR: dataDir() },
      }));
      // Two more instances on the same database: one on the same bucket, one on today's local folder.
      second = await startTestApp(database.config(), {
        env: { ...s3.env, DATA_DIR: dataDir(), WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1' },
      });
      local = await startTestApp(database.config(), {
        env: { DATA_DIR: dataDir(), WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1' },
      });
      official = await demoToken(first.url, 'official', (await demoOfficials(first.url))[0]!.officialId);
    });

    afterAll(async () => {
      await local?.app.close();
      await second?.app.close();
      await first?.app.close();
      await stub?.close();
      await database?.drop();
      await s3?.close();
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    });

    it('serves a photo uploaded through one instance from another instance, byte for byte, and no local folder is used', async () => {
      const uploaded = await upload(first);
      expect(uploaded.status).toBe(201);
      const { url, thumbUrl } = uploaded.body;
      expect(s3.keys()).toEqual(
        expect.arrayContaining([url, thumbUrl].map((u) => u.replace('/uploads/', ''))),
      );

      for (const [path, edge] of [
        [url, 1600],
        [thumbUrl, 400],
      ] as const) {
        const fromFirst = await download(first, path);
        const fromSecond = await download(second, path);
        expect([fromFirst.status, fromSecond.status]).toEqual([200, 200]);
        expect(fromSecond.bytes.equals(fromFirst.bytes)).toBe(true);
        expect((await sharp(fromSecond.bytes).metadata()).width).toBe(edge);
        expect(fromSecond.headers.get('content-type')).toBe('image/jpeg');
        expect(fromSecond.headers.get('content-length')).toBe(String(fromSecond.bytes.length));
        expect(fromSecond.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(fromSecond.headers.get('etag')).toBe(fromFirst.headers.get('etag'));
        expect(fromSecond.headers.get('last-modified')).toBeTruthy();
        // helmet's headers as on every other answer.
        expect(fromSecond.headers.get('x-content-type-options')).toBe('nosniff');
      }
      expect(dataDirs.flatMap((dir) => filesUnder(join(dir, 'uploads')))).toEqual([]);
    });

    it('answers a phone that already holds the photo with 304, and HEAD with its length only', async () => {
      const { url } = (await upload(first)).body;
      const full = await download(second, url);
      const etag = full.headers.get('etag')!;
      const revalidated = await download(second, url, { 'if-none-match': etag });
      expect(revalidated.status).toBe(304);
      expect(revalidated.bytes.length).toBe(0);
      expect(revalidated.headers.get('etag')).toBe(etag);
      const since = await download(second, url, { 'if-modified-since': full.headers.get('last-modified')! });
      expect(since.status).toBe(304);
      expect((await download(second, url, { 'if-none-match': '"other"' })).bytes.equals(full.bytes)).toBe(
        true,
      );

      const head = await fetch(`${second.url}${url}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(full.bytes.length));
    });

    it('answers 404 for a photo that does not exist and for paths that are not a photo', async () => {
      for (const path of [
        '/uploads/2026/12/00000000-0000-4000-8000-000000000000.jpg',
        '/uploads/2026/12/not-a-photo.jpg',
        '/uploads/2026/12/00000000-0000-4000-8000-000000000000.png',
        '/uploads/%2e%2e/%2e%2e/etc/passwd',
        '/uploads/',
      ]) {
        const response = await fetch(`${second.url}${path}`);
        expect([path, response.status]).toEqual([path, 404]);
        expect(((await response.json()) as ApiErrorBody).code).toBe('COMMON.NOT_FOUND');
      }
    });

    it('answers 503 UPLOAD.STORAGE_UNAVAILABLE while the bucket is down, records nothing, and recovers by itself', async () => {
      const { url } = (await upload(first)).body;
      const rowsBefore = await uploadsRows(first);
      const keysBefore = s3.keys();
      await s3.stop();
      try {
        const refused = await upload(first);
        expect(refused.status).toBe(503);
        expect(refused.body.code).toBe('UPLOAD.STORAGE_UNAVAILABLE');
        expect(refused.body.message).toBe('图片存储暂时不可用，请稍后再试');
        expect(await uploadsRows(first)).toBe(rowsBefore);

        const unreadable = await fetch(`${second.url}${url}`);
        expect(unreadable.status).toBe(503);
        expect(((await unreadable.json()) as ApiErrorBody).code).toBe('UPLOAD.STORAGE_UNAVAILABLE');
      } finally {
        await s3.start();
      }
      expect(s3.keys()).toEqual(keysBefore);
      expect((await upload(second)).status).toBe(201);
      expect((await download(second, url)).status).toBe(200);
      expect(await uploadsRows(first)).toBe(rowsBefore + 1);
    });

    it('keeps photos in DATA_DIR/uploads with the default local storage, served with the same headers', async () => {
      const uploaded = await upload(local);
      expect(uploaded.status).toBe(201);
      const localDir = join(dataDirs[2]!, 'uploads');
      expect(filesUnder(localDir).filter((f) => f.endsWith('.jpg'))).toHaveLength(2);
      const served = await download(local, uploaded.body.url);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await sharp(served.bytes).metadata()).width).toBe(1600);
      const etag = served.headers.get('etag')!;
      expect((await download(local, uploaded.body.url, { 'if-none-match': etag })).status).toBe(304);
      // Not in the bucket, and not on another instance's disk: local storage is for one machine.
      expect(s3.keys()).not.toContain(uploaded.body.url.replace('/uploads/', ''));
      expect((await download(second, uploaded.body.url)).status).toBe(404);
    });
  },
);
