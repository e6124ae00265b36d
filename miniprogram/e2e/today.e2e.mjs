// Browser journey of 今日 and the official's profile on the H5 build. Plain Node ESM, no test framework
// (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/today.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
//
// Setup goes through the API as a demo official: a plan for tomorrow (2 entries, published early
// with POST /demo/publish), and today's plan with an all-day entry (正在进行), changed after
// publication (已修改, one entry withdrawn) and with a progress update (一日三晒). Then, as an
// anonymous resident: pick the official's town, see today and tomorrow, search, open the profile.
import { acceptPrivacyIfShown, byTestId, chinaDate, savePlan, shell } from './lib/app.mjs';
import { BASE_URL, api, gotoOk, openPage, run, shot as fullShot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 150_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/pages/today, src/pages/official, src/components):
//   [data-testid="app-shell"][data-page="today|official"]
//   [data-testid="home-ask"] (the first screen's question, above the list) > "home-search" input,
//     "home-search-submit", "home-chip"[data-matter-id], "home-village"[data-unit-id] >
//     "home-village-name", "home-village-change" (→ [data-testid="village-sheet"] > "picker-town",
//     "picker-village"), [data-testid="home-handlers"][data-state] > "home-handler" > "home-presence"[data-kind]
//   [data-testid="day-switch"] > [data-testid="day-switch-option"][data-value="yesterday|today|tomorrow"]
//   [data-testid="unit-picker"] > [data-testid="unit-chip"][data-unit-id][data-selected], "unit-more"
//   [data-testid="today-list"][data-state="loading|error|ok"][data-date][data-unit-id]
//   [data-testid="today-search"] input, [data-testid="not-yet"]
//   [data-testid="official-card"][data-official-id][data-status] > "status-chip",
//     [data-testid="entry"][data-now="true|false"] > "entry-modified", "entry-update"
//   [data-testid="official-profile"] > "official-name"; [data-testid="official-today"]
//   [data-testid="range-switch-option"][data-value="week|month"]
//   [data-testid="timeline-day"][data-date][data-status][data-expanded] > "timeline-line", "timeline-revisions"
//   [data-testid="revision-sheet"] > [data-testid="revision-entry"][data-status="active|withdrawn"], "revision-close"
// This journey's screenshots are of the viewport, not the whole page.
const shot = (page, name) => fullShot(page, name, { fullPage: false });

