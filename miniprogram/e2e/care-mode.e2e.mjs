// Browser journey of 大字模式 (care mode, 适老化) on the H5 build: the switch on 我的 turns large
// text on (body text 23.8 px) and is remembered after a reload; then every resident page at 360 px,
// in normal and in large text, is screenshotted and checked for
//   - overflow: an element wider than the viewport, or a non-scrolling element whose content is
//     wider than itself (scrollWidth > clientWidth);
//   - clipped words: text cut by an ellipsis on a name, a state, a chip or a button;
//   - overlapping text (two runs of text drawn over each other);
//   - typed text (inputs, textareas) smaller than the page's text;
//   - tap targets under 44 × 44 px (buttons, links, inputs, switches, anything with a tap handler,
//     the tab bar).
// Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/care-mode.e2e.mjs
// Needs the H5 build served at BASE_URL by a server with demo data (SEED_DEMO=1).
// Screenshots go to e2e/.artifacts/care-<normal|large>-<page>.png (paths printed).
/* global document, getComputedStyle, NodeFilter */ // inside page.evaluate: the browser's
import { join } from 'node:path';

import { byTestId } from './lib/app.mjs';
import { ARTIFACTS, openPage, run, test } from './lib/journey.mjs';
import { demoIds, residentPages, signInAsResident, visibleShell } from './lib/resident-pages.mjs';

const TOTAL_TIMEOUT_MS = 170_000;
const STEP_TIMEOUT_MS = 15_000;
const VIEWPORT = { width: 360, height: 780 };
/** WeChat's care-mode body size (src/hooks/useCareMode.ts). */
const CARE_FONT_PX = 23.8;
const TAP_MIN_PX = 44;

/**
 * Runs in the page: what is wrong with the layout of the visible page (shell, H5 back bar, tab bar).
 * Returns a list of { rule, what } (what: a short description of the element).
 */
function auditLayout(tapMin) {
  const MUST_NOT_CLIP = [
    'button',
    'a',
    '[role="button"]',
    '[role="switch"]',
    '[role="radio"]',
    '[role="tab"]',
    '[role="link"]',
    '.btn',
    '.status-chip',
    '.st-chip',
    '[data-testid$="name"]',
    '[class*="__name"]',
    '[class*="status"]',
    '[class*="state"]',
    '[class*="chip"]',
    '[class*="flag"]',
  ].join(',');
  const TAPPABLE = [
    'button',
    'taro-button-core',
    'taro-checkbox-core',
    'taro-radio-core',
    'taro-switch-core',
    'taro-picker-core',
    'a[href]',
    'input:not([type="hidden"])',
    'textarea',
    'select',
    '[role="button"]',
    '[role="link"]',
    '[role="switch"]',
    '[role="radio"]',
    '[role="tab"]',
    '[role="checkbox"]',
    '.weui-tabbar__item',
  ].join(',');
  const viewport = document.documentElement.clientWidth;
  const problems = [];
  const describe = (el) => {
    const id = el.getAttribute('data-testid');
    const cls = (el.getAttribute('class') || '').trim().split(/\s+/).slice(0, 2).join('.');
    const words = (el.innerText || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 24);
    return `<${el.tagName.toLowerCase()}${id ? ` testid=${id}` : ''}${cls ? ` .${cls}` : ''}> "${words}"`;
  };
  // React's props on the element (Taro's H5 Views are custom elements rendered by react-dom): a View
  // with onClick is a tap target even without a role.
  const tappable = (el) => {
    if (el.matches(TAPPABLE)) return true;
    const key = Object.getOwnPropertyNames(el).find((k) => k.startsWith('__reactProps$'));
    return Boolean(key && typeof el[key]?.onClick === 'function');
  };
  const shown = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && el.getClientRects().length > 0;
  };
  const scrolls = (style) => ['auto', 'scroll'].includes(style.overflowX);
  const roots = [
    ...document.querySelectorAll('[data-testid="app-shell"], [data-testid="back-bar"], .taro-tabbar__tabbar'),
  ].filter(shown);
  const shell = roots.find((r) => r.matches('[data-testid="app-shell"]'));
  const bodyPx = shell ? parseFloat(getComputedStyle(shell).fontSize) : 16;
  const overflowing = [];
  for (const root of roots) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (!shown(el)) continue;
      // Inside a sideways-scrolling strip (chips), wider content is by design.
      const strip = [...ancestors(el)].some((a) => scrolls(getComputedStyle(a)));
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (!strip && (box.right > viewport + 1 || box.left < -1) && style.position !== 'fixed') {
        overflowing.push({ el, rule: 'wider than the screen' });
      } else if (
        !strip &&
        style.display !== 'inline' &&
        !scrolls(style) &&
        style.textOverflow !== 'ellipsis' &&
        el.scrollWidth > el.clientWidth + 1 &&
        el.clientWidth > 0 &&
        !['input', 'textarea', 'img', 'canvas', 'svg'].includes(el.tagName.toLowerCase())
      ) {
        overflowing.push({ el, rule: 'content wider than its box' });
      }
      if (
        style.textOverflow === 'ellipsis' &&
        el.scrollWidth > el.clientWidth + 1 &&
        el.closest(MUST_NOT_CLIP)
      ) {
        problems.push({ rule: 'cut by an ellipsis', what: describe(el) });
      }
      // What a resident types is as large as the page's text (a <textarea> keeps the browser's 13px).
      if (el.matches('input, textarea') && parseFloat(style.fontSize) < 0.85 * bodyPx) {
        problems.push({ rule: `typed text ${style.fontSize}, the page's ${bodyPx}px`, what: describe(el) });
      }
      if (tappable(el)) {
        // An input's tap area is its whole field (Taro wraps it); measure the wrapper when larger.
        const target = el.matches('input, textarea')
          ? (el.closest('taro-input-core, taro-textarea-core, .st-input, .search-box') ?? el)
          : el;
        const r = target.getBoundingClientRect();
        const tall = Math.max(r.height, box.height);
        const wide = Math.max(r.width, box.width);
        if (tall < tapMin - 0.5 || wide < tapMin - 0.5) {
          problems.push({
            rule: `tap target ${Math.round(wide)}×${Math.round(tall)} px`,
            what: describe(el),
          });
        }
      }
    }
  }
  // Overlapping text: two pieces of text whose boxes cross (a line drawn over another).
  const texts = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !node.parentElement || !shown(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const clip = clipOf(node.parentElement);
      for (const line of range.getClientRects()) {
        // Only what is drawn: the part inside the boxes that clip it (a page scrolled under the tab bar).
        const r = {
          left: Math.max(line.left, clip.left),
          right: Math.min(line.right, clip.right),
          top: Math.max(line.top, clip.top),
          bottom: Math.min(line.bottom, clip.bottom),
        };
        if (r.right - r.left > 1 && r.bottom - r.top > 1) {
          texts.push({ el: node.parentElement, r, layer: layerOf(node.parentElement) });
        }
      }
    }
  }
  const reported = new Set();
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      // A sheet or dialog (position: fixed) is drawn over the page on purpose.
      if (a.el === b.el || a.layer !== b.layer) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      // A text's box is taller than its glyphs (tight line-heights make neighbours' boxes touch):
      // a real overlap covers a good part of the smaller line.
      const lower = Math.min(a.r.bottom - a.r.top, b.r.bottom - b.r.top);
      if (w > 2 && h > 0.4 * lower && !reported.has(a.el)) {
        reported.add(a.el);
        problems.push({ rule: 'text overlaps other text', what: `${describe(a.el)} × ${describe(b.el)}` });
      }
    }
  }

  // Report the innermost offender only (its ancestors overflow because of it).
  for (const { el, rule } of overflowing) {
    if (overflowing.some((o) => o.el !== el && el.contains(o.el))) continue;
    problems.push({ rule, what: describe(el) });
  }
  return problems;

  function clipOf(el) {
    const clip = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity };
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const box = a.getBoundingClientRect();
      clip.left = Math.max(clip.left, box.left);
      clip.right = Math.min(clip.right, box.right);
      clip.top = Math.max(clip.top, box.top);
      clip.bottom = Math.min(clip.bottom, box.bottom);
    }
    return clip;
  }

  function layerOf(el) {
    for (let a = el; a; a = a.parentElement) if (getComputedStyle(a).position === 'fixed') return a;
    return null;
  }

  function* ancestors(el) {
    for (let a = el.parentElement; a; a = a.parentElement) yield a;
  }
}

/**
 * A screenshot of the whole page: Taro's H5 page scrolls inside its own box (.taro_page), so the
 * viewport is made as tall as its content for the shot, then put back.
 */
async function screenshot(page, file) {
  const height = await page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll('.taro_page')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.scrollHeight),
    ),
  );
  await page.setViewportSize({
    width: VIEWPORT.width,
    height: Math.min(8_000, Math.max(VIEWPORT.height, height + 120)),
  });
  await page.waitForTimeout(200);
  await page.screenshot({ path: file });
  await page.setViewportSize(VIEWPORT);
  await page.waitForTimeout(200);
}

/** Turns 大字模式 on or off with the switch on 我的; returns the switch's state afterwards. */
async function setCareMode(page, pages, on) {
  const me = await pages.find((p) => p.name === 'me').open(page);
  const toggle = byTestId(me, 'care-mode-switch');
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await page.waitForFunction((want) => document.documentElement.classList.contains('care-mode') === want, on);
  return toggle.getAttribute('aria-checked');
}

/** The computed font size (px) of the page's body text. */
const bodyFontPx = (page, name) =>
  visibleShell(page, name).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

async function main() {
  const { page, pageErrors } = await openPage({
    stepTimeoutMs: STEP_TIMEOUT_MS,
    contextOptions: { viewport: VIEWPORT },
  });
  const ids = await demoIds();
  const pages = residentPages(ids);
  // Signed in as a resident of its own: 我的 shows its profile and tickets; 我的留言 and 消息 open.
  await signInAsResident(page, ids);

  await test('大字模式 on 我的 turns body text to 23.8 px and is remembered after a reload', async () => {
    const state = await setCareMode(page, pages, true);
    if (state !== 'true') throw new Error(`the switch says aria-checked=${state}`);
    await page.reload({ waitUntil: 'domcontentloaded' });
    const me = visibleShell(page, 'me');
    await me.waitFor();
    const after = await byTestId(me, 'care-mode-switch').getAttribute('aria-checked');
    if (after !== 'true') throw new Error(`after a reload the switch says aria-checked=${after}`);
    const px = await bodyFontPx(page, 'me');
    if (Math.abs(px - CARE_FONT_PX) > 0.1) throw new Error(`body text is ${px} px, expected ${CARE_FONT_PX}`);
    const stateWords = await byTestId(me, 'care-mode-switch').innerText();
    if (!stateWords.includes('已开启'))
      throw new Error(`the switch's state is not written out: "${stateWords}"`);
  });

  for (const mode of ['normal', 'large']) {
    const on = mode === 'large';
    await setCareMode(page, pages, on);
    for (const entry of pages) {
      const file = join(ARTIFACTS, `care-${mode}-${entry.name}.png`);
      await test(`${entry.label ?? entry.name} at 360 px, ${mode} text: nothing overflows or is cut, taps ≥ 44 px`, async () => {
        await entry.open(page);
        const px = await bodyFontPx(page, entry.name);
        const want = on ? CARE_FONT_PX : 16;
        if (Math.abs(px - want) > 0.1) throw new Error(`body text is ${px} px, expected ${want}`);
        await screenshot(page, file);
        console.log(`  # screenshot ${file}`);
        const problems = await page.evaluate(auditLayout, TAP_MIN_PX);
        if (problems.length > 0) {
          for (const p of problems) console.log(`  #   ${p.rule}: ${p.what}`);
          throw new Error(
            `${problems.length} layout problem(s), first: ${problems[0].rule}: ${problems[0].what}`,
          );
        }
      });
    }
  }

  await test('no uncaught page errors', async () => {
    if (pageErrors.length > 0) throw new Error(pageErrors.slice(0, 3).join('\n'));
  });
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS });
