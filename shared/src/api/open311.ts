/**
 * Open311 GeoReport v2 (issue #17): integrators' API keys, created, scoped to a jurisdiction
 * (a county), rate-limited and revoked by an admin. The key itself is shown once, at creation.
 */

/** Limits of the Open311 POST fields (the spec's 4,000-character description). */
export const OPEN311_LIMITS = {
  descriptionMax: 4000,
  keyNameMax: 60,
  ratePerHourDefault: 600,
  ratePerHourMax: 100_000,
  /** The spec's window for start_date/end_date. */
  windowDays: 90,
} as const;

/** POST /admin/open311/keys */
export interface Open311KeyCreateRequest {
  /** The integrator ("12345 热线平台"): the author of the tickets made with the key. */
  name: string;
  /** The county unit the key may file requests in. */
  jurisdictionUnitId: number;
  /** Requests per rolling hour (default 600). */
  ratePerHour?: number;
}

/** One key as admins see it: never the key or its hash. */
export interface Open311KeyView {
  id: number;
  name: string;
  /** The first characters of the key, to tell keys apart. */
  prefix: string;
  jurisdictionUnitId: number;
  /** The county's code: the jurisdiction_id integrators send. */
  jurisdictionId: string;
  ratePerHour: number;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The answer to a creation: the key in clear, this once. */
export interface Open311KeyCreated extends Open311KeyView {
  apiKey: string;
}
