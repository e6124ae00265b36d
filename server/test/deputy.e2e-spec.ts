import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  AuthTokens,
  MatterDetail,
  PostDeputyView,
  SearchResponse,
  TicketCreated,
  TicketView,
  UnitChildrenResponse,
  UnitMemberView,
} from '@jinri/shared';
import { DataSource, In } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { seedDemoCounty } from '../src/database/seed/demo-county.seed';
import { seedDemoJournals } from '../src/database/seed/demo-journals';
import { Leave } from '../src/modules/journals/leave.entity';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { openMigratedDatabase } from './helpers/migrated-database';
import { type WechatStub } from './wechat-stub/wechat-stub';
import { startDemoCounty, TICKET_RATES } from './helpers/demo-county';

/** Tuesday 2026-11-24, 10:00 in Asia/Shanghai (a working day). */
const TODAY = '2026-11-24';

describe.each(testDatabases())('an acting deputy (代理) for a post on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let sut: TestApp;
  let data: DataSource;
  let admin: string;
  let resident: string;
  let village: number;
  let matterId: number;
  /** The first handler of 低保申请 for the village, their post, and a colleague who stands in. */
  let holder: UnitMemberView;
  let deputy: UnitMemberView;
  let uniq = 0;

  const submit = (body: Record<string, unknown>) =>
    call<TicketCreated & ApiErrorBody>(sut.url, 'POST', '/tickets', {
      token: resident,
      body: {
        publicAllowed: false,
        content: `想咨询低保怎么申请，家里老人生病（${(uniq += 1)}号）`,
        ...body,
      },
      headers: { 'idempotency-key': randomUUID() },
    });
  const setDeputy = (postId: number, officialId: number | null, token = admin) =>
    call<PostDeputyView & ApiErrorBody>(sut.url, 'PUT', `/admin/posts/${postId}/deputy`, {
      token,
      body: { officialId },
    });
  const approvedLeaveToday = async (officialId: number) => {
    await data.getRepository(Leave).insert({
      officialId,
      startDate: TODAY,
      endDate: TODAY,
      reason: '事假',
      status: 'approved',
      requestedByUserId: 1,
      decidedByUserId: 1,
      decidedAt: atLocal('2026-11-20', '09:00'),
    });
  };

  beforeAll(async () => {
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, {
      clock: new FixedClock(atLocal(TODAY, '10:00')),
      env: TICKET_RATES,
    }));
    data = sut.app.get(DataSource);
    admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
    resident = (
      await call<AuthTokens>(sut.url, 'POST', '/auth/wechat', { body: { code: `code:o_deputy_${_name}` } })
    ).body.accessToken;
    const root = (await call<UnitChildrenResponse>(sut.url, 'GET', '/units')).body;
    const town = root.children.find((c) => c.kind === 'town')!;
    const villages = (await call<UnitChildrenResponse>(sut.url, 'GET', `/units?parentId=${town.id}`)).body
      .children;
    village = villages[0]!.id;
    matterId = (await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent('低保申请')}`))
      .body.matters[0]!.id;
    const handlerId = (await call<MatterDetail>(sut.url, 'GET', `/matters/${matterId}?unitId=${village}`))
      .body.officials[0]!.id;
    const members = (
      await call<UnitMemberView[]>(sut.url, 'GET', `/units/${town.id}/members`, { token: admin })
    ).body;
    holder = members.find((m) => m.officialId === handlerId)!;
    deputy = members.find((m) => m.officialId !== handlerId && m.unit.id === holder.unit.id)!;
    expect([holder, deputy].every(Boolean)).toBe(true);
    // Nobody of the two is away today but by this test's own leave.
    await data.getRepository(Leave).delete({ officialId: In([holder.officialId, deputy.officialId]) });
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  it('is named by an admin, and refused for the holder or an unknown official', async () => {
    const self = await setDeputy(holder.postId, holder.officialId);
    expect([self.status, self.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
    const unknown = await setDeputy(holder.postId, 999_999);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DIRECTORY.OFFICIAL_NOT_FOUND']);
    const missing = await setDeputy(999_999, deputy.officialId);
    expect(missing.status).toBe(404);
    const named = await setDeputy(holder.postId, deputy.officialId);
    expect(named.status).toBe(200);
    expect(named.body).toEqual({
      postId: holder.postId,
      deputy: { id: deputy.officialId, name: deputy.name },
    });
    const members = (
      await call<UnitMemberView[]>(sut.url, 'GET', `/units/${holder.unit.id}/members`, { token: admin })
    ).body;
    expect(members.find((m) => m.postId === holder.postId)!.deputyOfficialId).toBe(deputy.officialId);
  });

  it('takes nothing while the holder is at work', async () => {
    const created = await submit({ matterId, unitId: village });
    expect(created.status).toBe(201);
    expect(created.body.assignee.official?.id).toBe(holder.officialId);
    const detail = (await call<MatterDetail>(sut.url, 'GET', `/matters/${matterId}?unitId=${village}`)).body;
    const shown = detail.officials.find((o) => o.id === holder.officialId)!;
    expect(shown.status.kind).not.toBe('on_leave');
    expect(shown.actingDeputy).toBeUndefined();
  });

  it('takes new tickets on the matter and on the holder while the holder is on approved leave, and says so', async () => {
    await approvedLeaveToday(holder.officialId);
    const onMatter = await submit({ matterId, unitId: village });
    expect(onMatter.status).toBe(201);
    expect(onMatter.body.assignee.official?.id).toBe(deputy.officialId);
    const view = (await call<TicketView>(sut.url, 'GET', `/tickets/${onMatter.body.id}`, { token: resident }))
      .body;
    const assigned = view.events.find((e) => e.type === 'assigned')!;
    expect(assigned.note).toContain(`${holder.name}请假，由${deputy.name}代理`);

    const onHolder = await submit({ officialId: holder.officialId });
    expect(onHolder.status).toBe(201);
    expect(onHolder.body.assignee.official?.id).toBe(deputy.officialId);
  });

  it('shows on the matter page 请假中，由 X 代理 with the deputy and where they are', async () => {
    const detail = (await call<MatterDetail>(sut.url, 'GET', `/matters/${matterId}?unitId=${village}`)).body;
    const shown = detail.officials.find((o) => o.id === holder.officialId)!;
    expect(shown.status.kind).toBe('on_leave');
    expect(shown.status.text).toBe(`请假中，由${deputy.name}代理`);
    expect(shown.actingDeputy).toMatchObject({ id: deputy.officialId, name: deputy.name });
    expect(shown.actingDeputy!.status.kind).not.toBe('on_leave');
  });

  it('is not used once cleared, nor when away too', async () => {
    await approvedLeaveToday(deputy.officialId);
    const awayToo = await submit({ officialId: holder.officialId });
    expect(awayToo.body.assignee.official?.id).toBe(holder.officialId);
    const detail = (await call<MatterDetail>(sut.url, 'GET', `/matters/${matterId}?unitId=${village}`)).body;
    expect(detail.officials.find((o) => o.id === holder.officialId)!.actingDeputy).toBeUndefined();

    await data.getRepository(Leave).delete({ officialId: deputy.officialId });
    const cleared = await setDeputy(holder.postId, null);
    expect([cleared.status, cleared.body.deputy]).toEqual([200, null]);
    const afterClear = await submit({ officialId: holder.officialId });
    expect(afterClear.body.assignee.official?.id).toBe(holder.officialId);
  });
});

describe.each(testDatabases())('the demo deputies on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let seeded: DataSource;

  beforeAll(async () => {
    ({ database, dataSource: seeded } = await openMigratedDatabase(makeDatabase));
    await seedDemoCounty(seeded);
    const now = atLocal(TODAY, '10:00');
    await seedDemoJournals(seeded, now, TODAY);
  });

  afterAll(async () => {
    await seeded?.destroy();
    await database?.drop();
  });

  it('is seeded for the demo (岗位AB角), and a holder and their deputy are never on leave the same day', async () => {
    const [named] = (await seeded.query(
      'SELECT COUNT(*) AS n FROM posts WHERE deputy_official_id IS NOT NULL',
    )) as Array<{ n: number | string }>;
    expect(Number(named!.n)).toBeGreaterThan(50);
    const [leaves] = (await seeded.query(
      "SELECT COUNT(*) AS n FROM leaves WHERE status = 'approved'",
    )) as Array<{ n: number | string }>;
    expect(Number(leaves!.n)).toBeGreaterThan(0);
    const together = (await seeded.query(
      `SELECT h.official_id AS holder, d.official_id AS deputy, h.start_date AS day
       FROM posts p
       JOIN memberships m ON m.post_id = p.id AND m.end_date IS NULL
       JOIN leaves h ON h.official_id = m.official_id AND h.status = 'approved'
       JOIN leaves d ON d.official_id = p.deputy_official_id AND d.status = 'approved'
       WHERE h.start_date <= d.end_date AND d.start_date <= h.end_date`,
    )) as unknown[];
    expect(together).toEqual([]);
  });
});
