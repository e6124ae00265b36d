import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How deeply a JSON body may nest. No request of ours goes past 4; validating a 3,000-level body
 * recursed until the stack ran out (500). Checked on the raw bytes before JSON.parse.
 */
export const MAX_JSON_DEPTH = 32;

/** Thrown from the body parser's `verify`; body-parser passes status, expose and type on. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.too.deep';

  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH}`);
  }
}

/**
 * Whether the JSON text nests arrays/objects deeper than `max`: one pass over the bytes, brackets
 * inside strings ignored. Not a validator: malformed text is left for JSON.parse to refuse.
 */
export function jsonDepthExceeds(text: Uint8Array, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const byte = text[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}

/** The JSON body parser's `verify`: refuses a body nested deeper than MAX_JSON_DEPTH with 400. */
export function rejectDeepJson(
  _req: IncomingMessage,
  _res: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  const text = /^utf-?8$/i.test(encoding ?? 'utf-8')
    ? body
    : Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
  if (jsonDepthExceeds(text)) throw new JsonTooDeepError();
}

/**
 * An Express error middleware for right after the body parsers. Nest turns a SyntaxError from
 * body-parser into a bare BadRequestException, losing `type`; handing on a plain error that keeps
 * status, expose and type lets the exception filter say what was wrong (e.g. not JSON at all).
 */
export function keepBodyParserErrorType(
  error: unknown,
  _req: IncomingMessage,
  _res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const { status, expose, type } = (error ?? {}) as { status?: number; expose?: boolean; type?: string };
  if (error instanceof SyntaxError && typeof type === 'string') {
    next(Object.assign(new Error(error.message), { status, statusCode: status, expose, type }));
  } else next(error);
}
