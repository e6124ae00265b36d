// Child process of today.bench.mjs: the real app (built, embedded SQLite) with a synthetic town of
// 200 officials, each with a published plan of 3 entries for today. Prints the URL when ready.
import { createRequire } from 'node:module';
import { BENCH_SECRETS, benchConfig, fromDist, serve } from './lib.mjs';

const require = createRequire(import.meta.url);
const { createApp } = fromDist('app.factory.js');
const { localDate, atLocal } = fromDist('common/time/local-time.js');
const { DataSource } = require('typeorm');

const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 200);
const config = benchConfig('jinri-bench-', {
  SEED_DEMO: 'county',
  NODE_ENV: 'production',
  ...BENCH_SECRETS,
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 'bench-secret-0123456789',
});
const app = await createApp(config);
await app.init();
const ds = app.get(DataSource);
const today = localDate(new Date());
const [county] = await ds.query('SELECT id, path FROM units WHERE parent_id IS NULL');
await ds.query(
  "INSERT INTO units (code, name, kind, parent_id, path, sort_order) VALUES ('bench-town', '压测镇', 'town', ?, '/', 999)",
  [county.id],
);
const [town] = await ds.query("SELECT id FROM units WHERE code = 'bench-town'");
await ds.query('UPDATE units SET path = ? WHERE id = ?', [`${county.path}${town.id}/`, town.id]);
await ds.transaction(async (m) => {
  for (let i = 0; i < OFFICIALS; i++) {
    await m.query('INSERT INTO officials (code, name) VALUES (?, ?)', [`bench-o-${i}`, `压测干部${i}`]);
    const [o] = await m.query('SELECT id FROM officials WHERE code = ?', [`bench-o-${i}`]);
    await m.query('INSERT INTO posts (code, unit_id, title, rank) VALUES (?, ?, ?, ?)', [
      `bench-p-${i}`,
      town.id,
      i === 0 ? '党委书记' : '副镇长',
      i + 1,
    ]);
    const [p] = await m.query('SELECT id FROM posts WHERE code = ?', [`bench-p-${i}`]);
    await m.query("INSERT INTO memberships (official_id, post_id, start_date) VALUES (?, ?, '2024-01-01')", [
      o.id,
      p.id,
    ]);
    await m.query(
      "INSERT INTO day_plans (official_id, date, status, late, submitted_at, published_at, revision, version) VALUES (?, ?, 'published', 0, ?, ?, 0, 2)",
      [o.id, today, atLocal(today, '07:00').toISOString(), atLocal(today, '08:00').toISOString()],
    );
    const [plan] = await m.query('SELECT id FROM day_plans WHERE official_id = ? AND date = ?', [
      o.id,
      today,
    ]);
    const entries = [
      ['08:30', '10:00', '镇政府三楼会议室', '主持召开班子周例会，部署冬季森林防火和安全生产', '会议'],
      ['10:00', '12:00', '魏庄村', '到魏庄村调度安置房建设进度，协调解决用地问题', '下村/实地'],
      ['15:00', '17:30', '镇便民服务中心', '在镇便民服务中心接待来访群众，现场答复诉求', '接访/接待'],
    ];
    for (const [pos, [s, e, place, what, kind]] of entries.entries()) {
      await m.query(
        "INSERT INTO plan_entries (day_plan_id, position, start_time, end_time, place, what, kind, matter_ids, status) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', 'active')",
        [plan.id, pos, s, e, place, what, kind],
      );
    }
  }
});
await serve(app, { path: `/api/v1/today?unitId=${town.id}` });
