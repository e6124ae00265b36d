// Browser journey of 留言 (tickets) on the H5 build: a resident comments on a published entry of an
// official's plan for today (the draft survives a reload), sees the 查询码; the official opens the
// 工单 inbox, opens the ticket, 受理, 答复 with a template, 办结 with a note; the same resident opens
// 我的留言 (待您评价) → the ticket → 不满意 with a reason → reopened, which the resident reads as 处理中;
// the 查询码 shows the same state. Staff read their working terms (已办结待评价, 重新办理), residents the
// plain words of issue #15 (RESIDENT_TICKET_STATE_LABELS in src/utils/tickets.ts). The first
// submission's answer is dropped on the way back: the draft stays, and 重新提交 sends the same
// Idempotency-Key, so the resident ends up with one ticket.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/tickets.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
//
// Setup goes through the API: the first 干部 persona with a plan published for today (one is
// published with POST /demo/publish when there is none), and one of its active entries.
import { byTestId, chinaDate, ME_URL, openMe, pickEntry, shown, switchPersona } from './lib/app.mjs';
import { BASE_URL, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/pages/**, src/components/**, src/packages/tickets/**,
// src/packages/staff/inbox):
//   official page: [data-testid="official-today"] > [data-testid="entry-comment"][data-entry-id];
//     [data-testid="official-tickets"] > "official-comment", [data-testid="ticket-figures"][data-total],
//     "ticket-figure"[data-label], "public-ticket"[data-status], "public-tickets-empty"
//   我的: [data-testid="me-tickets"] > [data-testid="me-ticket-link"][data-key="messages|mine|lookup"],
//     "me-tickets-to-rate", "me-messages-unread";
//     [data-testid="workbench-item"][data-key="tickets-inbox"] > "workbench-status"
//   消息 (data-page="messages"): "message-row" (data-read 0|1, data-page = the page it opens)
//   compose (data-page="ticket-compose"): [data-testid="compose"][data-target], "compose-target-name",
//     "compose-content" textarea, "compose-counter", "compose-photos" > "photo-add",
//     [data-testid="compose-public"][data-on], "compose-phone" input, "compose-village",
//     "compose-discard", "similar-tickets" > "similar-ticket", "compose-submit",
//     [data-testid="compose-error"][data-kind="invalid|network|login|sent-before|duplicate|other"];
//     [data-testid="compose-result"][data-ticket-id] > "compose-query-code", "compose-copy",
//     "compose-assignee", "compose-due", "compose-held", "compose-open-detail", "compose-another"
//   我的留言 (data-page="ticket-mine"): [data-testid="ticket-mine"][data-state], "mine-empty", "mine-more",
//     "mine-lookup"
//   rows (mine and inbox): [data-testid="ticket-row"][data-ticket-id][data-status][data-overdue] >
//     "ticket-status"[data-status], "ticket-time-left", "ticket-excerpt", "ticket-overdue",
//     "ticket-escalated", "ticket-held"
//   inbox (data-page="ticket-inbox"): [data-testid="inbox"][data-filter][data-state] >
//     [data-testid="inbox-tab"][data-filter="open|overdue|held|extensions|done"][data-count],
//     "inbox-refresh", "inbox-empty", "inbox-more"
//   detail (data-page="ticket-detail"): [data-testid="ticket-detail"][data-ticket-id][data-status][data-version] >
//     "ticket-status", "ticket-content", "ticket-target", "ticket-phone"; "ticket-handling" >
//     "ticket-assignee", "ticket-ack-due", "ticket-due", "ticket-extension"[data-status];
//     "ticket-answers" > "ticket-reply", "ticket-resolution", [data-testid="ticket-rating"][data-satisfied];
//     "ticket-events" > [data-testid="ticket-event"][data-type]; "ticket-notice";
//     [data-testid="ticket-actions"] > [data-testid="ticket-action"][data-action], "ticket-action-more"
//     (→ "sheet-more"); sheets: "sheet-reply" > "reply-template"[data-index], "reply-content" textarea,
//     "reply-submit"; "sheet-resolve" > "resolve-note" textarea, "resolve-photos", "resolve-submit";
//     "sheet-rate" > "rate-satisfied", "rate-unsatisfied", "rate-reason" textarea, "rate-submit";
//     "sheet-transfer" > "official-picker" ("official-search" input, "official-option"), "transfer-queue",
//     "transfer-reason", "transfer-submit"; "sheet-assign" > "assign-submit"; "sheet-extension" >
//     "extension-days", "extension-reason", "extension-submit"; "sheet-decide-extension" >
//     "decide-approve", "decide-reject"; "sheet-moderate" > "moderate-approve", "moderate-hide";
//     "action-error", "sheet-close"
//   lookup (data-page="ticket-lookup"): "lookup-code" input, "lookup-submit",
//     [data-testid="lookup-result"][data-status], "lookup-not-found", "lookup-empty"
// Taro's H5 modal lives outside the page shell: .taro__modal.

const STAMP = Date.now().toString(36);
const CONTENT = `石桥村东头的路灯坏了一个多月，晚上出行很不方便，请尽快修理（E2E ${STAMP}）`;
const RESOLUTION = `已协调供电所更换路灯 2 盏，现场查看已恢复照明（E2E ${STAMP}）`;
const UNSATISFIED = `只修好了一盏，另一盏还是不亮（E2E ${STAMP}）`;
const FALLBACK_WHAT = `到石桥村走访群众，收集道路照明问题（E2E ${STAMP}）`;

async function main() {
  const today = chinaDate(0);
  const setup = {};
  const ready = await test('setup: a 干部 persona with a published entry today', async () => {
    Object.assign(setup, await pickEntry(today, FALLBACK_WHAT));
  });
  if (!ready) return;
  console.log(
    `  # ${setup.name} (official ${setup.persona.officialId}), entry ${setup.entry.id}: ${setup.entry.what}`,
  );

  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
  const me = shown(page, 'me');
  const officialUrl = new URL(`#/pages/official/index?id=${setup.persona.officialId}`, BASE_URL).href;

  const loaded = await test(`我的 page loads (${ME_URL}); act as the 居民 persona`, async () => {
    await openMe(page);
    await switchPersona(me, 'resident');
    const links = byTestId(me, 'me-tickets');
    await links.locator('[data-testid="me-ticket-link"][data-key="mine"]').waitFor({ state: 'visible' });
    await links.locator('[data-testid="me-ticket-link"][data-key="lookup"]').waitFor({ state: 'visible' });
  });
  if (!loaded) return;

  // --- the resident comments ---------------------------------------------------------------
  const compose = shown(page, 'ticket-compose');
  const content = compose.locator('[data-testid="compose-content"] textarea');

  await test(`the official’s page: today’s published entry has 留言 → compose for that entry`, async () => {
    await page.goto(officialUrl);
    const officialPage = shown(page, 'official');
    await officialPage.waitFor({ state: 'visible' });
    const todayCard = byTestId(officialPage, 'official-today');
    await todayCard.waitFor({ state: 'visible' });
    if ((await todayCard.getAttribute('data-status')) !== 'published') {
      throw new Error(`today is ${await todayCard.getAttribute('data-status')}`);
    }
    await byTestId(officialPage, 'official-tickets').waitFor({ state: 'visible' });
    await byTestId(officialPage, 'ticket-figures').waitFor({ state: 'visible' });
    const button = todayCard.locator(`[data-testid="entry-comment"][data-entry-id="${setup.entry.id}"]`);
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await compose.waitFor({ state: 'visible' });
    const target = await byTestId(compose, 'compose').getAttribute('data-target');
    if (target !== `entry.${setup.entry.id}`) throw new Error(`compose target ${target}`);
    const name = await text(byTestId(compose, 'compose-target-name'));
    if (!name.includes(setup.entry.what.slice(0, 10))) throw new Error(`target shown as "${name}"`);
  });
  await test('the draft survives a reload (text kept in storage)', async () => {
    await content.fill(CONTENT);
    const counter = await text(byTestId(compose, 'compose-counter'));
    if (!counter.startsWith(`${CONTENT.length}/`)) throw new Error(`counter "${counter}"`);
    await page.waitForTimeout(1_000); // the draft is saved 300 ms after the last key
    await page.reload({ waitUntil: 'domcontentloaded' });
    await compose.waitFor({ state: 'visible' });
    await content.waitFor({ state: 'visible' });
    const kept = await content.inputValue();
    if (kept !== CONTENT) throw new Error(`after reload the text is "${kept}"`);
    if ((await byTestId(compose, 'compose-public').getAttribute('data-on')) !== 'true') {
      throw new Error('公开显示 is not on by default');
    }
  });
  await shot(page, 'tickets-compose.png', { afterToast: true });

  const created = {};
  await test('a dropped answer keeps the draft: 网络不可用，已保存草稿，可稍后重试', async () => {
    // The request reaches the server (which creates the ticket), but its answer never comes back.
    let dropped = false;
    await page.route('**/api/v1/tickets', async (route) => {
      if (route.request().method() !== 'POST' || dropped) return route.fallback();
      dropped = true;
      created.key = route.request().headers()['idempotency-key'];
      await route.fetch();
      await route.abort('connectionreset');
    });
    await byTestId(compose, 'compose-submit').click();
    const error = compose.locator('[data-testid="compose-error"][data-kind="network"]');
    await error.getByText('网络不可用，已保存草稿，可稍后重试').waitFor({ state: 'visible' });
    await page.unroute('**/api/v1/tickets');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(created.key ?? ''))
      throw new Error(`Idempotency-Key "${created.key}"`);
    if ((await content.inputValue()) !== CONTENT) throw new Error('the text is gone');
  });

  await test('重新提交 (same Idempotency-Key) → the 查询码, who it went to and the deadline', async () => {
    const retried = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/tickets'));
    await byTestId(compose, 'compose-submit').click();
    const key = (await retried).headers()['idempotency-key'];
    if (key !== created.key) throw new Error(`the retry sent key ${key}, the first attempt ${created.key}`);
    const result = byTestId(compose, 'compose-result');
    const error = byTestId(compose, 'compose-error');
    await Promise.race([result.waitFor({ state: 'visible' }), error.waitFor({ state: 'visible' })]);
    if (await error.isVisible()) throw new Error(`refused: ${await text(error)}`);
    created.id = Number(await result.getAttribute('data-ticket-id'));
    created.code = await text(byTestId(result, 'compose-query-code'));
    if (!(created.id > 0) || !created.code) throw new Error(`id ${created.id}, code "${created.code}"`);
    const assignee = await text(byTestId(result, 'compose-assignee'));
    if (!assignee.includes(setup.name)) throw new Error(`went to "${assignee}", not ${setup.name}`);
    const due = await text(byTestId(result, 'compose-due'));
    if (!/\d{1,2}月\d{1,2}日 前办结/.test(due)) throw new Error(`deadline "${due}"`);
  });
  await shot(page, 'tickets-created.png', { afterToast: true });
  if (!created.id) return;

  await test('the draft is cleared once sent', async () => {
    await byTestId(compose, 'compose-another').click();
    await content.waitFor({ state: 'visible' });
    if ((await content.inputValue()) !== '') throw new Error(`still "${await content.inputValue()}"`);
  });

  // --- the official handles it ---------------------------------------------------------------
  const inbox = shown(page, 'ticket-inbox');
  const detail = shown(page, 'ticket-detail');
  const card = byTestId(detail, 'ticket-detail');

  /** Taps an action of the ticket: in the bottom bar, or under 更多. */
  async function act(action) {
    const bar = byTestId(detail, 'ticket-actions');
    await bar.waitFor({ state: 'visible' });
    const direct = bar.locator(`[data-testid="ticket-action"][data-action="${action}"]`);
    if ((await direct.count()) === 0) {
      await byTestId(bar, 'ticket-action-more').click();
      await byTestId(detail, 'sheet-more')
        .locator(`[data-testid="ticket-action"][data-action="${action}"]`)
        .click();
    } else {
      await direct.click();
    }
  }
  const status = (value) => detail.locator(`[data-testid="ticket-detail"][data-status="${value}"]`);

  await test(`switch to ${setup.name}: 工作台 → 工单 lists the ticket with its time left`, async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await switchPersona(me, 'official', setup.index);
    const item = me.locator('[data-testid="workbench-item"][data-key="tickets-inbox"]');
    await item.waitFor({ state: 'visible' });
    await byTestId(item, 'workbench-status')
      .filter({ hasText: /^待办 \d+ 件/ })
      .waitFor({ state: 'visible' });
    await item.click();
    await inbox.waitFor({ state: 'visible' });
    await inbox
      .locator('[data-testid="inbox"][data-filter="open"][data-state="ok"]')
      .waitFor({ state: 'visible' });
    const openTab = inbox.locator('[data-testid="inbox-tab"][data-filter="open"]');
    const count = Number(await openTab.getAttribute('data-count'));
    if (!(count >= 1)) throw new Error(`待办 count ${count}`);
    const row = inbox.locator(`[data-testid="ticket-row"][data-ticket-id="${created.id}"]`);
    await row.waitFor({ state: 'visible' });
    const left = await text(byTestId(row, 'ticket-time-left'));
    if (!/^(受理|办结)(剩|已超期) \d+ (分钟|小时|天)$/.test(left)) throw new Error(`time left "${left}"`);
    await row.getByText(CONTENT.slice(0, 20)).waitFor({ state: 'visible' });
  });
  await shot(page, 'tickets-inbox.png', { afterToast: true });

  await test('open the ticket → 受理 (one tap) → 已受理', async () => {
    await inbox.locator(`[data-testid="ticket-row"][data-ticket-id="${created.id}"]`).click();
    await detail.waitFor({ state: 'visible' });
    await card.waitFor({ state: 'visible' });
    await byTestId(detail, 'ticket-content').getByText(CONTENT).waitFor({ state: 'visible' });
    await act('acknowledge');
    await status('acknowledged').waitFor({ state: 'visible' });
    await byTestId(card, 'ticket-status').getByText('已受理').waitFor({ state: 'visible' });
    await byTestId(detail, 'ticket-ack-due')
      .getByText(/已于 .+ 受理/)
      .waitFor({ state: 'visible' });
  });

  const template = { text: '' };
  await test('答复 with a template → 已答复, the reply shown', async () => {
    await act('reply');
    const sheet = byTestId(detail, 'sheet-reply');
    await sheet.waitFor({ state: 'visible' });
    const first = sheet.locator('[data-testid="reply-template"][data-index="0"]');
    template.text = await text(first);
    await first.click();
    const box = sheet.locator('[data-testid="reply-content"] textarea');
    if ((await box.inputValue()) !== template.text) throw new Error(`reply box "${await box.inputValue()}"`);
    await byTestId(sheet, 'reply-submit').click();
    await sheet.waitFor({ state: 'detached' });
    await status('replied').waitFor({ state: 'visible' });
    await byTestId(detail, 'ticket-reply').getByText(template.text).waitFor({ state: 'visible' });
  });

  await test('办结 with a note → 已办结待评价, the result shown', async () => {
    await act('resolve');
    const sheet = byTestId(detail, 'sheet-resolve');
    await sheet.waitFor({ state: 'visible' });
    await sheet.locator('[data-testid="resolve-note"] textarea').fill(RESOLUTION);
    await byTestId(sheet, 'resolve-submit').click();
    await sheet.waitFor({ state: 'detached' });
    await status('resolved').waitFor({ state: 'visible' });
    await byTestId(card, 'ticket-status').getByText('已办结待评价').waitFor({ state: 'visible' });
    await byTestId(detail, 'ticket-resolution').getByText(RESOLUTION).waitFor({ state: 'visible' });
    for (const type of ['submitted', 'acknowledged', 'replied', 'resolved']) {
      await detail.locator(`[data-testid="ticket-event"][data-type="${type}"]`).first().waitFor();
    }
  });
  await shot(page, 'tickets-resolved.png', { afterToast: true });

  // --- back to the resident --------------------------------------------------------------------
  const mine = shown(page, 'ticket-mine');
  await test('the same 居民: 我的 asks for 1 rating; 我的留言 has the one ticket (the retry made no second) → 待您评价', async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await switchPersona(me, 'resident');
    // 我的 asks for the rating before the list is even opened.
    const toRate = byTestId(me, 'me-tickets-to-rate');
    await toRate.waitFor({ state: 'visible' });
    if (!(await text(toRate)).startsWith('1 条留言已解决，待您评价'))
      throw new Error(`我的 says "${await text(toRate)}"`);
    await me.locator('[data-testid="me-ticket-link"][data-key="mine"]').click();
    await mine.waitFor({ state: 'visible' });
    const row = mine.locator(`[data-testid="ticket-row"][data-ticket-id="${created.id}"]`);
    await row.waitFor({ state: 'visible' });
    const rows = await byTestId(mine, 'ticket-row').count();
    if (rows !== 1) throw new Error(`${rows} tickets in 我的留言 of a new resident`);
    await byTestId(row, 'ticket-status').getByText('待您评价', { exact: true }).waitFor({ state: 'visible' });
    await row.click();
    await detail.waitFor({ state: 'visible' });
    await status('resolved').waitFor({ state: 'visible' });
    await byTestId(card, 'ticket-status')
      .getByText('待您评价', { exact: true })
      .waitFor({ state: 'visible' });
    await byTestId(detail, 'ticket-reply').getByText(template.text).waitFor({ state: 'visible' });
  });

  const messages = shown(page, 'messages');
  await test('消息 on 我的 counts the unread answers; the 已办结 message opens the ticket', async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await byTestId(me, 'me-messages-unread').waitFor({ state: 'visible' });
    await me.locator('[data-testid="me-ticket-link"][data-key="messages"]').click();
    await messages.waitFor({ state: 'visible' });
    const rows = messages.locator(`[data-testid="message-row"][data-page$="?id=${created.id}"]`);
    const resolvedRow = rows.filter({ hasText: '留言已解决' }).first();
    await resolvedRow.waitFor({ state: 'visible' });
    await rows.filter({ hasText: '留言已答复' }).first().waitFor({ state: 'visible' });
    if ((await resolvedRow.getAttribute('data-read')) !== '0')
      throw new Error('the 已办结 message is already read');
    await resolvedRow.click();
    await detail.waitFor({ state: 'visible' });
    await status('resolved').waitFor({ state: 'visible' });
  });

  await test('不满意 needs a reason; with one → reopened, which the resident reads as 处理中', async () => {
    await act('rate');
    const sheet = byTestId(detail, 'sheet-rate');
    await sheet.waitFor({ state: 'visible' });
    await byTestId(sheet, 'rate-unsatisfied').click();
    await byTestId(sheet, 'rate-submit').click();
    await byTestId(sheet, 'action-error').getByText('原因').waitFor({ state: 'visible' });
    await sheet.locator('[data-testid="rate-reason"] textarea').fill(UNSATISFIED);
    await byTestId(sheet, 'rate-submit').click();
    await sheet.waitFor({ state: 'detached' });
    await status('reopened').waitFor({ state: 'visible' });
    await byTestId(card, 'ticket-status').getByText('处理中', { exact: true }).waitFor({ state: 'visible' });
    const rating = byTestId(detail, 'ticket-rating');
    if ((await rating.getAttribute('data-satisfied')) !== 'false') throw new Error('rating is not 不满意');
    await rating.getByText(UNSATISFIED).waitFor({ state: 'visible' });
  });
  await shot(page, 'tickets-reopened.png', { afterToast: true });

  await test('查询留言进度 with the 查询码 (no login needed) shows 处理中 (reopened)', async () => {
    await page.goto(new URL('#/packages/tickets/lookup/index', BASE_URL).href);
    const lookup = shown(page, 'ticket-lookup');
    await lookup.waitFor({ state: 'visible' });
    await lookup.locator('[data-testid="lookup-code"] input').fill(created.code.toLowerCase());
    await byTestId(lookup, 'lookup-submit').click();
    const result = lookup.locator('[data-testid="lookup-result"][data-status="reopened"]');
    await result.waitFor({ state: 'visible' });
    await byTestId(result, 'ticket-status')
      .getByText('处理中', { exact: true })
      .waitFor({ state: 'visible' });
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS, crashName: 'run the journey' });
