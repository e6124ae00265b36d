// Browser journey of 找人办事 on the H5 build: a resident picks their village, searches by pinyin,
// opens a matter (what to bring, who handles it for their village, can they be found now), uses a
// popular chip and a pinyin-initials search, and looks at who in the village is where today.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/find.e2e.mjs
// Needs the H5 build served at BASE_URL by a server with demo data (SEED_DEMO=1).
// Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
import { acceptPrivacyIfShown, byTestId, shell } from './lib/app.mjs';
import { BASE_URL, TOAST_MS, gotoOk, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 15_000;

// Keep in step with src/pages/find/index.tsx.
const SEARCH_PLACEHOLDER = '事项或姓名，如：低保、dibao';
// Taro's H5 router slides a new page in over ~350 ms (see backToFind); screenshots wait for it.
const PAGE_ANIMATION_MS = 600;
const STATUS_KINDS = ['in_office', 'out', 'meeting', 'on_leave', 'no_plan', 'off_hours'];

// Hooks the app puts on the page (src/pages/find, src/pages/matter, src/pages/unit, src/components):
//   [data-testid="app-shell"][data-page="find|matter|unit"]          each page's root
//   [data-testid="privacy-guide"] > [data-testid="privacy-agree"]
//   [data-testid="village-question"] > "picker-town" / "picker-village" / "village-skip"
//   [data-testid="my-village"][data-unit-id] > "my-village-name", "my-village-change", "unit-link"
//   [data-testid="search-results"][data-state="loading|ok|empty|error"][data-q]
//     > "result-matter"[data-matter-id] > "result-matter-name", "result-matter-department",
//       "result-handler" > "status-line"[data-kind]
//     > "result-official", "search-empty" > "popular-chip"
//   "recent" > "recent-chip", "recent-clear"; "popular" > "popular-chip"[data-matter-id]
//   [data-testid="matter"][data-state] > "matter-name", "matter-materials" > "matter-material",
//     "matter-officials" > "matter-official"[data-kind] > "now-answer"[data-kind][data-tone],
//       "matter-deputy"[data-official-id] > "matter-deputy-name" (代理, only while on leave), "matter-ask"
//     (→ 我要留言: [data-testid="app-shell"][data-page="ticket-compose"] > [data-testid="compose"][data-target],
//     "compose-target-name")
//   [data-testid="unit"] > "unit-name", "unit-crumbs" > "unit-crumb", "unit-today"[data-state] > "unit-plan"

/** Types like a person (one key at a time) into the search box, after clearing it. */
async function typeSearch(page, word) {
  const input = shell(page, 'find').locator(`input[placeholder="${SEARCH_PLACEHOLDER}"]`);
  await input.fill('');
  await input.click();
  await input.pressSequentially(word, { delay: 60 });
  return input;
}

/** Waits for the search results of `q` to settle and returns them. */
async function resultsFor(page, q, state = 'ok') {
  const results = shell(page, 'find').locator(
    `[data-testid="search-results"][data-q="${q}"][data-state="${state}"]`,
  );
  await results.waitFor({ state: 'visible' });
  return results;
}

/** The matter page for `name` is open and loaded. */
async function matterPage(page, name) {
  const matter = shell(page, 'matter').locator('[data-testid="matter"][data-state="ok"]');
  await matter.waitFor({ state: 'visible' });
  const shown = await text(byTestId(matter, 'matter-name'));
  if (shown !== name) throw new Error(`the matter page shows "${shown}", expected "${name}"`);
  await page.waitForTimeout(PAGE_ANIMATION_MS);
  return matter;
}

/**
 * Back to 找人办事 (the browser's back, as the WeChat back arrow would). Taro's H5 router hides the
 * previous page on a timer after the opening animation (~350 ms); going back before it fires leaves
 * 找人办事 hidden, so wait as long as a person would anyway.
 */
async function backToFind(page) {
  await page.waitForTimeout(PAGE_ANIMATION_MS);
  await page.goBack();
  await shell(page, 'find').waitFor({ state: 'visible' });
}

async function main() {
  // A fresh context is a fresh profile: no village chosen, no recent searches, privacy not accepted.
  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
  const searches = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/api/v1/search')) searches.push(url.searchParams);
  });

  const findUrl = new URL('#/pages/find/index', BASE_URL).href;
  const loaded = await test(`找人办事 loads (${findUrl})`, async () => {
    await gotoOk(page, findUrl);
    await shell(page, 'find').waitFor({ state: 'visible' });
  });
  if (!loaded) return;

  await test('the privacy notice, if shown, is accepted', async () => {
    await acceptPrivacyIfShown(shell(page, 'find'), { timeout: 3_000 });
  });

  const find = shell(page, 'find');
  const question = byTestId(find, 'village-question');
  await test('first visit asks 您住在哪个村（社区）？ with a skip option', async () => {
    await question.waitFor({ state: 'visible' });
    await question.getByText('您住在哪个村（社区）？').waitFor({ state: 'visible' });
    await byTestId(question, 'village-skip').waitFor({ state: 'visible' });
    await find.locator(`input[placeholder="${SEARCH_PLACEHOLDER}"]`).waitFor({ state: 'visible' });
  });
  await shot(page, 'find-first-visit.png');

  let townName = '';
  let villageName = '';
  const picked = await test('picks a town, then a village → 我的村 shows it', async () => {
    const town = byTestId(question, 'picker-town').first();
    await town.waitFor({ state: 'visible' });
    townName = await text(town);
    await town.click();
    const village = byTestId(question, 'picker-village').first();
    await village.waitFor({ state: 'visible' });
    await shot(page, 'find-pick-village.png');
    villageName = await text(village);
    await village.click();
    await question.waitFor({ state: 'detached' });
    const name = await text(byTestId(find, 'my-village-name'));
    if (name !== villageName) throw new Error(`我的村 shows "${name}", expected "${villageName}"`);
    const under = await text(byTestId(find, 'my-village-town'));
    if (under !== townName) throw new Error(`the town under 我的村 reads "${under}", expected "${townName}"`);
  });
  if (!picked) return;

  let dibao;
  await test('typing "dibao" suggests 低保申请 with handlers for my village and where they are', async () => {
    searches.length = 0;
    await typeSearch(page, 'dibao');
    const results = await resultsFor(page, 'dibao');
    const matters = byTestId(results, 'result-matter');
    const names = await byTestId(results, 'result-matter-name').allInnerTexts();
    if (names[0]?.trim() !== '低保申请') throw new Error(`matters: ${JSON.stringify(names)}`);
    dibao = matters.first();
    await dibao.getByText(`为${villageName}办理的干部：`).waitFor({ state: 'visible' });
    const handlers = byTestId(dibao, 'result-handler');
    if ((await handlers.count()) === 0) throw new Error('no handlers under 低保申请');
    const line = byTestId(handlers.first(), 'status-line');
    const kind = await line.getAttribute('data-kind');
    if (!STATUS_KINDS.includes(kind)) throw new Error(`status line of kind "${kind}"`);
    if (!(await text(line))) throw new Error('the status line is empty');
    // Matters come before officials.
    const order = await results.evaluate((el) =>
      [...el.querySelectorAll('[data-testid="result-matters"], [data-testid="result-officials"]')].map((x) =>
        x.getAttribute('data-testid'),
      ),
    );
    if (order[0] !== 'result-matters') throw new Error(`sections in order ${JSON.stringify(order)}`);
  });
  await shot(page, 'find-dibao.png', { afterToast: true });

  await test('typing five letters sends one search (debounced), for my village', async () => {
    if (searches.length !== 1) {
      throw new Error(`${searches.length} searches: ${searches.map((s) => s.get('q')).join(', ')}`);
    }
    if (searches[0].get('q') !== 'dibao') throw new Error(`searched "${searches[0].get('q')}"`);
    if (!searches[0].get('unitId')) throw new Error('the search did not say which village');
  });

  await test('opening 低保申请 shows 办理材料 and my village’s officials with 现在去能找到吗？', async () => {
    if (!dibao) throw new Error('no 低保申请 result (previous step failed)');
    await dibao.click();
    const matter = await matterPage(page, '低保申请');
    const materials = byTestId(matter, 'matter-materials');
    await materials.getByText('办理材料', { exact: true }).waitFor({ state: 'visible' });
    if ((await byTestId(materials, 'matter-material').count()) === 0) throw new Error('no materials listed');
    const officials = byTestId(matter, 'matter-officials');
    await officials.getByText(`为您所在的 ${villageName} 办理的干部`).waitFor({ state: 'visible' });
    const cards = byTestId(officials, 'matter-official');
    if ((await cards.count()) === 0) throw new Error('no officials for the village');
    // The most local first: the village's own official.
    const first = await text(cards.first());
    if (!first.includes(villageName))
      throw new Error(`the first official is not from ${villageName}: ${first}`);
    const answer = byTestId(cards.first(), 'now-answer');
    const kind = await answer.getAttribute('data-kind');
    if (!STATUS_KINDS.includes(kind)) throw new Error(`answer of kind "${kind}"`);
    const said = await text(answer);
    if (!said.startsWith('现在去能找到吗？') || said.length <= '现在去能找到吗？'.length + 2) {
      throw new Error(`the answer reads "${said}"`);
    }
    // A handler on leave with an acting deputy (the demo seeds 岗位AB角) says who stands in and shows them.
    for (const card of await cards.all()) {
      const deputy = byTestId(card, 'matter-deputy');
      if ((await deputy.count()) === 0) continue;
      if ((await card.getAttribute('data-kind')) !== 'on_leave')
        throw new Error('a deputy shown for a handler at work');
      const name = await text(byTestId(deputy, 'matter-deputy-name'));
      const reads = await text(byTestId(card, 'now-answer'));
      if (!reads.includes(`请假中，由${name}代理`))
        throw new Error(`on leave with deputy ${name}, the answer reads "${reads}"`);
    }
    await byTestId(matter, 'matter-where').getByText('去哪里办').waitFor({ state: 'visible' });
    await byTestId(matter, 'matter-hours').waitFor({ state: 'visible' });
  });
  await shot(page, 'find-matter-dibao.png');

  await test('材料 can be ticked off; 我要留言/咨询 opens 我要留言 for the matter', async () => {
    const matter = shell(page, 'matter');
    const item = byTestId(matter, 'matter-material').first();
    await item.click();
    if ((await item.getAttribute('data-checked')) !== 'true') throw new Error('the material was not ticked');
    await byTestId(matter, 'matter-materials')
      .getByText(/已备齐 1\/\d+/)
      .waitFor({ state: 'visible' });
    await byTestId(matter, 'matter-materials').scrollIntoViewIfNeeded();
    await shot(page, 'find-matter-materials.png', { fullPage: false });
    const matterId = await byTestId(matter, 'matter').getAttribute('data-matter-id');
    await byTestId(matter, 'matter-ask').click();
    const compose = shell(page, 'ticket-compose');
    await compose.waitFor({ state: 'visible' });
    const target = await byTestId(compose, 'compose').getAttribute('data-target');
    if (target !== `matter.${matterId}`) {
      throw new Error(`compose is for "${target}"`);
    }
    await byTestId(compose, 'compose-target-name').getByText('低保申请').waitFor({ state: 'visible' });
    await page.waitForTimeout(PAGE_ANIMATION_MS);
    // H5 has no WeChat navigation bar: the page's own bar (components/BackBar) names it and goes back.
    const bar = page.locator('[data-testid="back-bar"]').filter({ visible: true });
    const title = await text(byTestId(bar, 'back-bar-title'));
    if (title !== '我要留言') throw new Error(`the bar says "${title}"`);
    if ((await page.title()) !== '我要留言') throw new Error(`the document title is "${await page.title()}"`);
    await byTestId(bar, 'back-bar-back').click();
    await matter.waitFor({ state: 'visible' });
  });

  await test('back on 找人办事, "dibao" is in 最近搜索', async () => {
    await page.waitForTimeout(TOAST_MS);
    await backToFind(page);
    await byTestId(find, 'search-clear').click();
    const recent = byTestId(find, 'recent');
    await recent.waitFor({ state: 'visible' });
    const words = await byTestId(recent, 'recent-chip').allInnerTexts();
    if (words[0]?.trim() !== 'dibao') throw new Error(`最近搜索: ${JSON.stringify(words)}`);
  });
  await shot(page, 'find-home.png');

  await test('a popular chip opens its matter', async () => {
    const chips = byTestId(byTestId(find, 'popular'), 'popular-chip');
    await chips.first().waitFor({ state: 'visible' });
    const names = (await chips.allInnerTexts()).map((s) => s.trim());
    if (names.length < 3) throw new Error(`popular: ${JSON.stringify(names)}`);
    const name = names.find((n) => n !== '低保申请' && n !== '宅基地审批') ?? names[0];
    await chips.nth(names.indexOf(name)).click();
    const matter = await matterPage(page, name);
    if ((await byTestId(matter, 'matter-official').count()) === 0)
      throw new Error(`no officials for ${name}`);
    await backToFind(page);
  });

  await test('pinyin initials "zjd" find 宅基地审批', async () => {
    await typeSearch(page, 'zjd');
    const results = await resultsFor(page, 'zjd');
    const names = (await byTestId(results, 'result-matter-name').allInnerTexts()).map((s) => s.trim());
    if (!names.includes('宅基地审批')) throw new Error(`matters: ${JSON.stringify(names)}`);
    await shot(page, 'find-zjd.png');
    await byTestId(results, 'result-matter').nth(names.indexOf('宅基地审批')).click();
    await matterPage(page, '宅基地审批');
    await backToFind(page);
  });

  await test('"db" then "盖房子": each matter once, with its department, and nothing left from "db"', async () => {
    await typeSearch(page, 'db');
    const db = await resultsFor(page, 'db');
    const dbIds = await byTestId(db, 'result-matter').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-matter-id')),
    );
    if (new Set(dbIds).size !== dbIds.length) throw new Error(`"db" lists a matter twice: ${dbIds}`);
    const departments = await byTestId(db, 'result-matter-department').allInnerTexts();
    if (departments.length !== dbIds.length || departments.some((d) => !d.startsWith('主管部门：')))
      throw new Error(`departments: ${JSON.stringify(departments)}`);
    await typeSearch(page, '盖房子');
    const found = await resultsFor(page, '盖房子');
    const names = (await byTestId(found, 'result-matter-name').allInnerTexts()).map((s) => s.trim());
    if (names[0] !== '宅基地审批') throw new Error(`"盖房子" after "db" shows ${JSON.stringify(names)}`);
    const ids = await byTestId(found, 'result-matter').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-matter-id')),
    );
    if (new Set(ids).size !== ids.length) throw new Error(`"盖房子" lists a matter twice: ${ids}`);
  });

  await test('nothing found: says to put it another way, with the popular chips', async () => {
    await typeSearch(page, '火星移民');
    const results = await resultsFor(page, '火星移民', 'empty');
    await results.getByText('没有找到相关事项，换个说法试试').waitFor({ state: 'visible' });
    if ((await byTestId(results, 'popular-chip').count()) === 0) throw new Error('no popular chips');
    await shot(page, 'find-empty.png');
    await byTestId(results, 'example-chip').filter({ hasText: '盖房子' }).click();
    const found = await resultsFor(page, '盖房子');
    if ((await byTestId(found, 'result-matter').count()) === 0) throw new Error('盖房子 found nothing');
  });

  await test('村里的人今天在哪 opens the village page with everyone’s day', async () => {
    await byTestId(find, 'search-clear').click();
    await byTestId(find, 'unit-link').click();
    const unit = shell(page, 'unit');
    const name = await text(byTestId(unit, 'unit-name'));
    if (name !== villageName) throw new Error(`the unit page shows "${name}", expected "${villageName}"`);
    const crumbs = await byTestId(unit, 'unit-crumb').allInnerTexts();
    if (!crumbs.map((c) => c.trim()).includes(townName))
      throw new Error(`breadcrumbs: ${JSON.stringify(crumbs)}`);
    await unit.locator('[data-testid="unit-today"][data-state="ok"]').waitFor({ state: 'visible' });
    const cards = byTestId(unit, 'unit-plan');
    if ((await cards.count()) === 0) throw new Error('nobody listed for the village today');
    await byTestId(cards.first(), 'status-chip').waitFor({ state: 'visible' });
    await page.waitForTimeout(PAGE_ANIMATION_MS);
  });
  await shot(page, 'find-unit-village.png');

  await test('the town in the breadcrumbs opens the town page with its villages', async () => {
    const unit = shell(page, 'unit');
    await byTestId(unit, 'unit-crumb').filter({ hasText: townName }).click();
    await byTestId(unit, 'unit-name').filter({ hasText: townName }).waitFor({ state: 'visible' });
    const children = await byTestId(unit, 'unit-child').allInnerTexts();
    if (!children.some((c) => c.includes(villageName)))
      throw new Error(`children: ${JSON.stringify(children)}`);
    await page.waitForTimeout(PAGE_ANIMATION_MS);
  });
  await shot(page, 'find-unit-town.png');

  await test('after a reload 我的村 is remembered and 更换 opens the picker', async () => {
    await page.goto(findUrl, { waitUntil: 'domcontentloaded' });
    await shell(page, 'find').waitFor({ state: 'visible' });
    const name = await text(byTestId(find, 'my-village-name'));
    if (name !== villageName) throw new Error(`我的村 shows "${name}" after a reload`);
    if ((await question.count()) !== 0) throw new Error('the first-visit question came back');
    await byTestId(find, 'my-village-change').click();
    const sheet = byTestId(find, 'village-sheet');
    await sheet.waitFor({ state: 'visible' });
    await byTestId(sheet, 'picker-village').filter({ hasText: villageName }).waitFor({ state: 'visible' });
    await shot(page, 'find-change-village.png');
    await byTestId(sheet, 'village-sheet-close').click();
    await sheet.waitFor({ state: 'detached' });
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS });
