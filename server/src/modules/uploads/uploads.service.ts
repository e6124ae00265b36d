import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import sharp from 'sharp';
import type { UploadResponse } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { Upload } from './upload.entity';
import { UploadsRepository } from './uploads.repository';

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const MAX_EDGE = 1600;
const THUMB_EDGE = 400;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);

/** A file whose header reads but whose pixels do not (cut short, corrupt) is damaged: 400, not 500. */
async function decoded<T>(encoding: Promise<T>): Promise<T> {
  try {
    return await encoding;
  } catch {
    throw new AppException('UPLOAD.DAMAGED');
  }
}

/** Where photos live; local files under DATA_DIR/uploads (an S3-compatible store would implement this too). */
export interface PhotoStorage {
  put(relativePath: string, bytes: Buffer): Promise<void>;
}

export function localStorage(root: string): PhotoStorage {
  return {
    async put(relativePath, bytes) {
      const target = join(root, relativePath);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    },
  };
}

export function uploadsRoot(config: AppConfig): string {
  return join(config.dataDir, 'uploads');
}

/**
 * Photos from phones: orientation applied from EXIF, then every metadata block (EXIF with GPS,
 * XMP, ICC) dropped by re-encoding; resized to 1600 px and a 400 px thumbnail, JPEG.
 */
@Injectable()
export class UploadsService {
  private readonly storage: PhotoStorage;

  constructor(
    private readonly repository: UploadsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.storage = localStorage(uploadsRoot(config));
  }

  async store(ownerUserId: number, file: Buffer | undefined): Promise<UploadResponse> {
    if (!file || file.length === 0)
      throw new AppException('COMMON.VALIDATION_FAILED', '请选择要上传的图片', [
        { field: 'file', reasons: ['required'] },
      ]);
    if (file.length > MAX_UPLOAD_BYTES) throw new AppException('UPLOAD.TOO_LARGE');
    let format: string | undefined;
    try {
      format = (await sharp(file).metadata()).format;
    } catch {
      throw new AppException('UPLOAD.UNSUPPORTED');
    }
    if (!format || !ACCEPTED.has(format)) throw new AppException('UPLOAD.UNSUPPORTED');

    const id = randomUUID();
    const month = this.clock.now().toISOString().slice(0, 7).replace('-', '/');
    const path = `${month}/${id}.jpg`;
    const thumbPath = `${month}/${id}.thumb.jpg`;
    const image = sharp(file, { failOn: 'error' }).rotate();
    const { data, info } = await decoded(
      image
        .clone()
        .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true }),
    );
    const thumb = await decoded(
      image
        .clone()
        .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 70 })
        .toBuffer(),
    );
    await this.storage.put(path, data);
    await this.storage.put(thumbPath, thumb);
    const row: Omit<Upload, 'createdAt'> = {
      id,
      ownerUserId,
      path,
      thumbPath,
      width: info.width,
      height: info.height,
      bytes: data.length,
    };
    await this.repository.insert(row);
    return {
      id,
      url: `/uploads/${path}`,
      thumbUrl: `/uploads/${thumbPath}`,
      width: info.width,
      height: info.height,
      bytes: data.length,
    };
  }

  /** The uploads among `ids` that belong to the user (others cannot be attached). */
  async ownedBy(userId: number, ids: string[]): Promise<string[]> {
    const found = await this.repository.findByIds(ids);
    const missing = ids.filter((id) => found.get(id)?.ownerUserId !== userId);
    if (missing.length > 0) throw new AppException('UPLOAD.NOT_FOUND', '图片不存在或不是本人上传的');
    return ids;
  }
}
