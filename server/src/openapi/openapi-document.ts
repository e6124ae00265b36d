import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { ErrorCodes } from '@jinri/shared';
import { POLICY, policyKey, type RoutePolicy } from '../modules/auth/policy';
import { dtoSchema, isDto } from './dto-schema';
import {
  HANDLER_DOCS,
  RESPONSE_OF,
  RESPONSE_SCHEMAS,
  UNDECLARED_RESPONSES,
} from './response-schemas.generated';

export const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The one pagination convention, stated once in the document's description. */
export const PAGINATION_CONVENTION =
  'Lists that can grow are paged with `?page=` (1-based, default 1) and answer ' +
  '`{ items, total, page, pageSize }` (Page<T> in @jinri/shared). Exceptions: the Popolo endpoints keep ' +
  "Popolo's `?offset=&limit=` and answer `{ items, total, offset, limit }`; the in-app messages answer " +
  'Page<T> plus `unread`; Open311 `requests.json` answers a bare array as GeoReport v2 requires.';

/** Files the handlers send instead of JSON, by the path's ending. */
const FILE_TYPES: Array<[RegExp, string]> = [
  [/\.xlsx$/, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [/\.docx$/, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  [/\/pdf$|\/board$/, 'application/pdf'],
];

interface HandlerArguments {
  query: Type[];
  params: Type[];
  body?: Type;
  named: Array<{ in: 'query' | 'path'; name: string }>;
}

/** For each handler (Controller_method, the default operationId): its @Query/@Param/@Body DTOs. */
function handlerArguments(app: INestApplication): Map<string, HandlerArguments> {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const found = new Map<string, HandlerArguments>();
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<
        string,
        { index: number; data?: unknown }
      >;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Type[];
      const entry: HandlerArguments = { query: [], params: [], named: [] };
      for (const [key, arg] of Object.entries(args)) {
        const kind = Number(key.split(':')[0]);
        const where =
          kind === RouteParamtypes.QUERY ? 'query' : kind === RouteParamtypes.PARAM ? 'path' : null;
        if (where && typeof arg.data === 'string') entry.named.push({ in: where, name: arg.data });
        if (arg.data !== undefined) continue;
        const type = types[arg.index];
        if (!isDto(type)) continue;
        if (kind === RouteParamtypes.QUERY) entry.query.push(type);
        if (kind === RouteParamtypes.PARAM) entry.params.push(type);
        if (kind === RouteParamtypes.BODY) entry.body = type;
      }
      found.set(`${(metatype as Type).name}_${name}`, entry);
    }
  }
  return found;
}

const isRef = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

/** Who may call, in words (the description) and as data (x-policy). */
function describePolicy(policy: RoutePolicy): string {
  const who =
    policy.allow === 'public'
      ? 'anyone, no login'
      : policy.allow === 'signed-in'
        ? 'any signed-in user'
        : `signed-in ${policy.allow.join(', ')}`;
  return `**Who may call:** ${who}${policy.scope ? ` (scope: ${policy.scope})` : ''}.`;
}

/** The error responses (one shape, ErrorResponse), one per status, listing that status's codes. */
function errorResponses(): Record<string, ResponseObject> {
  const byStatus = new Map<number, string[]>();
  for (const [code, { status }] of Object.entries(ErrorCodes))
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  const responses: Record<string, ResponseObject> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b))
    responses[`Error${status}`] = {
      description: `Error ${status}; \`code\` is one of ${codes.map((c) => `\`${c}\``).join(', ')}.`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    };
  responses.Error = {
    description: 'Any other failure, in the same shape: `{ code, message, details?, requestId? }`.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
  };
  return responses;
}

const errorRef = (status: number | 'default') => ({
  $ref: `#/components/responses/${status === 'default' ? 'Error' : `Error${status}`}`,
});

