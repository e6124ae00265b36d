import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppException } from '../errors/app.exception';
import { SingleFileInterceptor } from '../multipart/single-file.interceptor';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a workbook as a download: `asciiName` for clients that only read `filename=`, the real
 * (Chinese) `filename` in RFC 5987 form for the rest; never cached (it carries the caller's data).
 */
export function sendXlsx(res: Response, asciiName: string, filename: string, file: Buffer): void {
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  res.setHeader('Cache-Control', 'no-store');
  res.send(file);
}

/** A route that takes one uploaded workbook (field `file`) of at most `maxBytes` (whole MB). */
export function XlsxUpload(maxBytes: number): MethodDecorator & ClassDecorator {
  const limit = `${maxBytes / (1024 * 1024)}MB`;
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    UseInterceptors(
      SingleFileInterceptor({
        maxBytes,
        tooLarge: () => new AppException('COMMON.PAYLOAD_TOO_LARGE', `表格太大（最大 ${limit}）`),
      }),
    ),
  );
}
