// Browser journey of the admin pages on the H5 build: as 管理员（全县）, create a clerk invite and
// see its code once, revoke another invite, look at the grants; open 事项 → 宅基地审批, add the
// everyday word “建新房”, save, and 试一试 finds 宅基地审批 first; open 人员交接 for a unit; open
// 名录表格 and see a non-xlsx upload refused (nothing imported).
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/admin.e2e.mjs
// Needs the H5 build served at BASE_URL by a server started with DEMO_LOGIN=1 and demo data
// (SEED_DEMO=1). Chromium: CHROMIUM_PATH or /usr/bin/chromium. Screenshots go to e2e/.artifacts/.
import { ME_URL, byTestId, chinaDate, confirmModal, openMe, shell, switchPersona } from './lib/app.mjs';
import { api, openPage, run, shot, test, text } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 15_000;

// Hooks the app puts on the page (src/pages/me/Workbench.tsx, src/packages/admin/**):
//   [data-testid="workbench-admin"] > [data-testid="workbench-item"][data-key="admin-invites|admin-matters|admin-posts|admin-directory|admin-calendar|admin-words"]
//   invites: "admin-tab-option"[data-value="invites|grants"], "invite-new", "invite-form" >
//     "invite-role"[data-role], "invite-unit" (unit picker: "unit-pick-current", "unit-pick", "unit-open"),
//     "invite-note" input, "invite-submit"; "invite-created" > "invite-code", "invite-once",
//     "invite-copy", "invite-done"; [data-testid="invite-item"][data-status] > "invite-revoke";
//     [data-testid="grant-item"] > "grant-revoke"
//   matters: "matter-search" input, "matter-search-go", [data-testid="matter-item"][data-name]
//   matter-edit: "synonyms" > [data-testid="synonyms-tag"][data-word] > "synonyms-remove",
//     "synonyms-input" input, "synonyms-add"; "matter-save", "matter-saved";
//     "try-it" > [data-testid="try-word"][data-word], [data-testid="try-result"][data-rank][data-first]
//   posts: "posts-unit" (unit picker), [data-testid="member-item"] > "member-wechat", "member-handover",
//     "member-deputy", "member-deputy-edit" > "deputy-sheet" > "deputy-pick", "deputy-save";
//     "handover-sheet", "needs-server-update"
//   directory: "directory-download", "directory-upload", "directory-rules", "directory-ok",
//     "directory-error", "directory-rows" > "directory-row-error"
//   calendar: [data-testid="calendar-year"][data-year], "calendar-status"[data-known], "calendar-warning",
//     "calendar-confirm", "calendar-form" > "calendar-date", "calendar-kind"[data-kind=holiday|workday],
//     "calendar-name" input, "calendar-save"; "calendar-month"[data-month] > cells [data-date][data-kind=
//     rest|work|weekend|plain], [data-testid="calendar-day"][data-date] > "calendar-remove"; "calendar-error"
// Taro's H5 modal lives outside the page shell: .taro__modal.

const STAMP = Date.now().toString(36);
const CLERK_NOTE = `E2E 信息员 ${STAMP}`;
const REVOKE_NOTE = `E2E 待作废 ${STAMP}`;
const MATTER = '宅基地审批';
const SYNONYM = '建新房';
const CODE_SHAPE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

