import { OPEN311_LIMITS, TICKET_LIMITS } from '@jinri/shared';
import { AppException } from '../../../common/errors/app.exception';
import { cleanText, visibleLength } from '../../../common/validation/visible-text';

/**
 * An Open311 POST (GeoReport v2 "Create service request"), parsed by hand: the spec sends it as
 * application/x-www-form-urlencoded with fields a DTO cannot declare (`attribute[code]`) and lets
 * servers ignore fields they do not know, which the global ValidationPipe would refuse. Every
 * standard field is read; anything else is ignored; a bad field is a 400 that names it.
 */
export interface Open311Create {
  apiKey: string | null;
  jurisdictionId: string | null;
  serviceCode: string;
  description: string;
  lat: string | null;
  long: string | null;
  addressString: string | null;
  addressId: string | null;
  mediaUrl: string | null;
  attributes: Record<string, string | string[]>;
  /** The citizen's contact: private, stored encrypted, never answered. */
  contact: Open311Contact;
}

export interface Open311Contact {
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  device_id?: string;
  account_id?: string;
}

const CONTACT_FIELDS = {
  email: 254,
  phone: 32,
  first_name: 60,
  last_name: 60,
  device_id: 128,
  account_id: 128,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DECIMAL = /^[-+]?\d{1,3}(\.\d{1,15})?$/;
const ATTRIBUTE_CODE = /^[\w-]{1,64}$/;
const MAX_ATTRIBUTES = 20;

/** A 400 in the spec's shape whose description names the field. */
export function fieldError(field: string, reason: string): AppException {
  return new AppException('OPEN311.FIELD_INVALID', `${field}: ${reason}`, [{ field, reasons: [reason] }]);
}

/** One text field: absent, empty or blank is null (the spec's "empty counts as absent"). */
function text(body: Record<string, unknown>, field: string, max: number): string | null {
  const raw = body[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number' && Number.isFinite(raw)) return text({ [field]: String(raw) }, field, max);
  if (typeof raw !== 'string') throw fieldError(field, 'must be a single text value');
  const value = cleanText(raw);
  if (value === '') return null;
  if ([...value].length > max) throw fieldError(field, `at most ${max} characters`);
  return value;
}

function coordinate(body: Record<string, unknown>, field: 'lat' | 'long', limit: number): string | null {
  const value = text(body, field, 24);
  if (value === null) return null;
  if (!DECIMAL.test(value) || Math.abs(Number(value)) > limit)
    throw fieldError(field, `a WGS84 decimal degree between -${limit} and ${limit}`);
  return value;
}

/** attribute[code]=value from a nested object (qs) or flat "attribute[code]" keys. */
function attributes(body: Record<string, unknown>): Record<string, string | string[]> {
  const entries: Array<[string, unknown]> = [];
  const nested = body.attribute;
  if (nested !== undefined && nested !== null) {
    if (typeof nested !== 'object' || Array.isArray(nested))
      throw fieldError('attribute', 'send attributes as attribute[code]=value');
    entries.push(...Object.entries(nested as Record<string, unknown>));
  }
  for (const [key, value] of Object.entries(body)) {
    const match = /^attribute\[([^\]]*)\](?:\[\])?$/.exec(key);
    if (match) entries.push([match[1]!, value]);
  }
  if (entries.length > MAX_ATTRIBUTES) throw fieldError('attribute', `at most ${MAX_ATTRIBUTES} attributes`);
  const result: Record<string, string | string[]> = {};
  for (const [code, value] of entries) {
    const field = `attribute[${code}]`;
    if (!ATTRIBUTE_CODE.test(code)) throw fieldError(field, 'an attribute code of letters, digits, - or _');
    const values = Array.isArray(value) ? value : [value];
    const cleaned = values
      .map((v) => text({ [field]: v }, field, 200))
      .filter((v): v is string => v !== null);
    if (cleaned.length === 0) continue;
    result[code] = Array.isArray(value) ? cleaned : cleaned[0]!;
  }
  return result;
}

/** Reads an Open311 POST body (form-encoded or JSON). */
export function parseOpen311Create(input: unknown): Open311Create {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw fieldError('body', 'send the fields as application/x-www-form-urlencoded');
  const body = input as Record<string, unknown>;
  const serviceCode = text(body, 'service_code', 64);
  if (serviceCode === null) throw fieldError('service_code', 'required');
  const description = text(body, 'description', OPEN311_LIMITS.descriptionMax);
  if (description === null) throw fieldError('description', 'required');
  if (visibleLength(description) < TICKET_LIMITS.contentMin)
    throw fieldError('description', `at least ${TICKET_LIMITS.contentMin} characters`);
  const lat = coordinate(body, 'lat', 90);
  const long = coordinate(body, 'long', 180);
  if ((lat === null) !== (long === null))
    throw fieldError(lat === null ? 'lat' : 'long', 'lat and long go together');
  const addressString = text(body, 'address_string', 255);
  const addressId = text(body, 'address_id', 64);
  if (lat === null && addressString === null && addressId === null)
    throw fieldError('lat', 'a location is required: lat and long, address_string or address_id');
  const mediaUrl = text(body, 'media_url', 500);
  if (mediaUrl !== null && !isHttpUrl(mediaUrl)) throw fieldError('media_url', 'an http or https URL');
  const contact: Open311Contact = {};
  for (const [field, max] of Object.entries(CONTACT_FIELDS)) {
    const value = text(body, field, max);
    if (value !== null) contact[field as keyof Open311Contact] = value;
  }
  if (contact.email !== undefined && !EMAIL.test(contact.email))
    throw fieldError('email', 'an email address');
  return {
    apiKey: text(body, 'api_key', 128),
    jurisdictionId: text(body, 'jurisdiction_id', 64),
    serviceCode,
    description,
    lat,
    long,
    addressString,
    addressId,
    mediaUrl,
    attributes: attributes(body),
    contact,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
