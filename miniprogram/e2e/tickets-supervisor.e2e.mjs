// Browser journey of the 督查室 side of 留言 (tickets) on the H5 build: a resident (set up through the
// API) leaves two comments on a published entry of an official's plan for today; the official opens
// the 工单 inbox, 受理 one ticket and 申请延期 (2 working days, with a reason); the 督查室（全县）
// finds it under 延期申请, 同意延期 (the new deadline shows), then opens the other ticket and 屏蔽 it
// (after confirming); the same resident's 我的留言 shows 已屏蔽 for one and 处理中 (the resident's word
// for acknowledged) for the other.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/tickets-supervisor.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
//
// Setup goes through the API: the first 干部 persona with a plan published for today (one is
// published with POST /demo/publish when there is none) and one of its active entries; a demo
// resident of its own (POST /auth/demo with a fresh deviceKey) posts the two tickets. The browser
// becomes that same resident by holding the same deviceKey in Taro's storage (jinri.demoDeviceKey),
// which is what the H5 demo sends when it logs in as 居民. A comment that may become public waits for
// the 督查室's approval (held); these two are private and nothing flags them (demo users have no
// openid, no listed word), so they pass, and this journey covers the other path of 审核: 屏蔽.
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
import { API, BASE_URL, api, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/pages/me/**, src/packages/tickets/**, src/packages/staff/inbox,
// src/components/TicketRow, src/components/TicketStatusChip):
//   我的: [data-testid="workbench-item"][data-key="tickets-inbox"] > "workbench-status";
//     [data-testid="me-ticket-link"][data-key="mine"]
//   inbox (data-page="ticket-inbox"): [data-testid="inbox"][data-filter][data-state] >
//     [data-testid="inbox-tab"][data-filter="open|extensions"][data-count]
//   rows (inbox and 我的留言): [data-testid="ticket-row"][data-ticket-id][data-status] >
//     [data-testid="ticket-status"][data-status]
//   我的留言 (data-page="ticket-mine"): [data-testid="ticket-mine"][data-state]
//   detail (data-page="ticket-detail"): [data-testid="ticket-detail"][data-ticket-id][data-status] >
//     "ticket-status", "ticket-content"; "ticket-due", [data-testid="ticket-extension"][data-status];
//     [data-testid="ticket-event"][data-type]; [data-testid="ticket-actions"] >
//     [data-testid="ticket-action"][data-action], "ticket-action-more" (→ "sheet-more");
//     sheets: "sheet-extension" > [data-testid="extension-days"][data-days] (its − / ＋ are found by
//     aria-label 减少一天 / 增加一天), "extension-reason" textarea, "extension-submit";
//     "sheet-decide-extension" > "decide-approve"; "sheet-moderate" > "moderate-hide", "moderate-approve"
//     (only for a held comment); every sheet's panel is [role="dialog"][aria-label=<its title>];
//     "action-error"
// Taro's H5 modal lives outside the page shell: .taro__modal.

const STAMP = Date.now().toString(36);
const DEVICE_KEY = `e2esv${STAMP}${Math.random().toString(36).slice(2, 10)}`;
const TO_HIDE = `村口小卖部门前堆放的杂物占了半条路，电动车过不去（E2E 屏蔽 ${STAMP}）`;
const TO_EXTEND = `石桥村北头的排水沟堵了，下雨就漫到路上，请安排清淤（E2E 延期 ${STAMP}）`;
const EXTENSION_REASON = `清淤需要等挖掘机排期，预计下周进场（E2E ${STAMP}）`;
const FALLBACK_WHAT = `到石桥村走访群众，收集道路和排水问题（E2E ${STAMP}）`;

/**
 * POST /tickets as `token` with an Idempotency-Key (the harness's `api` sends no extra headers).
 * Returns the created ticket (TicketCreated).
 */
async function postTicket(token, body) {
  const key = `e2e-${STAMP}-${Math.random().toString(36).slice(2, 12)}`;
  const res = await fetch(new URL('tickets', API), {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': key,
    },
    body: JSON.stringify(body),
  });
  const answer = await res.text();
  if (res.status !== 201) throw new Error(`POST tickets → HTTP ${res.status} ${answer.slice(0, 200)}`);
  return JSON.parse(answer);
}

