#!/usr/bin/env node
// Generates src/openapi/response-schemas.generated.ts: the JSON schema of what every controller
// method answers, read from the method's declared return type (the shared types in @jinri/shared),
// so the OpenAPI document's responses are the types the code is compiled against.
//   node scripts/openapi-schemas.mjs           write the file
//   node scripts/openapi-schemas.mjs --check   exit 1 when the file is not what the sources give
// How: the TypeScript compiler lists each handler (a method with @Get/@Post/…) and its return type
// (Promise<…> unwrapped); one alias per handler goes into a scratch file beside the sources, with the
// controller's own type imports; ts-json-schema-generator turns every alias into a schema; the
// schemas are rewritten for OpenAPI 3.0 (nullable instead of type lists, enum instead of const,
// component-safe names).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { createGenerator } = require('ts-json-schema-generator');

const server = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(server, 'src/openapi/response-schemas.generated.ts');
const HTTP = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'All']);
/** Handlers that write their JSON body themselves (@Res()): the type they send, and where it lives. */
const WRITTEN_BY_HAND = {
  JournalsController_todayPlans: { type: 'TodayResponse', from: '@jinri/shared' },
};
/** Return types that are not JSON bodies (files, streams, nothing). */
const NOT_JSON = /^(void|undefined|StreamableFile|Buffer|never)$/;

function decoratorNames(node) {
  return (ts.getDecorators?.(node) ?? []).map((d) =>
    ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText(),
  );
}

function controllerFiles(dir, out = []) {
  for (const entry of require('node:fs').readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) controllerFiles(path, out);
    else if (entry.name.endsWith('.controller.ts')) out.push(path);
  }
  return out.sort();
}

/** Every handler: controller class, method, the return type's text (Promise unwrapped), the file. */
function handlers() {
  const found = [];
  for (const file of controllerFiles(join(server, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = new Map();
    for (const s of source.statements) {
      if (!ts.isImportDeclaration(s) || !s.importClause) continue;
      const module = s.moduleSpecifier.text;
      const bindings = s.importClause.namedBindings;
      if (s.importClause.name) imports.set(s.importClause.name.text, module);
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) imports.set(el.name.text, module);
    }
    for (const node of source.statements) {
      if (!ts.isClassDeclaration(node) || !node.name || !decoratorNames(node).includes('Controller'))
        continue;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !decoratorNames(member).some((n) => HTTP.has(n))) continue;
        // No annotation: the answer is not declared (the document then says nothing of its body).
        let type = member.type ? member.type.getText() : null;
        const promise = type && /^Promise<([\s\S]*)>$/.exec(type);
        if (promise) type = promise[1].trim();
        const doc = ts
          .getJSDocCommentsAndTags(member)
          .filter((d) => ts.isJSDoc(d))
          .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim();
        found.push({ file, imports, controller: node.name.text, method: member.name.getText(), type, doc });
      }
    }
  }
  return found;
}

/** Rewrites one JSON schema (draft 7, as generated) into an OpenAPI 3.0 schema object. */
function toOpenApi(schema) {
  if (Array.isArray(schema)) return schema.map(toOpenApi);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref')
      out.$ref = `#/components/schemas/${componentName(value.replace('#/definitions/', ''))}`;
    else if (key === 'const') out.enum = [value];
    else if (key === 'properties')
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toOpenApi(v)]));
    else if (typeof value === 'object') out[key] = toOpenApi(value);
    else out[key] = value;
  }
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t) => t !== 'null');
    if (types.length < out.type.length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      out.anyOf = types.map((t) => ({ type: t }));
    }
  }
  if (Array.isArray(out.enum) && out.enum.includes(null)) {
    out.enum = out.enum.filter((v) => v !== null);
    out.nullable = true;
    if (out.enum.length === 0) delete out.enum;
  }
  // `T | null` comes out as anyOf [T, {type: null}].
  for (const key of ['anyOf', 'oneOf']) {
    if (!Array.isArray(out[key])) continue;
    const nulls = out[key].filter((s) => s && s.type === 'null');
    if (!nulls.length) continue;
    const rest = out[key].filter((s) => !(s && s.type === 'null'));
    delete out[key];
    if (rest.length === 1 && !rest[0].$ref) Object.assign(out, rest[0]);
    else if (rest.length === 1) out.allOf = rest;
    else out[key] = rest;
    out.nullable = true;
  }
  return out;
}

