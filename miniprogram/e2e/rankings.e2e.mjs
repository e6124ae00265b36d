// Browser journey of 排名与红黄旗 (issue #14) on the H5 build: the 督查室（全县） opens 排名 from the
// 督查工作台, sees last week's ranking with a 95 % interval on a row, the composite weights, a row's
// seven rates when tapped, and a unit listed under 样本不足 (not ranked); then 红黄旗: the ranking's
// proposal for last week's towns (or departments), gives the first 红旗 to another unit (an override),
// is held to a written reason, confirms, and sees the award in the history with its reason. A
// resident's today page, and the unit page, then show that unit's 红旗 in words. Last, back as the
// supervisor, 督查记录 → 立体像 opens an official's whole record.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/rankings.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
//
// Setup goes through the API so the journey does not depend on the demo's random figures: as the
// 督查室（全县） (POST /auth/demo {role:'supervisor'}), GET /rankings for last week's towns and
// departments finds a level with a 样本不足 unit (the page is switched to it), and GET /flags/proposal
// finds the level whose flags are awarded here (towns, else departments: one with two ranked units).
import { byTestId, chinaDate, confirmModal, ME_URL, openMe, shown, switchPersona } from './lib/app.mjs';
import { api, BASE_URL, gotoOk, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/packages/supervision/{rankings,flags}/**, src/pages/{today,unit}):
//   workbench (data-page="supervision-workbench"): "go-rankings", "go-flags"
//   rankings (data-page="supervision-rankings"): [data-testid="rankings"][data-state][data-level] >
//     "ranking-level" > [data-testid="ranking-level-option"][data-value]; "ranking-weights",
//     "ranking-min-sample"; "ranking-table" > [data-testid="ranking-row"][data-rank][data-key] >
//     "ranking-row-head" (tap: "ranking-details" > "rate-row"), "interval-text"; "ranking-insufficient"
//     > "insufficient-row"
//   flags (data-page="supervision-flags"): [data-testid="flags"][data-state] > "flag-level" >
//     [data-testid="flag-level-option"][data-value]; "award-form" > [data-testid="flag-slot"]
//     [data-color][data-unit-id] > "slot-change" (→ "slot-sheet" > [data-testid="slot-choice"]
//     [data-unit-id]); "award-reason" > "award-reason-text" (a textarea); "award-submit",
//     "award-error"; "flag-history" > [data-testid="award-row"][data-award-id] > "award-reason-shown"
//   today: "unit-picker" > [data-testid="unit-chip"][data-unit-id][data-selected], "unit-more";
//     [data-testid="today-list"][data-state][data-unit-id] > [data-testid="today-flag"][data-color]
//   unit (data-page="unit"): [data-testid="unit-flag"][data-color]
// Taro's H5 modal lives outside the page shell: .taro__modal.

/** The 督查记录 list (findings), where every finding names its official with a 立体像 link. */
const FINDINGS_PAGE = 'packages/supervision/findings/index';

const REASON = '该单位本周群众留言办结及时，经督查室研究调整授旗。';

/** Last week's Monday (China time), the period both pages open on. */
function lastMonday() {
  const today = chinaDate(0);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return chinaDate(-((weekday + 6) % 7) - 7);
}

async function main() {
  const setup = {};
  const ready =
    await test('setup: the 督查室（全县）, last week’s ranking with a 样本不足 unit, and a level to award', async () => {
      const personas = await api('GET', 'demo/personas');
      const supervisors = personas.filter((p) => p.role === 'supervisor');
      setup.index = supervisors.findIndex((p) => p.label.includes('全县'));
      if (setup.index < 0) throw new Error(`no county-wide 督查室 in ${JSON.stringify(supervisors)}`);
      setup.label = supervisors[setup.index].label;
      const { accessToken: token } = await api('POST', 'auth/demo', { body: { role: 'supervisor' } });
      const from = lastMonday();
      const ranking = {};
      for (const level of ['town', 'department']) {
        ranking[level] = await api('GET', `rankings?level=${level}&period=week&from=${from}`, { token });
        const short = ranking[level].items.find((i) => i.insufficient);
        if (short && !setup.shortLevel) {
          setup.shortLevel = level;
          setup.short = short.unit.name;
        }
        const proposal = await api('GET', `flags/proposal?level=${level}&period=week&from=${from}`, {
          token,
        });
        const ranked = proposal.ranking.filter((i) => i.rank !== null);
        if (!setup.flagLevel && proposal.red.length > 0 && ranked.length >= 2) {
          setup.flagLevel = level;
          setup.proposedRed = proposal.red.map((f) => f.unit.id);
          setup.proposedYellow = proposal.yellow.map((f) => f.unit.id);
        }
      }
      // No town or department short of data: the officials of the top town (a week is 5 working
      // days each, below the default minimum of 10).
      const top = ranking.town.items.find((i) => i.rank === 1)?.unit;
      if (!setup.shortLevel && top) {
        const officials = await api(
          'GET',
          `rankings?unitId=${top.id}&level=official&period=week&from=${from}`,
          {
            token,
          },
        );
        const short = officials.items.find((i) => i.insufficient);
        if (short) {
          setup.shortLevel = 'official';
          setup.short = short.official.name;
          setup.via = top;
        }
      }
      if (!setup.shortLevel) throw new Error('nothing is 样本不足 last week (towns, departments, officials)');
      if (!setup.flagLevel) throw new Error('no level with two ranked units to award last week');
    });
  if (!ready) return;
  console.log(
    `  # ${setup.label}; 样本不足: ${setup.short} (${setup.shortLevel}${setup.via ? ` of ${setup.via.name}` : ''}); flags: ${setup.flagLevel}`,
  );

  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
  const me = shown(page, 'me');
  const workbench = shown(page, 'supervision-workbench');
  const rankings = shown(page, 'supervision-rankings');
  const flags = shown(page, 'supervision-flags');
  const todayPage = shown(page, 'today');
  const unitPage = shown(page, 'unit');
  const awarded = {};

  const loaded = await test(`我的 page loads (${ME_URL})`, async () => openMe(page));
  if (!loaded) return;

  // --- 排名 ---------------------------------------------------------------------------------------
  const ranked =
    await test(`act as ${setup.label}: 督查工作台 → 排名 shows last week’s ranking with intervals and the weights`, async () => {
      await switchPersona(me, 'supervisor', setup.index);
      await me.locator('[data-testid="workbench-item"][data-key="supervision-workbench"]').click();
      await byTestId(workbench, 'workbench').waitFor({ state: 'visible' });
      await byTestId(workbench, 'go-rankings').click();
      await rankings.locator('[data-testid="rankings"][data-state="ok"]').waitFor({ state: 'visible' });
      if (setup.shortLevel === 'department') {
        await rankings
          .locator(`[data-testid="ranking-level-option"][data-value="${setup.shortLevel}"]`)
          .click();
        await rankings
          .locator(`[data-testid="rankings"][data-state="ok"][data-level="${setup.shortLevel}"]`)
          .waitFor({ state: 'visible' });
      }
      const weights = await text(byTestId(rankings, 'ranking-weights'));
      if (!/^综合得分权重：提交率 \d+%/.test(weights)) throw new Error(`weights: ${weights}`);
      const minimum = await text(byTestId(rankings, 'ranking-min-sample'));
      if (!minimum.includes('最少样本')) throw new Error(`minimum sample: ${minimum}`);
      const first = byTestId(rankings, 'ranking-row').first();
      await first.waitFor({ state: 'visible' });
      const interval = await text(byTestId(first, 'interval-text').first());
      if (!/^区间 \d+%–\d+%$/.test(interval)) throw new Error(`interval: "${interval}"`);
    });
  await shot(page, 'rankings-table.png');
  if (!ranked) return;

  await test(`a row opens to its seven rates; ${setup.short} is listed under 样本不足, not ranked`, async () => {
    const row = setup.via
      ? rankings.locator(`[data-testid="ranking-row"][data-key="u${setup.via.id}"]`)
      : byTestId(rankings, 'ranking-row').first();
    await byTestId(row, 'ranking-row-head').click();
    const details = byTestId(row, 'ranking-details');
    await details.waitFor({ state: 'visible' });
    const rates = await byTestId(details, 'rate-row').count();
    if (rates !== 7) throw new Error(`${rates} rates`);
    await shot(page, 'rankings-open-row.png');
    if (setup.via) {
      // 看本单位干部排名: the officials of that town.
      await byTestId(details, 'show-officials').click();
      await rankings
        .locator('[data-testid="rankings"][data-state="ok"][data-level="official"]')
        .waitFor({ state: 'visible' });
      await byTestId(rankings, 'ranking-legend').getByText(setup.via.name, { exact: false }).waitFor();
    }
    const apart = byTestId(rankings, 'ranking-insufficient');
    await apart.waitFor({ state: 'visible' });
    await byTestId(apart, 'insufficient-row').filter({ hasText: setup.short }).first().waitFor();
    const table = await text(byTestId(rankings, 'ranking-table'));
    if (table.includes(setup.short)) throw new Error(`${setup.short} is ranked too`);
  });
  await shot(page, 'rankings-insufficient.png');

  // --- 红黄旗 --------------------------------------------------------------------------------------
  const overridden =
    await test('back → 红黄旗: the proposal; give the first 红旗 to another unit → a reason is required', async () => {
      await page.goBack();
      await byTestId(workbench, 'workbench').waitFor({ state: 'visible' });
      await byTestId(workbench, 'go-flags').click();
      await flags.locator('[data-testid="flags"][data-state="ok"]').waitFor({ state: 'visible' });
      if (setup.flagLevel !== 'town') {
        await flags.locator(`[data-testid="flag-level-option"][data-value="${setup.flagLevel}"]`).click();
      }
      const form = flags.locator(`[data-testid="award-form"][data-level="${setup.flagLevel}"]`);
      await form.waitFor({ state: 'visible' });
      const red = form.locator('[data-testid="flag-slot"][data-color="red"]').first();
      await red.waitFor({ state: 'visible' });
      const before = Number(await red.getAttribute('data-unit-id'));
      if (!setup.proposedRed.includes(before)) throw new Error(`the first 红旗 slot holds ${before}`);
      await byTestId(red, 'slot-change').click();
      const sheet = byTestId(flags, 'slot-sheet');
      await sheet.waitFor({ state: 'visible' });
      const choices = byTestId(sheet, 'slot-choice');
      const ids = (await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-id')))).map(
        Number,
      );
      // Preferably a unit the ranking proposed for neither flag.
      const target =
        ids.find((id) => !setup.proposedRed.includes(id) && !setup.proposedYellow.includes(id)) ??
        ids.find((id) => !setup.proposedRed.includes(id)) ??
        ids.find((id) => id !== before);
      if (target === undefined) throw new Error(`no other unit to choose: ${ids.join(',')}`);
      const choice = sheet.locator(`[data-testid="slot-choice"][data-unit-id="${target}"]`);
      awarded.unitName = (await text(choice.locator('.rk-name'))).trim();
      awarded.unitId = target;
      await choice.click();
      await sheet.waitFor({ state: 'detached' });
      await form
        .locator(`[data-testid="flag-slot"][data-color="red"][data-unit-id="${target}"][data-changed="true"]`)
        .waitFor({ state: 'visible' });
      await byTestId(form, 'award-reason').waitFor({ state: 'visible' });
      // Without a reason the award is refused before any confirmation.
      await byTestId(form, 'award-submit').click();
      const error = await text(byTestId(form, 'award-error'));
      if (!error.includes('调整理由')) throw new Error(`error: ${error}`);
      if (await page.locator('.taro__modal:visible').count()) throw new Error('a confirmation opened');
    });
  await shot(page, 'flags-override.png');
  if (!overridden) return;
  console.log(`  # 红旗 → ${awardedLabel(awarded)}`);

  const done =
    await test('write the reason → 评定 → confirm → the award is in the history with the reason', async () => {
      const form = flags.locator(`[data-testid="award-form"][data-level="${setup.flagLevel}"]`);
      await form.locator('[data-testid="award-reason-text"] textarea').fill(REASON);
      await byTestId(form, 'award-submit').click();
      await page.locator('.taro__modal').getByText('评定红黄旗？').waitFor({ state: 'visible' });
      await confirmModal(page, '评定');
      const row = byTestId(flags, 'award-row').filter({ hasText: REASON }).first();
      await row.waitFor({ state: 'visible' });
      if ((await row.getAttribute('data-superseded')) !== 'false')
        throw new Error('the new award is superseded');
      const said = await text(row);
      if (!said.includes(awarded.unitName)) throw new Error(`the award says: ${said.slice(0, 200)}`);
    });
  await shot(page, 'flags-awarded.png', { afterToast: true });
  if (!done) return;

  // --- public -------------------------------------------------------------------------------------
  await test(`the public today page shows ${awarded.unitName}’s 红旗 in words`, async () => {
    await gotoOk(page, BASE_URL);
    await todayPage.waitFor({ state: 'visible' });
    await byTestId(todayPage, 'unit-picker').waitFor({ state: 'visible' });
    const chip = todayPage.locator(`[data-testid="unit-chip"][data-unit-id="${awarded.unitId}"]`);
    if (!(await chip.isVisible())) await byTestId(todayPage, 'unit-more').click();
    await chip.click();
    await todayPage
      .locator(`[data-testid="today-list"][data-state="ok"][data-unit-id="${awarded.unitId}"]`)
      .waitFor({ state: 'visible' });
    const badge = todayPage.locator('[data-testid="today-flag"][data-color="red"]');
    await badge.waitFor({ state: 'visible' });
    const said = await text(badge);
    if (!said.includes('红旗')) throw new Error(`badge: ${said}`);
  });
  await shot(page, 'today-flag.png');

  await test(`the unit page of ${awarded.unitName} shows its 红旗`, async () => {
    // Only the hash changes: no document request to check.
    await page.goto(new URL(`#/pages/unit/index?id=${awarded.unitId}`, BASE_URL).href);
    const badge = unitPage.locator('[data-testid="unit-flag"][data-color="red"]');
    await badge.waitFor({ state: 'visible' });
    if (!(await text(badge)).includes('红旗')) throw new Error(`badge: ${await text(badge)}`);
  });
  await shot(page, 'unit-flag.png');

  // --- 立体像 -------------------------------------------------------------------------------------
  await test('督查记录 → 立体像 beside an official: the record opens with their plans and findings', async () => {
    await page.goto(new URL(`#/${FINDINGS_PAGE}`, BASE_URL).href);
    const findings = shown(page, 'supervision-findings');
    const link = byTestId(findings, 'record-link').first();
    await link.waitFor({ state: 'visible' });
    await link.click();
    const record = shown(page, 'supervision-record');
    const screen = byTestId(record, 'record');
    await screen.waitFor({ state: 'visible' });
    const name = (await text(byTestId(record, 'record-name'))).trim();
    if (!name) throw new Error('the record names nobody');
    const period = await text(byTestId(record, 'record-period'));
    if (!/\d+月\d+日.*至.*\d+月\d+日/.test(period)) throw new Error(`period: ${period}`);
    await byTestId(record, 'record-plan-day').first().waitFor({ state: 'visible' });
    await byTestId(record, 'record-finding').first().waitFor({ state: 'visible' });
    await byTestId(record, 'record-export').waitFor({ state: 'visible' });
    // The page slides in: let it settle before the screenshot.
    for (let tries = 0; tries < 50; tries++) {
      const box = await record.boundingBox();
      if (box && Math.abs(box.x) < 1) break;
      await page.waitForTimeout(100);
    }
    console.log(`  # 立体像 of ${name}: ${period.trim()}`);
  });
  await shot(page, 'record.png');

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

function awardedLabel(a) {
  return `${a.unitName} (unit ${a.unitId})`;
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS, crashName: 'run the journey' });