/** Polls until `locator` matches a number of elements that satisfies `ok`; returns the count. */
async function waitForCount(locator, ok, what, timeoutMs = STEP_TIMEOUT_MS) {
  const until = Date.now() + timeoutMs;
  let count = await locator.count();
  while (!ok(count)) {
    if (Date.now() > until) throw new Error(`${what}: still ${count} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    count = await locator.count();
  }
  return count;
}

/** The county's child (town, department…) that holds a unit: itself, or its ancestor below the county. */
async function countyChildOf(unitId) {
  const node = await api('GET', `units?parentId=${unitId}`);
  const path = [...node.ancestors, node.unit];
  return path.length >= 2 ? path[1] : path[0];
}

async function main() {
  const today = chinaDate(0);
  const tomorrow = chinaDate(1);
  const stamp = Date.now().toString(36).slice(-4).toUpperCase();
  const tomorrowWhat = `走访独居老人，检查冬季取暖安全（${stamp}）`;
  const tomorrowPlace = '石桥村村委会';
  const nowWhat = `全天在便民服务中心值班，受理群众事项（${stamp}）`;
  const withdrawnWhat = `原定下午到柳树湾查看道路（${stamp}）`;
  const progressText = `已受理群众事项3件（${stamp}）`;

  // --- setup through the API ------------------------------------------------------------
  const setup = {};
  const ready = await test('setup: an official publishes tomorrow’s plan and changes today’s', async () => {
    const personas = await api('GET', 'demo/personas');
    const officials = (personas ?? []).filter((p) => p.role === 'official' && p.officialId);
    if (officials.length === 0) throw new Error(`no official persona in ${JSON.stringify(personas)}`);
    const root = await api('GET', 'units');
    const firstTown = root.children.find((u) => u.kind === 'town');
    // Prefer an official outside the town shown by default, so picking the town means something.
    let chosen;
    for (const persona of officials) {
      const profile = await api('GET', `officials/${persona.officialId}`);
      const home = await countyChildOf(profile.posts[0].unit.id);
      const candidate = { persona, profile, home };
      if (!chosen) chosen = candidate;
      if (home.kind === 'town' && home.id !== firstTown?.id) {
        chosen = candidate;
        break;
      }
    }
    const { persona, profile, home } = chosen;
    setup.official = { id: persona.officialId, name: profile.name };
    setup.town = home;

    const login = await api('POST', 'auth/demo', {
      body: { role: 'official', officialId: persona.officialId },
    });
    const token = login?.accessToken;
    if (!token) throw new Error('POST /auth/demo gave no accessToken');
    const rules = await api('GET', `journal-rules?unitId=${home.id}`);
    const kinds = rules?.entryKinds ?? [];
    if (kinds.length === 0) throw new Error(`no entry kinds in ${JSON.stringify(rules)}`);
    const fieldKind = kinds.find((k) => k.includes('下村')) ?? kinds[0];
    const otherKind = kinds.find((k) => k !== fieldKind) ?? kinds[0];

    // Tomorrow: two entries, published now as 08:00 tomorrow would.
    await savePlan(token, setup.official.id, tomorrow, [
      { startTime: '09:00', endTime: '11:30', place: tomorrowPlace, what: tomorrowWhat, kind: fieldKind },
      { period: 'pm', place: '镇便民服务中心', what: `接待来访群众（${stamp}）`, kind: otherKind },
    ]);
    await api('POST', 'demo/publish', { token, body: { date: tomorrow } });

    // Today: an all-day entry (always 正在进行) and one that is withdrawn after publication.
    await savePlan(token, setup.official.id, today, [
      {
        startTime: '00:00',
        endTime: '23:59',
        place: '便民服务中心',
        what: `值班（${stamp}）`,
        kind: otherKind,
      },
      { period: 'pm', place: '柳树湾', what: withdrawnWhat, kind: fieldKind },
    ]);
    await api('POST', 'demo/publish', { token, body: { date: today } });
    const published = await api('GET', `plans/${setup.official.id}/${today}`);
    if (published?.status !== 'published') throw new Error(`today's plan is ${published?.status}`);
    const first = published.entries.find((e) => e.startTime === '00:00');
    const revised = await savePlan(token, setup.official.id, today, [
      {
        id: first.id,
        startTime: '00:00',
        endTime: '23:59',
        place: '便民服务中心',
        what: nowWhat,
        kind: otherKind,
      },
    ]);
    if (!(revised.revision > 0)) throw new Error(`today's plan was not revised: ${JSON.stringify(revised)}`);
    await api('POST', `entries/${first.id}/updates`, {
      token,
      body: { kind: 'progress', text: progressText },
    });

    // Someone in the same town without a plan for tomorrow: 未公示 on a working day, 休息日 on a rest day.
    const town = await api('GET', `today?unitId=${home.id}&date=${tomorrow}`);
    const mine = town.plans.find((p) => p.official.id === setup.official.id);
    if (mine?.status !== 'published') throw new Error(`GET /today shows the official as ${mine?.status}`);
    const expected = town.day.isWorkday ? 'not_published' : 'rest_day';
    if (town.plans.some((p) => p.status === (town.day.isWorkday ? 'rest_day' : 'not_published'))) {
      throw new Error(`GET /today mixes 未公示 and 休息日 on ${tomorrow}`);
    }
    const other = town.plans.find((p) => p.status === expected);
    if (!other) throw new Error(`everyone in ${home.name} has published tomorrow's plan`);
    setup.unpublished = { id: other.official.id, name: other.official.name, status: expected };
  });
  if (!ready) return;

  // A fresh context is a fresh profile: an anonymous resident, privacy not yet accepted.
  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });

  const todayPage = shell(page, 'today');
  const list = byTestId(todayPage, 'today-list');
  const listFor = (unitId, date) =>
    todayPage.locator(
      `[data-testid="today-list"][data-state="ok"][data-unit-id="${unitId}"][data-date="${date}"]`,
    );
  const card = (id) => todayPage.locator(`[data-testid="official-card"][data-official-id="${id}"]`);
  const chip = (unitId) => todayPage.locator(`[data-testid="unit-chip"][data-unit-id="${unitId}"]`);

  const loaded = await test(`今日 loads as an anonymous resident (${BASE_URL})`, async () => {
    await gotoOk(page, BASE_URL);
    await todayPage.waitFor({ state: 'visible' });
    await acceptPrivacyIfShown(todayPage, { timeout: 3_000 });
    await byTestId(todayPage, 'unit-picker').waitFor({ state: 'visible' });
    await list.and(page.locator('[data-state="ok"]')).waitFor({ state: 'visible' });
  });
  if (!loaded) return;

  await test('the day switch shows 昨天 / 今天 / 明天 with 今天 chosen, and today’s date', async () => {
    const options = byTestId(todayPage, 'day-switch-option');
    const labels = await options.allInnerTexts();
    if (labels.map((l) => l.trim()).join('/') !== '昨天/今天/明天') throw new Error(`options: ${labels}`);
    const selected = await todayPage
      .locator('[data-testid="day-switch-option"][data-selected="true"]')
      .getAttribute('data-value');
    if (selected !== 'today') throw new Error(`selected: ${selected}`);
    const date = await text(byTestId(todayPage, 'today-date'));
    if (!/^\d{1,2}月\d{1,2}日 星期[一二三四五六日]$/.test(date)) throw new Error(`date: "${date}"`);
    const [, m, d] = today.split('-').map(Number);
    if (!date.startsWith(`${m}月${d}日`)) throw new Error(`shows ${date}, today is ${today}`);
  });

  const ask = byTestId(todayPage, 'home-ask');
  await test('the first screen leads with 办什么事？找谁办？: the search box, 我的村 and the common matters', async () => {
    await ask.getByText('办什么事？找谁办？').waitFor({ state: 'visible' });
    await ask.locator('[data-testid="home-search"] input').waitFor({ state: 'visible' });
    const chips = await byTestId(ask, 'home-chip').count();
    if (chips < 3) throw new Error(`${chips} common-matter chips`);
    const name = await text(byTestId(ask, 'home-village-name'));
    if (name !== '未选择') throw new Error(`我的村 reads "${name}" on a first visit`);
    const [askBox, listBox] = await Promise.all([ask.boundingBox(), list.boundingBox()]);
    if (!askBox || !listBox || askBox.y >= listBox.y) throw new Error('the question is not above the list');
  });

  let villageName = '';
  await test('选择我的村 (town, then village) shows who handles the top matters there, and where they are', async () => {
    await byTestId(ask, 'home-village-change').click();
    const sheet = byTestId(page, 'village-sheet');
    await byTestId(sheet, 'picker-town').first().click();
    const village = byTestId(sheet, 'picker-village').first();
    await village.waitFor({ state: 'visible' });
    villageName = await text(village);
    await village.click();
    await sheet.waitFor({ state: 'detached' });
    const name = await text(byTestId(ask, 'home-village-name'));
    if (name !== villageName) throw new Error(`我的村 reads "${name}", expected "${villageName}"`);
    const handlers = ask.locator('[data-testid="home-handlers"][data-state="ok"]');
    await handlers.waitFor({ state: 'visible' });
    if ((await byTestId(handlers, 'home-handler').count()) === 0) throw new Error('no matters answered');
    const presence = byTestId(handlers, 'home-presence');
    await presence.first().waitFor({ state: 'visible' });
    const word = await text(presence.first());
    if (!/(在岗|下村|外出|开会|请假|未公示|下班)$/.test(word)) throw new Error(`status reads "${word}"`);
  });
  await shot(page, 'today-first-screen.png');

  await test(`pick the official’s unit: ${setup.town.name}`, async () => {
    const target = chip(setup.town.id);
    if (!(await target.isVisible())) {
      // A department sits behind 县直部门.
      await byTestId(todayPage, 'unit-more').click();
    }
    await target.click();
    await todayPage
      .locator(`[data-testid="unit-chip"][data-unit-id="${setup.town.id}"][data-selected="true"]`)
      .waitFor({ state: 'visible' });
    await listFor(setup.town.id, today).waitFor({ state: 'visible' });
  });

  await test('today: the card shows 已公示, the entry 正在进行, 已修改 and the progress update', async () => {
    const mine = card(setup.official.id);
    await mine.scrollIntoViewIfNeeded();
    if ((await mine.getAttribute('data-status')) !== 'published') {
      throw new Error(`card status ${await mine.getAttribute('data-status')}`);
    }
    const chipText = await text(byTestId(mine, 'status-chip'));
    if (!chipText.includes('已公示')) throw new Error(`status chip: "${chipText}"`);
    const now = mine.locator('[data-testid="entry"][data-now="true"]');
    await now.getByText('正在进行', { exact: true }).waitFor({ state: 'visible' });
    await now.getByText(nowWhat).waitFor({ state: 'visible' });
    const modified = await text(byTestId(now, 'entry-modified'));
    if (!/^已修改 \d{2}:\d{2}$/.test(modified)) throw new Error(`modified marker: "${modified}"`);
    const update = await text(byTestId(now, 'entry-update'));
    if (!/^进展 \d{2}:\d{2} /.test(update) || !update.includes(progressText)) {
      throw new Error(`update: "${update}"`);
    }
    if ((await mine.getByText(withdrawnWhat).count()) !== 0) throw new Error('a withdrawn entry is shown');
  });
  await card(setup.official.id)
    .scrollIntoViewIfNeeded()
    .catch(() => {});
  await shot(page, 'today-now.png');

  await test('明天: the official’s card shows 已公示 and the entries in time order', async () => {
    await todayPage.locator('[data-testid="day-switch-option"][data-value="tomorrow"]').click();
    await listFor(setup.town.id, tomorrow).waitFor({ state: 'visible' });
    const mine = card(setup.official.id);
    await mine.waitFor({ state: 'visible' });
    if ((await mine.getAttribute('data-status')) !== 'published') {
      throw new Error(`card status ${await mine.getAttribute('data-status')}`);
    }
    await byTestId(mine, 'status-chip').getByText('已公示').waitFor({ state: 'visible' });
    await mine.getByText(tomorrowWhat).waitFor({ state: 'visible' });
    await mine.getByText(tomorrowPlace, { exact: true }).waitFor({ state: 'visible' });
    const entries = await byTestId(mine, 'entry').allInnerTexts();
    if (entries.length !== 2) throw new Error(`${entries.length} entries`);
    if (!entries[0].includes('09:00–11:30') || !entries[1].includes('下午')) {
      throw new Error(`order: ${JSON.stringify(entries)}`);
    }
    if ((await mine.locator('[data-testid="entry"][data-now="true"]').count()) !== 0) {
      throw new Error('an entry of tomorrow is marked 正在进行');
    }
  });

  const restTomorrow = setup.unpublished.status === 'rest_day';
  await test(`明天: ${setup.unpublished.name} without a plan shows ${restTomorrow ? '休息日' : '未公示'}`, async () => {
    const other = card(setup.unpublished.id);
    if ((await other.getAttribute('data-status')) !== setup.unpublished.status) {
      throw new Error(`card status ${await other.getAttribute('data-status')}`);
    }
    const [chipText, note] = restTomorrow ? ['休息日', '明日休息'] : ['未公示', '明日日程未公示'];
    await byTestId(other, 'status-chip').getByText(chipText, { exact: true }).waitFor({ state: 'visible' });
    await other.getByText(note, { exact: true }).waitFor({ state: 'visible' });
    if (restTomorrow) {
      await byTestId(todayPage, 'rest-day')
        .getByText(/明日休息（.+）/)
        .waitFor({ state: 'visible' });
    } else if ((await byTestId(todayPage, 'rest-day').count()) !== 0) {
      throw new Error('a working day is shown as a rest day');
    }
    if ((await byTestId(other, 'entry').count()) !== 0) throw new Error('entries shown without a plan');
  });
  await card(setup.official.id)
    .scrollIntoViewIfNeeded()
    .catch(() => {});
  await shot(page, 'today-tomorrow.png');

  await test('search by name keeps only that official; clearing brings everyone back', async () => {
    const before = await byTestId(todayPage, 'official-card').count();
    const search = todayPage.locator('[data-testid="today-search"] input');
    await search.fill(setup.official.name);
    await waitForCount(byTestId(todayPage, 'official-card'), (n) => n < before, 'cards while searching');
    const ids = await byTestId(todayPage, 'official-card').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-official-id')),
    );
    if (!ids.includes(String(setup.official.id)) || ids.length !== 1) throw new Error(`cards: ${ids}`);
    await shot(page, 'today-search.png');
    await search.fill('');
    await waitForCount(byTestId(todayPage, 'official-card'), (n) => n === before, 'cards after clearing');
  });

  await test('the chosen unit is remembered after a reload', async () => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await listFor(setup.town.id, today).waitFor({ state: 'visible' });
    await todayPage
      .locator(`[data-testid="unit-chip"][data-unit-id="${setup.town.id}"][data-selected="true"]`)
      .waitFor({ state: 'visible' });
  });

  const profile = shell(page, 'official');
  await test('tapping the card opens the official’s profile', async () => {
    await card(setup.official.id).locator('.official-card__name').click();
    await profile.waitFor({ state: 'visible' });
    const name = await text(byTestId(profile, 'official-name'));
    if (name !== setup.official.name) throw new Error(`profile shows "${name}"`);
    const todayCard = byTestId(profile, 'official-today');
    await todayCard.locator('[data-testid="entry"][data-now="true"]').getByText(nowWhat).waitFor();
  });
  await page.waitForTimeout(1_000); // Taro's page transition
  await shot(page, 'official-profile.png');

  await test('the timeline has tomorrow as 已公示 with the entry; tap expands it', async () => {
    const row = profile.locator(`[data-testid="timeline-day"][data-date="${tomorrow}"]`);
    await row.scrollIntoViewIfNeeded();
    if ((await row.getAttribute('data-status')) !== 'published') {
      throw new Error(`tomorrow's row: ${await row.getAttribute('data-status')}`);
    }
    const lines = await byTestId(row, 'timeline-line').allInnerTexts();
    if (!lines.some((l) => l.includes(tomorrowWhat))) throw new Error(`lines: ${JSON.stringify(lines)}`);
    await byTestId(row, 'timeline-line').first().click();
    await profile
      .locator(`[data-testid="timeline-day"][data-date="${tomorrow}"][data-expanded="true"]`)
      .waitFor({ state: 'visible' });
    await row.locator('[data-testid="entry"]').getByText(tomorrowPlace, { exact: true }).waitFor();
  });
  await profile
    .locator(`[data-testid="timeline-day"][data-date="${tomorrow}"]`)
    .scrollIntoViewIfNeeded()
    .catch(() => {});
  await shot(page, 'official-timeline.png');

  await test('修改记录 lists the versions; the withdrawn entry is struck through as 已撤回', async () => {
    const row = profile.locator(`[data-testid="timeline-day"][data-date="${today}"]`);
    await byTestId(row, 'timeline-revisions').click();
    const sheet = byTestId(profile, 'revision-sheet');
    await sheet.waitFor({ state: 'visible' });
    await byTestId(sheet, 'revision').first().waitFor({ state: 'visible' });
    const withdrawn = sheet.locator('[data-testid="revision-entry"][data-status="withdrawn"]').filter({
      hasText: withdrawnWhat,
    });
    await withdrawn.first().waitFor({ state: 'visible' });
    await withdrawn.first().getByText('已撤回', { exact: true }).waitFor({ state: 'visible' });
    const decoration = await withdrawn
      .first()
      .locator('.revision-entry__line')
      .evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).textDecorationLine);
    if (!decoration.includes('line-through')) throw new Error(`text-decoration: ${decoration}`);
    const kinds = await byTestId(sheet, 'revision').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-kind')),
    );
    if (!kinds.includes('published') || !kinds.includes('revised')) throw new Error(`revisions: ${kinds}`);
    await shot(page, 'official-revisions.png');
    await byTestId(sheet, 'revision-close').click();
    await sheet.waitFor({ state: 'detached' });
  });

  await test('本月 shows 30 days and tomorrow', async () => {
    await profile.locator('[data-testid="range-switch-option"][data-value="month"]').click();
    const count = await waitForCount(byTestId(profile, 'timeline-day'), (n) => n >= 31, 'timeline days');
    if (count !== 31) throw new Error(`${count} days`);
  });

  await test('typing 低保 and 查找 on the first screen opens 找人办事 with the answers for my village', async () => {
    const searches = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/api/v1/search')) searches.push(url.searchParams);
    });
    await gotoOk(page, BASE_URL);
    await ask.locator('[data-testid="home-search"] input').fill('低保');
    await byTestId(ask, 'home-search-submit').click();
    const find = shell(page, 'find');
    await find.waitFor({ state: 'visible' });
    const results = find.locator('[data-testid="search-results"][data-q="低保"][data-state="ok"]');
    await results.waitFor({ state: 'visible' });
    await byTestId(results, 'result-matter').first().waitFor({ state: 'visible' });
    const mine = await text(byTestId(find, 'my-village-name'));
    if (mine !== villageName) throw new Error(`找人办事's 我的村 reads "${mine}", expected "${villageName}"`);
    const unitId = await byTestId(find, 'my-village').getAttribute('data-unit-id');
    if (!searches.some((p) => p.get('q') === '低保' && p.get('unitId') === unitId))
      throw new Error(`no search for 低保 in unit ${unitId}: ${searches.map(String).join(' | ')}`);
  });
  await shot(page, 'today-to-find.png');

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS });
