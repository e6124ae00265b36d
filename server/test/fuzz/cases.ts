import { POLICY } from '../../src/modules/auth/policy';
import type { FieldSchema, FuzzRoute } from './routes';
import {
  caseSeed,
  deepJson,
  encodeText,
  hostileScalar,
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

/** Which id pool a field or path parameter draws from. */
function idKind(name: string, route: FuzzRoute): string | undefined {
  const n = name.toLowerCase();
  if (n === 'id' || n === 'service_request_id') {
    const segment = route.path.split('/:')[0]!.split('/').pop()!;
    return (
      {
        tickets: 'ticket',
        requests: 'ticket',
        leaves: 'leave',
        officials: 'official',
        units: 'unit',
        matters: 'matter',
        invites: 'invite',
        grants: 'grant',
        posts: 'post',
        entries: 'entry',
      } as Record<string, string>
    )[segment];
  }
  if (/official/.test(n)) return 'official';
  if (/(unit|parent|department|covered)/.test(n)) return 'unit';
  if (/entry/.test(n)) return 'entry';
  if (/matter/.test(n)) return 'matter';
  if (/post/.test(n)) return 'post';
  if (/ticket/.test(n)) return 'ticket';
  return undefined;
}

const TEXTS = [
  '村口路灯坏了，请尽快修理',
  '到魏庄村调度拆迁工作',
  '日常工作',
  '低保',
  '王小明',
  '周例会',
  'dibao',
];

/** A plausible value for a field, so that requests get past validation into the services. */
function validValue(
  name: string,
  schema: FieldSchema,
  route: FuzzRoute,
  world: FuzzWorld,
  random: Random,
  depth = 0,
): unknown {
  if (schema.enum?.length) return random.pick(schema.enum);
  const n = name.toLowerCase();
  const kind = idKind(name, route);
  const strings = world.strings[`${route.path} ${n}`] ?? world.strings[n];
  if (schema.type === 'array' || (schema.items && schema.type !== 'object')) {
    if (depth > 3) return [];
    const length = random.int(schema.items?.properties ? 1 : 0, 3);
    return Array.from({ length }, () =>
      validValue(name.replace(/s$/, ''), schema.items ?? {}, route, world, random, depth + 1),
    );
  }
  if (schema.properties) return validObject(schema, route, world, random, depth + 1);
  if (schema.type === 'boolean') return random.chance(0.5);
  if (strings?.length && random.chance(0.85)) return random.pick(strings);
  if (
    kind &&
    (schema.type === 'number' || schema.type === 'integer' || /id$/.test(n) || schema.type === undefined)
  ) {
    const pool = world.ids[kind] ?? [];
    return pool.length && random.chance(0.85) ? random.pick(pool) : random.int(1, 500);
  }
  if (/version/.test(n)) return random.int(1, 6);
  if (/year/.test(n)) return random.pick([2025, 2026, 2027]);
  if (schema.type === 'number' || schema.type === 'integer') {
    const min = Math.max(schema.minimum ?? 0, -1000);
    return random.int(min, Math.min(schema.maximum ?? min + 10, min + 1000));
  }
  if (/weekstart/.test(n)) return world.monday;
  if (/date|^from$|^to$|day$/.test(n))
    return shiftDate(world.today, random.chance(0.8) ? random.int(0, 2) : random.int(-10, 10));
  if (/time$/.test(n)) return `${String(random.int(6, 20)).padStart(2, '0')}:${random.pick(['00', '30'])}`;
  if (/phone/.test(n)) return `138${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  if (/photoid|uuid/.test(n) || schema.checks?.includes('isUuid')) return randomUuid(random);
  if (/querycode/.test(n)) return random.pick(['ABCDEFGH', 'ZZZZ2222', 'A1B2C3D4']);
  if (n === 'code') return `code:fuzz-${random.int(1, 1e9)}`;
  if (n === 'name' && /officials/.test(route.path)) return random.pick(['王小明', '李华', '阿依古丽·买买提']);
  if (schema.type === 'object') return random.int(1, 5); // a union the document could not name (number | null)
  const text = random.pick(TEXTS);
  const min = schema.minLength ?? 2;
  return text.length < min ? text.padEnd(min, '修') : text.slice(0, schema.maxLength ?? text.length);
}

function randomUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function validObject(
  schema: FieldSchema,
  route: FuzzRoute,
  world: FuzzWorld,
  random: Random,
  depth = 0,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {}))
    if (required.has(name) || random.chance(0.75))
      out[name] = validValue(name, field, route, world, random, depth);
  return out;
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every (container, key) pair inside a value, so one can be replaced. */
function slots(
  value: unknown,
  out: Array<[Record<string, unknown> | unknown[], string | number]> = [],
  depth = 0,
) {
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    out.push([value as Record<string, unknown>, Array.isArray(value) ? Number(key) : key]);
    slots(child, out, depth + 1);
  }
  return out;
}

function nullEverything(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 6) return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => nullEverything(v, depth + 1)) : [null];
  return Object.fromEntries(
    Object.keys(value).map((k) => [k, nullEverything((value as Record<string, unknown>)[k], depth + 1)]),
  );
}

function fillPath(route: FuzzRoute, values: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? '1');
}

function queryString(pairs: Array<[string, string]>): string {
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

/** A multipart body with the given parts (a name, optional file name and type, and bytes). */
function multipart(
  parts: Array<{ name: string; filename?: string; type?: string; data: Buffer }>,
  boundary: string,
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
      ),
      part.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A small, abusive multipart request (no oversized images: that bound has its own tests). */
function multipartCase(
  random: Random,
  valid?: { name: string; type: string; data: Buffer },
): { note: string; headers: Record<string, string>; body: Buffer } {
  const boundary = `fuzz${random.int(1, 1e9)}`;
  const junk = Buffer.from(Array.from({ length: random.int(0, 2048) }, () => random.int(0, 255)));
  const files: Record<string, Buffer> = {
    junk,
    empty: Buffer.alloc(0),
    'png header only': Buffer.concat([PNG_SIGNATURE, junk.subarray(0, 64)]),
    'zip header only': Buffer.concat([ZIP_SIGNATURE, junk.subarray(0, 64)]),
    json: Buffer.from('{"a":1}'),
  };
  if (valid) {
    // The real thing, and the real thing damaged: bytes flipped, cut short.
    files.valid = valid.data;
    const flipped = Buffer.from(valid.data);
    for (let k = random.int(1, 20); k > 0; k--)
      flipped[random.int(0, flipped.length - 1)] = random.int(0, 255);
    files['valid, bytes flipped'] = flipped;
    files['valid, cut short'] = valid.data.subarray(0, random.int(1, valid.data.length - 1));
  }
  const fileNote =
    valid && random.chance(0.6)
      ? random.pick(['valid', 'valid', 'valid, bytes flipped', 'valid, cut short'])
      : random.pick(Object.keys(files));
  const file = files[fileNote]!;
  const realName = valid && fileNote.startsWith('valid') && random.chance(0.7);
  const filename = realName
    ? valid.name
    : random.pick([
        'a.png',
        'a.jpg',
        'a.xlsx',
        '',
        '../../x.png',
        '\u202egnp.exe',
        '文件.xlsx',
        'a'.repeat(300),
      ]);
  const shape = realName
    ? 'one file'
    : random.pick(['one file', 'wrong field', 'two files', 'text only', 'file and fields', 'bad boundary']);
  let parts: Array<{ name: string; filename?: string; type?: string; data: Buffer }>;
  switch (shape) {
    case 'wrong field':
      parts = [{ name: 'photo', filename, type: 'image/png', data: file }];
      break;
    case 'two files':
      parts = [
        { name: 'file', filename, type: 'image/png', data: file },
        { name: 'file', filename, type: 'image/png', data: file },
      ];
      break;
    case 'text only':
      parts = [{ name: 'file', data: Buffer.from(String(hostileScalar(random))) }];
      break;
    case 'file and fields':
      parts = [
        {
          name: 'file',
          filename,
          type: random.pick(['image/png', 'application/octet-stream', 'text/plain']),
          data: file,
        },
        {
          name: random.pick(['date', 'unitId', '__proto__', 'x']),
          data: Buffer.from(String(hostileScalar(random))),
        },
      ];
      break;
    default:
      if (realName) {
        parts = [{ name: 'file', filename, type: valid!.type, data: file }];
        break;
      }
      parts = [
        {
          name: 'file',
          filename,
          type: random.pick([
            'image/png',
            'image/jpeg',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ]),
          data: file,
        },
      ];
  }
  const body = multipart(parts, boundary);
  const declared = shape === 'bad boundary' ? random.pick(['', 'other', '"']) : boundary;
  return {
    note: `multipart ${shape}, ${fileNote} as ${JSON.stringify(filename.slice(0, 20))}`,
    headers: { 'content-type': `multipart/form-data; boundary=${declared}` },
    body:
      shape === 'bad boundary' && random.chance(0.5) ? body.subarray(0, Math.floor(body.length / 2)) : body,
  };
}

const BAD_JSON = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '\ufeff{"a":1}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1}{"a":2}',
  '{"a":1}\u0000',
  'null',
  'true',
  '0',
  '"string"',
  '[]',
  '[{}]',
  '',
  ' ',
  '{"a":"\\x"}',
  '{"__proto__":null}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];

/** Transport-level abuse: content types, malformed JSON, odd methods and auth headers. */
function transportCase(route: FuzzRoute, validBody: unknown, random: Random) {
  const json = validBody === undefined ? '{}' : toJson(validBody);
  const headers: Record<string, string> = {};
  let method = route.method;
  let body: Buffer | undefined = Buffer.from(json);
  let note: string;
  switch (
    random.pick(['content-type', 'malformed', 'method', 'auth', 'charset', 'encoding', 'bytes', 'accept'])
  ) {
    case 'content-type': {
      const type = random.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/json-patch+json',
        'application/vnd.api+json',
        '*/*',
        'application/octet-stream',
        'application/json; charset=utf-16',
        'application/json; charset=nonsense',
        '',
      ]);
      headers['content-type'] = type;
      if (type.startsWith('application/x-www-form-urlencoded') && random.chance(0.5))
        body = Buffer.from(`a=1&a=2&b[c]=3&__proto__[x]=1&${encodeText(String(hostileScalar(random)))}=1`);
      note = `content-type ${JSON.stringify(type)}`;
      break;
    }
    case 'malformed': {
      const text = random.pick(BAD_JSON);
      headers['content-type'] = 'application/json';
      body = Buffer.from(text);
      note = `JSON ${JSON.stringify(text)}`;
      break;
    }
    case 'method':
      method = random.pick(['HEAD', 'OPTIONS', 'PATCH', 'PUT', 'DELETE', 'POST', 'GET', 'TRACE']);
      if (method === 'GET' || method === 'HEAD') body = undefined;
      else headers['content-type'] = 'application/json';
      note = `method ${method}`;
      break;
    case 'auth':
      headers.authorization = random
        .pick([
          'Bearer ',
          'Bearer',
          'Bearer x.y.z',
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOjF9.',
          'Basic YWRtaW46YWRtaW4=',
          `Bearer ${'a'.repeat(8000)}`,
          'bearer  \u0000',
          'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicm9sZXMiOlsiYWRtaW4iXX0.invalid',
        ])
        .replace(/[^\t\x20-\x7e]/g, '');
      headers['content-type'] = 'application/json';
      note = `authorization ${headers.authorization.slice(0, 40)}`;
      break;
    case 'charset':
      headers['content-type'] = 'application/json; charset=latin1';
      body = Buffer.from(json, 'latin1');
      note = 'JSON in latin1';
      break;
    case 'encoding':
      headers['content-type'] = 'application/json';
      headers['content-encoding'] = random.pick(['gzip', 'deflate', 'br', 'identity', 'nonsense']);
      note = `content-encoding ${headers['content-encoding']} (not encoded)`;
      break;
    case 'bytes': {
      headers['content-type'] = 'application/json';
      const bad = random.pick([
        [0xff, 0xfe],
        [0xc0, 0xaf],
        [0xed, 0xa0, 0x80],
        [0xe4, 0xb8],
      ]);
      body = Buffer.concat([Buffer.from('{"content":"'), Buffer.from(bad), Buffer.from('abc"}')]);
      note = 'invalid UTF-8 in a string';
      break;
    }
    default:
      headers.accept = random.pick([
        'application/xml',
        'text/html',
        '*/*;q=0',
        'application/json;q=nonsense',
      ]);
      headers['content-type'] = 'application/json';
      note = `accept ${headers.accept}`;
  }
  if (method === 'GET' && route.method === 'GET' && body && !headers['content-type']) body = undefined;
  return { method, headers, body, note };
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
