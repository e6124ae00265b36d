import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { startTestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the headers given (fetch would add and undo compression on its own). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const SCRIPT = `console.log(${JSON.stringify('今日工作 '.repeat(400))});`;

describe.each(testDatabases())('serving the H5 build (issue #15) on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    const h5Dir = mkdtempSync(join(tmpdir(), 'jinri-h5-'));
    writeFileSync(
      join(h5Dir, 'index.html'),
      '<!doctype html><html><head><title>今日工作</title></head><body></body></html>',
    );
    writeFileSync(join(h5Dir, 'app.0123abcd.js'), SCRIPT);
    writeFileSync(join(h5Dir, 'app.0123abcd.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(h5Dir, 'app.0123abcd.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(h5Dir, 'plain.0123abcd.css'), 'body{color:red}');
    writeFileSync(join(h5Dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    ({ app, url } = await startTestApp(database.config(), { env: { API_DOCS: '1' }, config: { h5Dir } }));
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('sends the brotli copy of a static file to a client that accepts br, with its own type and a year of caching', async () => {
    const sut = await get(`${url}/app.0123abcd.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(sut.status).toBe(200);
    expect(sut.headers['content-encoding']).toBe('br');
    expect(sut.headers['content-type']).toMatch(/^application\/javascript|^text\/javascript/);
    expect(sut.headers.vary).toMatch(/Accept-Encoding/i);
    expect(sut.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(sut.body).toString()).toBe(SCRIPT);
  });

  it('sends the gzip copy to a client that accepts only gzip', async () => {
    const sut = await get(`${url}/app.0123abcd.js`, { 'accept-encoding': 'gzip' });
    expect(sut.headers['content-encoding']).toBe('gzip');
    expect(sut.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(sut.body).toString()).toBe(SCRIPT);
  });

  it('sends the file itself, still marked Vary, to a client that accepts no compression', async () => {
    const sut = await get(`${url}/app.0123abcd.js`, { 'accept-encoding': 'identity, br;q=0' });
    expect(sut.headers['content-encoding']).toBeUndefined();
    expect(sut.headers.vary).toMatch(/Accept-Encoding/i);
    expect(sut.body.toString()).toBe(SCRIPT);
  });

  it('serves a file without compressed copies as it is', async () => {
    const sut = await get(`${url}/plain.0123abcd.css`, { 'accept-encoding': 'br' });
    expect(sut.status).toBe(200);
    expect(sut.headers['content-encoding']).toBeUndefined();
    expect(sut.body.toString()).toBe('body{color:red}');
  });

  it('never serves a compressed copy for a path outside the build', async () => {
    const sut = await get(`${url}/..%2F..%2Fetc%2Fpasswd`, { 'accept-encoding': 'br' });
    expect(sut.status).toBe(404);
  });

  it('serves index.html revalidated on every visit', async () => {
    const sut = await get(`${url}/`, { 'accept-encoding': 'br' });
    expect(sut.status).toBe(200);
    expect(sut.headers['cache-control']).toBe('no-cache');
    expect(sut.headers['content-type']).toMatch(/^text\/html/);
  });

  it('has the service worker (unhashed) revalidated on every visit, never cached for a year', async () => {
    const sut = await get(`${url}/sw.js`);
    expect(sut.status).toBe(200);
    expect(sut.headers['cache-control']).toBe('no-cache');
  });

  it('compresses a large JSON answer when the client asks, and not when it does not', async () => {
    const asked = await get(`${url}/api/docs-json`, { 'accept-encoding': 'gzip' });
    expect(asked.headers['content-encoding']).toBe('gzip');
    expect(asked.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(gunzipSync(asked.body).toString())).toHaveProperty('openapi');
    const plain = await get(`${url}/api/docs-json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toHaveProperty('openapi');
  });

  it('leaves a small JSON answer uncompressed (under the 1 KB threshold)', async () => {
    const sut = await get(`${url}/api/v1/health`, { 'accept-encoding': 'gzip' });
    expect(sut.status).toBe(200);
    expect(sut.headers['content-encoding']).toBeUndefined();
  });
});
