// Checks the WeChat main package size after `pnpm build:weapp`.
// Main package = everything in dist/weapp except the roots of subpackages listed in app.json.
// WeChat rejects a main package over 2 MB, so this exits 1 above 2 × 1024 × 1024 bytes.
// Usage: node scripts/weapp-size.mjs [distDir]   (default dist/weapp)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_BYTES = 2 * 1024 * 1024;
const TOP_N = 5;

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = resolve(root, process.argv[2] ?? join('dist', 'weapp'));
const appJsonPath = join(dist, 'app.json');

if (!existsSync(appJsonPath)) {
  console.error(
    `weapp-size: ${relative(process.cwd(), appJsonPath)} not found; run \`pnpm build:weapp\` first.`,
  );
  process.exit(1);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])]
  .map((p) => String(p.root ?? '').replace(/^\/+|\/+$/g, ''))
  .filter(Boolean);

/** Files that the WeChat uploader does not count: source maps and license notes are stripped or ignored. */
const IGNORED = [/\.map$/, /\.LICENSE\.txt$/];

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile())
      out.push({ path: relative(dist, full).split(sep).join('/'), bytes: statSync(full).size });
  }
  return out;
}

const files = walk(dist).filter((f) => !IGNORED.some((re) => re.test(f.path)));
const inSub = (path) => subRoots.some((r) => path === r || path.startsWith(`${r}/`));
const main = files.filter((f) => !inSub(f.path));
const sum = (list) => list.reduce((n, f) => n + f.bytes, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const mainBytes = sum(main);
const totalBytes = sum(files);

console.log(
  `weapp main package: ${kb(mainBytes)} (limit ${LIMIT_BYTES / 1024} KB) — ${mainBytes} bytes, ${main.length} files`,
);
if (subRoots.length) {
  for (const r of subRoots) {
    console.log(
      `weapp subpackage ${r}: ${kb(sum(files.filter((f) => f.path === r || f.path.startsWith(`${r}/`))))}`,
    );
  }
}
console.log(`weapp total: ${kb(totalBytes)} — ${totalBytes} bytes`);
console.log(`largest files in the main package:`);
for (const f of [...main].sort((a, b) => b.bytes - a.bytes).slice(0, TOP_N)) {
  console.log(`  ${kb(f.bytes).padStart(10)}  ${f.path}`);
}

if (mainBytes > LIMIT_BYTES) {
  console.error(`weapp main package is over the limit by ${kb(mainBytes - LIMIT_BYTES)}`);
  process.exit(1);
}
