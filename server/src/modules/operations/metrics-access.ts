import { timingSafeEqual } from 'node:crypto';

export interface MetricsCaller {
  /** The Authorization header. */
  authorization?: string;
  /** The TCP peer (req.socket.remoteAddress), never a forwarded address. */
  remoteAddress?: string;
  /** Whether the request carries proxy headers (X-Forwarded-For, Forwarded, X-Real-IP). */
  forwarded: boolean;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read GET /metrics (never the public): with METRICS_TOKEN set, whoever sends it as a bearer
 * token (compared in constant time); without it, only a caller on this machine's loopback that did
 * not come through a proxy (a local reverse proxy would otherwise hand the public a loopback peer).
 * A Prometheus on another host needs the token.
 */
export function mayReadMetrics(caller: MetricsCaller, token: string | undefined): boolean {
  if (token !== undefined) {
    const given = /^Bearer (.+)$/.exec(caller.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  return !caller.forwarded && LOOPBACK.test(caller.remoteAddress ?? '');
}
