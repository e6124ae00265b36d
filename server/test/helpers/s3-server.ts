import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import S3rver from '@20minutes/s3rver';
import { DUMMY_ACCOUNT } from '@20minutes/s3rver/lib/models/account';
import type { S3Config } from '../../src/config/app.config';

/**
 * A real S3 protocol server on 127.0.0.1 (@20minutes/s3rver: a maintained fork of s3rver, objects on
 * disk in a temporary folder), started and stopped by the specs themselves. It checks AWS Signature
 * Version 4 with a key pair made for this run: a request signed with another secret is refused (403
 * SignatureDoesNotMatch), so the storage is tested as it signs for COS, OSS or MinIO.
 */
export interface S3TestServer {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  bucket: string;
  /** PHOTO_STORAGE=s3 and the S3_* variables an app instance needs to use this server. */
  env: Record<string, string>;
  config: S3Config;
  /** The keys stored in the bucket, sorted. */
  keys(): string[];
  /** Stops answering (the port is closed; what is stored stays for `start`). */
  stop(): Promise<void>;
  /** Answers again on the same port, with what was stored before. */
  start(): Promise<void>;
  /** Stops and removes everything it stored. */
  close(): Promise<void>;
}

const BUCKET = 'jinri-photos';

export async function startS3Server(): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'jinri-s3-'));
  const accessKeyId = `jinri-${randomBytes(4).toString('hex')}`;
  const secretAccessKey = randomBytes(24).toString('base64');
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  let server: S3rver | null = null;
  let port = 0;
  const run = async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET }],
      // Path-style requests only (http://127.0.0.1:<port>/<bucket>/<key>), as MinIO is used.
      vhostBuckets: false,
    });
    ({ port } = await server.run());
  };
  const stop = async () => {
    const running = server;
    server = null;
    await running?.close();
  };
  await run();
  const endpoint = `http://127.0.0.1:${port}`;
  const config: S3Config = {
    endpoint,
    region: 'us-east-1',
    bucket: BUCKET,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: true,
  };
  return {
    endpoint,
    port,
    bucket: BUCKET,
    config,
    env: {
      PHOTO_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: config.region,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: '1',
    },
    keys: () => storedKeys(join(directory, BUCKET)),
    stop,
    start: run,
    close: async () => {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** s3rver keeps each object as <key>._S3rver_object beside its metadata files. */
function storedKeys(bucketDir: string): string[] {
  const suffix = '._S3rver_object';
  return (readdirSync(bucketDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith(suffix))
    .map((file) => relative('.', file).slice(0, -suffix.length))
    .sort();
}
