import type { FuzzRoute } from './routes';
import { encodeText, hostileScalar, Random, toJson } from './values';

/** Transport-level and multipart cases of the fuzzer: content types, malformed JSON, odd uploads. */

/** A multipart body with the given parts (a name, optional file name and type, and bytes). */
export function multipart(
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

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A small, abusive multipart request (no oversized images: that bound has its own tests). */
export function multipartCase(
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

export const BAD_JSON = [
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
export function transportCase(route: FuzzRoute, validBody: unknown, random: Random) {
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
