// Browser journey of the staff pages on the H5 build: an official writes tomorrow's plan (with the
// vague-wording warning), submits it and publishes it early (demo); a resident sees it published;
// the official asks for leave and the 督查室 approves it. Plain Node ESM, no test framework
// (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/staff.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
import { readFile } from 'node:fs/promises';

import {
  ME_URL,
  byTestId,
  chinaDate,
  confirmModal,
  openMe,
  personaName,
  shell,
  switchPersona,
} from './lib/app.mjs';
import { API, BASE_URL, api, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/pages/me/Workbench.tsx, src/packages/staff/**):
//   [data-testid="workbench"] > [data-testid="workbench-item"][data-key="plan-edit|leave|leave-review|…"]
//   plan-edit: "add-entry", [data-testid="entry-editor"][data-index] > "entry-start" (a time picker),
//     [data-testid="entry-kind"][data-kind], "entry-place" input, "entry-what" textarea,
//     "entry-warning"; "submit-plan"; [data-testid="submit-result"] > [data-status][data-late];
//     "demo-publish"; "plan-status-chip"; "published-note"
//   leave: "leave-reason" textarea, "leave-submit", [data-testid="leave-item"][data-status]
//   leave-review: [data-testid="review-item"][data-status] > "review-approve"
// Taro's H5 picker and modal live outside the page shell: .weui-picker, .taro__modal.

const VAGUE_TEXT = '日常工作';
const SPECIFIC_TEXT = `到魏庄村调度秋粮收购进度，现场协调烘干设备（E2E ${Date.now().toString(36)}）`;
const PLACE = '魏庄村';
const KIND = '下村/实地';
const LEAVE_REASON = `赴市人民医院复查，工作由副书记代管（E2E ${Date.now().toString(36)}）`;

/**
 * Waits for `until`; if Taro's modal asks first (re-runs on the same server: a published plan, an
 * overlapping leave), answers it with `label`.
 */
async function untilConfirmingIfAsked(page, label, until) {
  const button = page.locator('.taro__modal').getByText(label, { exact: true });
  await Promise.race([until.waitFor({ state: 'visible' }), button.waitFor({ state: 'visible' })]);
  if (await button.isVisible()) {
    await button.click();
    await page.waitForTimeout(400);
  }
  await until.waitFor({ state: 'visible' });
}

async function main() {
  // Who the personas are: the first 干部 (the switcher lists them in this order) and 督查室.
  const personas = await api('GET', 'demo/personas');
  const official = personas.find((p) => p.role === 'official');
  if (!official?.officialId) throw new Error('no official persona (is the server running the demo?)');
  const officialName = personaName(official.label);
  const tomorrow = chinaDate(1);

  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });

  const me = shell(page, 'me');
  const workbench = byTestId(me, 'workbench');

  /** From a staff page back to 我的 (navigateBack = browser history on H5). */
  async function backToMe() {
    await page.goBack();
    await me.waitFor({ state: 'visible' });
  }

  const loaded = await test(`我的 page loads (${ME_URL})`, () => openMe(page));
  if (!loaded) return;

  await test(`switch to the 干部 persona (${officialName}) → 工作台 lists the official's pages`, async () => {
    await switchPersona(me, 'official');
    await workbench.waitFor({ state: 'visible' });
    for (const key of ['plan-edit', 'entry-updates', 'leave', 'weekly']) {
      await workbench
        .locator(`[data-testid="workbench-item"][data-key="${key}"]`)
        .waitFor({ state: 'visible' });
    }
    for (const key of ['batch', 'leave-review']) {
      if ((await workbench.locator(`[data-testid="workbench-item"][data-key="${key}"]`).count()) !== 0) {
        throw new Error(`an official sees ${key}`);
      }
    }
    await workbench
      .locator('[data-testid="workbench-item"][data-key="plan-edit"] [data-testid="workbench-status"]')
      .filter({ hasText: /^明日计划：/ })
      .waitFor({ state: 'visible' });
  });
  await shot(page, 'staff-workbench.png', { afterToast: true });

  const planPage = shell(page, 'plan-edit');
  const editors = byTestId(planPage, 'entry-editor');
  let editor;

  await test('工作台 → 明日计划 opens the editor for tomorrow', async () => {
    await workbench.locator('[data-testid="workbench-item"][data-key="plan-edit"]').click();
    await planPage.waitFor({ state: 'visible' });
    await byTestId(planPage, 'plan-status').waitFor({ state: 'visible' });
    const date = await byTestId(planPage, 'day-switcher').getAttribute('data-date');
    if (date !== tomorrow) throw new Error(`editor is on ${date}, expected tomorrow ${tomorrow}`);
  });

  await test('add an entry: time 08:30 (picker), kind, place', async () => {
    const before = await editors.count();
    await byTestId(planPage, 'add-entry').click();
    await editors.nth(before).waitFor({ state: 'visible' });
    editor = editors.nth(before);
    await byTestId(editor, 'entry-start').click();
    // Taro's H5 picker: a sheet with 取消 / 确定; 确定 takes the shown value (08:30 by default).
    const actions = page.locator('.weui-picker__action:visible');
    await actions.first().waitFor({ state: 'visible' });
    // Readable: at least the body size and 4.5:1 on the sheet (they were 12px at about 3:1).
    const looks = await actions.evaluateAll((elements) => {
      const view = elements[0].ownerDocument.defaultView;
      const rgb = (css) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css) => {
        const [r, g, b] = rgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const bodySize = parseFloat(view.getComputedStyle(elements[0].ownerDocument.body).fontSize);
      return elements.map((element) => {
        const style = view.getComputedStyle(element);
        const background = view.getComputedStyle(element.closest('.weui-picker__hd')).backgroundColor;
        const [light, dark] = [luminance(style.color), luminance(background)].sort((a, b) => b - a);
        return {
          text: element.textContent.trim(),
          size: parseFloat(style.fontSize),
          bodySize,
          contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 10) / 10,
        };
      });
    });
    for (const look of looks) {
      if (look.size < look.bodySize || look.contrast < 4.5) {
        throw new Error(`picker ${look.text}: ${look.size}px (body ${look.bodySize}px), ${look.contrast}:1`);
      }
    }
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await byTestId(editor, 'entry-start').getByText('08:30').waitFor({ state: 'visible' });
    await editor.locator(`[data-testid="entry-kind"][data-kind="${KIND}"]`).click();
    await editor.locator(`[data-testid="entry-kind"][data-kind="${KIND}"].st-choice--on`).waitFor();
    await editor.locator('[data-testid="entry-place"] input').fill(PLACE);
  });

  await test(`a vague entry (“${VAGUE_TEXT}”) gets an inline warning`, async () => {
    await editor.locator('[data-testid="entry-what"] textarea').fill(VAGUE_TEXT);
    const warning = byTestId(editor, 'entry-warning').first();
    await warning.waitFor({ state: 'visible' });
    const message = await text(warning);
    if (!/笼统|太短/.test(message)) throw new Error(`warning says "${message}"`);
  });
  await shot(page, 'staff-plan-warning.png');

  await test('the warning goes away once the entry is specific', async () => {
    await editor.locator('[data-testid="entry-what"] textarea').fill(SPECIFIC_TEXT);
    await byTestId(editor, 'entry-warning').first().waitFor({ state: 'detached' });
    // The check runs ~600 ms after typing: make sure no warning comes back for the new text.
    await page.waitForTimeout(1_500);
    if ((await byTestId(editor, 'entry-warning').count()) !== 0) {
      throw new Error(`still warned: ${await text(byTestId(editor, 'entry-warnings'))}`);
    }
    await byTestId(planPage, 'dirty-note')
      .filter({ hasText: '有未提交的修改' })
      .waitFor({ state: 'visible' });
  });

  let submittedStatus = '';
  await test('提交 → “已按时提交 / 逾期提交” and “将于 … 公示”', async () => {
    await byTestId(planPage, 'submit-plan').click();
    const result = byTestId(planPage, 'submit-result');
    await untilConfirmingIfAsked(page, '提交修改', result);
    submittedStatus = (await result.locator('[data-status]').getAttribute('data-status')) ?? '';
    const shown = await text(result);
    if (submittedStatus === 'submitted') {
      if (!/已按时提交|逾期提交/.test(shown)) throw new Error(`result says "${shown}"`);
      if (!/将于 .+ \d\d:\d\d 公示/.test(shown)) throw new Error(`no publication time in "${shown}"`);
    } else if (submittedStatus !== 'published') {
      throw new Error(`status ${submittedStatus}: "${shown}"`);
    }
    await byTestId(planPage, 'dirty-note')
      .filter({ hasText: '内容与已提交的一致' })
      .waitFor({ state: 'visible' });
  });
  await shot(page, 'staff-plan-submitted.png', { afterToast: true });

  await test('演示：立即公示 → 已公示，修改会留痕', async () => {
    if (submittedStatus === 'submitted') {
      await byTestId(planPage, 'demo-publish').click();
      await planPage
        .locator('[data-testid="submit-result"] [data-status="published"]')
        .waitFor({ state: 'visible' });
    }
    await byTestId(planPage, 'plan-status-chip').filter({ hasText: '已公示' }).waitFor({ state: 'visible' });
    await byTestId(planPage, 'published-note')
      .filter({ hasText: '已公示，修改会留痕' })
      .waitFor({ state: 'visible' });
  });
  await shot(page, 'staff-plan-published.png', { afterToast: true });

  await test('switch to the 居民 persona: the plan is public, with the entry', async () => {
    await backToMe();
    await switchPersona(me, 'resident');
    const url = new URL(`plans/${official.officialId}/${tomorrow}`, API).href;
    // The resident's own request from the page (token from Taro's storage in localStorage).
    const res = await page.evaluate(async (target) => {
      let token = null;
      try {
        token = JSON.parse(globalThis.localStorage.getItem('jinri.accessToken') ?? '').data ?? null;
      } catch {
        token = null;
      }
      const r = await globalThis.fetch(target, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      return { status: r.status, body: await r.text() };
    }, url);
    if (res.status !== 200) throw new Error(`GET ${url} → HTTP ${res.status}`);
    const plan = JSON.parse(res.body || 'null');
    if (plan?.status !== 'published') throw new Error(`status is ${plan?.status}`);
    const entry = plan.entries.find((e) => e.what === SPECIFIC_TEXT);
    if (!entry) throw new Error(`entry not in ${JSON.stringify(plan.entries.map((e) => e.what))}`);
    if (entry.startTime !== '08:30' || entry.kind !== KIND || entry.place !== PLACE) {
      throw new Error(`entry is ${JSON.stringify(entry)}`);
    }
  });

  await test('the official’s public page shows the entry (if that page is built)', async () => {
    const publicPage = shell(page, 'official');
    await page.goto(new URL(`#/pages/official/index?id=${official.officialId}`, BASE_URL).href);
    await publicPage.waitFor({ state: 'visible' });
    if ((await publicPage.getByText('即将上线').count()) > 0) {
      console.log('  # SKIP: the official page is still a placeholder');
      return;
    }
    // Re-running on the same server: an earlier run's approved leave shows 请假 for tomorrow.
    const timeline = await api(
      'GET',
      `officials/${official.officialId}/timeline?from=${tomorrow}&to=${tomorrow}`,
    );
    if (timeline?.days?.[0]?.status === 'on_leave') {
      console.log('  # SKIP: tomorrow is on approved leave (an earlier run), so the page shows 请假');
      return;
    }
    await publicPage.getByText(SPECIFIC_TEXT).first().waitFor({ state: 'visible', timeout: 20_000 });
  });
  await shot(page, 'staff-official-public.png');

  // --- leave ---------------------------------------------------------------------------
  const leavePage = shell(page, 'leave');
  await test('back as the 干部: 工作台 → 请假 → submit a request (tomorrow, 1 day)', async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await switchPersona(me, 'official');
    await workbench.locator('[data-testid="workbench-item"][data-key="leave"]').click();
    await leavePage.waitFor({ state: 'visible' });
    await byTestId(leavePage, 'leave-days').filter({ hasText: '共 1 天' }).waitFor({ state: 'visible' });
    await leavePage.locator('[data-testid="leave-reason"] textarea').fill(LEAVE_REASON);
    await byTestId(leavePage, 'leave-submit').click();
    const item = leavePage.locator('[data-testid="leave-item"]', { hasText: LEAVE_REASON });
    await untilConfirmingIfAsked(page, '仍然提交', item);
    if ((await item.getAttribute('data-status')) !== 'pending') throw new Error('not pending');
    await item.getByText('待审批').waitFor({ state: 'visible' });
  });
  await shot(page, 'staff-leave-requested.png', { afterToast: true });

  // --- 今日晒 ------------------------------------------------------------------------
  const postsPage = shell(page, 'entry-updates');
  await test('工作台 → 今日晒 → 晒进展 with a photo: the official sees her own photo', async () => {
    await backToMe();
    await workbench.locator('[data-testid="workbench-item"][data-key="entry-updates"]').click();
    await postsPage.waitFor({ state: 'visible' });
    const entry = byTestId(postsPage, 'post-entry').first();
    await Promise.race([
      entry.waitFor({ state: 'visible' }),
      byTestId(postsPage, 'posts-empty').waitFor({ state: 'visible' }),
    ]);
    if (!(await entry.isVisible())) {
      console.log('  # SKIP: no plan for today (a rest day), so nothing to post on');
      return;
    }
    const before = await byTestId(entry, 'post-update-photo').count();
    await byTestId(entry, 'open-progress').click();
    const form = byTestId(entry, 'post-form');
    await form
      .locator('[data-testid="post-text"] textarea')
      .fill(`现场照片（E2E ${Date.now().toString(36)}）`);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      byTestId(form, 'post-add-photo').click(),
    ]);
    await chooser.setFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: await readFile(new URL('../src/assets/tabbar/today-active.png', import.meta.url)),
    });
    await form.locator('.st-photo img').first().waitFor({ state: 'visible' });
    await byTestId(form, 'post-submit').click();
    await form.waitFor({ state: 'detached' });
    const photos = byTestId(entry, 'post-update-photo');
    await photos.nth(before).waitFor({ state: 'visible' });
    const box = await photos.nth(before).boundingBox();
    // The thumbnail used to collapse to nothing on this page while the public page showed it.
    if (!box || box.width < 40 || box.height < 40) throw new Error(`the photo is ${JSON.stringify(box)}`);
  });
  await shot(page, 'staff-entry-updates.png', { afterToast: true });

  const review = shell(page, 'leave-review');
  await test('switch to 督查室 → 工作台 → 请假审批 → 同意 (after confirming)', async () => {
    await backToMe();
    await switchPersona(me, 'supervisor');
    await workbench.waitFor({ state: 'visible' });
    if ((await workbench.locator('[data-testid="workbench-item"][data-key="plan-edit"]').count()) !== 0) {
      throw new Error('the supervisor sees 明日计划');
    }
    await workbench.locator('[data-testid="workbench-item"][data-key="leave-review"]').click();
    await review.waitFor({ state: 'visible' });
    const item = review.locator('[data-testid="review-item"]', { hasText: LEAVE_REASON });
    await item.waitFor({ state: 'visible' });
    await item.getByText(officialName).first().waitFor({ state: 'visible' });
    await shot(page, 'staff-review-pending.png');
    await byTestId(item, 'review-approve').click();
    await confirmModal(page, '同意');
    await review
      .locator('[data-testid="review-item"][data-status="approved"]', { hasText: LEAVE_REASON })
      .getByText('已同意')
      .waitFor({ state: 'visible' });
  });
  await shot(page, 'staff-review-approved.png', { afterToast: true });

  await test('the official’s leave is approved (GET /leaves as the official)', async () => {
    const { accessToken } = await api('POST', 'auth/demo', {
      body: { role: 'official', officialId: official.officialId },
    });
    const leaves = await api('GET', 'leaves', { token: accessToken });
    const mine = leaves.find((l) => l.reason === LEAVE_REASON);
    if (!mine) throw new Error('the leave is not listed');
    if (mine.status !== 'approved') throw new Error(`status ${mine.status}`);
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS, crashName: 'run the journey' });
