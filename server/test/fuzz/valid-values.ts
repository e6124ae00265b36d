import type { FieldSchema, FuzzRoute } from './routes';
import type { FuzzWorld } from './cases';
import type { Random } from './values';

/** Valid-looking values for the fuzzer's cases: real ids of the seeded county, dates, slots, paths. */

/** Which id pool a field or path parameter draws from. */
export function idKind(name: string, route: FuzzRoute): string | undefined {
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

export const TEXTS = [
  '村口路灯坏了，请尽快修理',
  '到魏庄村调度拆迁工作',
  '日常工作',
  '低保',
  '王小明',
  '周例会',
  'dibao',
];

/** A plausible value for a field, so that requests get past validation into the services. */
export function validValue(
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

export function randomUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function validObject(
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

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every (container, key) pair inside a value, so one can be replaced. */
export function slots(
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

export function nullEverything(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 6) return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => nullEverything(v, depth + 1)) : [null];
  return Object.fromEntries(
    Object.keys(value).map((k) => [k, nullEverything((value as Record<string, unknown>)[k], depth + 1)]),
  );
}

export function fillPath(route: FuzzRoute, values: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? '1');
}

export function queryString(pairs: Array<[string, string]>): string {
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}
