#!/usr/bin/env node
// After `taro build --type h5`: writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy
// beside every compressible file of dist/h5 (JS, CSS, HTML, SVG, JSON, ICO, fonts), so the server
// sends them precompressed (server/src/h5-static.ts) instead of compressing on every request (issue
// #15). A copy that would not be smaller than the file is not written. Node's zlib, no dependency.
//   node scripts/compress-h5.mjs [dir]   (default dist/h5)
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5'));
const COMPRESSIBLE = /\.(js|css|html|svg|json|ico|ttf|otf|txt|map|webmanifest)$/i;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
let before = 0;
let afterBr = 0;
for (const path of [...files(root)]) {
  if (/\.(br|gz)$/.test(path)) {
    // A copy from an earlier build whose file is gone.
    if (!statSync(path.replace(/\.(br|gz)$/, ''), { throwIfNoEntry: false })) rmSync(path);
    continue;
  }
  if (!COMPRESSIBLE.test(path) || path.endsWith('.LICENSE.txt')) continue;
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: /\.(ttf|otf|ico)$/i.test(path)
        ? constants.BROTLI_MODE_GENERIC
        : constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(data, { level: 9 });
  for (const [suffix, out] of [
    ['.br', br],
    ['.gz', gz],
  ]) {
    if (out.length < data.length) writeFileSync(path + suffix, out);
    else rmSync(path + suffix, { force: true });
  }
  count += 1;
  before += data.length;
  afterBr += Math.min(br.length, data.length);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`compress-h5: ${count} files in ${root}: ${kb(before)} → ${kb(afterBr)} brotli`);
