import { HttpException } from '@nestjs/common';
import { type ErrorCode, errorMessage, errorStatus } from '@jinri/shared';

/**
 * Seconds a client is told to wait after a 429 that named no figure of its own. Every 429 carries a
 * Retry-After: AppException adds this one when the thrower gave none, and the exception filters add
 * it to any other 429 (see `withRetryAfter`).
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** The response headers for an error with this status: a 429 always gets a Retry-After. */
export function withRetryAfter(
  status: number,
  headers: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (status !== 429) return headers;
  const given = Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'retry-after');
  return given ? headers : { ...headers, 'Retry-After': String(DEFAULT_RETRY_AFTER_SECONDS) };
}

/**
 * The one exception services throw for an expected failure. The status and the default Chinese
 * message come from the shared error table; `message` may be more specific. A 429 code should name
 * its own wait (`{ 'Retry-After': seconds }`); without one it gets DEFAULT_RETRY_AFTER_SECONDS.
 */
export class AppException extends HttpException {
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    headers?: Record<string, string>,
  ) {
    super({ code, message: message ?? errorMessage(code), details }, errorStatus(code));
    this.headers = withRetryAfter(errorStatus(code), headers);
  }

  /** A 429 that tells the client how many seconds to wait. */
  static rateLimited(code: ErrorCode, retryAfterSeconds: number, message?: string): AppException {
    return new AppException(code, message, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}
