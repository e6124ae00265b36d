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
