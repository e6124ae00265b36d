// Browser smoke test of the H5 app shell. Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/app-shell.e2e.mjs
// Needs the H5 build served at BASE_URL and, for 今日's data, the real API behind it.
// Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/ (gitignored).
import { shell } from './lib/app.mjs';
import { BASE_URL, gotoOk, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 10_000;
const LOAD_TIMEOUT_MS = 20_000; // the request wrapper gives up after 15 s

const TABS = ['今日', '找人办事', '我的'];
const SEARCH_PLACEHOLDER = '事项或姓名，如：低保、dibao'; // src/pages/find/index.tsx

// Hooks the app puts on the page (src/components/Page, src/pages/today):
//   [data-testid="app-shell"][data-page="today|find|me"]  the root of each tab page
//   [data-testid="today-list"][data-state="loading|ok|error"]  today's plans (GET /today)
//   [data-testid="unit-picker"] > [data-testid="unit-chip"]  the units (GET /units)
//   [data-testid="privacy-guide"] > [data-testid="privacy-agree"]  (src/components/PrivacyGuide)
// Taro H5 renders the tab bar as a <taro-tabbar> element outside the pages.
const tabBar = (page) => page.locator('taro-tabbar');

async function main() {
  // A fresh context is a fresh profile: no cookies, no storage, no cached token.
  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
  // What the server's Content-Security-Policy refused (Chromium reports it on the console only).
  const cspErrors = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });

  const loaded = await test(`page loads (${BASE_URL})`, async () => {
    await gotoOk(page, BASE_URL);
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
      throw new Error(`the list is in state "${state}": ${await text(list)}`);
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

  await shot(page, 'app-shell.png', { fullPage: false });

  await test('找人办事 tab searches: 低保 finds 低保申请', async () => {
    await tabBar(page).getByText('找人办事', { exact: true }).click();
    await shell(page, 'find').waitFor({ state: 'visible' });
    const search = shell(page, 'find').locator(`input[placeholder="${SEARCH_PLACEHOLDER}"]`);
    await search.waitFor({ state: 'visible' });
    // On a 360 px phone the whole hint must fit in the box (it used to be cut off).
    await page.setViewportSize({ width: 360, height: 780 });
    const fit = await search.evaluate((input) => {
      const view = input.ownerDocument.defaultView;
      const box = view.getComputedStyle(input);
      const hint = view.getComputedStyle(input, '::placeholder');
      const context = input.ownerDocument.createElement('canvas').getContext('2d');
      context.font = `${hint.fontWeight} ${hint.fontSize} ${hint.fontFamily}`;
      const room = input.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
      return { text: Math.ceil(context.measureText(input.placeholder).width), room };
    });
    await page.setViewportSize({ width: 390, height: 844 });
    if (fit.text > fit.room) throw new Error(`the hint is ${fit.text}px in a ${fit.room}px box at 360px`);
    await search.fill('低保');
    if ((await search.inputValue()) !== '低保') throw new Error('search box did not accept input');
    // GET /search answers (src/pages/find, e2e/find.e2e.mjs has the whole journey).
    await shell(page, 'find')
      .locator('[data-testid="search-results"][data-state="ok"] [data-testid="result-matter-name"]')
      .getByText('低保申请', { exact: true })
      .waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });
    await shot(page, 'find.png', { fullPage: false });
  });

  await test('我的 tab shows 未登录', async () => {
    await tabBar(page).getByText('我的', { exact: true }).click();
    await shell(page, 'me').getByText('未登录', { exact: true }).waitFor({ state: 'visible' });
  });

  await test('the favicon is served (no 404 in the console)', async () => {
    const response = await page.request.get(new URL('favicon.ico', BASE_URL).href);
    if (response.status() !== 200) throw new Error(`/favicon.ico answers ${response.status()}`);
    if ((await response.body()).length === 0) throw new Error('/favicon.ico is empty');
  });

  // Tapping a tab used to run Taro's <a href="javascript:;">, which the CSP refuses (src/utils/csp-links.ts).
  await test('nothing on the pages or in the tab bar is refused by the CSP', async () => {
    await tabBar(page).getByText('今日', { exact: true }).click();
    await shell(page, 'today').waitFor({ state: 'visible' });
    await page.waitForTimeout(300); // the console message follows the click
    if (cspErrors.length) throw new Error(cspErrors.join('\n'));
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS });
