import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import type { S3Config } from '../../config/app.config';
import type { PhotoStat, PhotoStorage, StoredPhoto } from './photo-storage';

/**
 * A store that does not answer makes an upload or a photo fail fast (503), not hang: 2 s to connect,
 * 5 s for an answer, one retry (the SDK's default of three attempts with back-off would hold a
 * request for most of a minute when the store is down).
 */
const CONNECTION_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 5_000;
const MAX_ATTEMPTS = 2;

/** Photos never change once written (a new photo gets a new id). */
const PHOTO_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Photos in an S3-compatible bucket (Tencent COS, Aliyun OSS, MinIO, AWS S3), keyed by their path
 * relative to the storage root, so every app instance reads what any of them wrote. The bucket stays
 * private: the app reads it with its own keys and serves the bytes at /uploads/… (photo-serving.ts).
 */
export class S3PhotoStorage implements PhotoStorage, OnApplicationShutdown {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly logger = new Logger('PhotoStorage');

  constructor(config: S3Config) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      maxAttempts: MAX_ATTEMPTS,
      // The SDK's default CRC32 checksum headers (x-amz-checksum-*, since 3.729) are refused or
      // mishandled by COS, OSS and older MinIO: only where an operation requires them (none here).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    });
  }

  async put(relativePath: string, bytes: Buffer): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: relativePath,
          Body: bytes,
          ContentType: 'image/jpeg',
          CacheControl: PHOTO_CACHE_CONTROL,
        }),
      );
    } catch (error) {
      throw this.unavailable('put', error);
    }
  }

  async stat(relativePath: string): Promise<PhotoStat | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: relativePath }));
      return statOf(head);
    } catch (error) {
      if (isMissing(error)) return null;
      throw this.unavailable('stat', error);
    }
  }

  async get(relativePath: string): Promise<StoredPhoto | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: relativePath }));
      // In Node the body is the HTTP response itself (an IncomingMessage): streamed, never buffered.
      return { ...statOf(object), body: object.Body as Readable };
    } catch (error) {
      if (isMissing(error)) return null;
      throw this.unavailable('get', error);
    }
  }

  /** Closes the client's sockets when the app closes. */
  onApplicationShutdown(): void {
    this.client.destroy();
  }

  /**
   * Down, unreachable, refusing our keys or answering 5xx: all the same to the person (503, try
   * again later); the log names what failed for the operator — the error's name and status only,
   * never the request (its signature) or the keys.
   */
  private unavailable(operation: string, error: unknown): AppException {
    const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
    const name = error instanceof Error ? error.name : 'unknown';
    const code = (error as { code?: unknown } | null)?.code;
    this.logger.warn(
      {
        operation,
        bucket: this.bucket,
        error: name,
        status,
        code: typeof code === 'string' ? code : undefined,
      },
      'photo storage unavailable',
    );
    return new AppException('UPLOAD.STORAGE_UNAVAILABLE');
  }
}

function statOf(object: { ContentLength?: number; ETag?: string; LastModified?: Date }): PhotoStat {
  return {
    bytes: object.ContentLength ?? 0,
    etag: object.ETag ?? '""',
    lastModified: object.LastModified ?? new Date(0),
  };
}

/** 404 NoSuchKey (GET) or NotFound (HEAD, which has no body to name the error); a missing bucket is not a missing photo. */
function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    error.name !== 'NoSuchBucket' &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}