/** OpenAPI component names allow [A-Za-z0-9._-] only: Page<PublicTicket> → Page_PublicTicket. */
function componentName(name) {
  return decodeURIComponent(name)
    .replace(/[<>,|&\s[\]{}:;"'()]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

function generate() {
  const list = handlers();
  const scratch = join(server, '.openapi-scratch');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, 'responses.ts');
  const lines = [];
  const operations = {};
  const untyped = [];
  /** local name → module it is imported from (relative paths made relative to the scratch file). */
  const imported = new Map();
  const docs = {};
  for (const h of list) {
    const opId = `${h.controller}_${h.method}`;
    if (h.doc) docs[opId] = h.doc;
    if (WRITTEN_BY_HAND[opId]) {
      h.type = WRITTEN_BY_HAND[opId].type;
      h.imports = new Map([[h.type, WRITTEN_BY_HAND[opId].from]]);
    }
    if (h.type === null) {
      untyped.push(opId);
      continue;
    }
    if (NOT_JSON.test(h.type)) {
      operations[opId] = null;
      continue;
    }
    const alias = `Response_${opId}`;
    const names = new Set(h.type.match(/\b[A-Za-z_]\w*\b/g) ?? []);
    for (const name of names) {
      const from = h.imports.get(name);
      if (!from) continue;
      const module = from.startsWith('.')
        ? relative(scratch, resolve(dirname(h.file), from))
            .replace(/\\/g, '/')
            .replace(/^(?!\.)/, './')
        : from;
      const known = imported.get(name);
      if (known && known !== module) throw new Error(`${name} is imported from ${known} and ${module}`);
      imported.set(name, module);
    }
    lines.push(`export type ${alias} = ${h.type};`);
    operations[opId] = alias;
  }
  const byModule = new Map();
  for (const [name, module] of imported) byModule.set(module, [...(byModule.get(module) ?? []), name]);
  for (const [module, names] of byModule)
    lines.unshift(`import type { ${names.sort().join(', ')} } from '${module}';`);
  lines.push(
    `import type { ApiErrorBody, GeoReportError } from '@jinri/shared';`,
    `export type ErrorResponse = ApiErrorBody;`,
    // Open311 answers its errors in GeoReport's shape: a list of { code, description }.
    `export type Open311Errors = GeoReportError[];`,
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    const generator = createGenerator({
      path: file,
      tsconfig: join(server, 'tsconfig.json'),
      type: '*',
      expose: 'export',
      topRef: true,
      jsDoc: 'basic',
      skipTypeCheck: true,
      additionalProperties: false,
      sortProps: true,
    });
    // One root at a time: with '*' the generator drops aliases that only name another type.
    const schemas = {};
    const roots = [
      ...new Set([...Object.values(operations).filter(Boolean), 'ErrorResponse', 'Open311Errors']),
    ];
    for (const root of roots)
      for (const [name, definition] of Object.entries(generator.createSchema(root).definitions ?? {}))
        schemas[componentName(name)] ??= toOpenApi(definition);
    // OpenAPI 3.0: `nullable` needs a `type` beside it, also where the schema is a nullable reference.
    const typeOf = (ref) => schemas[ref.split('/').pop()]?.type;
    const fill = (node) => {
      if (!node || typeof node !== 'object') return;
      if (node.nullable && !node.type && node.allOf?.length === 1 && node.allOf[0].$ref)
        node.type = typeOf(node.allOf[0].$ref) ?? 'object';
      for (const value of Object.values(node)) fill(value);
    };
    fill(schemas);
    // A handler whose alias is just another named type points at that type directly.
    for (const [opId, name] of Object.entries(operations)) {
      const s = name && schemas[name];
      if (s && s.$ref && Object.keys(s).length === 1) {
        operations[opId] = s.$ref.split('/').pop();
        delete schemas[name];
      }
    }
    return { operations, schemas, untyped: untyped.sort(), docs };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function render({ operations, schemas, untyped, docs }) {
  const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return `// GENERATED by scripts/openapi-schemas.mjs from the controllers' return types and @jinri/shared.
// Do not edit: run \`node scripts/openapi-schemas.mjs\` (npm test checks it is current).
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

/** operationId → the component schema its 2xx answer has (null: no JSON body). */
export const RESPONSE_OF: Readonly<Record<string, string | null>> = ${JSON.stringify(sortKeys(operations), null, 2)};

/** operationId → the handler's doc comment (the operation's description). */
export const HANDLER_DOCS: Readonly<Record<string, string>> = ${JSON.stringify(sortKeys(docs), null, 2)};

/** Handlers without a declared return type: their answers are not documented (annotate them). */
export const UNDECLARED_RESPONSES: readonly string[] = ${JSON.stringify(untyped)};

/** The component schemas the responses use (OpenAPI 3.0). */
export const RESPONSE_SCHEMAS: Readonly<Record<string, SchemaObject | ReferenceObject>> = ${JSON.stringify(sortKeys(schemas), null, 2)};
`;
}

// Formatted as the repository's prettier config says, so `pnpm check` accepts the file as written.
const prettier = require('prettier');
const text = await prettier.format(render(generate()), {
  ...(await prettier.resolveConfig(OUT)),
  filepath: OUT,
});
if (process.argv.includes('--check')) {
  const current = (() => {
    try {
      return readFileSync(OUT, 'utf8');
    } catch {
      return '';
    }
  })();
  if (current !== text) {
    process.stderr.write(`✖ ${relative(server, OUT)} is stale: run node scripts/openapi-schemas.mjs\n`);
    process.exit(1);
  }
  process.stdout.write(`openapi-schemas: ${relative(server, OUT)} is current\n`);
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  process.stdout.write(`openapi-schemas: wrote ${relative(server, OUT)}\n`);
}
