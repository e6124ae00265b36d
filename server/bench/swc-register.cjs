// Lets plain node run the TypeScript sources and tests with the same swc settings jest uses
// (jest.config.js): `node -r ./bench/swc-register.cjs some.ts`. Used by bench/fuzz.mjs.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

// jest.config.js's own options (its projects transform .ts with ['@swc/jest', options]).
const [, SWC] = require('../jest.config.js').projects[0].transform['^.+\\.ts$'];

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { filename, sourceMaps: 'inline', ...SWC });
  module._compile(code, filename);
};
