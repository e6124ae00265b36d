// Measures the resident's first screen of the H5 build (issue #15) in headless Chromium with the
// network throttled by Chromium's own emulation (CDP Network.emulateNetworkConditions). Used by the
// browser test e2e/first-screen.e2e.mjs and the benchmark scripts/first-screen.bench.mjs. Not a
// journey: scripts/run.mjs runs only e2e/*.e2e.mjs.
//
// "First screen" (the definition the figures use): the time from the start of navigation to the
// first animation frame in which the today page (今日) shows the resident real content rendered from
// the server's data, not a shell or a spinner:
//   - the today list has finished loading: [data-testid="today-list"][data-state="ok"], and
//   - it shows something from the data: at least one official's card ([data-testid="official-card"])
//     or the honest answer for an empty day ([data-testid="not-yet"], [data-testid="rest-day"], or
//     the list's empty state), visible on screen (non-zero size), and
//   - the page heading is visible.
// The privacy notice a first-time visitor sees may lie over it; the content underneath is rendered
// (the test records whether the notice showed). The moment is taken inside the page with a
// MutationObserver and requestAnimationFrame on performance.now() (0 = navigation start), so test
// harness polling adds nothing.
import { chromium } from 'playwright-core';

/** Network profiles from issue #15. Throughput in bytes per second, latency (added per request) in ms. */
export const PROFILES = {
  unthrottled: null,
  '3g': { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 },
  poor: { latency: 800, downloadThroughput: (250 * 1000) / 8, uploadThroughput: (250 * 1000) / 8 },
};

/** Targets from issue #15, in ms. */
export const TARGETS = { '3g': 3_000, poor: 5_000, repeat: 1_000 };

export const VIEWPORT = { width: 360, height: 640 };

// Runs in the page before any of its scripts: records performance.now() at the first frame in which
// the first screen (see above) is on screen, drawn either by the server into index.html (the static
// first screen, server/src/first-screen.ts: the same content with data-static marks) or by the app;
// and, separately, the first frame in which the app itself shows it (time to interactive: the app's
// list is there and answers taps).
const PROBE = `(() => {
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const appReady = () => {
    const shell = document.querySelector('[data-testid="app-shell"][data-page="today"]');
    if (!shell || !visible(shell)) return false;
    const list = shell.querySelector('[data-testid="today-list"][data-state="ok"]');
    if (!list) return false;
    const content = shell.querySelector(
      '[data-testid="official-card"], [data-testid="not-yet"], [data-testid="rest-day"], [data-testid="today-list"] .empty-state',
    );
    const heading = shell.querySelector('.page__title');
    return !!content && visible(content) && !!heading && visible(heading);
  };
  const staticReady = () => {
    const shell = document.querySelector('[data-first-screen="static"]');
    if (!shell || !visible(shell)) return false;
    const list = shell.querySelector('[data-static="today-list"]');
    if (!list) return false;
    const content = list.querySelector(
      '[data-static="official-card"], [data-static="not-yet"], [data-static="rest-day"], [data-static="empty"]',
    );
    const heading = shell.querySelector('[data-static="heading"]');
    return !!content && visible(content) && !!heading && visible(heading);
  };
  window.__firstScreen = null;
  window.__firstScreenBy = null;
  window.__interactive = null;
  const check = () => {
    if (window.__firstScreen === null) {
      const by = staticReady() ? 'static' : appReady() ? 'app' : null;
      if (by) {
        window.__firstScreenBy = by;
        requestAnimationFrame(() => { if (window.__firstScreen === null) window.__firstScreen = performance.now(); });
      }
    }
    if (window.__interactive === null && appReady()) {
      requestAnimationFrame(() => { if (window.__interactive === null) window.__interactive = performance.now(); });
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  const start = () => { observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true }); check(); };
  if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
})();`;

