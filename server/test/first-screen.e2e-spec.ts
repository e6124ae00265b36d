import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { startTestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { insertMember, insertUnit } from './factories/directory.factory';
import { insertDayPlan } from './factories/journal.factory';

/** Monday 2026-11-23, 10:00 in Asia/Shanghai: the day's plans are published (08:00). */
const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

/**
 * GET / draws the resident's first screen into index.html (issue #15, server/src/first-screen.ts):
 * the heading, the ask box and today's published plans of the first town, before the app's mount
 * point, escaped; /find sends the static form's words on to 找人办事.
 */
describe.each(testDatabases())('the static first screen in index.html on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    const h5Dir = mkdtempSync(join(tmpdir(), 'jinri-h5-'));
    writeFileSync(
      join(h5Dir, 'index.html'),
      '<!doctype html><html><head><title>今日工作</title></head><body><div id="app"></div></body></html>',
    );
    ({ app, url } = await startTestApp(database.config(), {
      config: { h5Dir },
      clock: new FixedClock(MONDAY_10AM),
    }));
    const data = app.get(DataSource);
    const county = await insertUnit(data, { name: '岚川县', kind: 'county' });
    const town = await insertUnit(data, { name: '城关街道', kind: 'town' }, county);
    const { officialId } = await insertMember(data, {
      unitId: town.id,
      name: '王建国',
      title: '副主任',
      rank: 1,
      startDate: '2026-01-01',
    });
    await insertDayPlan(data, {
      officialId,
      date: TODAY,
      entries: [{ what: '<script>alert(1)</script>走访低保户', place: '东村' }],
    });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("returns the heading, the ask form and today's card of the first town, escaped, before the app", async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const shell = html.slice(
      html.indexOf('<!--jinri-first-screen-->'),
      html.indexOf('<!--/jinri-first-screen-->'),
    );
    expect(html.indexOf('<!--/jinri-first-screen-->')).toBeLessThan(html.indexOf('<div id="app">'));
    expect(shell).toContain('data-static="heading">今日工作</h1>');
    expect(shell).toContain('<form class="fs-form" action="/find" method="get">');
    expect(shell).toContain('data-static="official-card"');
    expect(shell).toContain('王建国');
    expect(shell).toContain('&lt;script&gt;alert(1)&lt;/script&gt;走访低保户');
    expect(shell).not.toContain('<script');
    expect(shell).toContain('11月23日 星期一');
    // The style is inline: the page's CSP must allow it.
    expect(res.headers.get('content-security-policy')).toMatch(/style-src [^;]*'unsafe-inline'/);
  });

  it('sends the static form on to 找人办事 with the words', async () => {
    const res = await fetch(`${url}/find?q=${encodeURIComponent('低保')}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/#/pages/find/index?q=${encodeURIComponent('低保')}`);
    const empty = await fetch(`${url}/find`, { redirect: 'manual' });
    expect(empty.headers.get('location')).toBe('/#/pages/find/index');
  });
});
