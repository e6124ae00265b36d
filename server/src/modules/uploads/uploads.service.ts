import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import sharp from 'sharp';
import type { UploadResponse } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, atLocal, localDate } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig, type UploadsConfig } from '../../config/app.config';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import type { Upload } from './upload.entity';
import { UploadsRepository } from './uploads.repository';

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/**
 * Decoded pixels allowed (phone photos are 12–24 MP; the mini program compresses larger ones).
 * Checked from the header before anything is decoded: a 30 KB PNG can declare 16000 × 16000.
 */
export const MAX_UPLOAD_PIXELS = 40_000_000;
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

/**
 * Photos from phones: orientation applied from EXIF, then every metadata block (EXIF with GPS,
 * XMP, ICC) dropped by re-encoding; resized to 1600 px and a 400 px thumbnail, JPEG.
 */
@Injectable()
export class UploadsService {
  private readonly quota: UploadsConfig;

  constructor(
    private readonly repository: UploadsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {
    this.quota = config.uploads;
  }

  async store(ownerUserId: number, file: Buffer | undefined): Promise<UploadResponse> {
    if (!file || file.length === 0)
      throw new AppException('COMMON.VALIDATION_FAILED', '请选择要上传的图片', [
        { field: 'file', reasons: ['required'] },
      ]);
    if (file.length > MAX_UPLOAD_BYTES) throw new AppException('UPLOAD.TOO_LARGE');
    const now = this.clock.now();
    await this.assertQuota(ownerUserId, file.length, now);
    // The header only (no pixel limit here, so that an oversized image is named as such).
    let header: sharp.Metadata;
    try {
      header = await sharp(file, { limitInputPixels: false }).metadata();
    } catch {
      throw new AppException('UPLOAD.UNSUPPORTED');
    }
    if (!header.format || !ACCEPTED.has(header.format)) throw new AppException('UPLOAD.UNSUPPORTED');
    const pixels = (header.width ?? 0) * (header.pageHeight ?? header.height ?? 0);
    if (pixels > MAX_UPLOAD_PIXELS) throw new AppException('UPLOAD.TOO_MANY_PIXELS');

    const id = randomUUID();
    const month = now.toISOString().slice(0, 7).replace('-', '/');
    const path = `${month}/${id}.jpg`;
    const thumbPath = `${month}/${id}.thumb.jpg`;
    // libvips enforces the same limit while decoding, should the header have understated the size.
    const image = sharp(file, { failOn: 'error', limitInputPixels: MAX_UPLOAD_PIXELS }).rotate();
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
    // Both files first, then the row: a store that fails (503) leaves nothing recorded, at most an
    // object no row names; a row is never written for a photo that is not stored.
    await this.storage.put(path, data);
    await this.storage.put(thumbPath, thumb);
    const row: Upload = {
      id,
      ownerUserId,
      path,
      thumbPath,
      width: info.width,
      height: info.height,
      bytes: data.length,
      sourceBytes: file.length,
      createdAt: now,
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

  /**
   * Photos per user and local day, counted from the stored uploads (so the quota holds across
   * instances): 429 with the seconds until local midnight once the count or the bytes would pass it.
   */
  private async assertQuota(ownerUserId: number, bytes: number, now: Date): Promise<void> {
    const today = localDate(now);
    const used = await this.repository.usageSince(ownerUserId, atLocal(today, '00:00'));
    if (used.count + 1 <= this.quota.dailyCount && used.bytes + bytes <= this.quota.dailyBytes) return;
    const secondsLeft = (atLocal(addDays(today, 1), '00:00').getTime() - now.getTime()) / 1000;
    throw AppException.rateLimited(
      'UPLOAD.QUOTA_EXCEEDED',
      secondsLeft,
      `今天上传的图片已达上限（每天 ${this.quota.dailyCount} 张、${Math.round(this.quota.dailyBytes / 1024 / 1024)}MB），请明天再传`,
    );
  }

  /** The uploads among `ids` that belong to the user (others cannot be attached). */
  async ownedBy(userId: number, ids: string[]): Promise<string[]> {
    const found = await this.repository.findByIds(ids);
    const missing = ids.filter((id) => found.get(id)?.ownerUserId !== userId);
    if (missing.length > 0) throw new AppException('UPLOAD.NOT_FOUND', '图片不存在或不是本人上传的');
    return ids;
  }
}
