// What the journeys know about this app (src/components/**, src/pages/**) rather than about browsers:
// its test hooks, the privacy notice, the demo persona switcher, Taro's H5 modal, China's calendar.
//   [data-testid="app-shell"][data-page="…"]                       each page's root (src/components/Page)
//   [data-testid="privacy-guide"] > [data-testid="privacy-agree"]  (src/components/PrivacyGuide)
//   [data-testid="demo-switcher"] > [data-testid="persona"][data-role][data-current="true|false"]
// Taro's H5 modal (Taro.showModal) lives outside the page shell: .taro__modal.
import { BASE_URL, api, gotoOk } from './journey.mjs';

/** 我的 (src/pages/me), where the demo persona switcher and 工作台 are. */
export const ME_URL = new URL('#/pages/me/index', BASE_URL).href;

/** The root of the page `name` (today, find, me, matter, …). */
export const shell = (page, name) => page.locator(`[data-testid="app-shell"][data-page="${name}"]`);

/** The elements with data-testid `id` inside `scope` (a page or a locator). */
export const byTestId = (scope, id) => scope.locator(`[data-testid="${id}"]`);

/**
 * Accepts the privacy notice if it shows inside `scope` within `timeout` ms (a fresh profile sees it
 * on its first page), and waits for it to close. Returns whether it was shown.
 */
export async function acceptPrivacyIfShown(scope, { timeout = 3_000 } = {}) {
  const notice = byTestId(scope, 'privacy-guide');
  await notice.waitFor({ state: 'visible', timeout }).catch(() => {});
  if (!(await notice.isVisible())) return false;
  await byTestId(notice, 'privacy-agree').click();
  await notice.waitFor({ state: 'detached' });
  return true;
}

/** Opens 我的 and accepts the privacy notice if it shows within 5 s. */
export async function openMe(page) {
  const me = shell(page, 'me');
  await gotoOk(page, ME_URL);
  await me.waitFor({ state: 'visible' });
  await acceptPrivacyIfShown(me, { timeout: 5_000 });
}

/**
 * On 我的 (`me`, its shell): acts as the `index`-th persona of `role` in 演示：切换身份 unless it is
 * already the current one, and waits until it is marked current and the profile shows.
 */
export async function switchPersona(me, role, index = 0) {
  const switcher = byTestId(me, 'demo-switcher');
  const persona = switcher.locator(`[data-testid="persona"][data-role="${role}"]`).nth(index);
  if ((await persona.getAttribute('data-current')) !== 'true') await persona.click();
  await switcher
    .locator(`[data-testid="persona"][data-role="${role}"][data-current="true"]`)
    .first()
    .waitFor({ state: 'visible' });
  await byTestId(me, 'profile').waitFor({ state: 'visible' });
}

/** The person's name in a persona label: "干部 · 张三（城关街道 党工委书记）" → 张三. */
export const personaName = (label) =>
  label
    .replace(/^.*?·\s*/, '')
    .replace(/[（(].*$/, '')
    .trim();

/** Confirms Taro's H5 modal (showModal) with the button labelled `label`. */
export async function confirmModal(page, label) {
  await page.locator('.taro__modal').getByText(label, { exact: true }).click();
  await page.waitForTimeout(400); // the modal fades out
}

/** The local date in China (the app's and the server's calendar), "YYYY-MM-DD", plus `days`. */
export function chinaDate(days = 0) {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The visible page shell `name` (Taro H5 keeps earlier pages of the stack in the DOM, hidden). */
export const shown = (page, name) => page.locator(`[data-testid="app-shell"][data-page="${name}"]:visible`);

/** Saves a plan (creating it or replacing its entries) and returns the view. */
export async function savePlan(token, officialId, date, entries) {
  const current = await api('GET', `plans/${officialId}/${date}`, { token });
  const body = current?.version ? { entries, version: current.version } : { entries };
  return api('PUT', `plans/${officialId}/${date}`, { token, body });
}

/**
 * The first 干部 persona whose plan for today is published with an active entry (publishing one
 * with the entry `fallbackWhat` when needed), skipping anyone on leave today. For the journeys
 * that comment on an entry.
 */
export async function pickEntry(today, fallbackWhat) {
  const personas = await api('GET', 'demo/personas');
  const officials = (personas ?? []).filter((p) => p.role === 'official' && p.officialId);
  if (officials.length === 0) throw new Error(`no official persona in ${JSON.stringify(personas)}`);
  const problems = [];
  for (const [index, persona] of officials.entries()) {
    const day = (await api('GET', `officials/${persona.officialId}/timeline?from=${today}&to=${today}`))
      ?.days?.[0];
    if (day?.status === 'on_leave') {
      problems.push(`${persona.label}: on leave`);
      continue;
    }
    let plan = await api('GET', `plans/${persona.officialId}/${today}`);
    let active = (plan?.entries ?? []).filter((e) => e.status === 'active');
    if (plan?.status !== 'published' || active.length === 0) {
      const { accessToken: token } = await api('POST', 'auth/demo', {
        body: { role: 'official', officialId: persona.officialId },
      });
      const profile = await api('GET', `officials/${persona.officialId}`);
      const rules = await api('GET', `journal-rules?unitId=${profile.posts[0].unit.id}`);
      const kind = rules?.entryKinds?.find((k) => k.includes('下村')) ?? rules?.entryKinds?.[0];
      const kept = (plan?.entries ?? [])
        .filter((e) => e.status === 'active')
        .map(({ id, startTime, endTime, period, place, what, kind: k }) =>
          startTime ? { id, startTime, endTime, place, what, kind: k } : { id, period, place, what, kind: k },
        );
      await savePlan(token, persona.officialId, today, [
        ...kept,
        { startTime: '00:00', endTime: '23:59', place: '石桥村', what: fallbackWhat, kind },
      ]);
      await api('POST', 'demo/publish', { token, body: { date: today } });
      plan = await api('GET', `plans/${persona.officialId}/${today}`);
      active = (plan?.entries ?? []).filter((e) => e.status === 'active');
    }
    if (plan?.status === 'published' && active.length > 0) {
      return { persona, index, name: personaName(persona.label), entry: active[0] };
    }
    problems.push(`${persona.label}: plan ${plan?.status}, ${active.length} active entries`);
  }
  throw new Error(`no official with a published plan for today: ${problems.join('; ')}`);
}
