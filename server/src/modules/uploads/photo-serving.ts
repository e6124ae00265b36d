import { pipeline } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type ApiErrorBody, errorMessage } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import type { PhotoStat, PhotoStorage } from './photo-storage';
import { UPLOAD_URL } from './upload-url';

/** Photos never change once written (a new photo gets a new id): cached for a year, never revalidated. */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * GET/HEAD /uploads/YYYY/MM/<uuid>[.thumb].jpg from the PhotoStorage, mounted at /uploads.
 *
 * Streamed through the app rather than redirected to a presigned bucket URL, for both stores:
 * - the URLs the clients already hold (/uploads/…, recorded in plans, tickets and profiles) keep
 *   working unchanged, on the app's own origin: the H5 page's CSP allows images from 'self' only, and
 *   the mini-program's downloadFile domain list names the API's domain only;
 * - a presigned URL expires within hours, so it could not carry today's year-long immutable caching,
 *   and a phone would fetch the same photo again under a new URL each time;
 * - the bucket stays private, read with the app's own keys, and needs no public-read policy or CORS.
 * The cost is the bytes passing through the app (photos are at most 1600 px JPEGs, ~200 KB, thumbnails
 * ~30 KB); a CDN in front of /uploads/ takes that off the app if it ever matters.
 * Same headers as the static files served before (Cache-Control, ETag, Last-Modified, 304 on a
 * matching If-None-Match/If-Modified-Since); no byte ranges (images are fetched whole). A path of any
 * other shape, or a photo the store does not hold, falls through to the API's 404. A store that does
 * not answer is 503 UPLOAD.STORAGE_UNAVAILABLE.
 */
export function photoServer(storage: PhotoStorage): RequestHandler {
  const logger = new Logger('PhotoServing');
  return (req, res, next) => {
    serve(storage, req, res, next).catch((error: unknown) => {
      if (res.headersSent) {
        // Cut off mid-photo (the store's stream broke): the client sees a short body, not a wrong one.
        res.destroy();
        return;
      }
      const known = error instanceof AppException;
      if (!known) logger.error({ err: error, path: req.path }, 'unexpected error serving a photo');
      const code = known ? error.code : 'COMMON.INTERNAL';
      const body: ApiErrorBody = {
        code,
        message: errorMessage(code),
        requestId: (req as Request & { id?: unknown }).id ? String((req as { id?: unknown }).id) : undefined,
      };
      res.status(known ? error.getStatus() : 500).json(body);
    });
  };
}

async function serve(storage: PhotoStorage, req: Request, res: Response, next: NextFunction): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  if (!UPLOAD_URL.test(`/uploads${req.path}`)) return next();
  const relativePath = req.path.slice(1);
  const conditional =
    req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
  if (req.method === 'HEAD' || conditional) {
    // Headers only first: a phone revalidating a photo it holds gets 304 without its bytes being read.
    const found = await storage.stat(relativePath);
    if (!found) return next();
    writeHeaders(res, found);
    if (req.fresh) {
      res.removeHeader('Content-Length');
      res.status(304).end();
      return;
    }
    if (req.method === 'HEAD') {
      res.status(200).end();
      return;
    }
  }
  const photo = await storage.get(relativePath);
  if (!photo) return next();
  writeHeaders(res, photo);
  res.status(200);
  await pipeline(photo.body, res);
}

function writeHeaders(res: Response, photo: PhotoStat): void {
  res.setHeader('Content-Type', 'image/jpeg');
  res.setHeader('Content-Length', String(photo.bytes));
  res.setHeader('Cache-Control', CACHE_CONTROL);
  res.setHeader('ETag', photo.etag);
  res.setHeader('Last-Modified', photo.lastModified.toUTCString());
}
