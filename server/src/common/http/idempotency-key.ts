import { IDEMPOTENCY_KEY_PATTERN } from '@jinri/shared';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../errors/app.exception';

/** An Idempotency-Key: 16–64 letters, digits, "_" or "-" (a UUID qualifies). */
export const KEY_PATTERN = IDEMPOTENCY_KEY_PATTERN;

/**
 * The key of a request's Idempotency-Key header; a missing or malformed one is refused with
 * TICKET.IDEMPOTENCY_KEY_REQUIRED, unless `optional` (then a missing one is undefined).
 */
export function idempotencyKeyOf(
  header: string | string[] | undefined,
  optional = false,
): string | undefined {
  if (header === undefined && optional) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header))
    throw new AppException('TICKET.IDEMPOTENCY_KEY_REQUIRED');
  return header;
}

const keyOf = (optional: boolean, context: ExecutionContext) =>
  idempotencyKeyOf(context.switchToHttp().getRequest<Request>().headers['idempotency-key'], optional);

/** The request's validated Idempotency-Key (required). */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  keyOf(false, context)!,
);

/** The request's validated Idempotency-Key, or undefined when the header is absent. */
export const OptionalIdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => keyOf(true, context),
);
