// Marks a CommonJS build folder as such, so Node reads it as CJS whatever the parent package says.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

writeFileSync(join(process.argv[2], 'package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
