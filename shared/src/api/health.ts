export interface HealthResponse {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: {
    type: 'sqlite' | 'mysql';
    up: boolean;
    latencyMs?: number;
    /** Name of the newest migration applied. */
    migration?: string;
  };
}

/** GET /health/live: the process is up and its event loop turns (no database call); always 200. */
export interface LivenessResponse {
  status: 'live';
  uptimeSeconds: number;
}

/**
 * GET /health/ready: whether a balancer should send this instance traffic — 200 `ready` when the
 * database answers and every migration this build knows is applied, else 503 with the reason.
 */
export interface ReadinessResponse {
  status: 'ready' | 'not-ready';
  /** Why not ready: shutting down (SIGTERM), the database unreachable, or migrations missing. */
  reason?: 'shutting-down' | 'database-unavailable' | 'migrations-pending';
  database: {
    up: boolean;
    latencyMs?: number;
    /** The newest migration this build knows, and whether the database has it. */
    migration: string;
    migrated: boolean;
  };
}
