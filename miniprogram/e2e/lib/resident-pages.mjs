// The pages a resident sees, for the journeys that visit all of them (care-mode.e2e.mjs: layout at
// 360 px in normal and large text; a11y.e2e.mjs: axe-core). Each entry opens its page on a fresh
// document load and waits until it has settled (its data loaded, the opening animation over).
import { acceptPrivacyIfShown, byTestId, openMe, switchPersona } from './app.mjs';
import { API, BASE_URL, api, gotoOk } from './journey.mjs';

// A page opened on a fresh load does not slide in; give its first layout a moment.
const PAGE_ANIMATION_MS = 300;
// Keep in step with src/pages/find/index.tsx.
const SEARCH_PLACEHOLDER = '事项或姓名，如：低保、dibao';

const url = (hash) => new URL(hash, BASE_URL).href;

/** The visible shell of page `name` (Taro keeps earlier pages of the stack in the DOM, hidden). */
export const visibleShell = (page, name) =>
  page.locator(`[data-testid="app-shell"][data-page="${name}"]:visible`);

/**
 * Ids of real demo data for the pages that need one: a popular matter, an official with a post
 * and their unit, a drawn lottery (else the newest), and a demo resident of its own (deviceKey)
 * with one ticket to that official.
 */
export async function demoIds() {
  const deviceKey = `e2ecare${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const matters = await api('GET', 'matters/popular');
  const personas = await api('GET', 'demo/personas');
  const officialId = personas.find((p) => p.role === 'official' && p.officialId)?.officialId;
  const official = await api('GET', `officials/${officialId}`);
  const lotteries = (await api('GET', 'lotteries'))?.items ?? [];
  const lottery = lotteries.find((l) => l.state !== 'committed') ?? lotteries[0];
  const { accessToken: token } = await api('POST', 'auth/demo', { body: { role: 'resident', deviceKey } });
  const res = await fetch(new URL('tickets', API), {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': `${deviceKey}-ticket`,
    },
    body: JSON.stringify({
      officialId,
      content: '村口的路灯坏了一个多月，晚上老人出门看不清路，请安排修理。',
      publicAllowed: false,
    }),
  });
  if (res.status !== 201)
    throw new Error(`POST tickets → HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  const ticket = await res.json();
  return {
    matterId: matters[0].id,
    officialId,
    unitId: official.posts[0].unit.id,
    lotteryId: lottery?.id,
    deviceKey,
    ticketId: ticket.id,
  };
}

/** Signs the browser in as demoIds' resident (演示：切换身份 → 居民, with its deviceKey). */
export async function signInAsResident(page, ids) {
  await openMe(page);
  // Taro's H5 storage: localStorage, the value wrapped as {"data": …}.
  await page.evaluate(
    ([name, value]) => globalThis.localStorage.setItem(name, JSON.stringify({ data: value })),
    ['jinri.demoDeviceKey', ids.deviceKey],
  );
  await page.reload({ waitUntil: 'domcontentloaded' });
  const me = visibleShell(page, 'me');
  await me.waitFor();
  await switchPersona(me, 'resident');
}

/** Opens `hash` on a fresh document load and waits for the shell `name`, data and animation. */
async function open(page, hash, name) {
  await page.goto('about:blank');
  await gotoOk(page, url(hash));
  const root = visibleShell(page, name);
  await root.waitFor({ state: 'visible' });
  await acceptPrivacyIfShown(root, { timeout: 1_500 });
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(PAGE_ANIMATION_MS);
  return root;
}

/**
 * The resident pages as { name, open(page) }, in the order a resident might meet them. 我的留言,
 * a ticket and 消息 need the browser signed in as the demo resident (signInAsResident).
 */
export function residentPages(ids) {
  return [
    { name: 'today', open: (page) => open(page, '#/pages/today/index', 'today') },
    {
      name: 'find',
      label: 'find (搜索“低保”)',
      open: async (page) => {
        const root = await open(page, '#/pages/find/index', 'find');
        // A fresh profile is asked for its village first: skip it (search county-wide).
        const skip = byTestId(root, 'village-skip');
        if (await skip.isVisible().catch(() => false)) await skip.click();
        const input = root.locator(`input[placeholder="${SEARCH_PLACEHOLDER}"]`);
        await input.click();
        await input.pressSequentially('低保', { delay: 40 });
        await root.locator('[data-testid="search-results"][data-q="低保"][data-state="ok"]').waitFor();
        await page.waitForTimeout(300);
        return root;
      },
    },
    { name: 'matter', open: (page) => open(page, `#/pages/matter/index?id=${ids.matterId}`, 'matter') },
    {
      name: 'official',
      open: (page) => open(page, `#/pages/official/index?id=${ids.officialId}`, 'official'),
    },
    { name: 'unit', open: (page) => open(page, `#/pages/unit/index?id=${ids.unitId}`, 'unit') },
    { name: 'me', open: (page) => open(page, '#/pages/me/index', 'me') },
    {
      name: 'ticket-compose',
      open: (page) =>
        open(page, `#/packages/tickets/compose/index?officialId=${ids.officialId}`, 'ticket-compose'),
    },
    { name: 'ticket-lookup', open: (page) => open(page, '#/packages/tickets/lookup/index', 'ticket-lookup') },
    // Signed in (signInAsResident): 我的留言, one ticket, 消息.
    { name: 'ticket-mine', open: (page) => open(page, '#/packages/tickets/mine/index', 'ticket-mine') },
    {
      name: 'ticket-detail',
      open: (page) => open(page, `#/packages/tickets/detail/index?id=${ids.ticketId}`, 'ticket-detail'),
    },
    { name: 'messages', open: (page) => open(page, '#/packages/tickets/messages/index', 'messages') },
    {
      name: 'public-lotteries',
      open: (page) => open(page, '#/packages/public/lotteries/index', 'public-lotteries'),
    },
    {
      name: 'public-lottery',
      open: (page) => open(page, `#/packages/public/lottery/index?id=${ids.lotteryId}`, 'public-lottery'),
    },
    {
      name: 'public-board',
      open: (page) => open(page, `#/packages/public/board/index?id=${ids.unitId}`, 'public-board'),
    },
  ];
}
