import { gzipSync } from 'node:zlib';
import { respond } from './today-response';
import type { CachedToday } from './today.service';

const body = Buffer.from(JSON.stringify({ plans: [{ official: { name: '张三' } }] }));
const page: CachedToday = { etag: '"abc"', body, gzip: gzipSync(body) };

const headersOf = (list: string[]): Record<string, string> =>
  Object.fromEntries(list.flatMap((_, i) => (i % 2 === 0 ? [[list[i]!, list[i + 1]!]] : [])));

describe('respond (the GET /today answer from a cached page)', () => {
  const sut = respond;

  it('answers 304 without a body when If-None-Match names the page', () => {
    const answer = sut(page, { ifNoneMatch: '"abc"', acceptEncoding: 'gzip' });
    expect(answer.status).toBe(304);
    expect(answer.body).toBeNull();
    expect(headersOf(answer.headers)).toEqual({
      etag: '"abc"',
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding',
    });
  });

  it('answers 200 with the page when If-None-Match names another version', () => {
    const answer = sut(page, { ifNoneMatch: '"old"' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(page.body);
  });

  it('sends the gzip bytes only to a client that accepts gzip', () => {
    const answer = sut(page, { acceptEncoding: 'deflate, gzip;q=0.8, br' });
    expect(answer.body).toBe(page.gzip);
    expect(headersOf(answer.headers)).toMatchObject({
      'content-encoding': 'gzip',
      'content-length': String(page.gzip.length),
    });
  });

  it('sends the plain JSON to a client that does not accept gzip', () => {
    for (const acceptEncoding of [undefined, '', 'br, deflate', 'x-gzipped']) {
      const answer = sut(page, { acceptEncoding });
      expect(answer.body).toBe(page.body);
      expect(headersOf(answer.headers)['content-encoding']).toBeUndefined();
      expect(headersOf(answer.headers)['content-length']).toBe(String(page.body.length));
    }
  });

  it('always says the answer varies with Accept-Encoding and must be revalidated', () => {
    for (const request of [{}, { acceptEncoding: 'gzip' }, { ifNoneMatch: '"abc"' }]) {
      expect(headersOf(sut(page, request).headers)).toMatchObject({
        vary: 'Accept-Encoding',
        'cache-control': 'no-cache',
        etag: '"abc"',
      });
    }
  });

  it('types the body as UTF-8 JSON', () => {
    expect(headersOf(sut(page, {}).headers)['content-type']).toBe('application/json; charset=utf-8');
  });

  it('puts the leading headers first', () => {
    const answer = sut(page, {}, ['x-frame-options', 'DENY', 'x-request-id', 'r-1']);
    expect(answer.headers.slice(0, 4)).toEqual(['x-frame-options', 'DENY', 'x-request-id', 'r-1']);
  });
});
