// Browser journey of 督查 (issue #13) on the H5 build: the 督查室（全县） records a spot check that
// found nobody (through the API), opens the resulting finding from the 督查工作台 and 认定 it, drafts
// a 督察通报 for today and the whole county, finds the official named in it, 印发 it (after
// confirming) and gets its number 督通字〔YYYY〕N号 and the official's written self-examination as
// 待提交; the printable paper carries the number and the name, and 导出Word saves a .docx. The
// official then opens 我的督查, sees the notice and the pending self-examination, writes and submits
// it (待审核); back as the 督查室, the notice lists it as submitted and 通过 accepts it.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/supervision.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
//
// Setup goes through the API, so the journey does not depend on the demo's random findings: the
// first 干部 persona with a plan published for today (pickEntry publishes one when there is none)
// and one of its active entries; as the 督查室（全县） (POST /auth/demo {role:'supervisor'}),
// POST /supervision/spot-checks {entryId, visitedAt: a minute ago, found: false, note} opens an
// `absent` finding (its id: findingId of the answer). The draft covers today only, so it cites this
// finding and any other finding confirmed today and not yet in a notice.
import {
  byTestId,
  chinaDate,
  confirmModal,
  ME_URL,
  openMe,
  pickEntry,
  shown,
  switchPersona,
} from './lib/app.mjs';
import { api, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/pages/me/**, src/packages/supervision/**):
//   我的: [data-testid="workbench-item"][data-key="supervision-workbench" | "supervision-mine"]
//   workbench (data-page="supervision-workbench"): "workbench"; "today-counts" >
//     [data-testid="today-unit"][data-unit] > [data-testid="today-unit-kind"][data-kind]; "go-notices"
//   findings (data-page="supervision-findings"): [data-testid="findings"][data-state] >
//     [data-testid="finding-row"][data-id]
//   finding (data-page="supervision-finding"): [data-testid="finding"][data-state] > "finding-state",
//     "finding-confirm", "decision"
//   notices (data-page="supervision-notices"): "scope-picker" > [data-testid="scope-unit"]
//     [data-unit-id][aria-checked]; "notice-draft-card" > "draft-from", "draft-to" (date pickers),
//     "draft-submit", "draft-error"
//   notice (data-page="supervision-notice"): "notice-issue", "notice-export", "notice-facts" >
//     "notice-fact"; [data-testid="notice-paper"][data-state] > "notice-paper-number",
//     "notice-paper-person"; "notice-self-exams" > [data-testid="notice-self-exam"][data-state] >
//     "self-exam-accept" (→ "self-exam-decide" > "self-exam-decide-submit")
//   我的督查 (data-page="supervision-mine"): "mine-notices" > "mine-notice"; "mine-self-exams" >
//     [data-testid="mine-self-exam"][data-state] > "self-exam-write" (→ "self-exam" >
//     "self-exam-text" (a textarea), "self-exam-submit")
// Taro's H5 picker, modal and toast live outside the page shell: .weui-picker, .taro__modal. The
// date picker's columns (年 / 月 / 日) move by dragging with the mouse, 34 px a row.

const NOTE = '上午到石桥村核实，未见到本人，村干部称其未到村。';
const SELF_EXAM =
  '本人对抽查未在岗的问题作出检查：日程公开后未按计划到村，也未及时更新日程。今后严格按公开日程履职，行程变化当即修改。';

/** Picks `date` (YYYY-MM-DD) in Taro's open H5 date picker and taps 确定. */
async function pickDate(page, date) {
  const [year, month, day] = date.split('-');
  const picker = page.locator('.weui-picker:visible');
  await picker.waitFor({ state: 'visible' });
  await page.waitForTimeout(400); // it slides up
  const groups = picker.locator('.weui-picker__group');
  for (const [column, label] of [`${year}年`, `${month}月`, `${day}日`].entries()) {
    const group = groups.nth(column);
    for (let attempt = 0; ; attempt++) {
      const { current, target, items } = await group.evaluate((el, wanted) => {
        const content = el.querySelector('.weui-picker__content');
        const shift = /translate3d\([^,]+,\s*(-?[\d.]+)px/.exec(content.style.transform);
        const labels = [...content.querySelectorAll('.weui-picker__item')].map((i) => i.textContent.trim());
        // TOP 102 px is the first row; 34 px a row (Taro's picker constants).
        return {
          current: Math.round((102 - (shift ? Number(shift[1]) : 102)) / 34),
          target: labels.indexOf(wanted),
          items: labels,
        };
      }, label);
      if (target < 0) throw new Error(`no ${label} in the picker column: ${items.join(' ')}`);
      if (current === target) break;
      if (attempt > 20) throw new Error(`the picker column stays at ${items[current]}, not ${label}`);
      const rows = Math.max(-3, Math.min(3, target - current));
      const box = await group.boundingBox();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y + rows * 17);
      await page.mouse.down();
      await page.mouse.move(x, y - rows * 17, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(400); // the column settles (0.3 s)
    }
  }
  await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
  await picker.waitFor({ state: 'hidden' });
}

async function main() {
  const today = chinaDate(0);
  const setup = {};
  const ready = await test('setup: a 干部 persona with a published entry today', async () => {
    Object.assign(setup, await pickEntry(today, '到石桥村走访'));
  });
  if (!ready) return;
  console.log(
    `  # ${setup.name} (official ${setup.persona.officialId}), entry ${setup.entry.id}: ${setup.entry.what}`,
  );

  const supervisor = {};
  const recorded =
    await test('setup: the 督查室（全县） records a spot check that found nobody → an open absent finding', async () => {
      const personas = await api('GET', 'demo/personas');
      const supervisors = personas.filter((p) => p.role === 'supervisor');
      supervisor.index = supervisors.findIndex((p) => p.label.includes('全县'));
      if (supervisor.index < 0) throw new Error(`no county-wide 督查室 in ${JSON.stringify(supervisors)}`);
      supervisor.label = supervisors[supervisor.index].label;
      const { accessToken: token } = await api('POST', 'auth/demo', { body: { role: 'supervisor' } });
      supervisor.token = token;
      const minuteAgo = new Date(Date.now() - 60_000);
      const visitedAt =
        chinaDate(0) === new Date(minuteAgo.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
          ? minuteAgo
          : new Date(Date.now() - 1_000);
      const check = await api('POST', 'supervision/spot-checks', {
        token,
        body: { entryId: setup.entry.id, visitedAt: visitedAt.toISOString(), found: false, note: NOTE },
      });
      if (!check.findingId) throw new Error(`no finding: ${check.noFindingReason ?? JSON.stringify(check)}`);
      supervisor.findingId = check.findingId;
      const finding = await api('GET', `supervision/findings/${check.findingId}`, { token });
      if (finding.kind !== 'absent' || finding.state !== 'open') {
        throw new Error(`finding ${finding.id}: ${finding.kind}, ${finding.state}`);
      }
      if (finding.official.id !== setup.persona.officialId) {
        throw new Error(`the finding is about ${JSON.stringify(finding.official)}`);
      }
      supervisor.unitId = finding.unit.id;
      supervisor.unitName = finding.unit.name;
    });
  if (!recorded) return;
  console.log(`  # finding ${supervisor.findingId} (${supervisor.unitName}, unit ${supervisor.unitId})`);

  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
  const me = shown(page, 'me');
  const workbench = shown(page, 'supervision-workbench');
  const findings = shown(page, 'supervision-findings');
  const finding = shown(page, 'supervision-finding');
  const notices = shown(page, 'supervision-notices');
  const notice = shown(page, 'supervision-notice');
  const mine = shown(page, 'supervision-mine');
  const issued = {};

  const loaded = await test(`我的 page loads (${ME_URL})`, async () => openMe(page));
  if (!loaded) return;

  // --- the 督查室: 认定 -----------------------------------------------------------------------------
  const opened =
    await test(`act as ${supervisor.label}: 我的 → 督查工作台 shows today’s absent finding in its unit`, async () => {
      await switchPersona(me, 'supervisor', supervisor.index);
      await me.locator('[data-testid="workbench-item"][data-key="supervision-workbench"]').click();
      await byTestId(workbench, 'workbench').waitFor({ state: 'visible' });
      await byTestId(workbench, 'today-counts').waitFor({ state: 'visible' });
      const unit = workbench.locator(`[data-testid="today-unit"][data-unit="${supervisor.unitId}"]`);
      await unit.waitFor({ state: 'visible' });
      await unit.locator('[data-testid="today-unit-kind"][data-kind="absent"]').waitFor({ state: 'visible' });
    });
  await shot(page, 'supervision-workbench.png');
  if (!opened) return;

  const confirmed =
    await test('tap 抽查不在岗 of the unit → the findings list → the finding → 认定 → 已认定', async () => {
      await workbench
        .locator(`[data-testid="today-unit"][data-unit="${supervisor.unitId}"]`)
        .locator('[data-testid="today-unit-kind"][data-kind="absent"]')
        .click();
      await findings.locator('[data-testid="findings"][data-state="ok"]').waitFor({ state: 'visible' });
      const row = findings.locator(`[data-testid="finding-row"][data-id="${supervisor.findingId}"]`);
      await row.waitFor({ state: 'visible' });
      await row.getByText(`${setup.name} · 抽查不在岗`).waitFor({ state: 'visible' });
      await row.click();
      await finding.locator('[data-testid="finding"][data-state="open"]').waitFor({ state: 'visible' });
      await byTestId(finding, 'finding-state').getByText('待处理').waitFor({ state: 'visible' });
      await finding.getByText(setup.name, { exact: false }).first().waitFor({ state: 'visible' });
      await byTestId(finding, 'finding-confirm').click();
      await finding.locator('[data-testid="finding"][data-state="confirmed"]').waitFor({ state: 'visible' });
      await byTestId(finding, 'finding-state').getByText('已认定').waitFor({ state: 'visible' });
      await byTestId(finding, 'decision').getByText('已认定', { exact: false }).first().waitFor();
      if ((await byTestId(finding, 'finding-confirm').count()) !== 0)
        throw new Error('认定 is still offered');
    });
  await shot(page, 'supervision-finding-confirmed.png', { afterToast: true });
  if (!confirmed) return;

  // --- 起草通报, 印发 ------------------------------------------------------------------------------
  const drafted =
    await test('back to the workbench → 起草通报: today, the whole county → the draft names the official', async () => {
      await page.goBack();
      await page.goBack();
      await byTestId(workbench, 'workbench').waitFor({ state: 'visible' });
      await byTestId(workbench, 'go-notices').click();
      const card = byTestId(notices, 'notice-draft-card');
      await card.waitFor({ state: 'visible' });
      // The county (the root of the scope) is the first choice and chosen unless the list is one unit.
      const scope = byTestId(notices, 'scope-picker');
      if ((await scope.count()) > 0) {
        const county = byTestId(scope, 'scope-unit').first();
        if ((await county.getAttribute('aria-checked')) !== 'true') await county.click();
        const name = await text(county);
        if (!name.includes('县')) throw new Error(`the first scope choice is ${name}`);
      }
      await byTestId(card, 'draft-from').click();
      await pickDate(page, today);
      await byTestId(card, 'draft-to').click();
      await pickDate(page, today);
      const label = `${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`;
      await byTestId(card, 'draft-from').getByText(label, { exact: false }).waitFor({ state: 'visible' });
      await byTestId(card, 'draft-to').getByText(label, { exact: false }).waitFor({ state: 'visible' });
      await byTestId(card, 'draft-submit').click();
      await byTestId(notice, 'notice-facts').waitFor({ state: 'visible' });
      await notice.locator('[data-testid="notice-paper"][data-state="draft"]').waitFor({ state: 'visible' });
      const facts = await text(byTestId(notice, 'notice-facts'));
      if (!facts.includes(setup.name) || !facts.includes('抽查不在岗')) {
        throw new Error(`引用的督查记录: ${facts.slice(0, 200)}`);
      }
      await byTestId(notice, 'notice-paper-person')
        .filter({ hasText: setup.name })
        .first()
        .waitFor({ state: 'visible' });
      issued.id = Number(new URL(page.url().replace('#/', '')).searchParams.get('id'));
    });
  await shot(page, 'supervision-notice-draft.png');
  if (!drafted) return;

  const didIssue =
    await test('印发 → confirm → 督通字〔YYYY〕N号, the official’s 书面检查 待提交', async () => {
      await byTestId(notice, 'notice-issue').click();
      await page.locator('.taro__modal').getByText('印发通报？').waitFor({ state: 'visible' });
      await confirmModal(page, '印发');
      await notice.locator('[data-testid="notice-paper"][data-state="issued"]').waitFor({ state: 'visible' });
      const number = await text(byTestId(notice, 'notice-paper-number'));
      if (!new RegExp(`^督通字〔${today.slice(0, 4)}〕\\d+号$`).test(number))
        throw new Error(`number "${number}"`);
      issued.number = number;
      if ((await byTestId(notice, 'notice-issue').count()) !== 0) throw new Error('印发 is still offered');
      const exam = byTestId(notice, 'notice-self-exam').filter({ hasText: setup.name });
      await exam.waitFor({ state: 'visible' });
      if ((await exam.getAttribute('data-state')) !== 'pending') {
        throw new Error(`the self-examination is ${await exam.getAttribute('data-state')}`);
      }
      await exam.getByText('待提交').waitFor({ state: 'visible' });
    });
  await shot(page, 'supervision-notice-issued.png', { afterToast: true });
  if (!didIssue) return;
  console.log(`  # notice ${issued.id}: ${issued.number}`);

  await test('the paper (print view) carries the number and the official’s name', async () => {
    const paper = notice.locator('[data-testid="notice-paper"][data-state="issued"]');
    await paper.waitFor({ state: 'visible' });
    const said = await text(paper);
    if (!said.includes(issued.number)) throw new Error(`no ${issued.number} on the paper`);
    if (!said.includes(setup.name)) throw new Error(`no ${setup.name} on the paper`);
    // Printed, only the paper shows (the page shell around it is hidden too).
    await page.emulateMedia({ media: 'print' });
    try {
      await page.locator('[data-testid="notice-paper"][data-state="issued"]:visible').waitFor();
      for (const id of ['notice-self-exams', 'notice-export']) {
        if (await page.locator(`[data-testid="${id}"]:visible`).count())
          throw new Error(`${id} is printed too`);
      }
      await shot(page, 'supervision-notice-print.png');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  await test('导出Word saves a .docx (a zip: starts with PK)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId(notice, 'notice-export').click(),
    ]);
    const name = download.suggestedFilename();
    if (!name.endsWith('.docx')) throw new Error(`saved as ${name}`);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    if (bytes.length < 100 || bytes.subarray(0, 2).toString('latin1') !== 'PK') {
      throw new Error(`${bytes.length} bytes starting ${bytes.subarray(0, 4).toString('hex')}`);
    }
  });

  // --- the official: 书面检查 ------------------------------------------------------------------------
  const submitted =
    await test(`act as ${setup.name}: 我的 → 我的督查 shows the notice and the 书面检查 待提交; 写检查 → 提交 → 待审核`, async () => {
      await page.goto(ME_URL);
      await me.waitFor({ state: 'visible' });
      await switchPersona(me, 'official', setup.index);
      await me.locator('[data-testid="workbench-item"][data-key="supervision-mine"]').click();
      await byTestId(mine, 'mine-notices').waitFor({ state: 'visible' });
      await byTestId(mine, 'mine-notice').filter({ hasText: issued.number }).waitFor({ state: 'visible' });
      const exam = byTestId(mine, 'mine-self-exam').filter({ hasText: issued.number });
      await exam.waitFor({ state: 'visible' });
      if ((await exam.getAttribute('data-state')) !== 'pending') {
        throw new Error(`the self-examination is ${await exam.getAttribute('data-state')}`);
      }
      await exam.getByText('待提交').waitFor({ state: 'visible' });
      await shot(page, 'supervision-mine-pending.png', { afterToast: true });
      await byTestId(exam, 'self-exam-write').click();
      const sheet = byTestId(mine, 'self-exam');
      await sheet.waitFor({ state: 'visible' });
      await sheet.locator('[data-testid="self-exam-text"] textarea').fill(SELF_EXAM);
      await byTestId(sheet, 'self-exam-submit').click();
      await sheet.waitFor({ state: 'detached' });
      const done = mine.locator('[data-testid="mine-self-exam"][data-state="submitted"]').filter({
        hasText: issued.number,
      });
      await done.waitFor({ state: 'visible' });
      await done.getByText('待审核').waitFor({ state: 'visible' });
      await done.getByText(SELF_EXAM.slice(0, 12), { exact: false }).waitFor({ state: 'visible' });
    });
  await shot(page, 'supervision-mine-submitted.png', { afterToast: true });
  if (!submitted) return;

  // --- the 督查室: 通过 ----------------------------------------------------------------------------
  await test(`back as ${supervisor.label}: the notice lists the 书面检查 待审核 → 通过 → 已通过`, async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await switchPersona(me, 'supervisor', supervisor.index);
    await page.goto(new URL(`#/packages/supervision/notice/index?id=${issued.id}`, ME_URL).href);
    const exam = notice.locator('[data-testid="notice-self-exam"][data-state="submitted"]').filter({
      hasText: setup.name,
    });
    await exam.waitFor({ state: 'visible' });
    await exam.getByText(SELF_EXAM.slice(0, 12), { exact: false }).waitFor({ state: 'visible' });
    await byTestId(exam, 'self-exam-accept').click();
    const sheet = byTestId(notice, 'self-exam-decide');
    await sheet.waitFor({ state: 'visible' });
    await byTestId(sheet, 'self-exam-decide-submit').click();
    await sheet.waitFor({ state: 'detached' });
    const accepted = notice
      .locator('[data-testid="notice-self-exam"][data-state="accepted"]')
      .filter({ hasText: setup.name });
    await accepted.waitFor({ state: 'visible' });
    await accepted.getByText('已通过').waitFor({ state: 'visible' });
  });
  await shot(page, 'supervision-self-exam-accepted.png', { afterToast: true });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS, crashName: 'run the journey' });
