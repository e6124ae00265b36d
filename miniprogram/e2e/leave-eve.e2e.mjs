// @clock 2026-12-10T19:00:00+08:00
// Browser journey on a Thursday evening before an approved leave day (the server's clock starts at the
// line above: scripts/run.mjs gives this journey a server of its own with DEMO_CLOCK). A handler of
// 低保 asks for Friday off and it is approved; the matter page must not promise 明天 08:30 起在办公室:
// it says 明天请假 and names the next day she can be found.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   DEMO_CLOCK=2026-12-10T19:00:00+08:00 BASE_URL=http://localhost:3000/ node e2e/leave-eve.e2e.mjs
import { acceptPrivacyIfShown, shell } from './lib/app.mjs';
import { BASE_URL, api, gotoOk, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 15_000;
const CLOCK = process.env.DEMO_CLOCK || '2026-12-10T19:00:00+08:00';
const FRIDAY = '2026-12-11';

// Hooks (src/pages/matter): [data-testid="matter-official"][data-official-id][data-kind] > "now-answer"

await run(
  async () => {
    const admin = (await api('POST', 'auth/demo', { body: { role: 'admin' } })).accessToken;
    const matter = (await api('GET', 'search?q=低保')).matters[0];
    const handlers = (await api('GET', `matters/${matter.id}`)).officials;

    // The first handler who can take Friday off (the demo may already have given one of them leave).
    let onLeave = null;
    for (const official of handlers) {
      try {
        const leave = await api('POST', 'leaves', {
          token: admin,
          body: { officialId: official.id, startDate: FRIDAY, endDate: FRIDAY, reason: '事假' },
        });
        await api('POST', `leaves/${leave.id}/approve`, { token: admin });
        onLeave = official;
        break;
      } catch {
        // Try the next handler.
      }
    }
    await test('a handler of 低保 has approved leave on Friday', async () => {
      if (!onLeave) throw new Error(`no handler of ${matter.name} could take ${FRIDAY} off`);
    });
    if (!onLeave) return;

    const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
    await page.clock.setFixedTime(new Date(CLOCK));
    await gotoOk(page, new URL(`#/pages/matter/index?id=${matter.id}`, BASE_URL).href);
    await acceptPrivacyIfShown(page);
    const card = shell(page, 'matter').locator(
      `[data-testid="matter-official"][data-official-id="${onLeave.id}"]`,
    );

    await test('the matter page says 明天请假 and never promises tomorrow in the office', async () => {
      await card.waitFor({ state: 'visible' });
      const words = await text(card);
      if (!words.includes('明天请假')) throw new Error(words);
      if (/明天\s*(上午|下午)?\s*\d{1,2}:\d{2}\s*起在办公室/.test(words)) throw new Error(words);
      if (!/周[一二三四五]/.test(words)) throw new Error(`no next working day named: ${words}`);
    });
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'leave-eve-matter.png', { fullPage: false });

    await test('no uncaught errors in the page', async () => {
      if (pageErrors.length > 0) throw new Error(pageErrors.join('\n'));
    });
  },
  { totalTimeoutMs: TOTAL_TIMEOUT_MS },
);