async function main() {
  // Setup through the API, as the admin: a second invite, to be revoked in the page.
  const { accessToken: adminToken } = await api('POST', 'auth/demo', { body: { role: 'admin' } });
  if (!adminToken) throw new Error('POST /auth/demo {role:admin} gave no accessToken (DEMO_LOGIN=1?)');
  const adminMe = await api('GET', 'me', { token: adminToken });
  const adminUnit = adminMe?.grants?.find((g) => g.role === 'admin')?.unit;
  if (!adminUnit?.id) throw new Error(`the admin has no unit: ${JSON.stringify(adminMe?.grants)}`);
  await api('POST', 'admin/invites', {
    token: adminToken,
    body: { role: 'supervisor', unitId: adminUnit.id, note: REVOKE_NOTE },
  });

  // 复制 is checked by reading the clipboard back.
  const { page, pageErrors } = await openPage({
    stepTimeoutMs: STEP_TIMEOUT_MS,
    permissions: ['clipboard-read', 'clipboard-write'],
  });

  const me = shell(page, 'me');
  const adminSection = byTestId(me, 'workbench-admin');

  const loaded = await test(`我的 page loads (${ME_URL})`, () => openMe(page));
  if (!loaded) return;

  await test('a resident has no 管理 section', async () => {
    await switchPersona(me, 'resident');
    await page.waitForTimeout(500);
    if ((await adminSection.count()) !== 0) throw new Error('a resident sees 管理');
  });

  await test('switch to 管理员（全县） → 工作台 shows 管理 with invites, matters, posts', async () => {
    await switchPersona(me, 'admin');
    await adminSection.waitFor({ state: 'visible' });
    for (const key of ['admin-invites', 'admin-matters', 'admin-posts']) {
      await adminSection
        .locator(`[data-testid="workbench-item"][data-key="${key}"]`)
        .waitFor({ state: 'visible' });
    }
  });
  await adminSection.scrollIntoViewIfNeeded().catch(() => {});
  await shot(page, 'admin-workbench.png', { afterToast: true });

  // --- invites -------------------------------------------------------------------------
  const invites = shell(page, 'admin-invites');
  let code = '';
  await test('邀请与授权 → 新建邀请码: 信息员, own unit, note → the code is shown once, grouped', async () => {
    await adminSection.locator('[data-testid="workbench-item"][data-key="admin-invites"]').click();
    await invites.waitFor({ state: 'visible' });
    await byTestId(invites, 'invite-new').click();
    const form = byTestId(invites, 'invite-form');
    await form.waitFor({ state: 'visible' });
    await form.locator('[data-testid="invite-role"][data-role="clerk"]').click();
    await byTestId(form, 'unit-pick-current').click();
    await byTestId(form, 'unit-chosen').filter({ hasText: adminUnit.name }).waitFor({ state: 'visible' });
    await form.locator('[data-testid="invite-note"] input').fill(CLERK_NOTE);
    await byTestId(form, 'invite-submit').click();
    const created = byTestId(invites, 'invite-created');
    await created.waitFor({ state: 'visible' });
    code = await text(byTestId(created, 'invite-code'));
    if (!CODE_SHAPE.test(code)) throw new Error(`code shown as "${code}"`);
    const warning = await text(byTestId(created, 'invite-once'));
    if (!/只显示这一次/.test(warning)) throw new Error(`warning says "${warning}"`);
    const item = invites.locator('[data-testid="invite-item"]', { hasText: CLERK_NOTE });
    await item.waitFor({ state: 'visible' });
    if ((await item.getAttribute('data-status')) !== 'pending')
      throw new Error('the new invite is not pending');
    if ((await text(item)).includes(code)) throw new Error('the list shows the code');
  });
  await shot(page, 'admin-invite-created.png');

  await test('复制 puts the code on the clipboard', async () => {
    await byTestId(invites, 'invite-copy').click();
    await page.waitForTimeout(300);
    const copied = await page.evaluate(() => globalThis.navigator.clipboard.readText());
    if (copied !== code) throw new Error(`clipboard holds "${copied}"`);
  });

  await test('我已记下 → the code is gone and never shown again (also after reopening)', async () => {
    await byTestId(invites, 'invite-done').click();
    await byTestId(invites, 'invite-created').waitFor({ state: 'detached' });
    await page.reload();
    await invites.waitFor({ state: 'visible' });
    await invites
      .locator('[data-testid="invite-item"]', { hasText: CLERK_NOTE })
      .waitFor({ state: 'visible' });
    if ((await text(invites)).includes(code)) throw new Error('the code is still on the page');
  });

  await test('作废 another invite (after confirming) → 已作废', async () => {
    const item = invites.locator('[data-testid="invite-item"]', { hasText: REVOKE_NOTE });
    await item.waitFor({ state: 'visible' });
    await byTestId(item, 'invite-revoke').click();
    await confirmModal(page, '作废');
    await invites
      .locator('[data-testid="invite-item"][data-status="revoked"]', { hasText: REVOKE_NOTE })
      .getByText('已作废')
      .waitFor({ state: 'visible' });
    const list = await api('GET', 'admin/invites', { token: adminToken });
    const revoked = list.find((i) => i.note === REVOKE_NOTE);
    if (revoked?.status !== 'revoked') throw new Error(`server says ${revoked?.status}`);
    const kept = list.find((i) => i.note === CLERK_NOTE);
    if (kept?.status !== 'pending') throw new Error(`the clerk invite is ${kept?.status}`);
  });
  await shot(page, 'admin-invite-revoked.png', { afterToast: true });

  await test('授权 tab lists the role grants, each with 撤销授权', async () => {
    await invites.locator('[data-testid="admin-tab-option"][data-value="grants"]').click();
    const grant = byTestId(invites, 'grant-item').first();
    await grant.waitFor({ state: 'visible' });
    await byTestId(grant, 'grant-revoke').waitFor({ state: 'visible' });
  });
  await shot(page, 'admin-grants.png');

  // --- matters -------------------------------------------------------------------------
  const matters = shell(page, 'admin-matters');
  const editor = shell(page, 'admin-matter-edit');
  let matterId = 0;
  await test(`事项管理 → search “宅基地” → ${MATTER} opens the editor`, async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await adminSection.locator('[data-testid="workbench-item"][data-key="admin-matters"]').click();
    await matters.waitFor({ state: 'visible' });
    await matters.locator('[data-testid="matter-search"] input').fill('宅基地');
    await byTestId(matters, 'matter-search-go').click();
    const item = matters.locator(`[data-testid="matter-item"][data-name="${MATTER}"]`);
    await item.waitFor({ state: 'visible' });
    matterId = Number(await item.getAttribute('data-matter-id'));
    await item.click();
    await editor.waitFor({ state: 'visible' });
    await byTestId(editor, 'matter-form').waitFor({ state: 'visible' });
    const name = await editor.locator('[data-testid="matter-name"] input').inputValue();
    if (name !== MATTER) throw new Error(`editor shows "${name}"`);
  });

  const synonyms = byTestId(editor, 'synonyms');
  const tag = synonyms.locator(`[data-testid="synonyms-tag"][data-word="${SYNONYM}"]`);
  const save = async () => {
    await byTestId(editor, 'matter-save').click();
    await byTestId(editor, 'matter-saved').waitFor({ state: 'visible' });
  };

  await test(`add the everyday word “${SYNONYM}” as a chip → 保存`, async () => {
    if ((await tag.count()) > 0) {
      // An earlier run added it: take it out first, so this run adds it again.
      await byTestId(tag, 'synonyms-remove').click();
      await tag.waitFor({ state: 'detached' });
      await save();
    }
    await synonyms.locator('[data-testid="synonyms-input"] input').fill(SYNONYM);
    await byTestId(synonyms, 'synonyms-add').click();
    await tag.waitFor({ state: 'visible' });
    await shot(page, 'admin-matter-synonym-added.png');
    await save();
    const detail = await api('GET', `matters/${matterId}`);
    if (!detail.synonyms.includes(SYNONYM)) throw new Error(`saved synonyms: ${detail.synonyms.join('、')}`);
  });

  await test(`试一试 “${SYNONYM}” → ${MATTER} comes first`, async () => {
    const tryIt = byTestId(editor, 'try-it');
    await tryIt.locator(`[data-testid="try-word"][data-word="${SYNONYM}"]`).click();
    const result = byTestId(tryIt, 'try-result');
    await result.waitFor({ state: 'visible' });
    const rank = await result.getAttribute('data-rank');
    if (rank !== '1') throw new Error(`rank ${rank}: ${await text(result)}`);
    if (!(await text(result)).includes(MATTER)) throw new Error(`result says "${await text(result)}"`);
  });
  await byTestId(editor, 'try-result')
    .scrollIntoViewIfNeeded()
    .catch(() => {});
  await shot(page, 'admin-matter-try.png', { afterToast: true });

  // --- posts ---------------------------------------------------------------------------
  const posts = shell(page, 'admin-posts');
  await test('人员交接 → choose a unit → who holds which post, with WeChat binding and 交接', async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await adminSection.locator('[data-testid="workbench-item"][data-key="admin-posts"]').click();
    await posts.waitFor({ state: 'visible' });
    // The first unit below the admin's own that has people in it.
    await byTestId(posts, 'unit-pick').first().click();
    await byTestId(posts, 'unit-chosen').waitFor({ state: 'visible' });
    const member = byTestId(posts, 'member-item').first();
    await Promise.race([
      member.waitFor({ state: 'visible' }),
      byTestId(posts, 'members-empty').waitFor({ state: 'visible' }),
    ]);
    if ((await byTestId(posts, 'members-empty').count()) > 0) {
      await byTestId(posts, 'unit-change').click();
      await byTestId(posts, 'unit-pick-current').click();
      await member.waitFor({ state: 'visible' });
    }
    const chip = await text(byTestId(member, 'member-wechat'));
    if (!/已绑定微信|未绑定微信/.test(chip)) throw new Error(`wechat chip says "${chip}"`);
    if ((await byTestId(posts, 'needs-server-update').count()) > 0) {
      console.log('  # NOTE: the server gives no postId: 交接 is disabled');
      return;
    }
    await byTestId(member, 'member-handover').click();
    const sheet = byTestId(member, 'handover-sheet');
    await sheet.waitFor({ state: 'visible' });
    await sheet.locator('[data-testid="handover-name"] input').fill('张新同志');
    await byTestId(sheet, 'handover-find').click();
    await byTestId(sheet, 'handover-new').waitFor({ state: 'visible' });
    await byTestId(sheet, 'handover-date').waitFor({ state: 'visible' });
  });
  await shot(page, 'admin-posts.png');

  await test('代理人 of a post (AB角): the sheet offers the unit’s colleagues and saves the choice', async () => {
    if ((await byTestId(posts, 'needs-server-update').count()) > 0) return;
    const member = byTestId(posts, 'member-item').nth(1);
    await byTestId(member, 'member-deputy-edit').click();
    const sheet = byTestId(member, 'deputy-sheet');
    await sheet.waitFor({ state: 'visible' });
    const chosen = await text(byTestId(sheet, 'deputy-pick'));
    // Saved as shown (the seeded deputy, or none): the demo keeps its data.
    await byTestId(sheet, 'deputy-save').click();
    const done = await text(byTestId(posts, 'handover-done'));
    const expected = chosen.includes('不设代理人') ? '不设代理人' : '代理人已设为';
    if (!done.includes(expected)) throw new Error(`after saving "${chosen}" the banner says "${done}"`);
  });

  // --- directory spreadsheet -----------------------------------------------------------
  // Only a refused upload: a real import would change the demo data.
  const directory = shell(page, 'admin-directory');
  await test('名录导入导出 → the 名录表格 page with download, upload and the import rules', async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await adminSection.locator('[data-testid="workbench-item"][data-key="admin-directory"]').click();
    await directory.waitFor({ state: 'visible' });
    await byTestId(directory, 'directory-download').waitFor({ state: 'visible' });
    await byTestId(directory, 'directory-upload').waitFor({ state: 'visible' });
    const rules = await text(byTestId(directory, 'directory-rules'));
    if (!/编码/.test(rules) || !/不会删除/.test(rules)) throw new Error(`rules say "${rules}"`);
  });
  await shot(page, 'admin-directory.png');

  await test('上传 a file that is not an .xlsx (bad.xlsx) → 未导入任何内容, with the bad row', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      byTestId(directory, 'directory-upload').click(),
    ]);
    await chooser.element().setInputFiles({
      name: 'bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('这不是表格，只是一段文字。\n'),
    });
    await confirmModal(page, '导入');
    const rows = byTestId(directory, 'directory-rows');
    await rows.waitFor({ state: 'visible' });
    if (!(await text(rows)).includes('未导入任何内容')) throw new Error(`banner says "${await text(rows)}"`);
    const row = byTestId(rows, 'directory-row-error').first();
    await row.waitFor({ state: 'visible' });
    if (!(await text(row))) throw new Error('the error row is empty');
  });
  await shot(page, 'admin-directory-refused.png', { afterToast: true });

  // --- sensitive words --------------------------------------------------------------------
  const words = shell(page, 'admin-words');
  const WORD = `测试敏感词${Date.now().toString(36)}`;
  await test(`留言敏感词 → add “${WORD}” for the county → 保存 → it is kept after reopening`, async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await adminSection.locator('[data-testid="workbench-item"][data-key="admin-words"]').click();
    await words.waitFor({ state: 'visible' });
    const box = byTestId(words, 'words-text').locator('textarea');
    await box.waitFor({ state: 'visible' });
    const unitLabels = await words.getByText('适用单位', { exact: true }).count();
    if (unitLabels !== 1) throw new Error(`适用单位 is shown ${unitLabels} times`);
    const before = await box.inputValue();
    await box.fill(before ? `${before}\n${WORD}` : WORD);
    await byTestId(words, 'words-save').click();
    await byTestId(words, 'words-save').filter({ hasText: '已保存' }).waitFor({ timeout: 10_000 });
    await page.reload();
    await box.waitFor({ state: 'visible' });
    if (!(await box.inputValue()).includes(WORD)) throw new Error('the word was not kept');
  });

  // --- holidays (节假日安排) -----------------------------------------------------------------
  const calendar = shell(page, 'admin-calendar');
  const NEXT_YEAR = Number(chinaDate().slice(0, 4)) + 1;
  const DAY = `${NEXT_YEAR}-01-01`;
  const HOLIDAY = `元旦${Date.now().toString(36).slice(-3)}`;
  await test(`节假日安排 → ${NEXT_YEAR} → 放假 ${DAY} “${HOLIDAY}” → 保存 → marked → 删除 → gone`, async () => {
    await page.goto(ME_URL);
    await me.waitFor({ state: 'visible' });
    await adminSection.locator('[data-testid="workbench-item"][data-key="admin-calendar"]').click();
    await calendar.waitFor({ state: 'visible' });
    await calendar.locator(`[data-testid="calendar-year"][data-year="${NEXT_YEAR}"]`).click();
    await byTestId(calendar, 'calendar-status').waitFor({ state: 'visible' });
    await calendar.locator('[data-testid="calendar-kind"][data-kind="holiday"]').click();
    await byTestId(calendar, 'calendar-name').locator('input').fill(HOLIDAY);
    await byTestId(calendar, 'calendar-save').click();
    const row = calendar.locator(`[data-testid="calendar-day"][data-date="${DAY}"]`);
    await row.filter({ hasText: HOLIDAY }).waitFor({ timeout: 10_000 });
    await calendar.locator(`[data-date="${DAY}"][data-kind="rest"]`).waitFor();
    await byTestId(row, 'calendar-remove').click();
    await confirmModal(page, '删除');
    await row.filter({ hasText: HOLIDAY }).waitFor({ state: 'detached', timeout: 10_000 });
  });

  await test('no uncaught errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS, crashName: 'run the journey' });
