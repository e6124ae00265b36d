// The morning check's rules alone, in memory (no database): the Node side of findings.bench.mjs, for
// iterating on plan-quality and the text comparison. Builds BENCH_OFFICIALS officials (default
// 100,000) with 4 working days of published plans of 3–5 entries (the checked day and the three
// before it), every line unique unless BENCH_UNIQUE=0, 5 % of plans with a vague entry and 5 % with a
// near-copy of the day before, then times recentWarnings + dailyFindings as the service calls them.
//   node bench/plan-check.bench.mjs            (after `pnpm --filter @jinri/server build`)
import { fromDist } from './lib.mjs';
import { MATTERS, SUFFIXES, VAGUE, VILLAGES } from './findings-data.mjs';

const { mulberry32 } = fromDist('common/random.js');
const { recentWarnings, dailyFindings } = fromDist('modules/supervision/finding-checks.js');
const { WorkCalendar } = fromDist('modules/calendar/work-calendar.js');

const officials = Number(process.env.BENCH_OFFICIALS ?? 100_000);
const unique = process.env.BENCH_UNIQUE !== '0';
const dates = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
const checked = dates.at(-1);
const rnd = mulberry32(42);
const pick = (list) => list[Math.floor(rnd() * list.length)];

let entryId = 0;
const plans = [];
const earlier = [];
const list = [];
for (let o = 1; o <= officials; o++) {
  list.push({ officialId: o, unitId: 1 + Math.floor(o / 50) });
  let previous = null;
  let slot = Math.floor(rnd() * MATTERS.length);
  for (const date of dates) {
    const count = 3 + Math.floor(rnd() * 3);
    const vague = rnd() < 0.05;
    const repeated = previous && rnd() < 0.05;
    const entries = [];
    for (let p = 0; p < count; p++) {
      let what;
      let kind;
      let place;
      if (vague && p === 0) {
        [what, kind] = pick(VAGUE);
        place = null;
      } else if (repeated && p === count - 1) {
        const copy = pick(previous);
        ({ place, kind } = copy);
        what = `${copy.what.slice(0, -1)}等`;
      } else {
        [what, kind] = MATTERS[slot % MATTERS.length];
        if (unique) what = `${what}（第${entryId + 1}项）`;
        place = `${VILLAGES[(o + slot * 7) % VILLAGES.length]}${SUFFIXES[slot % SUFFIXES.length]}`;
        slot++;
      }
      entries.push({ entryId: ++entryId, what, place, kind });
    }
    previous = entries;
    if (date === checked)
      plans.push({
        officialId: o,
        status: 'published',
        submittedAt: new Date('2026-11-26T09:00:00Z'),
        entries,
      });
    else earlier.push({ officialId: o, date, entries });
  }
}
const calendar = new WorkCalendar();
global.gc?.();
const before = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const warnings = recentWarnings(checked, plans, earlier, calendar);
const t1 = performance.now();
const findings = dailyFindings({
  date: checked,
  now: new Date('2026-11-27T00:05:00Z'),
  officials: list,
  plans,
  leaves: [],
  earlier,
  rules: { planDueTime: '18:00' },
  calendar,
  warnings,
});
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const byKind = {};
for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
console.log(
  JSON.stringify({
    officials,
    unique,
    entries: entryId,
    recentWarningsMs: Math.round(t1 - t0),
    dailyFindingsMs: Math.round(t2 - t1),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    heapMB: Math.round((process.memoryUsage().heapUsed - before) / 1e6),
    byKind,
  }),
);
