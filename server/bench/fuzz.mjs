// The full fuzz run: `pnpm --filter @jinri/server fuzz` (or `npm run fuzz` at the root).
// Runs the TypeScript fuzzer of test/fuzz/ with jest's swc settings; see test/fuzz/run.ts for the
// environment variables (FUZZ_REQUESTS, FUZZ_SEED, FUZZ_CASE, TEST_MYSQL_URL/DATABASE_URL…).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('./swc-register.cjs');
require('reflect-metadata');
const { main } = require('../test/fuzz/run.ts');

process.exitCode = await main();
