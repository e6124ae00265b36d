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

/*
 * GeoReport v2 answers (/open311/v2/…, .json; the .xml answers have the same fields under the spec's
 * element names: services/service, service_definition, service_requests/request, errors/error,
 * discovery). Field names are the spec's, snake_case. Never personal data.
 */

/** services.json: one service (a matter, or comments on a plan entry or an official). */
export interface GeoReportService {
  service_code: string;
  service_name: string;
  description: string;
  /** Whether the service has a definition with attributes (services/{code}.json). */
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  /** Comma-separated. */
  keywords: string;
  group: string;
}

/** One attribute of a service definition. */
export interface GeoReportAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  /** For singlevaluelist and multivaluelist. */
  values?: Array<{ key: string; name: string }>;
}

/** services/{service_code}.json */
export interface GeoReportServiceDefinition {
  service_code: string;
  attributes: GeoReportAttribute[];
}

/** requests.json and requests/{id}.json: one service request (a public ticket). */
export interface GeoReportRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** POST requests.json: the request made (always an id here, never a token). */
export interface GeoReportCreated {
  service_request_id: string;
  /** The 查询码 and the deadline. */
  service_notice: string;
  /** The spec's account id of the citizen: never given here (null). */
  account_id: string | null;
}

/** discovery.json: one endpoint. */
export interface GeoReportEndpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

/** discovery.json */
export interface GeoReportDiscovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: GeoReportEndpoint[];
}

/** Every Open311 error answers a list of these (errors/error in XML); `code` is the HTTP status. */
export interface GeoReportError {
  code: number;
  description: string;
}
