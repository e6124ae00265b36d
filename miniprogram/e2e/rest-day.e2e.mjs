// @clock 2026-12-06T10:00:00+08:00
// Browser journey on a Sunday (the server's clock starts at the line above: scripts/run.mjs gives this
// journey a server of its own with DEMO_CLOCK). A rest day must read as one: the home page says
// 今日休息（周末） and names the next working day, no cadre is 未公示 today or yesterday, the
// timeline marks the weekend 周末休息, and a matter page says its handlers are resting today.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   DEMO_CLOCK=2026-12-06T10:00:00+08:00 BASE_URL=http://localhost:3000/ node e2e/rest-day.e2e.mjs
import { acceptPrivacyIfShown, byTestId, shell } from './lib/app.mjs';
import { BASE_URL, api, gotoOk, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 15_000;
const CLOCK = process.env.DEMO_CLOCK || '2026-12-06T10:00:00+08:00';
const SUNDAY = '2026-12-06';
const SATURDAY = '2026-12-05';

// Hooks (src/pages/today, src/pages/official, src/pages/matter, src/components):
//   [data-testid="rest-day"], [data-testid="today-list"][data-date][data-unit-id]
//   [data-testid="official-card"][data-status], [data-testid="day-switch-option"][data-value]
//   [data-testid="official-today"][data-status], [data-testid="timeline-day"][data-date][data-status]
//   [data-testid="matter-official"][data-kind]

await run(
  async () => {
    // The server must really be on the Sunday, or this journey proves nothing.
    const town = (await api('GET', 'units')).children.find((c) => c.kind === 'town');
    const day = (await api('GET', `today?unitId=${town.id}`)).day;
    await test('the server’s clock is on the Sunday', async () => {
      if (day?.date !== SUNDAY || day.isWorkday) throw new Error(`server day: ${JSON.stringify(day)}`);
    });

    const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });
    await page.clock.setFixedTime(new Date(CLOCK));
    await gotoOk(page, BASE_URL);
    await acceptPrivacyIfShown(page);
    const home = shell(page, 'today');

    await test('the home page says 今日休息（周末） and names the next working day', async () => {
      const card = byTestId(home, 'rest-day');
      await card.waitFor({ state: 'visible' });
      const words = await text(card);
      if (!words.includes('休息（周末）') || !words.includes('下一个工作日')) throw new Error(words);
    });
    await shot(page, 'rest-day-home.png');

    const cards = home.locator('[data-testid="official-card"]');
    await test('no cadre is 未公示 on the Sunday; those without a plan are 休息', async () => {
      await cards.first().waitFor({ state: 'visible' });
      const statuses = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
      if (statuses.includes('not_published')) throw new Error(`statuses: ${statuses.join(',')}`);
      if (!statuses.includes('rest_day')) throw new Error(`no 休息 card among ${statuses.length}`);
    });

    await test('yesterday (Saturday) is a rest day too', async () => {
      await home.locator('[data-testid="day-switch-option"][data-value="yesterday"]').click();
      await home.locator(`[data-testid="today-list"][data-date="${SATURDAY}"]`).waitFor({ state: 'visible' });
      await byTestId(home, 'rest-day').waitFor({ state: 'visible' });
      const statuses = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
      if (statuses.includes('not_published')) throw new Error(`statuses: ${statuses.join(',')}`);
    });

    const someone = (await api('GET', `today?unitId=${town.id}`)).plans.find((p) => p.status === 'rest_day');
    await test('the official’s page says 今天休息 and the timeline marks the weekend 周末休息', async () => {
      if (!someone) throw new Error('nobody is resting in the API answer');
      // A hash change: same document, so no HTTP response to check.
      await page.goto(new URL(`#/pages/official/index?id=${someone.official.id}`, BASE_URL).href);
      const profile = shell(page, 'official');
      const todayCard = byTestId(profile, 'official-today');
      await todayCard.waitFor({ state: 'visible' });
      const words = await text(todayCard);
      if (!words.includes('今天休息（周末）')) throw new Error(words);
      for (const date of [SATURDAY, SUNDAY]) {
        const row = profile.locator(`[data-testid="timeline-day"][data-date="${date}"]`);
        await row.waitFor({ state: 'attached' });
        const status = await row.getAttribute('data-status');
        const label = await text(row);
        if (status !== 'rest_day' || !label.includes('周末休息'))
          throw new Error(`${date}: ${status} ${label}`);
      }
    });
    await shot(page, 'rest-day-official.png');

    await test('a matter page says its handlers rest today and when they are next in', async () => {
      const matter = (await api('GET', 'search?q=低保')).matters[0];
      await page.goto(new URL(`#/pages/matter/index?id=${matter.id}`, BASE_URL).href);
      const handler = shell(page, 'matter').locator('[data-testid="matter-official"]').first();
      await handler.waitFor({ state: 'visible' });
      const words = await text(handler);
      if (!words.includes('今天休息') || !/明天|周一/.test(words)) throw new Error(words);
    });
    await shot(page, 'rest-day-matter.png');

    await test('no uncaught errors in the page', async () => {
      if (pageErrors.length > 0) throw new Error(pageErrors.join('\n'));
    });
  },
  { totalTimeoutMs: TOTAL_TIMEOUT_MS },
);
