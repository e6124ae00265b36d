// Browser journey of 离线 (issue #15) on the H5 build: a resident reads the today page, an official's
// page, a matter page and 我的留言 online, and opens 我要留言; the service worker keeps the app shell.
// The network goes (Chromium offline): a reload still opens the app, and those pages show their last
// copy with "离线 · 更新于 HH:mm". A comment written offline is kept (待发送), and 我的留言 lists it;
// the network comes back: it is sent by itself (已发送), with the Idempotency-Key of the offline
// attempt, and the resident has exactly one ticket with its words.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/offline.e2e.mjs
// Needs the H5 build (with dist/h5/sw.js, written by `pnpm build:h5`) served at BASE_URL by a server
// started with DEMO_LOGIN=1 and demo data (SEED_DEMO=1). Screenshots go to e2e/.artifacts/.
import { byTestId, openMe, shown, switchPersona } from './lib/app.mjs';
import { API, BASE_URL, api, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 170_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/components/OfflineBanner, src/packages/tickets/**):
//   [data-testid="offline-banner"][data-saved-at]          离线 · 更新于 HH:mm (today, official, matter,
//                                                           unit, 我的留言, one ticket)
//   compose: "compose-offline" (no network), "compose-content" textarea, "compose-submit";
//     [data-testid="compose-queued"][data-state="pending|sending|sent|failed"] > "outbox-item"
//   我的留言: [data-testid="outbox"] > [data-testid="outbox-item"][data-state][data-key] >
//     "outbox-state", "outbox-text", "outbox-hint", "outbox-send", "outbox-retry", "outbox-edit",
//     "outbox-delete", "outbox-open"
//   today: [data-testid="today-list"][data-state]; official: "official-today"; matter:
//     [data-testid="matter"][data-state]

const STAMP = Date.now().toString(36);
const CONTENT = `村口到小学的路灯晚上不亮，孩子放学走夜路不安全，请尽快修理（离线 E2E ${STAMP}）`;

const url = (hash) => new URL(hash, BASE_URL).href;

/** Taro H5 keeps storage as {"data": value} JSON in localStorage. */
const readStorage = (page, key) =>
  page.evaluate((k) => {
    try {
      return JSON.parse(localStorage.getItem(k) || 'null')?.data ?? null;
    } catch {
      return null;
    }
  }, key);

async function offlineBanner(scope) {
  const banner = byTestId(scope, 'offline-banner');
  await banner.waitFor({ state: 'visible' });
  const said = await text(banner);
  if (!/离线 · 更新于 (\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}/.test(said))
    throw new Error(`the banner says "${said}"`);
  return said;
}

async function main() {
  const setup = {};
  const ready = await test('setup: an official and a matter of the demo county', async () => {
    const personas = await api('GET', 'demo/personas');
    const official = (personas ?? []).find((p) => p.role === 'official' && p.officialId);
    if (!official) throw new Error('no official persona');
    setup.officialId = official.officialId;
    const found = await api('GET', `search?q=${encodeURIComponent('低保')}`);
    setup.matterId = found?.matters?.[0]?.id;
    if (!setup.matterId) throw new Error(`no matter found: ${JSON.stringify(found).slice(0, 200)}`);
  });
  if (!ready) return;

  const { context, page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
  const me = shown(page, 'me');
  const today = shown(page, 'today');
  const official = shown(page, 'official');
  const matter = shown(page, 'matter');
  const mine = shown(page, 'ticket-mine');
  const compose = shown(page, 'ticket-compose');
  const posts = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url() === `${API}tickets`) posts.push(r.headers()['idempotency-key']);
  });

  const signedIn =
    await test('act as the 居民 persona; the service worker takes control of the page', async () => {
      await openMe(page);
      await switchPersona(me, 'resident');
      const controlled = await page
        .waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 20_000 })
        .then(() => true)
        .catch(() => false);
      if (!controlled) throw new Error('no service worker controls the page (is dist/h5/sw.js there?)');
    });
  if (!signedIn) return;

  const online =
    await test('online: the today page, an official, a matter, 我的留言 and 我要留言 load', async () => {
      await page.goto(url('#/pages/today/index'));
      await today.locator('[data-testid="today-list"][data-state="ok"]').waitFor({ state: 'visible' });
      await page.goto(url(`#/pages/official/index?id=${setup.officialId}`));
      await byTestId(official, 'official-today').waitFor({ state: 'visible' });
      await page.goto(url(`#/pages/matter/index?id=${setup.matterId}`));
      await matter.locator('[data-testid="matter"][data-state="ok"]').waitFor({ state: 'visible' });
      await page.goto(url('#/packages/tickets/mine/index'));
      await mine
        .locator('[data-testid="ticket-mine"][data-state="ok"], [data-testid="mine-empty"]')
        .first()
        .waitFor();
      await page.goto(url(`#/packages/tickets/compose/index?officialId=${setup.officialId}`));
      await byTestId(compose, 'compose-content').waitFor({ state: 'visible' });
      for (const p of [today, official, matter, mine]) {
        if ((await byTestId(p, 'offline-banner').count()) > 0)
          throw new Error('an offline banner while online');
      }
      const kept = await page.evaluate(async () =>
        (await globalThis.caches.keys()).filter((k) => k.startsWith('jinri-')),
      );
      if (kept.length === 0) throw new Error('the service worker kept nothing');
    });
  if (!online) return;

  await context.setOffline(true);

  await test('offline: a reload still opens the app, and the today page shows its copy: 离线 · 更新于', async () => {
    await page.goto(url('#/pages/today/index'));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await today.locator('[data-testid="today-list"][data-state="ok"]').waitFor({ state: 'visible' });
    console.log(`  # ${await offlineBanner(today)}`);
  });
  await shot(page, 'offline-today.png');

  await test('offline: the official’s page and the matter page show their copies with the banner', async () => {
    await page.goto(url(`#/pages/official/index?id=${setup.officialId}`));
    await byTestId(official, 'official-today').waitFor({ state: 'visible' });
    await offlineBanner(official);
    await page.goto(url(`#/pages/matter/index?id=${setup.matterId}`));
    await matter.locator('[data-testid="matter"][data-state="ok"]').waitFor({ state: 'visible' });
    await offlineBanner(matter);
  });
  await shot(page, 'offline-matter.png');

  const queued = {};
  await test('offline: a comment is kept on the phone: 待发送', async () => {
    await page.goto(url(`#/packages/tickets/compose/index?officialId=${setup.officialId}`));
    await byTestId(compose, 'compose-offline').waitFor({ state: 'visible' });
    await compose.locator('[data-testid="compose-content"] textarea').fill(CONTENT);
    await byTestId(compose, 'compose-submit').click();
    const result = compose.locator('[data-testid="compose-queued"][data-state="pending"]');
    await result.waitFor({ state: 'visible' });
    const state = await text(byTestId(result, 'outbox-state'));
    if (state !== '待发送') throw new Error(`state "${state}"`);
    const outbox = await readStorage(page, 'jinri.tickets.outbox');
    const item = JSON.parse(outbox ?? '[]').find((i) => i.body?.content === CONTENT);
    if (!item) throw new Error(`not in the outbox: ${outbox}`);
    queued.key = item.key;
  });
  await shot(page, 'offline-compose-queued.png');

  await test('offline: 我的留言 lists it as 待发送 above its copy of the list', async () => {
    await page.goto(url('#/packages/tickets/mine/index'));
    const item = mine.locator(`[data-testid="outbox-item"][data-key="${queued.key}"]`);
    await item.waitFor({ state: 'visible' });
    if ((await item.getAttribute('data-state')) !== 'pending')
      throw new Error(await item.getAttribute('data-state'));
    if (!(await text(byTestId(item, 'outbox-text'))).includes(STAMP)) throw new Error('another text');
    await offlineBanner(mine);
  });
  await shot(page, 'offline-mine.png');

  await context.setOffline(false);

  await test('back online: it is sent by itself (已发送) with the same Idempotency-Key', async () => {
    const item = mine.locator(`[data-testid="outbox-item"][data-key="${queued.key}"][data-state="sent"]`);
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const state = await text(byTestId(item, 'outbox-state'));
    if (state !== '已发送') throw new Error(`state "${state}"`);
    if (posts.length === 0 || posts.some((k) => k !== queued.key)) {
      throw new Error(`keys sent: ${JSON.stringify(posts)}, kept: ${queued.key}`);
    }
  });
  await shot(page, 'offline-sent.png');

  await test('the API has exactly one ticket with its words', async () => {
    const token = await readStorage(page, 'jinri.accessToken');
    if (!token) throw new Error('no access token in storage');
    const list = await api('GET', 'tickets/mine?page=1', { token });
    const matching = (list?.items ?? []).filter((t) => JSON.stringify(t).includes(STAMP));
    if (matching.length !== 1) throw new Error(`${matching.length} tickets with the text`);
  });

  await test('no uncaught page errors', async () => {
    if (pageErrors.length) throw new Error(pageErrors.slice(0, 3).join(' | '));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS });
