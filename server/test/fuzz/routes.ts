import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { buildOpenApiDocument } from '../../src/app.factory';
import { POLICY } from '../../src/modules/auth/policy';

// class-transformer keeps @Type() metadata here (not exported from its index).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(t: Type, p: string): { typeFunction(): Type } | undefined };
};

/** A JSON-schema fragment as the OpenAPI document (or class-validator metadata) describes a field. */
export interface FieldSchema {
  type?: string;
  enum?: unknown[];
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** class-validator constraint names (isInt, isDateString, matches…) when the field came from there. */
  checks?: string[];
}

/** One route of the app, with everything the fuzzer knows about its inputs. */
export interface FuzzRoute {
  /** "METHOD /path" as in policy.ts. */
  key: string;
  method: string;
  /** Express path template, e.g. /api/v1/plans/:officialId/:date. */
  path: string;
  params: Record<string, FieldSchema>;
  query: Record<string, FieldSchema>;
  body: 'none' | 'json' | 'multipart';
  /** The JSON body's schema (resolved, no $ref left) when body is json. */
  bodySchema?: FieldSchema;
}

type SchemaObject = FieldSchema & { $ref?: string; allOf?: SchemaObject[]; oneOf?: SchemaObject[] };

/** The OpenAPI document of the running app, built in memory the way the app builds it (nothing served). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return buildOpenApiDocument(app);
}

function resolve(schema: SchemaObject | undefined, doc: OpenAPIObject, depth = 0): FieldSchema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc.components?.schemas?.[name] as SchemaObject, doc, depth + 1);
  }
  const list = schema.allOf ?? schema.oneOf;
  if (list?.length) return resolve(list[0], doc, depth + 1);
  const out: FieldSchema = { ...schema };
  if (schema.items) out.items = resolve(schema.items as SchemaObject, doc, depth + 1);
  if (schema.properties)
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(v as SchemaObject, doc, depth + 1)]),
    );
  return out;
}

const CHECK_TYPES: Record<string, string> = {
  isInt: 'integer',
  isNumber: 'number',
  isPositive: 'number',
  min: 'number',
  max: 'number',
  isBoolean: 'boolean',
  isArray: 'array',
  isDateString: 'string',
  isISO8601: 'string',
  isString: 'string',
  matches: 'string',
};

/** The fields of a DTO class, from its class-validator metadata (for query and path DTOs). */
export function dtoFields(dto: Type | undefined): Record<string, FieldSchema> {
  if (!dto || [String, Number, Object, Boolean, Array].includes(dto as never)) return {};
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const fields: Record<string, FieldSchema> = {};
  for (const m of metadata) {
    const field = (fields[m.propertyName] ??= { checks: [] });
    const name = m.name ?? m.type;
    field.checks!.push(name);
    field.type ??= CHECK_TYPES[name];
    if (name === 'isIn' || name === 'isEnum') {
      const values = m.constraints?.[0] as unknown;
      field.enum = Array.isArray(values) ? values : Object.values(values as object);
    }
  }
  return fields;
}

const TYPE_CHECKS: Record<string, string> = {
  ...CHECK_TYPES,
  isLatitude: 'number',
  isLongitude: 'number',
  isUUID: 'string',
  minLength: 'string',
  maxLength: 'string',
  isNotEmpty: 'string',
  validateNested: 'object',
  nestedValidation: 'object',
};

/** A DTO class as a schema, from its class-validator metadata (and class-transformer's @Type for nesting). */
export function dtoSchema(dto: Type, depth = 0): FieldSchema {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const properties: Record<string, FieldSchema> = {};
  const optional = new Set<string>();
  for (const m of metadata) {
    const name = m.name ?? m.type;
    const field = (properties[m.propertyName] ??= { checks: [] });
    field.checks!.push(name);
    if (m.type === 'conditionalValidation' || name === 'isOptional') optional.add(m.propertyName);
    const type = TYPE_CHECKS[name] ?? (m.type === 'nestedValidation' ? 'object' : undefined);
    const constraint = m.constraints?.[0] as unknown;
    const target = m.each ? (field.items ??= {}) : field;
    if (m.each) field.type = 'array';
    if (type && !(m.each && type === 'array'))
      target.type = target.type === 'array' && !m.each ? 'array' : type;
    if (name === 'isArray') field.type = 'array';
    if (name === 'min' && typeof constraint === 'number') target.minimum = constraint;
    if (name === 'max' && typeof constraint === 'number') target.maximum = constraint;
    if (name === 'minLength' && typeof constraint === 'number') target.minLength = constraint;
    if (name === 'maxLength' && typeof constraint === 'number') target.maxLength = constraint;
    if (name === 'isIn' || name === 'isEnum')
      target.enum = Array.isArray(constraint) ? constraint : Object.values(constraint as object);
  }
  for (const [name, field] of Object.entries(properties)) {
    const nested = defaultMetadataStorage.findTypeMetadata(dto, name);
    const nestedType = nested?.typeFunction();
    if (nestedType && depth < 4 && ![Number, String, Boolean, Date].includes(nestedType as never)) {
      const schema = dtoSchema(nestedType, depth + 1);
      if (field.type === 'array' || field.items) field.items = { ...field.items, ...schema };
      else Object.assign(field, schema, { checks: field.checks });
    }
  }
  const required = Object.keys(properties).filter((name) => !optional.has(name));
  return { type: 'object', properties, required };
}

