import ExcelJS from 'exceljs';
import type { ApiErrorBody, AuthTokens, BatchPlansView, DemoPersona, SheetRowError } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

const DATE = '2026-11-24';
const entry = (what: string) => ({
  startTime: '09:00',
  endTime: '11:00',
  place: '镇政府三楼会议室',
  what,
  kind: '会议',
  meetingName: '周例会',
});

describe.each(testDatabases())('clerk batch entry on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  let townId: number;
  let clerk: string;
  let view: BatchPlansView;

  const upload = async (file: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([file]), 'plans.xlsx');
    const response = await fetch(`${sut.url}/api/v1/units/${townId}/plans/import?date=${DATE}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${clerk}` },
    });
    return { status: response.status, body: (await response.json()) as BatchPlansView & ApiErrorBody };
  };

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), {
      env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' },
      clock: new FixedClock(new Date('2026-11-23T08:00:00Z')),
    });
    const head = (await call<DemoPersona[]>(sut.url, 'GET', '/demo/personas')).body.find(
      (p) => p.role === 'official',
    )!;
    townId = (
      await call<{ posts: Array<{ unit: { id: number } }> }>(sut.url, 'GET', `/officials/${head.officialId}`)
    ).body.posts[0]!.unit.id;
    clerk = (
      await call<AuthTokens>(sut.url, 'POST', '/auth/demo', {
        body: { role: 'clerk', officialId: head.officialId },
      })
    ).body.accessToken;
    view = (
      await call<BatchPlansView>(sut.url, 'GET', `/units/${townId}/plans?date=${DATE}`, { token: clerk })
    ).body;
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('lists every official of the unit for the date', () => {
    expect(view.officials.length).toBeGreaterThanOrEqual(8);
    expect(view.officials.every((o) => o.plan === null)).toBe(true);
  });

  it('applies nothing when one plan of the batch is invalid', async () => {
    const [a, b] = view.officials;
    const response = await call<ApiErrorBody>(sut.url, 'PUT', `/units/${townId}/plans`, {
      token: clerk,
      body: {
        date: DATE,
        plans: [
          { officialId: a!.id, entries: [entry('主持召开周例会，部署冬季森林防火')] },
          { officialId: b!.id, entries: [{ ...entry('参加会议'), kind: '喝茶' }] },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain('plans.1.entries.0.kind');
    const after = (
      await call<BatchPlansView>(sut.url, 'GET', `/units/${townId}/plans?date=${DATE}`, { token: clerk })
    ).body;
    expect(after.officials.every((o) => o.plan === null)).toBe(true);
  });

  it('saves every plan of a valid batch', async () => {
    const [a, b] = view.officials;
    const response = await call<BatchPlansView>(sut.url, 'PUT', `/units/${townId}/plans`, {
      token: clerk,
      body: {
        date: DATE,
        plans: [
          { officialId: a!.id, entries: [entry('主持召开周例会，部署冬季森林防火')] },
          { officialId: b!.id, entries: [entry('参加周例会，汇报信访积案化解进度')] },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.officials.filter((o) => o.plan?.status === 'submitted')).toHaveLength(2);
  });

  it('refuses an official of another unit', async () => {
    const response = await call<ApiErrorBody>(sut.url, 'PUT', `/units/${townId}/plans`, {
      token: clerk,
      body: { date: DATE, plans: [{ officialId: 1, entries: [entry('越权')] }] },
    });
    expect(response.status).toBe(400);
  });

  it('round-trips the spreadsheet: download, fill, upload', async () => {
    const response = await fetch(`${sut.url}/api/v1/units/${townId}/plans/template.xlsx?date=${DATE}`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('明日计划'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('明日计划')!;
    const third = view.officials[2]!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (Number(r.getCell(1).value) === third.id) row = n;
    });
    expect(row).toBeGreaterThan(2);
    const headers = sheet.getRow(2).values as string[];
    const col = (name: string) => headers.indexOf(name);
    sheet.getRow(row).getCell(col('开始时间')).value = '8:30';
    sheet.getRow(row).getCell(col('地点')).value = '柳树村';
    sheet.getRow(row).getCell(col('工作内容')).value = '到柳树村督导秸秆禁烧工作';
    sheet.getRow(row).getCell(col('类别')).value = '督导检查';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const uploaded = await upload(filled);
    expect(uploaded.status).toBe(201);
    const saved = uploaded.body.officials.find((o) => o.id === third.id)!;
    expect(saved.plan!.entries.map((e) => [e.startTime, e.what])).toEqual([
      ['08:30', '到柳树村督导秸秆禁烧工作'],
    ]);
    // Officials already filled on screen keep their plans (their rows came back pre-filled).
    expect(uploaded.body.officials.filter((o) => o.plan !== null).length).toBe(3);

    sheet.getRow(row).getCell(col('开始时间')).value = '25:99';
    const bad = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect([bad.status, bad.body.code]).toEqual([400, 'PLAN.SHEET_INVALID']);
    const errors = bad.body.details as SheetRowError[];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row, column: '开始时间' });
  });
});
