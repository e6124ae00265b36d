import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../../config/app.config';
import { S3PhotoStorage } from './s3-photo-storage';

/** What a reader needs to answer for a stored photo before sending it (ETag, Last-Modified, length). */
export interface PhotoStat {
  bytes: number;
  /** A quoted HTTP entity tag. */
  etag: string;
  lastModified: Date;
}

export interface StoredPhoto extends PhotoStat {
  body: Readable;
}

/**
 * Where photos live, keyed by their path relative to the storage root (2026/11/<uuid>.jpg, as
 * recorded in uploads.path). Photos are written once under a fresh id and never changed or deleted.
 * A store that cannot be reached throws AppException('UPLOAD.STORAGE_UNAVAILABLE') (503); a photo it
 * does not hold is null.
 */
export interface PhotoStorage {
  /** local: DATA_DIR/uploads on this machine; s3: a bucket shared by every instance. */
  readonly kind: 'local' | 's3';
  put(relativePath: string, bytes: Buffer): Promise<void>;
  stat(relativePath: string): Promise<PhotoStat | null>;
  get(relativePath: string): Promise<StoredPhoto | null>;
}

/** Injection token of the PhotoStorage chosen by PHOTO_STORAGE. */
export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

export function uploadsRoot(config: AppConfig): string {
  return join(config.dataDir, 'uploads');
}

/** The store PHOTO_STORAGE names: the local folder (default) or the S3 bucket; nothing else is touched. */
export function photoStorageFor(config: AppConfig): PhotoStorage {
  return config.photos.kind === 's3'
    ? new S3PhotoStorage(config.photos)
    : localPhotoStorage(uploadsRoot(config));
}

/** Files under `root` (one machine: every instance would need the same disk). */
export function localPhotoStorage(root: string): PhotoStorage {
  const statOf = async (relativePath: string): Promise<PhotoStat | null> => {
    try {
      const info = await stat(join(root, relativePath));
      if (!info.isFile()) return null;
      return {
        bytes: info.size,
        etag: `W/"${info.size.toString(16)}-${info.mtime.getTime().toString(16)}"`,
        lastModified: info.mtime,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    kind: 'local',
    async put(relativePath, bytes) {
      const target = join(root, relativePath);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    },
    stat: statOf,
    async get(relativePath) {
      const found = await statOf(relativePath);
      return found ? { ...found, body: createReadStream(join(root, relativePath)) } : null;
    },
  };
}