/** Launches the browser used for every measurement (close it when done). */
export async function launch(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh profile (empty cache, no storage) sized like a 360 px phone. `serviceWorkers: 'block'`
 * measures HTTP caching alone (the app's service worker otherwise answers a repeat visit).
 */
export async function newPhone(browser, { serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({
    serviceWorkers,
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(PROBE);
  return context;
}

/**
 * Opens `url` in a new tab of `context` on network `profile` and waits for the first screen.
 * `cache: false` disables the HTTP cache (cold visit); true keeps it (repeat visit in the same
 * profile). Returns { ms, by, interactiveMs, requests, encodedBytes, decodedBytes, fromCache, byType, privacyShown }
 * counted over the requests that finished before the first screen.
 */
export async function measure(context, url, { profile, cache, timeoutMs = 60_000 }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  const conditions = PROFILES[profile];
  if (conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });

  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return; // inlined in a file already counted
    requests.set(e.requestId, { url: e.request.url, type: e.type, decoded: 0, encoded: 0, done: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.type = e.type;
    r.fromCache = !!(
      e.response.fromDiskCache ||
      e.response.fromServiceWorker ||
      e.response.fromPrefetchCache
    );
    r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '';
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.encoded = e.encodedDataLength;
    r.done = true;
  });

  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await page.waitForFunction(() => globalThis.__firstScreen !== null, null, {
    timeout: timeoutMs,
    polling: 50,
  });
  const ms = await page.evaluate(() => globalThis.__firstScreen);
  const by = await page.evaluate(() => globalThis.__firstScreenBy);
  // Bytes are counted over the requests finished by the first screen, before waiting for the app.
  const finishedByFirstScreen = [...requests.values()].filter((r) => r.done);
  await page.waitForFunction(() => globalThis.__interactive !== null, null, {
    timeout: timeoutMs,
    polling: 50,
  });
  const interactiveMs = await page.evaluate(() => globalThis.__interactive);
  // The app has drawn its list: the static first screen must be gone (never two copies on screen).
  const staticLeft = await page.evaluate(
    () => !!globalThis.document.querySelector('[data-first-screen="static"]'),
  );
  const privacyShown = await page
    .locator('[data-testid="privacy-guide"]')
    .isVisible()
    .catch(() => false);

  const finished = finishedByFirstScreen;
  const byType = {};
  for (const r of finished) {
    const t = (byType[r.type] ??= { requests: 0, encodedBytes: 0, decodedBytes: 0 });
    t.requests += 1;
    t.encodedBytes += r.encoded;
    t.decodedBytes += r.decoded;
  }
  const result = {
    profile,
    cache,
    ms: Math.round(ms),
    /** Who drew the first screen: 'static' (the server, in index.html) or 'app'. */
    by,
    /** When the app itself showed the today page (time to interactive). */
    interactiveMs: Math.round(interactiveMs),
    staticLeft,
    requests: finished.length,
    fromCache: finished.filter((r) => r.fromCache).length,
    encodedBytes: finished.reduce((s, r) => s + r.encoded, 0),
    decodedBytes: finished.reduce((s, r) => s + r.decoded, 0),
    compressed: finished.filter((r) => r.encoding).length,
    byType,
    list: finished.map((r) => ({
      url: r.url.replace(/^https?:\/\/[^/]+/, ''),
      status: r.status,
      encoding: r.encoding,
      encoded: r.encoded,
      decoded: r.decoded,
      fromCache: !!r.fromCache,
    })),
    privacyShown,
  };
  await cdp.detach().catch(() => {});
  await page.close();
  return result;
}

/**
 * The figures of issue #15: a cold visit on 3G, a cold visit on the poor profile (each in a fresh
 * profile, cache disabled), and a repeat visit on 3G (a second tab in the profile of the cold 3G
 * visit, cache enabled) — plus an unthrottled cold visit for reference.
 */
export async function measureAll(browser, url, { log = () => {}, serviceWorkers } = {}) {
  const out = {};
  for (const profile of ['unthrottled', '3g', 'poor']) {
    const context = await newPhone(browser, { serviceWorkers });
    out[profile] = await measure(context, url, { profile, cache: false });
    log(out[profile]);
    if (profile === '3g') {
      // A first visit that fills the cache (the cold run above ran with the cache disabled), then the
      // repeat visit measured.
      await measure(context, url, { profile: 'unthrottled', cache: true });
      out.repeat = await measure(context, url, { profile: '3g', cache: true });
      out.repeat.profile = 'repeat (3g)';
      log(out.repeat);
    }
    await context.close();
  }
  return out;
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

/** One line per measurement. */
export function describe(r) {
  return (
    `${r.profile.padEnd(12)} ${String(r.ms).padStart(6)} ms (${r.by})  interactive ${String(r.interactiveMs).padStart(6)} ms  ` +
    `${String(r.requests).padStart(2)} requests ` +
    `(${r.fromCache} from cache, ${r.compressed} compressed)  ${kb(r.encodedBytes).padStart(7)} transferred  ` +
    `${kb(r.decodedBytes).padStart(7)} decoded`
  );
}
