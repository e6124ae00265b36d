import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { Logger } from '@nestjs/common';
import { startS3Server, type S3TestServer } from '../../../test/helpers/s3-server';
import { AppException } from '../../common/errors/app.exception';
import { S3PhotoStorage } from './s3-photo-storage';

describe('S3PhotoStorage against an S3 protocol server on 127.0.0.1', () => {
  let s3: S3TestServer;
  let sut: S3PhotoStorage;
  const warnings: unknown[][] = [];

  beforeAll(async () => {
    s3 = await startS3Server();
    sut = new S3PhotoStorage(s3.config);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
  });

  afterAll(async () => {
    sut?.onApplicationShutdown();
    await s3?.close();
    jest.restoreAllMocks();
  });

  beforeEach(() => (warnings.length = 0));

  const path = () => `2026/12/${randomUUID()}.jpg`;

  it('stores a photo under its relative path and reads back the same bytes, length, ETag and date', async () => {
    const key = path();
    const bytes = Buffer.from(`jpeg bytes ${key}`);
    await sut.put(key, bytes);
    expect(s3.keys()).toContain(key);

    const found = await sut.get(key);
    expect(found).not.toBeNull();
    expect(await text(found!.body)).toBe(bytes.toString());
    expect(found!.bytes).toBe(bytes.length);
    expect(found!.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(found!.lastModified.getTime()).toBeGreaterThan(Date.now() - 60_000);

    const { body: _body, ...described } = found!;
    expect(await sut.stat(key)).toEqual(described);
  });

  it('answers null for a photo the bucket does not hold', async () => {
    expect(await sut.get(path())).toBeNull();
    expect(await sut.stat(path())).toBeNull();
  });

  it('is unavailable (503), not missing, when the server refuses its signature', async () => {
    const wrongKey = new S3PhotoStorage({ ...s3.config, secretAccessKey: 'not-the-secret-0123456789' });
    try {
      for (const attempt of [() => wrongKey.put(path(), Buffer.from('x')), () => wrongKey.get(path())]) {
        const error = await attempt().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppException);
        expect((error as AppException).code).toBe('UPLOAD.STORAGE_UNAVAILABLE');
        expect((error as AppException).getStatus()).toBe(503);
      }
      expect(warnings[0]?.[0]).toMatchObject({
        operation: 'put',
        error: 'SignatureDoesNotMatch',
        status: 403,
      });
    } finally {
      wrongKey.onApplicationShutdown();
    }
  });

  it('is unavailable (503) within seconds while the server is down, and works again once it is back', async () => {
    const key = path();
    await sut.put(key, Buffer.from('before'));
    await s3.stop();
    try {
      const started = Date.now();
      for (const attempt of [
        () => sut.put(path(), Buffer.from('x')),
        () => sut.get(key),
        () => sut.stat(key),
      ]) {
        const error = await attempt().catch((e: unknown) => e);
        expect((error as AppException).code).toBe('UPLOAD.STORAGE_UNAVAILABLE');
      }
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await s3.start();
    }
    expect(await text((await sut.get(key))!.body)).toBe('before');
  });

  it('signs with SigV4 and sends no checksum headers, which COS and OSS refuse', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const recorder = createServer((req, res) => {
      seen.push(req.headers);
      req.resume().on('end', () => res.writeHead(200, { ETag: '"0"' }).end());
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
    const recorded = new S3PhotoStorage({ ...s3.config, endpoint });
    try {
      await recorded.put('2026/12/a.jpg', Buffer.from('jpeg'));
    } finally {
      recorded.onApplicationShutdown();
      await new Promise((resolve) => recorder.close(resolve));
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=jinri-[0-9a-f]+\/\d{8}\/us-east-1\/s3\//,
    );
    expect(seen[0]!['content-type']).toBe('image/jpeg');
    expect(seen[0]!['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Object.keys(seen[0]!).filter((name) => /checksum|trailer/.test(name))).toEqual([]);
  });

  it('never logs its keys', async () => {
    await s3.stop();
    try {
      await sut.put(path(), Buffer.from('x')).catch(() => undefined);
    } finally {
      await s3.start();
    }
    const logged = JSON.stringify(warnings);
    expect(logged).toContain('photo storage unavailable');
    expect(logged).not.toContain(s3.config.secretAccessKey);
    expect(logged).not.toContain(s3.config.accessKeyId);
  });
});
