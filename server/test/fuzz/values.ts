import { mulberry32 } from '../../src/common/random';

/**
 * Seeded randomness and the catalogue of hostile values. Everything a fuzz case sends comes from a
 * Random seeded with (run seed, case index), so one case replays alone.
 */
export class Random {
  /** mulberry32: small, fast, good enough to pick test inputs. */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** Picks a key of weights in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) if ((roll -= weight) < 0) return key;
    return entries[entries.length - 1]![0];
  }
}

/** The seed of one case: the run's seed mixed with the case index. */
export function caseSeed(runSeed: number, index: number): number {
  let h = (runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A JSON literal written as is (numbers JSON.stringify cannot produce, e.g. 2^53+1 or 1e400). */
export class RawJson {
  constructor(readonly text: string) {}
}

const RAW_MARK = '\u0001RAW\u0001';

/** JSON.stringify that writes RawJson literals verbatim. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? RAW_MARK + v.text : v));
  if (text === undefined) return 'null';
  return text.replace(/"\\u0001RAW\\u0001((?:[^"\\]|\\.)*)"/g, (_m, raw: string) =>
    raw.replace(/\\(.)/g, '$1'),
  );
}

export const UNICODE_EDGES: readonly string[] = [
  '\u200b'.repeat(20), // zero-width spaces
  '\u0000'.repeat(5), // NUL
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  'ab\ud800cd\udc00',
  '\u202e反转的文字\u202c', // RTL override
  '👨‍👩‍👧‍👦🏳️‍🌈🇨🇳', // ZWJ sequences, flags
  'e\u0301\u0302\u0303\u0304\u0305'.repeat(40), // combining marks
  'Z̷̧̛̠̖̙̜̝̞̟͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌',
  '\ufeff开头有BOM',
  '\uffff\ufffe\ufffd',
  '\u0085\u2028\u2029换行',
  'مرحبا بالعالم',
  '𠀀𠀁𪚥', // astral CJK
  '\t\r\n\v\f',
  '\u001b[31m红色\u001b[0m',
  '　　　', // ideographic spaces
  '路灯坏了。。。。。。',
];

export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '-0',
  '0x10',
  '1e3',
  '1.5',
  '2147483648',
  '9007199254740993',
  '99999999999999999999999999',
  "' OR 1=1 --",
  '"; DROP TABLE tickets; --',
  '%',
  '%00',
  '%zz',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-13-01',
  '1970-01-01',
  '-271821-04-20',
  '+275760-09-13',
  '2026-02-28T25:00:00Z',
  '24:00',
  '23:59:60',
  '99:99',
  '-01:00',
  'x'.repeat(256),
  'x'.repeat(10_000),
  '字'.repeat(5_000),
  'AAAA-BBBB-CCCC',
  'code:',
  'phone:',
];

export const NASTY_NUMBERS: readonly unknown[] = [
  0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  new RawJson('9007199254740993'),
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('1e-400'),
  new RawJson('-0'),
  new RawJson('123456789012345678901234567890'),
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e308,
  1e-7,
];

export const WRONG_SHAPES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  [null],
  [1, 2, 3],
  ['a', 'b'],
  [[[]]],
  {},
  { a: 1 },
  { __proto__: { polluted: 1 } },
  JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
  { length: 1e9 },
  { toString: 'x', valueOf: 'y' },
];

/** Any hostile value: boundary numbers, nasty and unicode strings, wrong shapes. */
export function hostileValue(random: Random): unknown {
  switch (random.weighted({ number: 3, string: 4, unicode: 3, shape: 3 })) {
    case 'number':
      return random.pick(NASTY_NUMBERS);
    case 'string':
      return random.pick(NASTY_STRINGS);
    case 'unicode':
      return random.pick(UNICODE_EDGES);
    default:
      return random.pick(WRONG_SHAPES);
  }
}

/** A hostile scalar for a URL (path segment or query value), already percent-encoded. */
export function hostileUrlText(random: Random): string {
  const raw = random.pick([
    '%',
    '%zz',
    '%00',
    '%ED%A0%80', // a lone surrogate as CESU-8
    '%C0%AF', // overlong slash
    '%FF%FE',
    '..',
    '%2e%2e',
    '%2F',
    '%0d%0aSet-Cookie:%20x=1',
    '+',
    '1;2',
  ]);
  if (random.chance(0.4)) return raw;
  return encodeText(String(hostileScalar(random)));
}

/** A hostile value that can be written as text (no objects). */
export function hostileScalar(random: Random): string | number {
  const value = random.chance(0.5)
    ? random.pick(NASTY_NUMBERS)
    : random.pick([...NASTY_STRINGS, ...UNICODE_EDGES]);
  if (value instanceof RawJson) return value.text;
  return value as string | number;
}

/** encodeURIComponent that survives lone surrogates (sent as their CESU-8 bytes). */
export function encodeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** {"a":{"a":…}} nested `depth` levels (built as text: no recursion on our side). */
export function deepJson(depth: number, random: Random): string {
  const array = random.chance(0.5);
  const open = array ? '[' : '{"a":';
  const close = array ? ']' : '}';
  return open.repeat(depth) + '1' + close.repeat(depth);
}

/** A JSON body just over the 1 MB limit, or just under it (one huge string). */
export function hugeJson(random: Random, field: string): string {
  const size = random.pick([1024 * 1024 + 16, 1024 * 1024 - 64, 2 * 1024 * 1024]);
  const filler = random.chance(0.5) ? 'a' : '字';
  const count = Math.floor(size / Buffer.byteLength(filler));
  return `{${JSON.stringify(field)}:"${filler.repeat(Math.max(0, count - field.length - 8))}"}`;
}