/** "M月D日" of an ISO timestamp in China (formatDueDate of src/utils/tickets.ts). */
function monthDay(iso) {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

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

  const tickets = {};
  const posted =
    await test('setup: a demo resident of its own (deviceKey) posts two tickets on the entry', async () => {
      const { accessToken: token } = await api('POST', 'auth/demo', {
        body: { role: 'resident', deviceKey: DEVICE_KEY },
      });
      for (const [name, content] of [
        ['toHide', TO_HIDE],
        ['toExtend', TO_EXTEND],
      ]) {
        const created = await postTicket(token, {
          planEntryId: setup.entry.id,
          content,
          publicAllowed: false,
        });
        if (created.status !== 'assigned') throw new Error(`${name}: status ${created.status}`);
        if (created.moderation !== 'passed') throw new Error(`${name}: moderation ${created.moderation}`);
        if (created.assignee?.official?.id !== setup.persona.officialId) {
          throw new Error(`${name} went to ${JSON.stringify(created.assignee)}`);
        }
        tickets[name] = created.id;
      }
      const mine = await api('GET', 'tickets/mine', { token });
      if (mine.total !== 2) throw new Error(`the new resident has ${mine.total} tickets`);
    });
  if (!posted) return;
  console.log(`  # tickets: ${tickets.toHide} (to hide), ${tickets.toExtend} (to extend)`);

  const supervisor = {};
  const covered =
    await test('setup: the 督查室（全县） persona may moderate the official’s tickets', async () => {
      const personas = await api('GET', 'demo/personas');
      const supervisors = personas.filter((p) => p.role === 'supervisor');
      supervisor.index = supervisors.findIndex((p) => p.label.includes('全县'));
      if (supervisor.index < 0) throw new Error(`no county-wide 督查室 in ${JSON.stringify(supervisors)}`);
      supervisor.label = supervisors[supervisor.index].label;
      const { accessToken: token } = await api('POST', 'auth/demo', { body: { role: 'supervisor' } });
      const ticket = await api('GET', `tickets/${tickets.toHide}`, { token });
      if (!ticket.actions.includes('moderate')) throw new Error(`its actions: ${ticket.actions.join(', ')}`);
    });
  if (!covered) return;

  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
  const me = shown(page, 'me');
  const inbox = shown(page, 'ticket-inbox');
  const detail = shown(page, 'ticket-detail');
  const card = byTestId(detail, 'ticket-detail');
  const status = (value) => detail.locator(`[data-testid="ticket-detail"][data-status="${value}"]`);
  const row = (scope, id) => scope.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);

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

  /** 我的 → 工作台 → 工单: the inbox, its 待办 tab loaded. */
  async function openInbox() {
    const item = me.locator('[data-testid="workbench-item"][data-key="tickets-inbox"]');
    await item.waitFor({ state: 'visible' });
    await item.click();
    await inbox.waitFor({ state: 'visible' });
    await inbox
      .locator('[data-testid="inbox"][data-filter="open"][data-state="ok"]')
      .waitFor({ state: 'visible' });
  }

  const loaded =
    await test(`我的 page loads (${ME_URL}); the browser holds the resident’s deviceKey`, async () => {
      await openMe(page);
      // Taro's H5 storage: localStorage, the value wrapped as {"data": …}.
      await page.evaluate(
        ([name, value]) => globalThis.localStorage.setItem(name, JSON.stringify({ data: value })),
        ['jinri.demoDeviceKey', DEVICE_KEY],
      );
    });
  if (!loaded) return;

  // --- the official: 受理, 申请延期 ---------------------------------------------------------------
  const due = {};
  await test(`act as ${setup.name}: 工作台 → 工单 lists both tickets under 待办`, async () => {
    await switchPersona(me, 'official', setup.index);
    await byTestId(me.locator('[data-testid="workbench-item"][data-key="tickets-inbox"]'), 'workbench-status')
      .filter({ hasText: /^待办 \d+ 件/ })
      .waitFor({ state: 'visible' });
    await openInbox();
    for (const id of [tickets.toHide, tickets.toExtend]) {
      await row(inbox, id).waitFor({ state: 'visible' });
      const state = await row(inbox, id).getAttribute('data-status');
      if (state !== 'assigned') throw new Error(`ticket ${id} is ${state}`);
    }
    await row(inbox, tickets.toExtend).getByText(TO_EXTEND.slice(0, 16)).waitFor({ state: 'visible' });
  });

  await test('open the second ticket → 受理 → 已受理', async () => {
    await row(inbox, tickets.toExtend).click();
    await detail.locator(`[data-testid="ticket-detail"][data-ticket-id="${tickets.toExtend}"]`).waitFor();
    await byTestId(detail, 'ticket-content').getByText(TO_EXTEND).waitFor({ state: 'visible' });
    await act('acknowledge');
    await status('acknowledged').waitFor({ state: 'visible' });
    await byTestId(card, 'ticket-status').getByText('已受理').waitFor({ state: 'visible' });
    due.before = (await text(byTestId(detail, 'ticket-due'))).match(/\d{1,2}月\d{1,2}日/)?.[0];
    if (!due.before) throw new Error(`办结期限 "${await text(byTestId(detail, 'ticket-due'))}"`);
  });

  await test('更多 → 申请延期: a reason is required; 2 days with one → 待审批 with the new date', async () => {
    await act('request_extension');
    const sheet = byTestId(detail, 'sheet-extension');
    await sheet.waitFor({ state: 'visible' });
    const days = byTestId(sheet, 'extension-days');
    const before = Number(await days.getAttribute('data-days'));
    if (!(before > 2)) throw new Error(`the stepper starts at ${before}`);
    for (let n = before; n > 2; n--) await days.locator('[aria-label="减少一天"]').click();
    await sheet.locator('[data-testid="extension-days"][data-days="2"]').waitFor({ state: 'visible' });
    await days.getByText('2 天').waitFor({ state: 'visible' });
    await byTestId(sheet, 'extension-submit').click();
    await byTestId(sheet, 'action-error').getByText('请填写延期理由').waitFor({ state: 'visible' });
    await sheet.locator('[data-testid="extension-reason"] textarea').fill(EXTENSION_REASON);
    await byTestId(sheet, 'extension-submit').click();
    await sheet.waitFor({ state: 'detached' });
    const extension = detail.locator('[data-testid="ticket-extension"][data-status="pending"]');
    await extension.waitFor({ state: 'visible' });
    const said = await text(extension);
    const match = said.match(/待审批：延长 2 个工作日至 (\d{1,2}月\d{1,2}日)。理由：(.*)$/);
    if (!match || match[2] !== EXTENSION_REASON) throw new Error(`延期申请 "${said}"`);
    due.after = match[1];
    if (due.after === due.before) throw new Error(`the new date ${due.after} is the old one`);
    await detail.locator('[data-testid="ticket-event"][data-type="extension_requested"]').waitFor();
    // One request per ticket: 申请延期 is no longer offered.
    const { accessToken } = await api('POST', 'auth/demo', {
      body: { role: 'official', officialId: setup.persona.officialId },
    });
    const ticket = await api('GET', `tickets/${tickets.toExtend}`, { token: accessToken });
    if (ticket.actions.includes('request_extension')) throw new Error('申请延期 is still offered');
    if (monthDay(ticket.extension.newDueAt) !== due.after) {
      throw new Error(`the page says ${due.after}, the server ${ticket.extension.newDueAt}`);
    }
  });
  await shot(page, 'tickets-supervisor-extension-requested.png', { afterToast: true });

  // --- the 督查室: 同意延期, 屏蔽 -----------------------------------------------------------------
  await test(`switch to ${supervisor.label}: 工单 → 延期申请 lists the ticket`, async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await switchPersona(me, 'supervisor', supervisor.index);
    await openInbox();
    const tab = inbox.locator('[data-testid="inbox-tab"][data-filter="extensions"]');
    const count = Number(await tab.getAttribute('data-count'));
    if (!(count >= 1)) throw new Error(`延期申请 count ${count}`);
    await tab.click();
    await inbox
      .locator('[data-testid="inbox"][data-filter="extensions"][data-state="ok"]')
      .waitFor({ state: 'visible' });
    await row(inbox, tickets.toExtend).waitFor({ state: 'visible' });
    if ((await row(inbox, tickets.toHide).count()) !== 0) {
      throw new Error('the ticket without an extension request is listed under 延期申请');
    }
  });
  await shot(page, 'tickets-supervisor-extensions.png');

  await test('open it → 审批延期 → 同意延期: 已同意, the deadline moves to the new date', async () => {
    await row(inbox, tickets.toExtend).click();
    await detail.locator(`[data-testid="ticket-detail"][data-ticket-id="${tickets.toExtend}"]`).waitFor();
    await detail
      .locator('[data-testid="ticket-extension"][data-status="pending"]')
      .waitFor({ state: 'visible' });
    await act('decide_extension');
    const sheet = byTestId(detail, 'sheet-decide-extension');
    await sheet.waitFor({ state: 'visible' });
    await sheet.getByText(EXTENSION_REASON, { exact: false }).waitFor({ state: 'visible' });
    await byTestId(sheet, 'decide-approve').click();
    await sheet.waitFor({ state: 'detached' });
    const extension = detail.locator('[data-testid="ticket-extension"][data-status="approved"]');
    await extension.waitFor({ state: 'visible' });
    const said = await text(extension);
    if (!said.includes(`已同意：延长 2 个工作日至 ${due.after}。`)) throw new Error(`延期申请 "${said}"`);
    const deadline = await text(byTestId(detail, 'ticket-due'));
    if (!deadline.startsWith(`办结期限 ${due.after} 前`)) throw new Error(`办结期限 "${deadline}"`);
    await status('acknowledged').waitFor({ state: 'visible' });
    await detail.locator('[data-testid="ticket-event"][data-type="extension_approved"]').waitFor();
    if (
      (await detail.locator('[data-testid="ticket-action"][data-action="decide_extension"]').count()) !== 0
    ) {
      throw new Error('审批延期 is still offered');
    }
  });
  await shot(page, 'tickets-supervisor-extension-approved.png', { afterToast: true });

  await test('open the first ticket → 屏蔽 (the sheet, then confirm) → 已屏蔽, no actions left', async () => {
    await page.goto(new URL(`#/packages/tickets/detail/index?id=${tickets.toHide}`, BASE_URL).href);
    const mine = detail.locator(`[data-testid="ticket-detail"][data-ticket-id="${tickets.toHide}"]`);
    await mine.waitFor({ state: 'visible' });
    await byTestId(detail, 'ticket-content').getByText(TO_HIDE).waitFor({ state: 'visible' });
    const button = byTestId(detail, 'ticket-actions').locator(
      '[data-testid="ticket-action"][data-action="moderate"]',
    );
    const label = await text(button);
    if (label !== '屏蔽') throw new Error(`the moderate action is labelled "${label}"`);
    await act('moderate');
    const sheet = byTestId(detail, 'sheet-moderate');
    await sheet.waitFor({ state: 'visible' });
    await sheet.locator('[role="dialog"][aria-label="屏蔽留言"]').waitFor({ state: 'visible' });
    if ((await byTestId(sheet, 'moderate-approve').count()) !== 0) {
      throw new Error('通过审核 is offered for a comment that passed');
    }
    await byTestId(sheet, 'moderate-hide').click();
    await page.locator('.taro__modal').getByText('屏蔽这条留言？').waitFor({ state: 'visible' });
    await confirmModal(page, '屏蔽');
    await sheet.waitFor({ state: 'detached' });
    await status('hidden').waitFor({ state: 'visible' });
    await byTestId(card, 'ticket-status').getByText('已屏蔽').waitFor({ state: 'visible' });
    await detail.locator('[data-testid="ticket-event"][data-type="hidden"]').waitFor();
    if ((await byTestId(detail, 'ticket-actions').count()) !== 0) {
      throw new Error(`actions left: ${await text(byTestId(detail, 'ticket-actions'))}`);
    }
  });
  await shot(page, 'tickets-supervisor-hidden.png', { afterToast: true });

  // --- back to the resident ----------------------------------------------------------------------
  const mine = shown(page, 'ticket-mine');
  await test('the same 居民: 我的留言 shows 已屏蔽 for one ticket and 处理中 (acknowledged) for the other', async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await switchPersona(me, 'resident');
    await me.locator('[data-testid="me-ticket-link"][data-key="mine"]').click();
    await mine.waitFor({ state: 'visible' });
    await mine.locator('[data-testid="ticket-mine"][data-state="ok"]').waitFor({ state: 'visible' });
    const hidden = row(mine, tickets.toHide);
    const extended = row(mine, tickets.toExtend);
    await hidden.waitFor({ state: 'visible' });
    await extended.waitFor({ state: 'visible' });
    const rows = await byTestId(mine, 'ticket-row').count();
    if (rows !== 2) throw new Error(`${rows} tickets in 我的留言 of this resident`);
    if ((await hidden.getAttribute('data-status')) !== 'hidden') {
      throw new Error(`the hidden one is ${await hidden.getAttribute('data-status')}`);
    }
    await byTestId(hidden, 'ticket-status').getByText('已屏蔽').waitFor({ state: 'visible' });
    if ((await extended.getAttribute('data-status')) !== 'acknowledged') {
      throw new Error(`the other one is ${await extended.getAttribute('data-status')}`);
    }
    await byTestId(extended, 'ticket-status')
      .getByText('处理中', { exact: true })
      .waitFor({ state: 'visible' });
  });
  await shot(page, 'tickets-supervisor-mine.png', { afterToast: true });

  await test('the resident’s view of the hidden ticket: 已屏蔽, nothing to do (not even 撤回)', async () => {
    await row(mine, tickets.toHide).click();
    await detail
      .locator(`[data-testid="ticket-detail"][data-ticket-id="${tickets.toHide}"][data-status="hidden"]`)
      .waitFor({ state: 'visible' });
    await byTestId(card, 'ticket-status').getByText('已屏蔽').waitFor({ state: 'visible' });
    if ((await byTestId(detail, 'ticket-actions').count()) !== 0) {
      throw new Error(`actions: ${await text(byTestId(detail, 'ticket-actions'))}`);
    }
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS, crashName: 'run the journey' });
