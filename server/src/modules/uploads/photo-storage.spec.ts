import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { loadConfig } from '../../config/app.config';
import { localPhotoStorage, photoStorageFor } from './photo-storage';
import { S3PhotoStorage } from './s3-photo-storage';

describe('localPhotoStorage', () => {
  let root: string;

  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'jinri-photos-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a photo under the root, creating its month folder, and reads it back with its headers', async () => {
    const sut = localPhotoStorage(root);
    await sut.put('2026/12/a.jpg', Buffer.from('jpeg'));
    expect(readFileSync(join(root, '2026/12/a.jpg'), 'utf8')).toBe('jpeg');

    const found = await sut.get('2026/12/a.jpg');
    expect(await text(found!.body)).toBe('jpeg');
    expect(found!.bytes).toBe(4);
    expect(found!.etag).toMatch(/^W\/"4-[0-9a-f]+"$/);
    expect(await sut.stat('2026/12/a.jpg')).toEqual({
      bytes: 4,
      etag: found!.etag,
      lastModified: found!.lastModified,
    });
  });

  it('answers null for a photo it does not hold, and for a folder', async () => {
    const sut = localPhotoStorage(root);
    await sut.put('2026/12/a.jpg', Buffer.from('jpeg'));
    expect(await sut.get('2026/12/b.jpg')).toBeNull();
    expect(await sut.stat('2026/12')).toBeNull();
  });
});

describe('photoStorageFor', () => {
  it('keeps photos under DATA_DIR/uploads by default and uses the bucket with PHOTO_STORAGE=s3', () => {
    expect(photoStorageFor(loadConfig({ DATA_DIR: '/tmp/x' })).kind).toBe('local');
    const s3 = photoStorageFor(
      loadConfig({
        PHOTO_STORAGE: 's3',
        S3_REGION: 'us-east-1',
        S3_BUCKET: 'photos',
        S3_ACCESS_KEY_ID: 'key-id',
        S3_SECRET_ACCESS_KEY: 'secret-key',
      }),
    );
    expect(s3).toBeInstanceOf(S3PhotoStorage);
    (s3 as S3PhotoStorage).onApplicationShutdown();
  });
});
