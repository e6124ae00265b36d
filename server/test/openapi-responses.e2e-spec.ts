import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../src/app.factory';
import { call } from './app';
import { testDatabases } from './databases';
import { startFuzzTarget, type FuzzTarget } from './fuzz/target';

/** OpenAPI 3.0 schema → JSON Schema: a nullable reference (allOf [$ref]) also accepts null. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, toJsonSchema(v)])) as Record<
    string,
    unknown
  >;
  if (out.nullable === true && (out.allOf || out.$ref)) {
    const { nullable: _n, type: _t, ...rest } = out;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return out;
}

/** The operation documented for `method path` (path with real values), and its schema for `status`. */
function documented(doc: OpenAPIObject, method: string, path: string, status: number) {
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);
    if (!pattern.test(path)) continue;
    const op = (item as Record<string, { operationId?: string; responses?: Record<string, unknown> }>)[
      method.toLowerCase()
    ];
    if (!op) continue;
    const responses = op.responses ?? {};
    let response = (responses[String(status)] ?? responses.default) as
      { $ref?: string; content?: Record<string, { schema?: unknown }> } | undefined;
    if (response?.$ref)
      response = doc.components!.responses![response.$ref.split('/').pop()!] as typeof response;
    return {
      operationId: op.operationId!,
      documented: !!responses[String(status)] || !!responses.default,
      schema: response?.content?.['application/json']?.schema,
    };
  }
  return undefined;
}

describe.each(testDatabases())('the OpenAPI document describes real answers (%s)', (_name, makeDatabase) => {
  const database = makeDatabase();
  let target: FuzzTarget;
  let doc: OpenAPIObject;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const covered = new Set<string>();

  beforeAll(async () => {
    await database.create();
    target = await startFuzzTarget(database.config());
    doc = buildOpenApiDocument(target.app.app);
  }, 120_000);

  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(
      `openapi response validation: ${covered.size} operations covered: ${[...covered].sort().join(', ')}`,
    );
    await target?.close();
    await database.drop();
  });

  const components = () => toJsonSchema(doc.components) as Record<string, unknown>;

  async function check(
    persona: keyof FuzzTarget['world']['tokens'],
    method: string,
    path: string,
  ): Promise<void> {
    const token = target.world.tokens[persona];
    const answer = await call(target.app.url, method, path, { token });
    const full = path.startsWith('/open311/') ? path.split('?')[0]! : `/api/v1${path.split('?')[0]}`;
    const found = documented(doc, method, full, answer.status);
    expect({ path, status: answer.status, documented: found?.documented }).toEqual({
      path,
      status: answer.status,
      documented: true,
    });
    if (!found?.schema || answer.body === undefined) return;
    const validate = ajv.compile({ ...(toJsonSchema(found.schema) as object), components: components() });
    const valid = validate(answer.body);
    expect({ path, status: answer.status, errors: valid ? [] : validate.errors?.slice(0, 5) }).toEqual({
      path,
      status: answer.status,
      errors: [],
    });
    covered.add(found.operationId);
  }

  it('answers of public, resident, official, supervisor and admin routes match their documented schemas', async () => {
    const official = target.world.ids['official']?.[0];
    const unit = target.world.ids['unit']?.[0];
    const routes: Array<[keyof FuzzTarget['world']['tokens'], string, string]> = [
      ['anonymous', 'GET', '/health'],
      ['anonymous', 'GET', '/units'],
      ['anonymous', 'GET', '/demo/personas'],
      ['anonymous', 'GET', '/search?q=低保'],
      ['anonymous', 'GET', '/matters/popular'],
      ['anonymous', 'GET', `/officials/${official}`],
      ['anonymous', 'GET', `/officials/${official}/timeline`],
      ['anonymous', 'GET', `/officials/${official}/ticket-figures`],
      ['anonymous', 'GET', `/units/${unit}/ticket-figures`],
      ['anonymous', 'GET', '/tickets/public'],
      ['anonymous', 'GET', '/journal-rules'],
      ['anonymous', 'GET', '/rankings'],
      ['anonymous', 'GET', '/rankings/settings'],
      ['anonymous', 'GET', '/flags'],
      ['anonymous', 'GET', '/lotteries'],
      ['anonymous', 'GET', '/notifications/templates'],
      ['anonymous', 'GET', '/popolo/persons'],
      ['anonymous', 'GET', '/popolo/organizations'],
      ['anonymous', 'GET', '/popolo/posts'],
      ['anonymous', 'GET', '/popolo/memberships'],
      ['anonymous', 'GET', '/calendar/2026'],
      ['anonymous', 'GET', '/open311/v2/services.json'],
      ['anonymous', 'GET', '/open311/v2/requests.json'],
      ['anonymous', 'GET', '/open311/v2/discovery.json'],
      ['anonymous', 'GET', '/open311/v2/services/entry-comment.json'],
      ['anonymous', 'GET', '/open311/v2/requests/999999.json'],
      ['anonymous', 'GET', '/open311/v2/requests.json?jurisdiction_id=nowhere'],
      ['anonymous', 'GET', '/me'],
      ['anonymous', 'GET', '/tickets/999999'],
      ['resident', 'GET', '/me'],
      ['resident', 'GET', '/me/messages'],
      ['resident', 'GET', '/me/messages/unread-count'],
      ['resident', 'GET', '/tickets/mine'],
      ['resident', 'GET', '/tickets/following'],
      ['resident', 'GET', '/admin/invites'],
      ['official', 'GET', '/me'],
      ['official', 'GET', '/tickets/inbox'],
      ['official', 'GET', '/leaves'],
      ['official', 'GET', '/me/supervision'],
      ['official', 'GET', '/me/record-views'],
      ['supervisor', 'GET', '/supervision/findings'],
      ['supervisor', 'GET', '/supervision/summary'],
      ['supervisor', 'GET', '/supervision/notices'],
      ['supervisor', 'GET', '/supervision/spot-checks'],
      ['supervisor', 'GET', '/supervision/self-examinations'],
      ['supervisor', 'GET', `/units/${unit}/members`],
      ['admin', 'GET', '/admin/invites'],
      ['admin', 'GET', '/admin/grants'],
      ['admin', 'GET', '/admin/sensitive-words'],
      ['admin', 'GET', '/calendar/status'],
    ];
    for (const [persona, method, path] of routes) await check(persona, method, path);
    expect(covered.size).toBeGreaterThanOrEqual(30);
  }, 180_000);
});
