import { POLICY } from '../../src/modules/auth/policy';
import type { FuzzRoute } from './routes';
import { multipartCase, transportCase } from './transport-cases';
import {
  fillPath,
  idKind,
  nullEverything,
  queryString,
  slots,
  validObject,
  validValue,
} from './valid-values';
import {
  caseSeed,
  deepJson,
  encodeText,
  hostileUrlText,
  hostileValue,
  hugeJson,
  Random,
  toJson,
  UNICODE_EDGES,
  WRONG_SHAPES,
} from './values';
/** Anonymous, a resident, and town X's official, clerk, supervisor and admin; countyAdmin reaches what only the county may. */
export const PERSONAS = [
  'anonymous',
  'resident',
  'official',
  'clerk',
  'supervisor',
  'admin',
  'countyAdmin',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** What the fuzzer knows of the seeded county: real ids, those of town X first, then other towns'. */
export interface FuzzWorld {
  tokens: Record<Persona, string | undefined>;
  /** Access tokens of bystanders: logout ends the caller's session, so it never gets a persona's. */
  bystanders: string[];
  /** Real ids by kind (official, unit, ticket, entry, leave, invite, grant, matter, post). */
  ids: Record<string, number[]>;
  /** Real values by lower-cased field name (refreshtoken, querycode, photoid…), or by "<path> <name>". */
  strings: Record<string, string[]>;
  /** Files each multipart route accepts, by route key (a small PNG, the app's own spreadsheets). */
  files: Record<string, { name: string; type: string; data: Buffer }>;
  today: string;
  monday: string;
}

export type CaseKind =
  'valid' | 'field' | 'nulls' | 'param' | 'query' | 'transport' | 'deep' | 'huge' | 'multipart';

/** One request, fully decided before it is sent. */
export interface FuzzCase {
  index: number;
  kind: CaseKind;
  /** What was done, for the report (e.g. "content-type text/plain"). */
  note: string;
  route: string;
  persona: Persona;
  method: string;
  /** Path and query, percent-encoded as sent. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const KIND_WEIGHTS: Record<CaseKind, number> = {
  valid: 20,
  field: 34,
  nulls: 6,
  param: 12,
  query: 10,
  transport: 12,
  deep: 1,
  huge: 1,
  multipart: 4,
};

function allowedPersonas(key: string): readonly Persona[] {
  const allow = POLICY[key]?.allow ?? 'public';
  if (allow === 'public') return PERSONAS;
  if (allow === 'signed-in') return PERSONAS.filter((p) => p !== 'anonymous');
  return PERSONAS.filter((p) => (allow as readonly string[]).includes(p === 'countyAdmin' ? 'admin' : p));
}

/** Decides case `index` of a run seeded with `seed`: the same (seed, index, routes, world) gives the same request. */
export function makeCase(
  seed: number,
  index: number,
  routes: readonly FuzzRoute[],
  world: FuzzWorld,
  kinds?: readonly CaseKind[],
): FuzzCase {
  const random = new Random(caseSeed(seed, index));
  // Every route gets its turn (round robin); the rest is random.
  const route = routes[index % routes.length]!;
  let kind = random.weighted(
    kinds
      ? (Object.fromEntries(kinds.map((k) => [k, KIND_WEIGHTS[k]])) as Record<CaseKind, number>)
      : KIND_WEIGHTS,
  );
  if (kind === 'multipart' && route.body !== 'multipart') kind = 'field';
  if ((kind === 'valid' || kind === 'field') && route.body === 'multipart' && random.chance(0.7))
    kind = 'multipart';
  if ((kind === 'deep' || kind === 'huge') && route.method === 'GET') kind = 'query';
  if (kind === 'param' && !Object.keys(route.params).length) kind = 'query';
  // Mostly someone the policy lets in, so that plausible requests reach the services.
  const persona =
    ['valid', 'field', 'multipart'].includes(kind) && random.chance(0.7)
      ? random.pick(allowedPersonas(route.key))
      : random.pick(PERSONAS);
  const token =
    route.key === 'POST /api/v1/auth/logout' && persona !== 'anonymous' && world.bystanders.length
      ? random.pick(world.bystanders)
      : world.tokens[persona];
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  // Ticket submissions need one; other routes ignore it.
  if (route.method === 'POST' && random.chance(0.8))
    headers['idempotency-key'] = random.chance(0.8)
      ? `fuzz-${seed}-${index}-${random.int(0, 1e9)}`
      : random.pick(['', 'x'.repeat(500), 'fuzz-fixed-key', '../..', '%00', 'caf\u00e9']);

  const params: Record<string, string> = {};
  for (const [name, schema] of Object.entries(route.params))
    params[name] = encodeText(String(validValue(name, schema, route, world, random)));
  const query: Array<[string, string]> = [];
  for (const [name, schema] of Object.entries(route.query))
    if (random.chance(0.7))
      query.push([name, encodeText(String(validValue(name, schema, route, world, random)))]);
  let body: unknown =
    route.body === 'json' && route.bodySchema
      ? validObject(route.bodySchema, route, world, random)
      : undefined;
  let note = '';

  if (kind === 'field') {
    const targets = [
      ...(body !== undefined ? slots(body).map((s) => ['body', s] as const) : []),
      ...query.map((_, i) => ['query', i] as const),
      ...(body !== undefined ? [['body-extra', null] as const] : []),
    ];
    const count = random.int(1, 3);
    const changed: string[] = [];
    for (let i = 0; i < count && targets.length; i++) {
      const target = random.pick(targets);
      if (target[0] === 'body') {
        const [container, key] = target[1];
        // null alone in an otherwise plausible body is its own common bug: a quarter of the time.
        const value = random.chance(0.25) ? null : hostileValue(random);
        (container as Record<string | number, unknown>)[key] = value;
        changed.push(`body.${key}${value === null ? '=null' : ''}`);
      } else if (target[0] === 'query') {
        const pair = query[target[1]]!;
        pair[1] = hostileUrlText(random);
        changed.push(`query.${pair[0]}`);
      } else if (body && typeof body === 'object') {
        const extra = random.pick(['__proto__', 'constructor', 'id', 'role', 'isAdmin', 'version', '']);
        // defineProperty: a plain assignment to "__proto__" would set the prototype, not send a field.
        Object.defineProperty(body, extra, { value: hostileValue(random), enumerable: true, writable: true });
        changed.push(`body.${extra || '""'} (extra)`);
      }
    }
    if (!changed.length && route.body === 'json') {
      body = hostileValue(random);
      changed.push('body');
    }
    if (!changed.length) {
      const name = random.pick(['x', 'page', 'unitId', 'date', 'q', '__proto__', 'limit']);
      query.push([name, hostileUrlText(random)]);
      changed.push(`query.${name} (extra)`);
    }
    note = `hostile ${changed.join(', ')}`;
  } else if (kind === 'nulls') {
    if (body !== undefined && route.bodySchema?.properties) {
      const full = Object.fromEntries(Object.keys(route.bodySchema.properties).map((k) => [k, null]));
      body = random.chance(0.5) ? full : nullEverything(validObject(route.bodySchema, route, world, random));
    }
    for (const pair of query) pair[1] = random.pick(['null', '', 'undefined']);
    note = 'null in every field';
  } else if (kind === 'param') {
    const names = Object.keys(params);
    const name = random.pick(names);
    const kindOfId = idKind(name, route);
    const other =
      kindOfId && world.ids[`${kindOfId}:other`]?.length
        ? String(random.pick(world.ids[`${kindOfId}:other`]!))
        : undefined;
    const bad = random.pick([
      ...(other ? [other, other, other] : []),
      '0',
      '-1',
      '2147483648',
      '9007199254740993',
      '9'.repeat(400),
      'abc',
      '1.5',
      '1e3',
      '0x1F',
      '%201',
      'NaN',
      '2026-02-30',
      '9999-12-31',
      '0000-01-01',
      'x'.repeat(3000),
      hostileUrlText(random),
    ]);
    params[name] = bad;
    note = `path :${name}=${bad.slice(0, 30)}`;
  } else if (kind === 'query') {
    switch (random.pick(['repeat', 'brackets', 'hostile', 'huge', 'unknown'])) {
      case 'repeat': {
        const name = random.pick([...Object.keys(route.query), 'page', 'unitId']);
        query.push([name, '1'], [name, '2']);
        note = `query ${name} twice`;
        break;
      }
      case 'brackets': {
        const name = random.pick([...Object.keys(route.query), 'page', 'unitId']);
        query.push([`${name}[a]`, '1'], [`${name}[__proto__][x]`, '1'], [`${name}[]`, '2']);
        note = `query ${name}[…]`;
        break;
      }
      case 'huge':
        query.push([random.pick([...Object.keys(route.query), 'q']), 'x'.repeat(random.pick([4000, 7000]))]);
        note = 'query huge value';
        break;
      case 'unknown':
        query.push([encodeText(random.pick(UNICODE_EDGES)), '1'], ['__proto__', '1'], ['constructor', 'x']);
        note = 'query unknown names';
        break;
      default:
        for (const pair of query) pair[1] = hostileUrlText(random);
        if (!query.length) query.push([random.pick(['page', 'q', 'date']), hostileUrlText(random)]);
        note = 'query every value hostile';
    }
  }

  let method = route.method;
  let raw: Buffer | undefined;
  if (kind === 'deep') {
    headers['content-type'] = 'application/json';
    raw = Buffer.from(deepJson(random.pick([3000, 1000, 200]), random));
    note = 'deeply nested JSON';
  } else if (kind === 'huge') {
    headers['content-type'] = 'application/json';
    const field = random.pick([...Object.keys(route.bodySchema?.properties ?? {}), 'content']);
    raw = Buffer.from(hugeJson(random, field));
    note = `huge body (${(raw.length / 1024 / 1024).toFixed(2)} MB)`;
  } else if (kind === 'multipart') {
    const part = multipartCase(random, world.files[route.key]);
    Object.assign(headers, part.headers);
    raw = part.body;
    note = part.note;
  } else if (kind === 'transport') {
    const t = transportCase(route, body, random);
    method = t.method;
    Object.assign(headers, t.headers);
    raw = t.body;
    note = t.note;
  } else if (route.body === 'json' || (body !== undefined && method !== 'GET')) {
    headers['content-type'] = 'application/json';
    raw = Buffer.from(toJson(body ?? {}));
  } else if (method !== 'GET' && random.chance(0.3)) {
    headers['content-type'] = 'application/json';
    raw = Buffer.from(toJson(random.pick(WRONG_SHAPES)));
    note ||= 'a body where none is expected';
  }
  return {
    index,
    kind,
    note: note || 'plausible values',
    route: route.key,
    persona,
    method,
    path: fillPath(route, params) + queryString(query),
    headers,
    body: raw,
  };
}
