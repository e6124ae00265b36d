// The harness every browser journey (e2e/*.e2e.mjs) runs in: where the app and Chromium are, a
// `test(name, fn)` reporter that prints `ok - …` / `not ok - …` and ends with `N passed, M failed`
// (exit 1 on a failure), a watchdog on the whole run, the JSON API outside the browser, and the
// browser itself. Plain Node ESM, no test framework. Not a journey: scripts/run.mjs runs only
// e2e/*.e2e.mjs.
//   BASE_URL       the H5 build, served by the server (default http://localhost:3000/)
//   CHROMIUM_PATH  the browser (default /usr/bin/chromium)
// Screenshots go to e2e/.artifacts/ (gitignored).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL || 'http://localhost:3000/';
export const API = new URL('api/v1/', BASE_URL).href;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '.artifacts');
export const TOAST_MS = 1_600; // Taro.showToast lasts 1.5 s; let it go before a screenshot

let passed = 0;
let failed = 0;
let browser;

function summary() {
  console.log(`${passed} passed, ${failed} failed`);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs one check; prints `ok - name` or `not ok - name` with the first lines of the error. */
export async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
    return true;
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}`);
    const message = (error instanceof Error ? error.message : String(error)).replace(ANSI, '');
    for (const line of message.split('\n').filter(Boolean).slice(0, 3)) console.log(`  # ${line}`);
    return false;
  }
}

/**
 * Runs a journey: `main` within `totalTimeoutMs` (else `not ok - finished within … s`), an error out
 * of `main` as `not ok - <crashName>`, then closes the browser, prints `N passed, M failed` and
 * exits 0, or 1 when anything failed.
 */
export async function run(main, { totalTimeoutMs, crashName = 'run the browser' }) {
  const watchdog = setTimeout(() => {
    console.log(`not ok - finished within ${totalTimeoutMs / 1000} s`);
    failed++;
    summary();
    process.exit(1); // playwright kills the browser it launched on exit
  }, totalTimeoutMs);
  watchdog.unref();

  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    await main();
  } catch (error) {
    failed++;
    console.log(`not ok - ${crashName}`);
    console.log(`  # ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  } finally {
    await browser?.close().catch(() => {});
  }
  summary();
  process.exit(failed === 0 ? 0 : 1);
}

/** JSON API call outside the browser. */
export async function api(method, path, { token, body } = {}) {
  const res = await fetch(new URL(path, API), {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) throw new Error(`${method} ${path} → HTTP ${res.status} ${text.slice(0, 200)}`);
  return json;
}

/**
 * Launches headless Chromium (closed by `run`) and opens one page in a fresh context — a fresh
 * profile: no cookies, no storage, no cached token — sized like a phone, in Chinese and China time.
 * `permissions` are granted to BASE_URL's origin. `pageErrors` collects the page's uncaught errors.
 * `contextOptions` adds to or overrides playwright's context options (a 360 px viewport; bypassCSP
 * to inject a test script such as axe-core with addScriptTag).
 */
export async function openPage({ stepTimeoutMs = 15_000, permissions = [], contextOptions = {} } = {}) {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...contextOptions,
  });
  context.setDefaultTimeout(stepTimeoutMs);
  if (permissions.length > 0) {
    await context.grantPermissions(permissions, { origin: new URL(BASE_URL).origin });
  }
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/** Navigates to `url`; throws unless the document answers with HTTP 2xx. */
export async function gotoOk(page, url) {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (!response || !response.ok()) throw new Error(`HTTP ${response?.status() ?? 'no response'}`);
  return response;
}

/** The element's text with white space folded. */
export const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** Screenshot into e2e/.artifacts/ (never fails the journey); `afterToast` lets a toast go first. */
export const shot = (page, name, { afterToast = false, fullPage = true } = {}) =>
  (afterToast ? page.waitForTimeout(TOAST_MS) : Promise.resolve())
    .then(() => page.screenshot({ path: join(ARTIFACTS, name), fullPage }))
    .catch(() => {});
