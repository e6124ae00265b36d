/* global self */
// The service worker of the H5 build (issue #15), written to dist/h5/sw.js by h5-sw.mjs, which puts
// the build's file list in front of it as self.__JINRI_MANIFEST__ = { version, shell, assets }.
//
// - install: keeps the app shell (index.html, the favicon, the scripts and styles index.html loads);
// - index.html: network first (a new build shows at once), the kept copy when there is no network;
// - every other script or style of this build: from the cache once fetched (their names carry a
//   content hash, so a kept copy is never stale), so a page opened online opens offline too; the
//   ones the first visit loaded before the worker was in control are named by the page (message
//   'keep-loaded', src/utils/service-worker.ts);
// - /api/ and /uploads/ are never touched: the request wrapper keeps the offline copy of the data
//   (src/api/offline-cache.ts), in one place for H5 and weapp.
// A new build's worker takes over at once and keeps the files the new build still uses.
const MANIFEST = self.__JINRI_MANIFEST__;
const PREFIX = 'jinri-';
const SHELL_CACHE = `${PREFIX}shell-${MANIFEST.version}`;
const ASSET_CACHE = `${PREFIX}assets-${MANIFEST.version}`;
const INDEX = '/index.html';
const KNOWN = new Set([...MANIFEST.shell, ...MANIFEST.assets]);
// The server puts the first screen's data into index.html (src/api/boot.ts). A kept copy must not
// carry it: opened offline, the page then asks the request wrapper, whose kept copy says how old it
// is (离线 · 更新于 HH:mm).
const BOOT_BLOCK = /<script\b[^>]*\bid="jinri-boot"[^>]*>[\s\S]*?<\/script>/i;
// Nor the first screen the server draws from that data (server/src/first-screen.ts, between its marks).
const FIRST_SCREEN_BLOCK = /<!--jinri-first-screen-->[\s\S]*?<!--\/jinri-first-screen-->/;

/** Keeps index.html without the first screen's data. */
async function keepIndex(response) {
  const html = (await response.text()).replace(BOOT_BLOCK, '').replace(FIRST_SCREEN_BLOCK, '');
  const headers = { 'Content-Type': response.headers.get('content-type') || 'text/html; charset=utf-8' };
  const cache = await self.caches.open(SHELL_CACHE);
  await cache.put(INDEX, new Response(html, { headers }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    self.caches
      .open(SHELL_CACHE)
      .then(async (cache) => {
        const others = MANIFEST.shell.filter((path) => path !== INDEX);
        await cache.addAll(others.map((path) => new Request(path, { cache: 'reload' })));
        const index = await fetch(new Request(INDEX, { cache: 'reload' }));
        if (!index.ok) throw new Error(`index.html: HTTP ${index.status}`);
        await keepIndex(index);
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(carryOver().then(() => self.clients.claim()));
});

/** Moves the files this build still uses out of older caches, then deletes those caches. */
async function carryOver() {
  const names = (await self.caches.keys()).filter(
    (name) => name.startsWith(PREFIX) && name !== SHELL_CACHE && name !== ASSET_CACHE,
  );
  const assets = await self.caches.open(ASSET_CACHE);
  for (const name of names) {
    const old = await self.caches.open(name);
    for (const request of await old.keys()) {
      const path = new URL(request.url).pathname;
      if (path === INDEX || !KNOWN.has(path) || (await assets.match(path))) continue;
      const response = await old.match(request);
      if (response) await assets.put(path, response);
    }
    await self.caches.delete(name);
  }
}

// The page tells which of the build's files it loaded before this worker was in control (the first
// visit): they come from the browser's HTTP cache, so keeping them costs no traffic.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep-loaded' || !Array.isArray(data.paths)) return;
  const paths = data.paths.filter((path) => typeof path === 'string' && KNOWN.has(path));
  event.waitUntil(
    self.caches.open(ASSET_CACHE).then(async (cache) => {
      for (const path of paths) {
        if (!(await self.caches.match(path))) await cache.add(path).catch(() => undefined);
      }
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/uploads/')) return;
  if (request.mode === 'navigate' || url.pathname === '/' || url.pathname === INDEX) {
    event.respondWith(indexNetworkFirst(request));
  } else if (KNOWN.has(url.pathname)) {
    event.respondWith(cacheFirst(request, url.pathname));
  }
});

async function indexNetworkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      keepIndex(response.clone()).catch(() => undefined);
    }
    return response;
  } catch (error) {
    const kept = await self.caches.match(INDEX);
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request, path) {
  const kept = await self.caches.match(path);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    self.caches.open(ASSET_CACHE).then((cache) => cache.put(path, copy));
  }
  return response;
}
