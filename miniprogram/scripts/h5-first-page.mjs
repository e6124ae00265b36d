#!/usr/bin/env node
// After `taro build --type h5`: lets index.html fetch the first page's own chunk (today, the tab the
// app opens on) together with the app's scripts, instead of after them (issue #15). Taro's H5 router
// loads each page as a lazy chunk only once the app script has run, which on a 400 ms-RTT network
// costs a whole extra round trip before the first screen. This finds the chunks the router loads
// for the first page (`"path":"pages/today/index","load":… w.e(<id>)…` in the app script) and adds
// `<link rel="preload">` for their .js and .css to index.html. Idempotent; does nothing (and says so)
// when the pattern is not found, so a Taro upgrade can only lose the preload, never break the page.
//   node scripts/h5-first-page.mjs [dir]   (default dist/h5)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIRST_PAGE = 'pages/today/index';
const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5'));
const indexFile = join(root, 'index.html');
const html = readFileSync(indexFile, 'utf8').replace(/<link rel="preload"[^>]*data-first-page[^>]*>/g, '');
const appScript = /<script[^>]*src="\/(js\/app\.[^"]+\.js)"/.exec(html)?.[1];
const app = appScript ? readFileSync(join(root, appScript), 'utf8') : '';
const at = app.indexOf(`"path":"${FIRST_PAGE}","load":`);
const loader = at >= 0 ? app.slice(at, app.indexOf('.then(', at)) : '';
const ids = [...loader.matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]);
const list = (dir, ext) =>
  (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : []).filter((f) => f.endsWith(ext));
const links = [];
for (const id of ids) {
  for (const file of list('js', '.js').filter((f) => f.startsWith(`${id}.`)))
    links.push(`<link rel="preload" href="/js/${file}" as="script" data-first-page>`);
  for (const file of list('css', '.css').filter((f) => f.startsWith(`${id}.`)))
    links.push(`<link rel="preload" href="/css/${file}" as="style" data-first-page>`);
}
if (links.length === 0) {
  console.log(`h5-first-page: no chunk found for ${FIRST_PAGE}; index.html left as built`);
} else {
  // Before the app's own scripts, so the browser asks for all of them at once.
  const firstScript = html.indexOf('<script');
  writeFileSync(indexFile, `${html.slice(0, firstScript)}${links.join('')}${html.slice(firstScript)}`);
  console.log(`h5-first-page: ${FIRST_PAGE} preloaded (${links.length} files: chunk ${ids.join(', ')})`);
}
