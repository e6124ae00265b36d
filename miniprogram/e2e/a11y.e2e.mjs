// Accessibility journey on the H5 build: axe-core (pinned in package.json, injected with
// addScriptTag) on every resident page, in normal and in large text (大字模式). Each page must have
// no serious or critical violation and no `region` one (all content inside landmarks: the page's
// shell is `main`). Prints the violation counts per page, by impact; docs/accessibility.md keeps them.
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/a11y.e2e.mjs
// Needs the H5 build served at BASE_URL by a server with demo data (SEED_DEMO=1).
/* global document, window */ // inside page.evaluate: the browser's
import { createRequire } from 'node:module';

import { byTestId } from './lib/app.mjs';
import { openPage, run, test } from './lib/journey.mjs';
import { demoIds, residentPages, signInAsResident } from './lib/resident-pages.mjs';

const TOTAL_TIMEOUT_MS = 170_000;
const STEP_TIMEOUT_MS = 15_000;
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];

/** Runs axe on the page (WCAG 2.x A/AA and best practices); returns its violations. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object')))
    await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
      count: v.nodes.length,
    }));
  });
}

async function main() {
  // bypassCSP: the app's CSP (script-src 'self') would refuse the injected axe script.
  const { page } = await openPage({
    stepTimeoutMs: STEP_TIMEOUT_MS,
    contextOptions: { viewport: { width: 360, height: 780 }, bypassCSP: true },
  });
  const ids = await demoIds();
  const pages = residentPages(ids);
  // Signed in as a resident of its own: 我的 shows its profile and tickets; 我的留言 and 消息 open.
  await signInAsResident(page, ids);
  const table = [];

  for (const mode of ['normal', 'large']) {
    if (mode === 'large') {
      const me = await pages.find((p) => p.name === 'me').open(page);
      await byTestId(me, 'care-mode-switch').click();
      await page.waitForFunction(() => document.documentElement.classList.contains('care-mode'));
    }
    for (const entry of pages) {
      await test(`axe on ${entry.label ?? entry.name} (${mode} text): no serious or critical violation, landmarks`, async () => {
        await entry.open(page);
        const violations = await axe(page);
        const counts = Object.fromEntries(IMPACTS.map((i) => [i, 0]));
        for (const v of violations) counts[v.impact] = (counts[v.impact] ?? 0) + v.count;
        table.push({ page: entry.name, mode, ...counts, rules: violations.map((v) => v.id).join(' ') });
        for (const v of violations)
          console.log(`  #   ${v.impact} ${v.id} ×${v.count}: ${v.help} — ${v.nodes.join(' | ')}`);
        const bad = violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region',
        );
        if (bad.length > 0)
          throw new Error(bad.map((v) => `${v.impact} ${v.id} ×${v.count}: ${v.nodes[0]}`).join('\n'));
      });
    }
  }

  console.log('# axe-core violations (nodes) per page: critical / serious / moderate / minor');
  for (const row of table) {
    console.log(
      `#   ${row.page.padEnd(17)} ${row.mode.padEnd(6)} ${IMPACTS.map((i) => row[i]).join(' / ')}${row.rules ? `  (${row.rules})` : ''}`,
    );
  }
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS });
