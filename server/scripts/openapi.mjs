#!/usr/bin/env node
// The OpenAPI document of the app, written to a file (default server/openapi.json), from the
// TypeScript sources (no build needed): `node scripts/openapi.mjs [out.json]`.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
require('../bench/swc-register.cjs');
require('reflect-metadata');
const { writeOpenApiDocument } = require('../test/openapi/document.ts');

const out = resolve(process.argv[2] ?? 'openapi.json');
const operations = await writeOpenApiDocument(out);
process.stdout.write(`openapi: ${operations} operations written to ${out}\n`);
process.exit(0);
