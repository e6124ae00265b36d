import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { ApiErrorBody, HealthResponse } from '@jinri/shared';
import { buildOpenApiDocument } from '../src/app.factory';
import { MIGRATIONS } from '../src/database/migrations';
import { startTestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

describe.each(testDatabases())('the app skeleton on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  let h5Dir: string;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    h5Dir = mkdtempSync(join(tmpdir(), 'jinri-h5-'));
    writeFileSync(
      join(h5Dir, 'index.html'),
      '<!doctype html><html lang="zh-CN"><body>今日工作</body></html>',
    );
    writeFileSync(join(h5Dir, 'app.0123abcd.js'), 'console.log(1)');
    ({ app, url } = await startTestApp(database.config(), { config: { h5Dir } }));
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reports the database as up with the newest migration on /api/v1/health', async () => {
    const response = await fetch(`${url}/api/v1/health`);
    const body = (await response.json()) as HealthResponse;
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database.up).toBe(true);
    expect(body.database.type).toBe(_name);
    expect(body.database.migration).toBe(new MIGRATIONS[MIGRATIONS.length - 1]!().name);
  });

  it('answers an unknown API route with 404 and a shared error code', async () => {
    const response = await fetch(`${url}/api/v1/no-such-thing`);
    const body = (await response.json()) as ApiErrorBody;
    expect(response.status).toBe(404);
    expect(body.code).toBe('COMMON.NOT_FOUND');
    expect(body.message).toBe('找不到该内容');
    expect(body.requestId).toEqual(response.headers.get('x-request-id'));
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const response = await fetch(`${url}/api/v1/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken": ',
    });
    const body = (await response.json()) as ApiErrorBody;
    expect(response.status).toBe(400);
    expect(body.code).toBe('COMMON.BAD_REQUEST');
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await fetch(`${url}/api/v1/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ApiErrorBody).code).toBe('COMMON.PAYLOAD_TOO_LARGE');
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const echoed = await fetch(`${url}/api/v1/health`, { headers: { 'x-request-id': 'abc-12345678' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-12345678');
    const replaced = await fetch(`${url}/api/v1/health`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends helmet security headers and no x-powered-by', async () => {
    const response = await fetch(`${url}/api/v1/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves no OpenAPI UI or document unless API_DOCS is on', async () => {
    expect((await fetch(`${url}/api/docs-json`)).status).toBe(404);
    expect((await fetch(`${url}/api/docs`)).status).toBe(404);
  });

  it('publishes the OpenAPI document with the health route when API_DOCS=1', async () => {
    const docs = await startTestApp(database.config(), { env: { API_DOCS: '1' }, config: { h5Dir } });
    try {
      const json = await fetch(`${docs.url}/api/docs-json`);
      const document = (await json.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toContain('/api/v1/health');
      const ui = await fetch(`${docs.url}/api/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
    } finally {
      await docs.app.close();
    }
  });

  it('builds the OpenAPI document for tools without serving it', () => {
    const sut = buildOpenApiDocument(app);
    expect(Object.keys(sut.paths)).toContain('/api/v1/health');
  });

  it('serves the H5 app at / with revalidation and hashed assets with long caching', async () => {
    const index = await fetch(`${url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('今日工作');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${url}/app.0123abcd.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });
});
