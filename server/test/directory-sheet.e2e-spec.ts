import ExcelJS from 'exceljs';
import type { ApiErrorBody, AuthTokens, SheetRowError } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { townAdminToken } from './helpers/demo-county';

interface Popolo<T> {
  items: T[];
}

describe.each(testDatabases())('the directory spreadsheet on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  let admin: string;

  const upload = async (file: Buffer, token = admin) => {
    const form = new FormData();
    form.append('file', new Blob([file]), 'directory.xlsx');
    const response = await fetch(`${sut.url}/api/v1/admin/directory/import`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & ApiErrorBody,
    };
  };
  const download = async () => {
    const response = await fetch(`${sut.url}/api/v1/admin/directory/export.xlsx`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    return workbook;
  };
  const column = (sheet: ExcelJS.Worksheet, header: string) =>
    (sheet.getRow(1).values as string[]).indexOf(header);
  const rowOf = (sheet: ExcelJS.Worksheet, header: string, value: string) => {
    let found = 0;
    sheet.eachRow((row, n) => {
      if (String(row.getCell(column(sheet, header)).value) === value) found = n;
    });
    return found;
  };

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), {
      env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' },
      clock: new FixedClock(new Date('2026-11-24T02:00:00Z')),
    });
    admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('round-trips unchanged: importing the export changes nothing', async () => {
    const workbook = await download();
    const before = (await call<Popolo<unknown>>(sut.url, 'GET', '/popolo/memberships?limit=5000')).body.items
      .length;
    const result = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.status).toBe(201);
    expect(result.body.handovers).toBe(0);
    expect(
      (await call<Popolo<unknown>>(sut.url, 'GET', '/popolo/memberships?limit=5000')).body.items.length,
    ).toBe(before);
  });

  it('renames a village and hands a post to a new official, keeping the history', async () => {
    const workbook = await download();
    const units = workbook.getWorksheet('单位')!;
    const village = units.getRow(rowOf(units, '类型', '村社区'));
    const oldName = String(village.getCell(column(units, '名称')).value);
    village.getCell(column(units, '名称')).value = `${oldName}新`;
    const officials = workbook.getWorksheet('干部')!;
    const added = officials.getRow(officials.rowCount + 1);
    added.getCell(column(officials, '编码')).value = 'new-official-1';
    added.getCell(column(officials, '姓名')).value = '欧阳新';
    added.getCell(column(officials, '性别')).value = '女';
    const posts = workbook.getWorksheet('职务')!;
    const post = posts.getRow(2);
    const postCode = String(post.getCell(column(posts, '编码')).value);
    post.getCell(column(posts, '现任干部编码')).value = 'new-official-1';
    post.getCell(column(posts, '任职日期')).value = '2026-11-20';
    const result = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect([result.status, result.body.handovers, result.body.officials]).toEqual([
      201,
      1,
      expect.any(Number),
    ]);
    const orgs = (await call<Popolo<{ name: string }>>(sut.url, 'GET', '/popolo/organizations?limit=5000'))
      .body.items;
    expect(orgs.map((o) => o.name)).toContain(`${oldName}新`);
    const memberships = (
      await call<Popolo<{ person_id: string; post_id: string; end_date?: string }>>(
        sut.url,
        'GET',
        '/popolo/memberships?limit=5000',
      )
    ).body.items;
    const persons = (
      await call<Popolo<{ id: string; name: string }>>(sut.url, 'GET', '/popolo/persons?limit=5000')
    ).body.items;
    const newcomer = persons.find((p) => p.name === '欧阳新')!;
    const postsPopolo = (await call<Popolo<{ id: string }>>(sut.url, 'GET', '/popolo/posts?limit=5000')).body
      .items;
    expect(postsPopolo.length).toBeGreaterThan(0);
    const onPost = memberships.filter(
      (m) => m.post_id === memberships.find((x) => x.person_id === newcomer.id)!.post_id,
    );
    expect(onPost.map((m) => m.end_date ?? 'current').sort()).toEqual(['2026-11-19', 'current']);
    expect(postCode).toBeTruthy();
  });

  it('applies nothing when one row is wrong, and says where', async () => {
    const workbook = await download();
    const units = workbook.getWorksheet('单位')!;
    const first = units.getRow(rowOf(units, '类型', '村社区'));
    first.getCell(column(units, '名称')).value = '不该改成的名字';
    const second = units.getRow(rowOf(units, '类型', '乡镇街道'));
    second.getCell(column(units, '上级编码')).value = 'no-such-unit';
    const result = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect([result.status, result.body.code]).toEqual([400, 'PLAN.SHEET_INVALID']);
    const errors = result.body.details as SheetRowError[];
    expect(errors.some((e) => e.column === '单位·上级编码')).toBe(true);
    const orgs = (await call<Popolo<{ name: string }>>(sut.url, 'GET', '/popolo/organizations?limit=5000'))
      .body.items;
    expect(orgs.map((o) => o.name)).not.toContain('不该改成的名字');
  });

  it('is for the whole jurisdiction’s admin only', async () => {
    const townAdmin = await townAdminToken(sut.url);
    const response = await fetch(`${sut.url}/api/v1/admin/directory/export.xlsx`, {
      headers: { authorization: `Bearer ${townAdmin}` },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ApiErrorBody).code).toBe('AUTH.OUT_OF_SCOPE');
  });
});
