// WeChat's own checks on the weapp build, run after `pnpm build:weapp` (this script builds nothing):
//   - WeChat's compiler (miniprogram-ci getCompiledResult, with project.config.json's settings, as
//     the devtools' upload does) must accept the build; its output is the package WeChat measures;
//   - WeChat's code-quality scan (miniprogram-ci checkCodeQuality): every item must pass;
//   - the main package must stay ≤ 1 MB (WeChat's hard limit is 2 MB; the first screen on 3G wants less).
// Prints each package's size, the total and every quality item; exits 1 when anything fails.
// Both run offline: the project attributes WeChat's server would give are the library's defaults, and
// no upload key is read. miniprogram-ci lives in scripts/wechat-ci (its own lockfile, outside the pnpm
// workspace, so its ~580 pinned dependencies are not hoisted over Taro's); install it with
//   pnpm install --dir scripts/wechat-ci --ignore-workspace --frozen-lockfile
// Usage: node scripts/wechat-check.mjs [distDir]   (default dist/weapp)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MAIN_LIMIT_BYTES = 1024 * 1024;
const MAIN = '__APP__';
const TOP_N = 5;

/** Sizes per package from { path: bytes }: the main package (MAIN) and each subpackage root. */
export function packageSizes(fileSizes, subRoots) {
  const sizes = { [MAIN]: 0 };
  for (const root of subRoots) sizes[root] = 0;
  for (const [path, bytes] of Object.entries(fileSizes)) {
    const root = subRoots.find((r) => path.startsWith(`${r}/`));
    sizes[root ?? MAIN] += bytes;
  }
  return sizes;
}

/**
 * The verdict: failures (one line each) from the quality items, the compiled main package and the
 * source main package (the quality scan's PACKAGE_SIZE_LIMIT detail, keyed '__APP__').
 */
export function judge({ quality, compiled, limitBytes = MAIN_LIMIT_BYTES }) {
  const failures = [];
  if (!Array.isArray(quality) || quality.length === 0)
    failures.push('the code-quality scan returned no items');
  for (const item of quality ?? []) {
    if (item.success !== true) failures.push(`${item.name}: ${item.text}`);
  }
  const source = quality?.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')?.detail?.[MAIN];
  const mainBytes = Math.max(compiled?.[MAIN] ?? 0, typeof source === 'number' ? source : 0);
  if (!compiled || !(compiled[MAIN] > 0)) failures.push('the WeChat compiler produced no main package');
  if (mainBytes > limitBytes) {
    failures.push(`main package ${kb(mainBytes)} is over ${kb(limitBytes)}`);
  }
  return { failures, mainBytes };
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function subPackageRoots(appJson) {
  return [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])]
    .map((p) => String(p.root ?? '').replace(/^\/+|\/+$/g, ''))
    .filter(Boolean);
}

async function main() {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const dist = resolve(root, process.argv[2] ?? join('dist', 'weapp'));
  for (const file of ['app.json', 'project.config.json']) {
    if (!existsSync(join(dist, file))) {
      console.error(`wechat-check: ${join(dist, file)} not found; run \`pnpm build:weapp\` first.`);
      return 1;
    }
  }
  const ciDir = join(root, 'scripts', 'wechat-ci');
  const requireCi = createRequire(join(ciDir, 'package.json'));
  let ci;
  let ciVersion;
  try {
    ci = requireCi('miniprogram-ci');
    ciVersion = requireCi('miniprogram-ci/package.json').version;
  } catch {
    console.error(
      `wechat-check: miniprogram-ci is not installed; run \`pnpm install --dir ${ciDir} --ignore-workspace --frozen-lockfile\`.`,
    );
    return 1;
  }

  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
  const projectConfig = JSON.parse(readFileSync(join(dist, 'project.config.json'), 'utf8'));
  const subRoots = subPackageRoots(appJson);
  const project = new ci.Project({
    appid: projectConfig.appid,
    type: 'miniProgram',
    projectPath: dist,
    // Read only to ask WeChat's server for the project's attributes, which attr() below answers locally.
    privateKey: 'not-used-offline',
    attr: async () => ci.DefaultProjectAttr,
    ignores: ['**/*.map', '**/*.LICENSE.txt'],
  });

  console.log(`wechat-check: miniprogram-ci ${ciVersion} on ${dist}`);
  console.log("(offline, its request for WeChat's file-type list fails and it uses its built-in one)");
  let started = Date.now();
  const quality = await ci.checkCodeQuality(project);
  const qualitySeconds = (Date.now() - started) / 1000;

  started = Date.now();
  let compiledFiles = {};
  let compileError;
  try {
    const result = await ci.getCompiledResult({ project, setting: { useProjectConfig: true } });
    for (const [path, content] of Object.entries(result)) compiledFiles[path] = Buffer.byteLength(content);
  } catch (error) {
    compileError = error;
    compiledFiles = {};
  }
  const compileSeconds = (Date.now() - started) / 1000;
  const compiled = packageSizes(compiledFiles, subRoots);
  const source = quality.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')?.detail ?? {};
  const sourceOf = (r) => source[r === MAIN ? MAIN : `${r}/`];

  console.log(
    `\nWeChat compiler: ${Object.keys(compiledFiles).length} files in ${compileSeconds.toFixed(1)} s` +
      (compileError ? ` — FAILED: ${compileError.message ?? compileError}` : ''),
  );
  console.log('package sizes (build → as compiled for upload):');
  const row = (name, src, out, note = '') =>
    console.log(
      `  ${name.padEnd(22)} ${(src == null ? '-' : kb(src)).padStart(10)} → ${kb(out).padStart(10)}${note}`,
    );
  row('main package', sourceOf(MAIN), compiled[MAIN], `   (limit ${kb(MAIN_LIMIT_BYTES)})`);
  for (const r of subRoots) row(r, sourceOf(r), compiled[r]);
  const total = (sizes) => Object.values(sizes).reduce((n, b) => n + (typeof b === 'number' ? b : 0), 0);
  row('total', total(source), total(compiled));
  console.log('largest files in the main package (compiled):');
  const mainFiles = Object.entries(compiledFiles).filter(
    ([p]) => !subRoots.some((r) => p.startsWith(`${r}/`)),
  );
  for (const [path, bytes] of mainFiles.sort((a, b) => b[1] - a[1]).slice(0, TOP_N)) {
    console.log(`  ${kb(bytes).padStart(10)}  ${path}`);
  }

  console.log(`\nWeChat code quality (${qualitySeconds.toFixed(1)} s):`);
  for (const item of quality) {
    const lists = Array.isArray(item.detail) ? item.detail : item.detail?.files;
    const extra =
      Array.isArray(lists) && lists.length
        ? ` [${lists.slice(0, 5).join(', ')}${lists.length > 5 ? ', …' : ''}]`
        : '';
    console.log(
      `  ${item.success ? 'pass' : 'FAIL'}  ${item.name}${item.success ? '' : ` — ${item.text} (${item.docURL})`}${extra}`,
    );
  }

  const { failures, mainBytes } = judge({ quality, compiled });
  if (compileError) failures.push(`the WeChat compiler failed: ${compileError.message ?? compileError}`);
  if (failures.length) {
    console.error(`\nwechat-check: ${failures.length} failed:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log(
    `\nwechat-check: ${quality.length} of ${quality.length} quality items pass; main package ${kb(mainBytes)} ≤ ${kb(MAIN_LIMIT_BYTES)}`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // miniprogram-ci leaves a file watcher and a compiler process behind: exit explicitly.
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error('wechat-check:', error);
      process.exit(1);
    },
  );
}
