// Browser smoke test of the H5 app shell. Plain Node ESM, no test framework.
//   BASE_URL=http://localhost:3000/ node e2e/app-shell.e2e.mjs
// Needs the H5 build served at BASE_URL and, for 今日's data, the real API behind it.
// Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/ (gitignored).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL || 'http://localhost:3000/';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TOTAL_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 10_000;
const LOAD_TIMEOUT_MS = 20_000; // the request wrapper gives up after 15 s

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '.artifacts');
const TABS = ['今日', '找人办事', '我的'];
const SEARCH_PLACEHOLDER = '输入事项或姓名，如：低保、宅基地、dibao'; // src/pages/find/index.tsx

// Hooks the app puts on the page (src/components/Page, src/pages/today):
//   [data-testid="app-shell"][data-page="today|find|me"]  the root of each tab page
//   [data-testid="today-list"][data-state="loading|ok|error"]  today's plans (GET /today)
//   [data-testid="unit-picker"] > [data-testid="unit-chip"]  the units (GET /units)
//   [data-testid="privacy-guide"] > [data-testid="privacy-agree"]  (src/components/PrivacyGuide)
// Taro H5 renders the tab bar as a <taro-tabbar> element outside the pages.
const shell = (page, name) => page.locator(`[data-testid="app-shell"][data-page="${name}"]`);
const tabBar = (page) => page.locator('taro-tabbar');

let passed = 0;
let failed = 0;
let browser;

function summary() {
  console.log(`${passed} passed, ${failed} failed`);
}

const watchdog = setTimeout(() => {
  console.log(`not ok - finished within ${TOTAL_TIMEOUT_MS / 1000} s`);
  failed++;
  summary();
  process.exit(1); // playwright kills the browser it launched on exit
}, TOTAL_TIMEOUT_MS);
watchdog.unref();

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs one check; prints `ok - name` or `not ok - name` with the first lines of the error. */
async function test(name, fn) {
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

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
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
  // A fresh context is a fresh profile: no cookies, no storage, no cached token.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const loaded = await test(`page loads (${BASE_URL})`, async () => {
    const response = await page.goto(BASE_URL, { waitUntil: 'domcontentloaded' });
    if (!response || !response.ok()) throw new Error(`HTTP ${response?.status() ?? 'no response'}`);
  });
  if (!loaded) return; // nothing else can pass; do not wait out every timeout

  await test('app shell renders', async () => {
    await shell(page, 'today').waitFor({ state: 'visible' });
    await shell(page, 'today').getByText('今日工作', { exact: true }).waitFor({ state: 'visible' });
    await shell(page, 'today')
      .getByText(/^\d{1,2}月\d{1,2}日 星期[一二三四五六日]$/)
      .waitFor({ state: 'visible' });
  });

  await test(`tab bar shows ${TABS.join(' / ')}`, async () => {
    for (const label of TABS) {
      await tabBar(page).getByText(label, { exact: true }).waitFor({ state: 'visible' });
    }
  });

  // The data path end to end: GET /units fills the unit picker, GET /today the list.
  await test('今日 loads units and officials from the service', async () => {
    const today = shell(page, 'today');
    const list = today.locator('[data-testid="today-list"]');
    // Wait for the list to settle (ok or error), then require ok.
    await today
      .locator('[data-testid="today-list"]:not([data-state="loading"])')
      .waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });
    const state = await list.getAttribute('data-state');
    if (state !== 'ok') {
      const text = (await list.innerText()).replace(/\s+/g, ' ').trim();
      throw new Error(`the list is in state "${state}": ${text}`);
    }
    await today.locator('[data-testid="unit-chip"][data-selected="true"]').waitFor({ state: 'visible' });
    // Officials' cards, or (before 08:00 with nothing published yet) the publication notice.
    await today
      .locator('[data-testid="official-card"], [data-testid="not-yet"]')
      .first()
      .waitFor({ state: 'visible' });
  });

  // First visit: the privacy notice (src/components/PrivacyGuide) covers the page until accepted.
  await test('privacy notice shows on first visit; 同意并继续 closes it', async () => {
    const notice = shell(page, 'today').locator('[data-testid="privacy-guide"]');
    await notice.waitFor({ state: 'visible' });
    await notice.locator('[data-testid="privacy-agree"]').click();
    await notice.waitFor({ state: 'detached' });
  });

  await page.screenshot({ path: join(ARTIFACTS, 'app-shell.png') }).catch(() => {});

  await test('找人办事 tab searches: 低保 finds 低保申请', async () => {
    await tabBar(page).getByText('找人办事', { exact: true }).click();
    await shell(page, 'find').waitFor({ state: 'visible' });
    const search = shell(page, 'find').locator(`input[placeholder="${SEARCH_PLACEHOLDER}"]`);
    await search.waitFor({ state: 'visible' });
    await search.fill('低保');
    if ((await search.inputValue()) !== '低保') throw new Error('search box did not accept input');
    // GET /search answers (src/pages/find, e2e/find.e2e.mjs has the whole journey).
    await shell(page, 'find')
      .locator('[data-testid="search-results"][data-state="ok"] [data-testid="result-matter-name"]')
      .getByText('低保申请', { exact: true })
      .waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });
    await page.screenshot({ path: join(ARTIFACTS, 'find.png') }).catch(() => {});
  });

  await test('我的 tab shows 未登录', async () => {
    await tabBar(page).getByText('我的', { exact: true }).click();
    await shell(page, 'me').getByText('未登录', { exact: true }).waitFor({ state: 'visible' });
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

try {
  await main();
} catch (error) {
  failed++;
  console.log(`not ok - run the browser`);
  console.log(`  # ${error instanceof Error ? error.message.split('\n')[0] : error}`);
} finally {
  await browser?.close().catch(() => {});
}
summary();
process.exit(failed === 0 ? 0 : 1);
