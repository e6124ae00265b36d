import { HttpException } from '@nestjs/common';
import { type ErrorCode, errorMessage, errorStatus } from '@jinri/shared';

/**
 * The one exception services throw for an expected failure. The status and the default Chinese
 * message come from the shared error table; `message` may be more specific.
 */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super({ code, message: message ?? errorMessage(code), details }, errorStatus(code));
  }
}
