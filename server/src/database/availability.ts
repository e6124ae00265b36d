/**
 * Whether an error means the database cannot be reached right now (not that a statement was wrong):
 * the server is down or restarting, the connection was lost, the connect timed out, the pool's queue
 * is full, or a Galera node is not yet ready for clients. The exception filter answers these with
 * 503 SYSTEM.DATABASE_UNAVAILABLE (Retry-After), never 500; the pool reconnects by itself once the
 * server answers again.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'POOL_CLOSED',
]);

/**
 * 1040 too many connections, 1053 server shutdown in progress, 1047 (Galera) WSREP has not yet
 * prepared the node for application use, 2002/2003 cannot connect, 2006 server gone, 2013 lost
 * connection during a query, 1927 connection killed (the server restarting kills its clients).
 */
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1047, 1927, 2002, 2003, 2006, 2013]);

/** mysql2's pool refuses a request when `queueLimit` requests already wait, or once it is closed. */
const QUEUE_FULL = /^(Queue limit reached|Pool is closed)/;

interface ErrorLike {
  code?: unknown;
  errno?: unknown;
  fatal?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM wraps driver errors (QueryFailedError.driverError); others chain through `cause`.
  for (let e = error, depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth += 1) {
    const x = e as ErrorLike;
    if (typeof x.code === 'string' && UNAVAILABLE_CODES.has(x.code)) return true;
    if (UNAVAILABLE_ERRNOS.has(Number(x.errno))) return true;
    // mysql2 marks errors that killed the connection itself as fatal (a lost socket, a failed handshake).
    if (x.fatal === true && typeof x.code === 'string' && !x.code.startsWith('ER_ACCESS')) return true;
    if (typeof x.message === 'string' && QUEUE_FULL.test(x.message)) return true;
    e = x.driverError ?? x.cause;
  }
  return false;
}