/** Open311 (/open311/v2/…{format}): GeoReport's answers in JSON and XML, errors as its errors list. */
const OPEN311_PATH = /^\/open311\//;
function open311Content(schema: SchemaObject | ReferenceObject): ResponseObject['content'] {
  return { 'application/json': { schema }, 'application/xml': { schema } };
}
function open311Error(status: number | 'default'): ResponseObject {
  return {
    description:
      status === 'default'
        ? 'Any failure: GeoReport errors, `[{ code, description }]` (`<errors><error>` in XML).'
        : `Error ${status}: GeoReport errors, \`[{ code: ${status}, description }]\` (\`<errors><error>\` in XML).`,
    content: open311Content({ $ref: '#/components/schemas/Open311Errors' }),
  };
}

/** A readable summary from the handler's name: TicketsController_publicTickets → "Public tickets". */
function summaryOf(operationId: string): string {
  const method = operationId.split('_').pop() ?? operationId;
  const words = method.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Completes the document Nest builds from the decorators, from the sources of truth the code runs
 * on: the policy table (security), the class-validator checks of the DTOs (path and query
 * parameters, bodies), the handlers' declared return types (responses, generated from @jinri/shared
 * by scripts/openapi-schemas.mjs) and the shared error codes (error responses).
 */
export function completeOpenApiDocument(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  const args = handlerArguments(app);
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) schemas[name] ??= schema;
  // The error body with its codes spelled out.
  schemas.ErrorResponse = {
    type: 'object',
    description: 'The body of every error: clients switch on `code`, show `message`.',
    properties: {
      code: { type: 'string', enum: Object.keys(ErrorCodes), description: "'DOMAIN.REASON'" },
      message: { type: 'string', description: 'Simplified Chinese, for a person' },
      details: { description: 'Per code: e.g. FieldError[] for COMMON.VALIDATION_FAILED' },
      requestId: { type: 'string', description: 'Quote it when reporting a problem' },
    },
    required: ['code', 'message'],
  };
  components.responses = { ...components.responses, ...errorResponses() };
  document.info.license = { name: 'Proprietary', url: 'https://example.invalid/license' };
  document.info.description = `${document.info.description ?? ''}\n\n**Errors:** every failure answers \`{ code, message, details?, requestId? }\` (ErrorResponse), \`code\` from the shared table.\n\n**Pagination:** ${PAGINATION_CONVENTION}`;
  document.servers = [{ url: '/', description: 'This server' }];
  const tags = new Set<string>();

  for (const [path, item] of Object.entries(document.paths) as Array<[string, PathItemObject]>) {
    const expressPath = path.replace(/\{(\w+)\}/g, ':$1');
    for (const method of METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      const id = op.operationId ?? `${method}_${path}`;
      const open311 = OPEN311_PATH.test(path);
      const errorOf = open311 ? open311Error : errorRef;
      const policy = POLICY[policyKey(method, expressPath)];
      const handler = args.get(id);

      // Security from the policy table (a route it does not list is refused by the app: none here).
      if (policy) {
        op.security = policy.allow === 'public' ? [] : [{ [BEARER]: [] }];
        Object.assign(op, { 'x-policy': policy });
      }

      // Parameters: every {name} of the path, and every query field the DTOs validate.
      const parameters = (op.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
      const declared = new Set(parameters.map((p) => `${p.in}:${p.name}`));
      const add = (where: 'path' | 'query', name: string, schema: SchemaObject, required: boolean) => {
        if (declared.has(`${where}:${name}`)) return;
        declared.add(`${where}:${name}`);
        parameters.push({ name, in: where, required: where === 'path' ? true : required, schema });
      };
      const pathFields = Object.assign(
        {},
        ...(handler?.params ?? []).map((dto) => dtoSchema(dto).properties),
      ) as Record<string, SchemaObject>;
      for (const [, name] of path.matchAll(/\{(\w+)\}/g))
        add('path', name!, pathFields[name!] ?? { type: 'string' }, true);
      for (const dto of handler?.query ?? []) {
        const schema = dtoSchema(dto);
        for (const [name, field] of Object.entries(schema.properties))
          add('query', name, field, schema.required?.includes(name) ?? false);
      }
      for (const field of handler?.named ?? [])
        if (field.in === 'query') add('query', field.name, { type: 'string' }, false);
      for (const p of parameters) if (p.in === 'path') p.required = true;
      op.parameters = parameters;

      // Bodies: fields only class-validator knows of (DTOs without @ApiProperty) are added.
      if (handler?.body) {
        const content = (op.requestBody && !isRef(op.requestBody) ? op.requestBody.content : undefined) ?? {};
        const json = content['application/json'];
        const fromValidator = dtoSchema(handler.body);
        const target =
          json?.schema && isRef(json.schema) ? schemas[json.schema.$ref.split('/').pop()!] : undefined;
        if (target && !isRef(target)) {
          target.properties = { ...fromValidator.properties, ...target.properties };
          const required = new Set([...(target.required ?? []), ...(fromValidator.required ?? [])]);
          if (required.size) target.required = [...required];
        } else if (!content['multipart/form-data']) {
          op.requestBody = { required: true, content: { 'application/json': { schema: fromValidator } } };
        }
      }

      // Responses: the 2xx one with its schema, then the errors this route can give.
      const responses = (op.responses ??= {});
      const success = Object.keys(responses).filter((s) => s.startsWith('2'));
      const bodyType = RESPONSE_OF[id];
      const file = FILE_TYPES.find(([pattern]) => pattern.test(path))?.[1];
      for (const status of success.length ? success : ['200']) {
        const response = (responses[status] ??= { description: '' }) as ResponseObject;
        if (!response.description) response.description = status === '201' ? 'Created' : 'OK';
        if (status === '204') continue;
        if (bodyType && open311) {
          response.content = open311Content({ $ref: `#/components/schemas/${bodyType}` });
        } else if (bodyType) {
          response.content = {
            ...(file ? { [file]: { schema: { type: 'string', format: 'binary' } } } : {}),
            'application/json': { schema: { $ref: `#/components/schemas/${bodyType}` } },
          };
        } else if (bodyType === null && file) {
          response.content = { [file]: { schema: { type: 'string', format: 'binary' } } };
        } else if (bodyType === null) {
          delete response.content;
        }
      }
      const hasInput = parameters.length > 0 || op.requestBody !== undefined;
      if (hasInput) responses['400'] ??= errorOf(400);
      if (policy && policy.allow !== 'public') responses['401'] ??= errorOf(401);
      if (policy && Array.isArray(policy.allow)) responses['403'] ??= errorOf(403);
      if (parameters.some((p) => p.in === 'path')) responses['404'] ??= errorOf(404);
      // Open311 POST: a bad api_key is 403 and a key past its hourly limit 429, as GeoReport says.
      if (open311 && method === 'post') {
        responses['403'] ??= errorOf(403);
        responses['429'] ??= errorOf(429);
      }
      for (const [status, response] of Object.entries(responses))
        if (/^[45]/.test(status) && response && !isRef(response) && !response.content)
          responses[status] = {
            ...response,
            content: open311 ? open311Error(Number(status)).content : errorContent(),
          };
      responses.default ??= errorOf('default');

      // Words: a summary, the handler's doc comment and who may call.
      const doc = HANDLER_DOCS[id];
      op.summary ??= doc ? doc.split(/(?<=[.;:])\s/)[0]!.slice(0, 120) : summaryOf(id);
      op.description = [doc, policy ? describePolicy(policy) : undefined].filter(Boolean).join('\n\n');
      if (!op.tags?.length) op.tags = [id.split('Controller')[0]!.toLowerCase()];
      for (const tag of op.tags) tags.add(tag);
      if (UNDECLARED_RESPONSES.includes(id))
        Object.assign(op, { 'x-undeclared-response': 'the handler declares no return type' });
    }
  }
  document.tags = [...tags].sort().map((name) => ({ name, description: `The ${name} routes` }));
  pruneUnused(document);
  return document;
}

/** Drops component schemas and responses nothing refers to (generated ones a route no longer uses). */
function pruneUnused(document: OpenAPIObject): void {
  const components = document.components!;
  for (;;) {
    const text = JSON.stringify({ paths: document.paths, components });
    let removed = false;
    for (const kind of ['schemas', 'responses'] as const)
      for (const name of Object.keys(components[kind] ?? {}))
        if (!text.includes(`"#/components/${kind}/${name}"`)) {
          delete components[kind]![name];
          removed = true;
        }
    if (!removed) return;
  }
}

function errorContent(): ResponseObject['content'] {
  return { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };
}
