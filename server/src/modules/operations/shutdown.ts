import type { Server } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import { Lifecycle } from './lifecycle.service';

export interface ShutdownOptions {
  /** How long in-flight requests and running jobs may take (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** Where the signals come from (the process; a test passes an EventEmitter). */
  signals?: Pick<NodeJS.EventEmitter, 'on'>;
  /** How to end (process.exit; a test records the code). */
  exit?: (code: number) => void;
}

const logger = new Logger('Shutdown');

/**
 * SIGTERM (the orchestrator) or SIGINT (Ctrl-C): drain, close, exit 0 — or 1 when the grace ran out
 * and work was cut. A second signal while draining ends at once with 1.
 */
export function installGracefulShutdown(app: INestApplication, options: ShutdownOptions): void {
  const signals = options.signals ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let draining = false;
  const onSignal = (signal: string) => {
    if (draining) {
      logger.warn({ signal }, 'second signal while draining: exiting now');
      exit(1);
      return;
    }
    draining = true;
    logger.log({ signal, graceMs: options.graceMs }, 'shutting down');
    drainAndClose(app, options.graceMs).then(exit, (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      exit(1);
    });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) signals.on(signal, () => onSignal(signal));
}

/**
 * The drain: readiness turns 503 and no new work is taken (Lifecycle.beginDrain), the listener
 * stops accepting connections and idle keep-alive connections are closed; in-flight requests and
 * running ticks finish within `graceMs` (their answers carry `Connection: close`); then whatever is
 * left is cut, Nest's shutdown hooks run and TypeORM closes the pool. Resolves with the exit code.
 */
export async function drainAndClose(app: INestApplication, graceMs: number): Promise<number> {
  const started = Date.now();
  const lifecycle = app.get(Lifecycle);
  const server = app.getHttpServer() as Server;
  lifecycle.beginDrain();
  const listenerClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    lifecycle.settled().then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
  ]);
  clearTimeout(timer);
  if (drained) server.closeIdleConnections();
  else {
    logger.warn(
      { inFlightRequests: lifecycle.inFlightRequests, graceMs },
      'grace ran out: cutting connections',
    );
  }
  server.closeAllConnections();
  await listenerClosed;
  await app.close();
  logger.log({ ms: Date.now() - started, drained }, 'shut down');
  return drained ? 0 : 1;
}
