import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiErrorBody, type ErrorCode, errorMessage, isErrorCode } from '@jinri/shared';
import { isDatabaseUnavailable } from '../../database/availability';
import { isContention } from '../../database/contention';
import { AppException, withRetryAfter } from '../errors/app.exception';
import { MAX_JSON_DEPTH } from '../json-depth';
import { loggedPath } from '../logging/logger.options';

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: 'COMMON.BAD_REQUEST',
  401: 'COMMON.UNAUTHORIZED',
  403: 'COMMON.FORBIDDEN',
  404: 'COMMON.NOT_FOUND',
  405: 'COMMON.METHOD_NOT_ALLOWED',
  409: 'COMMON.CONFLICT',
  413: 'COMMON.PAYLOAD_TOO_LARGE',
  415: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
  429: 'COMMON.RATE_LIMITED',
  503: 'COMMON.UNAVAILABLE',
};

/** What body-parser's error types mean to the person sending (the code stays the status's). */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': '请求内容不是有效的 JSON',
  'entity.too.deep': `请求内容嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）`,
  'entity.too.large': '提交的内容过大（最大 1MB）',
  'encoding.unsupported': '不支持该内容压缩方式',
  'charset.unsupported': '不支持该字符编码，请使用 UTF-8',
};

/** Errors thrown by Express middleware (body-parser) carry a status and `expose`. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
}

/**
 * The one exception filter: every error leaves as `{ code, message, details?, requestId? }` with a
 * code from the shared table. Unknown errors become 500 COMMON.INTERNAL and are logged with their
 * stack (never the request body, which may hold personal data).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const { status, body, headers } = this.toResponse(exception);
    body.requestId = request.id ? String(request.id) : undefined;
    if (!(exception instanceof HttpException) && status === 500) {
      this.logger.error(
        { err: exception, method: request.method, path: loggedPath(request.path) },
        'unexpected error',
      );
    } else if (status >= 500) {
      this.logger.warn(
        { code: body.code, method: request.method, path: loggedPath(request.path) },
        'service unavailable',
      );
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(withRetryAfter(status, headers) ?? {})) {
      response.setHeader(name, value);
    }
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): {
    status: number;
    body: ApiErrorBody;
    headers?: Record<string, string>;
  } {
    if (exception instanceof AppException) {
      const payload = exception.getResponse() as ApiErrorBody;
      return {
        status: exception.getStatus(),
        body: { code: exception.code, message: payload.message, details: exception.details },
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const given =
        typeof payload === 'object' && payload !== null ? (payload as { code?: unknown }).code : undefined;
      const code: ErrorCode = isErrorCode(given) ? given : (STATUS_TO_CODE[status] ?? this.fallback(status));
      return { status, body: { code, message: errorMessage(code) } };
    }
    if (isDatabaseUnavailable(exception)) {
      // The database is down, restarting or out of connections: say so at once (no stack logged for
      // each request); the pool reconnects by itself when it answers again.
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: { code: 'SYSTEM.DATABASE_UNAVAILABLE', message: errorMessage('SYSTEM.DATABASE_UNAVAILABLE') },
        headers: { 'Retry-After': '5' },
      };
    }
    if (isContention(exception)) {
      // A lock race the transaction lost (deadlock, lock wait, Galera certification): it was rolled
      // back whole, so nothing was half done; the person may simply try again.
      return {
        status: HttpStatus.CONFLICT,
        body: { code: 'COMMON.CONFLICT', message: '操作与他人同时进行，未能完成，请稍后重试' },
        headers: { 'Retry-After': '1' },
      };
    }
    const httpish = exception as HttpishError | null;
    const status = httpish?.status ?? httpish?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500 && httpish?.expose !== false) {
      const code = STATUS_TO_CODE[status] ?? 'COMMON.BAD_REQUEST';
      const message = (httpish?.type && BODY_ERRORS[httpish.type]) || errorMessage(code);
      return { status, body: { code, message } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: 'COMMON.INTERNAL', message: errorMessage('COMMON.INTERNAL') },
    };
  }

  private fallback(status: number): ErrorCode {
    return status >= 500 ? 'COMMON.INTERNAL' : 'COMMON.BAD_REQUEST';
  }
}
