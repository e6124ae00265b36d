// Browser journey of identity on the H5 build: privacy notice, demo role switch, invite codes.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/identity.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
import { ME_URL, byTestId, confirmModal, personaName, shell } from './lib/app.mjs';
import { api, gotoOk, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 15_000;

// Keep in step with src/pages/me/InviteForm.tsx.
const NOT_FOUND_MESSAGE = '邀请码不正确，请核对后重新输入';

// Hooks the app puts on the page (src/components/Page, src/components/PrivacyGuide, src/pages/me):
//   [data-testid="app-shell"][data-page="me"]                   the 我的 page
//   [data-testid="privacy-guide"] … "privacy-agree" / "privacy-contract" / "privacy-details"
//   [data-testid="login-state"][data-state="anonymous|loading|error|signed-in"]
//   [data-testid="profile"][data-user-id] > "profile-name", [data-testid="role-chip"][data-role]
//   [data-testid="demo-switcher"] > [data-testid="persona"][data-role][data-current="true|false"]
//   [data-testid="invite-input"] input, "invite-submit", "invite-error", "invite-success"
const me = (page) => shell(page, 'me');

/** Waits until the 我的 page shows a loaded profile for a user other than `previousUserId`. */
async function waitForProfile(page, previousUserId) {
  const selector =
    previousUserId === undefined
      ? '[data-testid="profile"]'
      : `[data-testid="profile"]:not([data-user-id="${previousUserId}"])`;
  const profile = me(page).locator(selector);
  await profile.waitFor({ state: 'visible' });
  return profile;
}

async function roleChips(page) {
  const chips = me(page).locator('[data-testid="role-chip"]');
  const out = [];
  for (let i = 0; i < (await chips.count()); i++) {
    out.push({ role: await chips.nth(i).getAttribute('data-role'), text: await text(chips.nth(i)) });
  }
  return out;
}

async function main() {
  // A fresh context is a fresh profile: no storage, no token, privacy not yet accepted.
  const { page, pageErrors } = await openPage({ stepTimeoutMs: STEP_TIMEOUT_MS });

  const loaded = await test(`我的 page loads (${ME_URL})`, async () => {
    await gotoOk(page, ME_URL);
    await me(page).waitFor({ state: 'visible' });
  });
  if (!loaded) return;

  await test('anonymous at first: 未登录', async () => {
    const state = me(page).locator('[data-testid="login-state"][data-state="anonymous"]');
    await state.waitFor({ state: 'visible' });
    await state.getByText('未登录', { exact: true }).waitFor({ state: 'visible' });
    if ((await me(page).locator('[data-testid="logout"]').count()) !== 0) {
      throw new Error('退出登录 is shown to an anonymous visitor');
    }
  });

  const privacy = byTestId(me(page), 'privacy-guide');
  await test('privacy notice shows on first visit, with the guide readable', async () => {
    await privacy.waitFor({ state: 'visible' });
    await privacy.getByText('个人信息保护提示').waitFor({ state: 'visible' });
    await byTestId(privacy, 'privacy-contract').click();
    await byTestId(privacy, 'privacy-details')
      .getByText(/联系电话、署名和网络地址摘要自动删除/)
      .waitFor({ state: 'visible' });
  });
  await shot(page, 'identity-privacy.png');

  await test('同意并继续 closes the notice, and it stays closed after a reload', async () => {
    await byTestId(privacy, 'privacy-agree').click();
    await privacy.waitFor({ state: 'detached' });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await me(page).locator('[data-testid="login-state"]').first().waitFor({ state: 'visible' });
    await page.waitForTimeout(500); // the notice would show at once; give it a moment
    if (await privacy.isVisible()) throw new Error('the privacy notice came back after accepting it');
  });

  const switcher = byTestId(me(page), 'demo-switcher');
  let officialName = '';
  let officialUserId;

  await test('demo mode: 演示：切换身份 lists the personas', async () => {
    await switcher.waitFor({ state: 'visible' });
    await switcher.getByText('演示：切换身份').waitFor({ state: 'visible' });
    for (const role of ['resident', 'official', 'clerk', 'supervisor', 'admin']) {
      if ((await switcher.locator(`[data-testid="persona"][data-role="${role}"]`).count()) === 0) {
        throw new Error(`no ${role} persona`);
      }
    }
    if ((await switcher.locator('[data-testid="persona"][data-current="true"]').count()) !== 0) {
      throw new Error('a persona is marked 当前 while anonymous');
    }
  });

  await test('switch to a 干部 persona → 干部 role and the official’s name', async () => {
    const persona = switcher.locator('[data-testid="persona"][data-role="official"]').first();
    const label = await text(persona);
    officialName = personaName(label); // "干部 · 张三（城关街道 党工委书记）" → 张三
    if (!officialName) throw new Error(`cannot read a name from the persona label "${label}"`);
    await persona.click();
    const profile = await waitForProfile(page);
    officialUserId = await profile.getAttribute('data-user-id');
    const name = await text(byTestId(profile, 'profile-name'));
    if (name !== officialName) throw new Error(`profile shows "${name}", expected "${officialName}"`);
    const chips = await roleChips(page);
    if (!chips.some((c) => c.role === 'official' && c.text.startsWith('干部'))) {
      throw new Error(`role chips: ${JSON.stringify(chips)}`);
    }
    await switcher
      .locator('[data-testid="persona"][data-role="official"][data-current="true"]')
      .first()
      .waitFor({ state: 'visible' });
    await byTestId(me(page), 'logout').waitFor({ state: 'visible' });
  });
  await shot(page, 'identity-official.png', { afterToast: true });

  let invite;
  let unitName = '';
  await test('admin creates a clerk invite through the API', async () => {
    const admin = await api('POST', 'auth/demo', { body: { role: 'admin' } });
    const token = admin?.accessToken;
    if (!token) throw new Error('POST /auth/demo {role:admin} gave no accessToken');
    const adminMe = await api('GET', 'me', { token });
    const unit = adminMe?.grants?.[0]?.unit;
    if (!unit?.id) throw new Error(`the admin has no unit: ${JSON.stringify(adminMe?.grants)}`);
    unitName = unit.name;
    invite = await api('POST', 'admin/invites', { token, body: { role: 'clerk', unitId: unit.id } });
    if (typeof invite?.code !== 'string') throw new Error(`no code in ${JSON.stringify(invite)}`);
  });

  await test('switch to the 居民 persona', async () => {
    await switcher.locator('[data-testid="persona"][data-role="resident"]').first().click();
    const profile = await waitForProfile(page, officialUserId);
    await switcher
      .locator('[data-testid="persona"][data-role="resident"][data-current="true"]')
      .first()
      .waitFor({ state: 'visible' });
    const chips = await roleChips(page);
    if (!chips.some((c) => c.role === 'resident' && c.text === '居民')) {
      throw new Error(`role chips: ${JSON.stringify(chips)}`);
    }
    if (chips.some((c) => c.role === 'official')) throw new Error('the resident still shows 干部');
    if ((await byTestId(profile, 'profile-phone').count()) !== 0) {
      throw new Error('the resident shows an official’s phone line');
    }
  });

  const form = byTestId(me(page), 'invite-form');
  const input = form.locator('[data-testid="invite-input"] input');
  const submit = byTestId(form, 'invite-submit');

  await test('the invite code typed in lowercase without dashes is shown grouped', async () => {
    if (!invite) throw new Error('no invite (previous step failed)');
    const bare = invite.code.replace(/[^0-9a-z]/gi, '');
    await input.click();
    await input.pressSequentially(bare.toLowerCase(), { delay: 20 });
    const shown = await input.inputValue();
    const expected = bare.toUpperCase().replace(/(.{4})(?=.)/g, '$1-');
    if (shown !== expected) throw new Error(`the box shows "${shown}", expected "${expected}"`);
  });

  await test('redeeming it adds the 信息员 role', async () => {
    if (!invite) throw new Error('no invite (previous step failed)');
    await submit.click();
    await byTestId(form, 'invite-success').waitFor({ state: 'visible' });
    const chips = await roleChips(page);
    const clerk = chips.find((c) => c.role === 'clerk');
    if (!clerk || !clerk.text.startsWith('信息员')) throw new Error(`role chips: ${JSON.stringify(chips)}`);
    if (unitName && !chips.some((c) => c.role === 'clerk' && c.text === `信息员 · ${unitName}`)) {
      throw new Error(`no 信息员 chip for ${unitName}: ${JSON.stringify(chips)}`);
    }
    if ((await input.inputValue()) !== '') throw new Error('the code box was not cleared');
  });

  await test('after redeeming, the switcher no longer says 居民 · 当前', async () => {
    const resident = switcher.locator('[data-testid="persona"][data-role="resident"][data-current="true"]');
    // The session follows GET /me at once; give the re-render a moment, then require it gone.
    await resident
      .first()
      .waitFor({ state: 'detached', timeout: 3_000 })
      .catch(() => {});
    if ((await resident.count()) !== 0) throw new Error('the 居民 persona is still marked 当前');
    await byTestId(switcher, 'persona-none').waitFor({ state: 'visible' });
  });
  await byTestId(me(page), 'profile')
    .scrollIntoViewIfNeeded()
    .catch(() => {});
  await shot(page, 'identity-clerk.png', { afterToast: true });

  await test('a wrong code shows the INVITE.NOT_FOUND message', async () => {
    await input.fill('zzzz zzzz zzzz');
    await submit.click();
    const error = byTestId(form, 'invite-error');
    await error.waitFor({ state: 'visible' });
    const message = await text(error);
    if (message !== NOT_FOUND_MESSAGE) throw new Error(`shows "${message}"`);
  });
  await shot(page, 'identity-wrong-code.png');

  await test('退出登录 asks first; 取消 keeps the session, 退出 ends it', async () => {
    const logout = byTestId(me(page), 'logout');
    await logout.click();
    // Taro's H5 modal (Taro.showModal), outside the page shell.
    await confirmModal(page, '取消');
    if (!(await logout.isVisible())) throw new Error('取消 logged out anyway');
    await logout.click();
    await page.locator('.taro__modal').getByText('退出', { exact: true }).click();
    await me(page)
      .locator('[data-testid="login-state"][data-state="anonymous"]')
      .waitFor({ state: 'visible' });
    if ((await switcher.locator('[data-testid="persona"][data-current="true"]').count()) !== 0) {
      throw new Error('a persona is still marked 当前 after logging out');
    }
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS });
