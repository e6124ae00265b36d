// Browser test of issue #15's first screen on a slow network: the H5 build served by the server, in
// headless Chromium at 360×640 with Chromium's network emulation (CDP), measured from navigation
// start to the first frame that shows the today page's real content (the definition is in
// e2e/lib/first-screen.mjs: the today list loaded, an official's card or the day's honest empty
// answer, and the heading, visible — drawn by the server into index.html or by the app; when the
// app itself showed it is printed as "interactive"). Plain Node ESM, no test framework (harness: e2e/lib/).
//   BASE_URL=http://localhost:3000/ node e2e/first-screen.e2e.mjs
// Targets: a cold visit (empty cache) under 3 s on 3G (400 kbps, 400 ms RTT), under 5 s on the poor
// profile (250 kbps, 800 ms RTT); a repeat visit (cache kept) under 1 s on 3G. Each profile is
// measured up to three times and the best counts (one slow run on a loaded CI machine is noise; a
// build that is too heavy is slow every time). The figures are printed, and written to
// e2e/.artifacts/first-screen.json. The same measurement prints as a table with
// scripts/first-screen.bench.mjs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, launch, measure, newPhone, TARGETS } from './lib/first-screen.mjs';
import { ARTIFACTS, BASE_URL, CHROMIUM_PATH, run, test } from './lib/journey.mjs';

const TOTAL_TIMEOUT_MS = 170_000;
const ATTEMPTS = 3;

async function best(times, fn) {
  let top = null;
  for (let i = 0; i < times; i++) {
    const r = await fn();
    if (!top || r.ms < top.ms) top = r;
    if (top.ms < (TARGETS[r.key] ?? 0) * 0.8) break; // clearly within: no need to try again
  }
  return top;
}

async function main() {
  const browser = await launch(CHROMIUM_PATH);
  const figures = {};
  try {
    const cold = async (profile) => {
      const context = await newPhone(browser);
      try {
        return { ...(await measure(context, BASE_URL, { profile, cache: false })), key: profile };
      } finally {
        await context.close();
      }
    };
    const repeat = async () => {
      const context = await newPhone(browser);
      try {
        await measure(context, BASE_URL, { profile: 'unthrottled', cache: true }); // the first visit
        const r = await measure(context, BASE_URL, { profile: '3g', cache: true });
        return { ...r, profile: 'repeat (3g)', key: 'repeat' };
      } finally {
        await context.close();
      }
    };

    figures.unthrottled = await cold('unthrottled');
    console.log(`  # ${describe(figures.unthrottled)}`);

    await test('the server draws the first screen into index.html, and the app takes it over', async () => {
      const r = figures.unthrottled;
      if (r.by !== 'static') throw new Error(`the first screen was drawn by: ${r.by}`);
      if (r.staticLeft) throw new Error('the static first screen is still there after the app drew its list');
    });

    await test('the static files and the JSON of the first screen are sent compressed', async () => {
      const plain = figures.unthrottled.list.filter(
        (r) => r.encoded > 1500 && !r.encoding && /\.(js|css)$|^\/api\/|^\/$/.test(r.url.split('?')[0]),
      );
      if (plain.length > 0) throw new Error(`sent uncompressed: ${plain.map((r) => r.url).join(', ')}`);
    });

    for (const [profile, label] of [
      ['3g', 'on 3G (400 kbps, 400 ms RTT)'],
      ['poor', 'on the poor profile (250 kbps, 800 ms RTT)'],
    ]) {
      figures[profile] = await best(ATTEMPTS, () => cold(profile));
      console.log(`  # ${describe(figures[profile])}`);
      await test(`a first visit shows the first screen ${label} in under ${TARGETS[profile] / 1000} s`, async () => {
        if (figures[profile].ms >= TARGETS[profile])
          throw new Error(`${figures[profile].ms} ms (target ${TARGETS[profile]} ms)`);
      });
    }

    figures.repeat = await best(ATTEMPTS, repeat);
    console.log(`  # ${describe(figures.repeat)}`);
    await test(`a repeat visit on 3G shows the first screen in under ${TARGETS.repeat / 1000} s`, async () => {
      if (figures.repeat.ms >= TARGETS.repeat)
        throw new Error(`${figures.repeat.ms} ms (target ${TARGETS.repeat} ms)`);
    });
    await test('a repeat visit takes every script and style from the cache', async () => {
      const fetched = figures.repeat.list.filter(
        (r) => /\.(js|css)$/.test(r.url) && !r.fromCache && r.status !== 304,
      );
      if (fetched.length > 0) throw new Error(`downloaded again: ${fetched.map((r) => r.url).join(', ')}`);
    });
  } finally {
    writeFileSync(
      join(ARTIFACTS, 'first-screen.json'),
      JSON.stringify({ baseUrl: BASE_URL, figures }, null, 2),
    );
    await browser.close().catch(() => {});
  }
}

await run(main, { totalTimeoutMs: TOTAL_TIMEOUT_MS, crashName: 'measure the first screen' });
