import { fieldError } from './open311-create';

/** GET requests.{format} filters, read by hand so that empty parameters count as absent. */
export interface Open311Query {
  jurisdictionId: string | null;
  /** Overrides every other filter when given. */
  ids: number[] | null;
  serviceCodes: string[];
  statuses: Array<'open' | 'closed'>;
  startDate: Date | null;
  endDate: Date | null;
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function single(query: Record<string, unknown>, field: string): string | null {
  const raw = query[field];
  const value = Array.isArray(raw) ? raw.filter((v) => v !== '').join(',') : raw;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw fieldError(field, 'must be text');
  const trimmed = value.trim();
  if (trimmed.length > 2000) throw fieldError(field, 'too long');
  return trimmed === '' ? null : trimmed;
}

function list(query: Record<string, unknown>, field: string): string[] {
  return (single(query, field) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function date(query: Record<string, unknown>, field: string): Date | null {
  const value = single(query, field);
  if (value === null) return null;
  const parsed = new Date(value);
  if (!W3C_DATETIME.test(value) || Number.isNaN(parsed.getTime()))
    throw fieldError(field, 'a w3 datetime, e.g. 2026-11-16T10:00:00+08:00');
  return parsed;
}

/** The query of a list, from Express's parsed query string. */
export function parseOpen311Query(query: Record<string, unknown>): Open311Query {
  const ids = list(query, 'service_request_id');
  if (ids.some((id) => !/^\d{1,10}$/.test(id))) throw fieldError('service_request_id', 'comma-separated ids');
  if (ids.length > 1000) throw fieldError('service_request_id', 'at most 1000 ids');
  const serviceCodes = list(query, 'service_code');
  if (serviceCodes.some((code) => !/^[\w-]{1,64}$/.test(code)))
    throw fieldError('service_code', 'unknown code');
  const statuses = list(query, 'status');
  if (statuses.some((s) => s !== 'open' && s !== 'closed'))
    throw fieldError('status', 'open, closed or both');
  return {
    jurisdictionId: single(query, 'jurisdiction_id'),
    ids: ids.length ? ids.map(Number) : null,
    serviceCodes,
    statuses: statuses as Array<'open' | 'closed'>,
    startDate: date(query, 'start_date'),
    endDate: date(query, 'end_date'),
  };
}
