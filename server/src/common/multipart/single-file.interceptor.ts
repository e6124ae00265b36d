import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  mixin,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { AppException } from '../errors/app.exception';

/**
 * The limits of every multipart route: one file (its size is the route's own) and a few short text
 * fields. Without them busboy accepts any number of 1 MB fields, all kept in memory until the end.
 */
export const MULTIPART_LIMITS = {
  fieldNameSize: 100,
  fieldSize: 1024,
  fields: 10,
  files: 1,
  parts: 12,
  headerPairs: 20,
} as const satisfies multer.Options['limits'];

export interface SingleFileOptions {
  /** The form field that carries the file (default `file`). */
  field?: string;
  maxBytes: number;
  /** The answer for a file above `maxBytes`. */
  tooLarge: () => AppException;
}

/**
 * Reads one file of a multipart request into memory (`req.file`) under MULTIPART_LIMITS, and answers
 * each way a form can break the rules with its own message (Nest's FileInterceptor turns them all
 * into a bare 400).
 */
export function SingleFileInterceptor(options: SingleFileOptions): Type<NestInterceptor> {
  const field = options.field ?? 'file';
  const read = multer({
    storage: multer.memoryStorage(),
    limits: { ...MULTIPART_LIMITS, fileSize: options.maxBytes },
  }).single(field);

  @Injectable()
  class SingleFile implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) =>
        read(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) =>
          error ? reject(multipartError(error, field, options.tooLarge)) : resolve(),
        ),
      );
      return next.handle();
    }
  }
  return mixin(SingleFile);
}

/** A multer or busboy error as the answer the client sees. */
export function multipartError(error: unknown, field: string, tooLarge: () => AppException): AppException {
  if (!(error instanceof MulterError)) {
    // busboy: no boundary, a malformed part header, the form cut short.
    return new AppException('COMMON.BAD_REQUEST', '上传的表单格式不正确，请重新选择文件上传');
  }
  const tooMuch = (message: string) => new AppException('COMMON.PAYLOAD_TOO_LARGE', message);
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return tooLarge();
    case 'LIMIT_FILE_COUNT':
      return new AppException('COMMON.BAD_REQUEST', '一次只能上传一个文件');
    case 'LIMIT_UNEXPECTED_FILE':
      return error.field === field
        ? new AppException('COMMON.BAD_REQUEST', '一次只能上传一个文件')
        : new AppException('COMMON.BAD_REQUEST', `文件应放在名为 ${field} 的表单字段中上传`, [
            { field, reasons: ['unexpected field name'] },
          ]);
    case 'LIMIT_FIELD_COUNT':
      return tooMuch(`表单字段过多（最多 ${MULTIPART_LIMITS.fields} 个）`);
    case 'LIMIT_FIELD_VALUE':
      return tooMuch(`表单字段内容过长（每项最多 ${MULTIPART_LIMITS.fieldSize} 字节）`);
    case 'LIMIT_FIELD_KEY':
      return tooMuch(`表单字段名过长（最多 ${MULTIPART_LIMITS.fieldNameSize} 字节）`);
    case 'LIMIT_PART_COUNT':
      return tooMuch(`表单内容分段过多（最多 ${MULTIPART_LIMITS.parts} 段）`);
    default:
      return new AppException('COMMON.BAD_REQUEST', '上传的表单格式不正确，请重新选择文件上传');
  }
}
