#!/usr/bin/env node
// Benchmark: the search index on a generated province-scale directory (100k officials, 20k matters
// and their duties): build time, memory, and search p50/p99 in-process for a mix of real queries.
// Run after `pnpm --filter @jinri/server build`:  node --expose-gc server/bench/search.bench.mjs
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { buildIndex } = require('../dist/modules/search/search.service.js');
const { buildDemoCounty } = require('../dist/database/seed/demo-county.data.js');
const { mulberry32: random } = require('../dist/common/random.js');

const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 100_000);
const MATTERS = Number(process.env.BENCH_MATTERS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

// Real matters and titles from the demo county, repeated with county/town prefixes to reach the size.
const county = buildDemoCounty();
const rnd = random(42);
const pick = (list) => list[Math.floor(rnd() * list.length)];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宁辉鹏海燕林飞波晨浩宇欣怡佳琪子涵梓轩雨泽一诺'.split(
    '',
  );
const TITLES = [...new Set(county.posts.map((p) => p.title))];
const PLACES = ['东城', '西城', '南湖', '北山', '临河', '青石', '白马', '金沙', '柳林', '桃园'];

const officials = Array.from({ length: OFFICIALS }, (_, i) => ({
  id: i + 1,
  name: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : ''),
  posts: [
    {
      postId: i + 1,
      title: pick(TITLES),
      rank: 1 + (i % 9),
      unitId: 1 + (i % 5000),
      unitName: `${pick(PLACES)}镇`,
      unitPath: `/1/${2 + (i % 100)}/${200 + (i % 5000)}/`,
      officeHours: null,
    },
  ],
}));
const matters = Array.from({ length: MATTERS }, (_, i) => {
  const base = county.matters[i % county.matters.length];
  const variant = Math.floor(i / county.matters.length);
  return {
    id: i + 1,
    name: variant === 0 ? base.name : `${pick(PLACES)}${base.name}${variant}`,
    category: base.category,
    keywords: base.keywords,
    synonyms: base.synonyms,
    departmentPath: '/1/',
  };
});
const COUNTIES = Array.from({ length: 100 }, (_, i) => `/1/${2 + i}/`);
// Each county owns its share of the matters (a county department's list).
for (const [i, m] of matters.entries()) m.departmentPath = COUNTIES[i % COUNTIES.length];
const duties = matters.map((m, i) => ({
  matterId: m.id,
  postId: 1 + ((i * 7919) % OFFICIALS),
  coveredPaths: [`/1/${2 + (i % 100)}/`],
}));

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const loaded = buildIndex({ counties: COUNTIES, officials, matters, duties });
const buildMs = performance.now() - started;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const QUERIES = [
  '低保',
  'dibao',
  'db',
  '盖房子',
  '看病报销',
  '养老金',
  '宅基地审批',
  'zjd',
  '底保',
  'dibai',
  '我想办低保怎么弄',
  '残疾证',
  '创业贷款',
  'hukou',
  '王伟',
  'wangwei',
  'ww',
  '民政助理',
  '张',
  'li',
  '危房改造',
  '临时救助',
];

function measure(pickIndex) {
  for (const q of QUERIES) pickIndex(0).search(q); // warm-up
  const times = [];
  const perQuery = new Map();
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const index = pickIndex(r);
      const t0 = performance.now();
      index.search(q);
      const dt = performance.now() - t0;
      times.push(dt);
      perQuery.set(q, Math.max(perQuery.get(q) ?? 0, dt));
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
  const slow = [...perQuery]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([q, t]) => `${q} ${t.toFixed(2)}`)
    .join(', ');
  return `${times.length} queries: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${times[times.length - 1].toFixed(2)} ms; slowest: ${slow}`;
}

const counties = [...loaded.indexes.values()];
console.log(
  `search index: ${OFFICIALS} officials, ${MATTERS} matters, ${duties.length} duties in ${COUNTIES.length} counties; node ${process.version}`,
);
console.log(
  `build (one index per county): ${(buildMs / 1000).toFixed(2)} s, heap +${((heapAfter - heapBefore) / 1048576).toFixed(0)} MB (${global.gc ? 'after gc' : 'run with --expose-gc for exact figures'})`,
);
console.log(
  `per-county search (what a resident's query scans): ${measure((r) => counties[(r * 37) % counties.length])} (target p99 ≤ 5 ms)`,
);
// The worst case as well: one index over the whole province (a deployment without counties).
loaded.indexes.clear();
global.gc?.();
started = performance.now();
const single = buildIndex({ counties: [], officials, matters, duties });
const singleBuildMs = performance.now() - started;
global.gc?.();
console.log(
  `one index over the whole province (worst case, built in ${(singleBuildMs / 1000).toFixed(2)} s): ${measure(() => single.indexes.values().next().value)}`,
);
