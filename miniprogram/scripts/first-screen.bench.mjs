#!/usr/bin/env node
// Prints the first-screen figures of issue #15 for the H5 build served at BASE_URL: cold visits on
// the 3G (400 kbps, 400 ms) and poor (250 kbps, 800 ms) profiles, a repeat visit on 3G, and an
// unthrottled cold visit, each with requests, bytes transferred (encoded) and decoded. The
// definition of "first screen" is in e2e/lib/first-screen.mjs. Best of RUNS (default 3) per profile.
//   BASE_URL=http://127.0.0.1:3000/ CHROMIUM_PATH=/usr/bin/chromium node scripts/first-screen.bench.mjs
//   VERBOSE=1 also lists every request of each measurement; NO_SW=1 blocks the service worker
//   (HTTP caching alone).
import { describe, launch, measureAll, TARGETS } from '../e2e/lib/first-screen.mjs';

const BASE_URL = process.env.BASE_URL || 'http://localhost:3000/';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS || 3);

const browser = await launch(CHROMIUM_PATH);
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++)
    runs.push(await measureAll(browser, BASE_URL, { serviceWorkers: process.env.NO_SW ? 'block' : 'allow' }));
  console.log(
    `first screen of ${BASE_URL} (360×640, best of ${RUNS}; median in brackets${process.env.NO_SW ? '; service worker blocked' : ''})`,
  );
  for (const key of ['unthrottled', '3g', 'poor', 'repeat']) {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a.ms - b.ms);
    const best = sorted[0];
    const median = sorted[Math.floor(sorted.length / 2)];
    const target = TARGETS[key];
    const interactive = runs.map((r) => r[key].interactiveMs).sort((a, b) => a - b);
    console.log(
      `${describe(best)}  [${median.ms} ms; interactive median ${interactive[Math.floor(interactive.length / 2)]} ms]${target ? `  target < ${target} ms` : ''}`,
    );
    if (process.env.VERBOSE) {
      for (const r of best.list)
        console.log(
          `    ${r.status} ${r.fromCache ? 'cache' : (r.encoding || 'identity').padEnd(8)} ${String(r.encoded).padStart(8)} ${String(r.decoded).padStart(8)}  ${r.url.slice(0, 90)}`,
        );
    }
  }
} finally {
  await browser.close();
}
