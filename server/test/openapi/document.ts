import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../../src/app.factory';
import { startTestApp } from '../app';

/**
 * The OpenAPI document exactly as the app builds it (API_DOCS=1 serves the same one): the real app
 * booted on a throwaway SQLite database with every optional route on (demo login), then closed.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const dir = mkdtempSync(join(tmpdir(), 'jinri-openapi-'));
  const started = await startTestApp(
    { type: 'sqlite', sqlitePath: join(dir, 'openapi.sqlite'), migrationsRun: true },
    { env: { DEMO_LOGIN: '1', LOG_LEVEL: 'silent', JOBS_ENABLED: '0' } },
  );
  try {
    return buildOpenApiDocument(started.app);
  } finally {
    await started.app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the document as pretty JSON to `path`; answers its operation count. */
export async function writeOpenApiDocument(path: string): Promise<number> {
  const document = await generateOpenApiDocument();
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  return Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
}