/** The document's schema, with fields only class-validator knows of added (the document wins where both say). */
export function mergeSchemas(fromValidator: FieldSchema, fromDocument: FieldSchema | undefined): FieldSchema {
  if (!fromDocument) return fromValidator;
  const out: FieldSchema = { ...fromValidator, ...fromDocument };
  if (fromValidator.properties || fromDocument.properties) {
    out.properties = { ...fromValidator.properties };
    for (const [name, field] of Object.entries(fromDocument.properties ?? {}))
      out.properties[name] = mergeSchemas(fromValidator.properties?.[name] ?? {}, field);
    out.required = [...new Set([...(fromDocument.required ?? []), ...(fromValidator.required ?? [])])];
  }
  if (fromValidator.items || fromDocument.items)
    out.items = mergeSchemas(fromValidator.items ?? {}, fromDocument.items);
  if (fromValidator.type && fromDocument.type === 'object' && !fromDocument.properties)
    out.type = fromValidator.type;
  return out;
}

/** For each handler: its query and path DTO classes, read from Nest's route-argument metadata. */
interface HandlerArguments {
  query: Type[];
  params: Type[];
  body?: Type;
  /** Single named fields (@Query('q'), @Param('id')). */
  named: Array<{ in: 'query' | 'params'; name: string }>;
  /** Takes an uploaded file (multipart), whether or not the document says so. */
  file: boolean;
}

function handlerArguments(app: INestApplication): Map<string, HandlerArguments> {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const found = new Map<string, HandlerArguments>();
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<
        string,
        { index: number; data?: unknown }
      >;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Type[];
      const entry: HandlerArguments = { query: [], params: [], named: [], file: false };
      for (const [key, arg] of Object.entries(args)) {
        const kind = Number(key.split(':')[0]);
        const where =
          kind === RouteParamtypes.QUERY ? 'query' : kind === RouteParamtypes.PARAM ? 'params' : null;
        if (where && typeof arg.data === 'string') entry.named.push({ in: where, name: arg.data });
        if (kind === RouteParamtypes.FILE || kind === RouteParamtypes.FILES) entry.file = true;
        if (arg.data !== undefined) continue;
        if (kind === RouteParamtypes.QUERY) entry.query.push(types[arg.index]!);
        if (kind === RouteParamtypes.PARAM) entry.params.push(types[arg.index]!);
        if (kind === RouteParamtypes.BODY) entry.body = types[arg.index];
      }
      found.set(`${metatype.name}.${name}`, entry);
    }
  }
  return found;
}

/**
 * Every route of the app: the routes and bodies from the OpenAPI document, the query and path
 * fields it leaves out from the DTOs' class-validator metadata, checked against policy.ts (a route
 * in the table that the document misses is still fuzzed, with path parameters only).
 */
export function fuzzRoutes(app: INestApplication): FuzzRoute[] {
  const doc = openApiDocument(app);
  const args = handlerArguments(app);
  const routes = new Map<string, FuzzRoute>();
  const missingHandlers: string[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const path = template.replace(/\{(\w+)\}/g, ':$1');
      const key = `${method.toUpperCase()} ${path}`;
      const route: FuzzRoute = {
        key,
        method: method.toUpperCase(),
        path,
        params: {},
        query: {},
        body: 'none',
      };
      for (const p of (op.parameters ?? []) as Array<{ in: string; name: string; schema?: SchemaObject }>) {
        const target = p.in === 'query' ? route.query : p.in === 'path' ? route.params : undefined;
        if (target) target[p.name] = resolve(p.schema, doc);
      }
      const content = (op.requestBody as { content?: Record<string, { schema?: SchemaObject }> } | undefined)
        ?.content;
      if (content?.['multipart/form-data']) route.body = 'multipart';
      else if (content?.['application/json']) {
        route.body = 'json';
        route.bodySchema = resolve(content['application/json'].schema, doc);
      }
      const handler = args.get(String(op.operationId ?? '').replace('Controller_', 'Controller.'));
      for (const dto of handler?.query ?? []) route.query = { ...dtoFields(dto), ...route.query };
      for (const dto of handler?.params ?? []) route.params = { ...dtoFields(dto), ...route.params };
      for (const field of handler?.named ?? []) route[field.in][field.name] ??= { type: 'string' };
      if (handler?.file) route.body = 'multipart';
      // Bodies whose DTO has no @ApiProperty decorators are empty in the document: fill in from class-validator.
      if (route.body === 'json' && handler?.body)
        route.bodySchema = mergeSchemas(dtoSchema(handler.body), route.bodySchema);
      if (!handler) missingHandlers.push(key);
      routes.set(key, route);
    }
  }
  for (const key of Object.keys(POLICY)) {
    if (routes.has(key)) continue;
    const [method, path] = key.split(' ') as [string, string];
    routes.set(key, { key, method, path, params: {}, query: {}, body: method === 'GET' ? 'none' : 'json' });
  }
  for (const route of routes.values())
    for (const name of route.path.match(/:(\w+)/g) ?? []) route.params[name.slice(1)] ??= { type: 'string' };
  if (missingHandlers.length)
    throw new Error(
      `fuzz: no handler metadata for ${missingHandlers.join(', ')} (operationId format changed?)`,
    );
  return [...routes.values()].sort((a, b) => a.key.localeCompare(b.key));
}
