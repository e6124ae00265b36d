// Child process of search-http.bench.mjs: the real app (built, embedded SQLite) with a generated
// province: 100 counties, 100k officials with posts, 20k matters with a duty each. Prints its URL.
import { createRequire } from 'node:module';
import { benchConfig, fromDist, serve } from './lib.mjs';

const require = createRequire(import.meta.url);
const { createApp } = fromDist('app.factory.js');
const { buildDemoCounty } = fromDist('database/seed/demo-county.data.js');
const { SearchService } = fromDist('modules/search/search.service.js');
const { DataSource } = require('typeorm');

const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 100_000);
const MATTERS = Number(process.env.BENCH_MATTERS ?? 20_000);
const COUNTIES = 100;
const TOWNS_PER_COUNTY = 10;

const config = benchConfig('jinri-search-bench-', {
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 'bench-secret-0123456789',
});
const app = await createApp(config);
await app.init();
const ds = app.get(DataSource);

async function bulk(table, columns, rows) {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
    await ds.query(sql, chunk.flat());
  }
}

const started = Date.now();
await ds.transaction(async () => {
  // ids are assigned in insert order: province 1, counties 2..101, towns after them.
  const units = [['province', '示范省', 'county', null, '/1/']];
  for (let c = 0; c < COUNTIES; c++) units.push([`c${c}`, `第${c + 1}县`, 'county', 1, `/1/${2 + c}/`]);
  for (let c = 0; c < COUNTIES; c++) {
    for (let t = 0; t < TOWNS_PER_COUNTY; t++) {
      const id = 2 + COUNTIES + c * TOWNS_PER_COUNTY + t;
      units.push([`c${c}t${t}`, `第${c + 1}县${t + 1}镇`, 'town', 2 + c, `/1/${2 + c}/${id}/`]);
    }
  }
  await bulk('units', ['code', 'name', 'kind', 'parent_id', 'path'], units);
  const surnames =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
      '',
    );
  const given =
    '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宁辉鹏海燕林飞波晨浩宇欣怡佳琪'.split(
      '',
    );
  const titles = [
    '镇长',
    '副镇长',
    '民政助理',
    '社保所所长',
    '国土所所长',
    '党委书记',
    '人大主席',
    '纪委书记',
  ];
  const officials = [];
  const posts = [];
  const memberships = [];
  for (let i = 0; i < OFFICIALS; i++) {
    const town = 2 + COUNTIES + (i % (COUNTIES * TOWNS_PER_COUNTY));
    officials.push([
      `o${i}`,
      surnames[i % surnames.length] +
        given[(i * 7) % given.length] +
        (i % 3 ? given[(i * 13) % given.length] : ''),
    ]);
    posts.push([`p${i}`, town, titles[i % titles.length], 1 + (i % 8)]);
    memberships.push([i + 1, i + 1, '2024-01-01']);
  }
  await bulk('officials', ['code', 'name'], officials);
  await bulk('posts', ['code', 'unit_id', 'title', 'rank'], posts);
  await bulk('memberships', ['official_id', 'post_id', 'start_date'], memberships);
  const base = buildDemoCounty().matters;
  const matters = [];
  for (let i = 0; i < MATTERS; i++) {
    const m = base[i % base.length];
    const county = 2 + (i % COUNTIES);
    matters.push([
      `m${i}`,
      m.name,
      m.category,
      JSON.stringify(m.keywords),
      JSON.stringify(m.synonyms),
      JSON.stringify(m.materials),
      m.whereToGo,
      m.officeHours,
      county,
    ]);
  }
  await bulk(
    'matters',
    [
      'code',
      'name',
      'category',
      'keywords',
      'synonyms',
      'materials',
      'where_to_go',
      'office_hours',
      'department_id',
    ],
    matters,
  );
  const duties = [];
  const dutyUnits = [];
  for (let i = 0; i < MATTERS; i++) {
    const county = i % COUNTIES;
    const official = county + COUNTIES * TOWNS_PER_COUNTY * Math.floor(i / COUNTIES) + 1;
    duties.push([Math.min(official, OFFICIALS), i + 1]);
    dutyUnits.push([i + 1, 2 + county]);
  }
  await bulk('duties', ['post_id', 'matter_id'], duties);
  await bulk('duty_units', ['duty_id', 'unit_id'], dutyUnits);
});
const loadedAt = Date.now();
await app.get(SearchService).search('低保', 2 + COUNTIES);
const indexedAt = Date.now();
await serve(app, {
  towns: [2 + COUNTIES, 2 + COUNTIES + 500],
  insertMs: loadedAt - started,
  indexMs: indexedAt - loadedAt,
  heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
});
