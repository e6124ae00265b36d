import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  AuthTokens,
  DayPlanView,
  DemoPersona,
  Page,
  PublicTicket,
  TicketCreated,
  TicketFigures,
  TicketInbox,
  TicketStatusView,
  TicketSummary,
  TicketView,
} from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { OutboxService } from '../src/modules/notifications/outbox.service';
import { OutboxMessage } from '../src/modules/notifications/outbox-message.entity';
import { TicketDeadlinesJob } from '../src/modules/tickets/ticket-deadlines.job';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { TicketEvent } from '../src/modules/tickets/ticket-event.entity';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { startWechatStub, type WechatStub } from './wechat-stub/wechat-stub';

/** Monday 2026-11-16, 10:00 in Asia/Shanghai. */
const MONDAY_10AM = atLocal('2026-11-16', '10:00');
const PLAN_DATE = '2026-11-16';
const end = (date: string) => new Date(atLocal(date, '23:59').getTime() + 59_000).toISOString();

describe.each(testDatabases())('tickets on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let clock: FixedClock;
  let sut: TestApp;
  let url: string;
  let data: DataSource;
  let officialA: number;
  let officialB: number;
  let townA: number;
  let entryId: number;
  let official: string;
  let otherOfficial: string;
  let supervisor: string;
  let admin: string;
  let resident: string;
  let neighbour: string;
  let residents = 0;

  const demo = async (role: string, id?: number) =>
    (await call<AuthTokens>(url, 'POST', '/auth/demo', { body: { role, officialId: id } })).body.accessToken;
  const wechat = async (openid: string) =>
    (
      await call<AuthTokens>(url, 'POST', '/auth/wechat', {
        body: { code: `code:${openid}:${randomUUID()}` },
      })
    ).body.accessToken;
  const newResident = () => wechat(`o_ticket_${_name}_${(residents += 1)}`);
  /** Moves the clock and signs everyone in again (access tokens live 2 hours). */
  const at = async (when: Date) => {
    clock.set(when);
    official = await demo('official', officialA);
    otherOfficial = await demo('official', officialB);
    supervisor = await demo('supervisor', officialA);
    admin = await demo('admin', officialA);
    resident = await wechat(`o_ticket_${_name}_resident`);
    neighbour = await wechat(`o_ticket_${_name}_neighbour`);
  };
  const submit = (token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
    call<TicketCreated & ApiErrorBody>(url, 'POST', '/tickets', {
      token,
      body: { publicAllowed: true, ...body },
      headers: { 'idempotency-key': key },
    });
  const get = (token: string, id: number) =>
    call<TicketView & ApiErrorBody>(url, 'GET', `/tickets/${id}`, { token });
  const act = (token: string, id: number, action: string, body: Record<string, unknown>) =>
    call<TicketView & ApiErrorBody>(url, 'POST', `/tickets/${id}/${action}`, { token, body });
  /** The county's supervision office approves publication (nothing is public before). */
  const publish = async (id: number) => {
    const county = await demo('supervisor');
    const ticket = await get(county, id);
    const approved = await act(county, id, 'moderate', { version: ticket.body.version, decision: 'approve' });
    expect(approved.body.moderation).toBe('approved');
  };
  let uniq = 0;
  /** Content differs every call (the same text twice from one user is refused as a duplicate). */
  const text = (base = '村口路灯坏了三天，晚上出行不便，请尽快修理') => `${base}（${(uniq += 1)}号）`;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    stub = await startWechatStub();
    clock = new FixedClock(atLocal('2026-11-15', '17:00'));
    sut = await startTestApp(database.config(), {
      env: {
        WECHAT_API_BASE: stub.url,
        DEMO_LOGIN: '1',
        SEED_DEMO: 'county',
        TICKET_RATE_PER_USER: '100',
        TICKET_RATE_PER_IP: '1000',
        TICKET_RETENTION_DAYS: '30',
      },
      clock,
    });
    url = sut.url;
    data = sut.app.get(DataSource);
    const personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter(
      (p) => p.role === 'official',
    );
    officialA = personas[0]!.officialId!;
    officialB = personas[1]!.officialId!;
    townA = (await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${officialA}`))
      .body.posts[0]!.unit.id;
    // Today's plan of official A, submitted the evening before and published.
    official = await demo('official', officialA);
    const plan = await call<DayPlanView>(url, 'PUT', `/plans/${officialA}/${PLAN_DATE}`, {
      token: official,
      body: {
        entries: [
          {
            startTime: '09:00',
            endTime: '11:30',
            place: '魏庄村',
            what: '到魏庄村调度秋粮收购进度',
            kind: '下村/实地',
          },
        ],
      },
    });
    expect(plan.status).toBe(200);
    entryId = plan.body.entries[0]!.id;
    const published = await call(url, 'POST', '/demo/publish', {
      token: official,
      body: { date: PLAN_DATE },
    });
    expect(published.status).toBe(200);
    await at(MONDAY_10AM);
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  // First: the per-IP window counts every comment from 127.0.0.1 in the last 10 minutes.
  describe('rate limits', () => {
    it('limits comments per user and per IP address in 10 minutes (429, nothing stored)', async () => {
      const strict = await startTestApp(database.config(), {
        env: {
          WECHAT_API_BASE: stub.url,
          DEMO_LOGIN: '1',
          TICKET_RATE_PER_USER: '2',
          TICKET_RATE_PER_IP: '3',
        },
        clock,
      });
      try {
        const send = (token: string) =>
          call<ApiErrorBody>(strict.url, 'POST', '/tickets', {
            token,
            body: { officialId: officialA, content: text(), publicAllowed: false },
            headers: { 'idempotency-key': randomUUID() },
          });
        const one = await newResident();
        expect([(await send(one)).status, (await send(one)).status]).toEqual([201, 201]);
        const third = await send(one);
        expect([third.status, third.body.code]).toEqual([429, 'TICKET.RATE_LIMITED']);
        // Another user on the same address: the third stored comment from 127.0.0.1 is the last.
        const other = await newResident();
        expect((await send(other)).status).toBe(201);
        const fourth = await send(other);
        expect([fourth.status, fourth.body.code]).toEqual([429, 'TICKET.RATE_LIMITED']);
      } finally {
        await strict.app.close();
      }
    });
  });

  describe('submitting', () => {
    it('routes a comment on a published entry to its official with working-day deadlines', async () => {
      const created = await submit(resident, { planEntryId: entryId, content: text(), authorName: '王建国' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'assigned',
        moderation: 'held', // public only once a supervisor approves it
        ackDueAt: end('2026-11-17'),
        dueAt: end('2026-11-23'),
        assignee: { kind: 'official', official: { id: officialA } },
      });
      expect(created.body.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      const view = await get(resident, created.body.id);
      expect(view.body.events.map((e) => [e.type, e.from, e.to])).toEqual([
        ['submitted', null, 'submitted'],
        ['assigned', 'submitted', 'assigned'],
      ]);
      expect(view.body.author).toBe('村民 王**');
      expect(view.body.actions).toEqual(['withdraw']);
    });

    it('returns the same ticket for a retried Idempotency-Key, never a second one', async () => {
      const key = randomUUID();
      const body = { officialId: officialA, content: text() };
      const first = await submit(resident, body, key);
      const again = await submit(resident, body, key);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.queryCode).toBe(first.body.queryCode);
      expect(await data.getRepository(Ticket).countBy({ idempotencyKey: key })).toBe(1);
    });

    it('returns the same ticket for a key retried days later, past the recent-activity window', async () => {
      const key = randomUUID();
      const body = { officialId: officialA, content: text() };
      const first = await submit(resident, body, key);
      await at(new Date(MONDAY_10AM.getTime() + 2 * 86_400_000));
      try {
        const late = await submit(resident, body, key);
        expect([late.status, late.body.id]).toEqual([200, first.body.id]);
      } finally {
        await at(MONDAY_10AM);
      }
    });

    it('creates one ticket when the same key arrives many times at once', async () => {
      const key = randomUUID();
      const body = { officialId: officialA, content: text() };
      const answers = await Promise.all(Array.from({ length: 8 }, () => submit(resident, body, key)));
      expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await data.getRepository(Ticket).countBy({ idempotencyKey: key })).toBe(1);
    });

    it('refuses a key reused for a different comment, and a request without a key', async () => {
      const key = randomUUID();
      await submit(resident, { officialId: officialA, content: text() }, key);
      const reused = await submit(resident, { officialId: officialA, content: text() }, key);
      expect([reused.status, reused.body.code]).toEqual([422, 'TICKET.IDEMPOTENCY_KEY_REUSED']);
      const keyless = await call<ApiErrorBody>(url, 'POST', '/tickets', {
        token: resident,
        body: { officialId: officialA, content: text(), publicAllowed: true },
      });
      expect([keyless.status, keyless.body.code]).toEqual([400, 'TICKET.IDEMPOTENCY_KEY_REQUIRED']);
    });

    it('needs exactly one target, and a published entry', async () => {
      const none = await submit(resident, { content: text() });
      expect([none.status, none.body.code]).toEqual([400, 'TICKET.TARGET_REQUIRED']);
      const two = await submit(resident, { officialId: officialA, matterId: 1, content: text() });
      expect(two.body.code).toBe('TICKET.TARGET_REQUIRED');
      const draft = await call<DayPlanView>(url, 'PUT', `/plans/${officialA}/2026-11-18`, {
        token: official,
        body: {
          entries: [
            { startTime: '09:00', place: '镇政府', what: '参加全镇安全生产专题调度会', kind: '会议' },
          ],
        },
      });
      const unpublished = await submit(resident, { planEntryId: draft.body.entries[0]!.id, content: text() });
      expect([unpublished.status, unpublished.body.code]).toEqual([400, 'TICKET.TARGET_NOT_PUBLIC']);
      const short = await submit(resident, { officialId: officialA, content: '太差' });
      expect([short.status, short.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
    });

    it('routes a matter comment to the duty holder for the village, the most local first', async () => {
      const matter = (
        await call<{ matters: Array<{ id: number; officials: Array<{ id: number }> }> }>(
          url,
          'GET',
          `/search?q=低保&unitId=${townA}`,
        )
      ).body.matters[0]!;
      const created = await submit(resident, { matterId: matter.id, unitId: townA, content: text() });
      expect(created.status).toBe(201);
      expect(created.body.assignee.official?.id).toBe(matter.officials[0]!.id);
    });

    it('puts a comment nobody is found for into the supervisor queue of the town', async () => {
      const dept = (
        await get(admin, (await submit(resident, { officialId: officialA, content: text() })).body.id)
      ).body.assignee.unit.id;
      const matter = await call<{ id: number }>(url, 'POST', '/admin/matters', {
        token: admin,
        body: {
          name: `无人负责的测试事项${_name}`,
          category: '其他',
          keywords: [],
          synonyms: [],
          materials: [],
          whereToGo: '镇便民服务中心',
          officeHours: '工作日',
          departmentId: dept,
          resolveWorkingDays: 3,
        },
      });
      expect(matter.status).toBe(201);
      const created = await submit(resident, { matterId: matter.body.id, unitId: townA, content: text() });
      expect(created.body).toMatchObject({
        status: 'submitted',
        assignee: { kind: 'queue', official: null, unit: { id: townA } },
        dueAt: end('2026-11-19'),
      });
      const inbox = await call<TicketInbox>(url, 'GET', '/tickets/inbox', { token: supervisor });
      expect(inbox.body.items.map((t) => t.id)).toContain(created.body.id);
      const assigned = await act(supervisor, created.body.id, 'assign', {
        version: 1,
        officialId: officialA,
      });
      expect(assigned.body).toMatchObject({ status: 'assigned', assignee: { official: { id: officialA } } });
    });

    it('throttles a flood from one user and refuses the same text twice', async () => {
      const flooder = await newResident();
      const same = text('同一段话反复复制粘贴提交');
      expect((await submit(flooder, { officialId: officialA, content: same })).status).toBe(201);
      const copy = await submit(flooder, { officialId: officialA, content: same });
      expect([copy.status, copy.body.code]).toEqual([409, 'TICKET.DUPLICATE']);
    });
  });

  describe('moderation', () => {
    it('rejects a risky comment with a message that says why, and stores nothing', async () => {
      const before = await data.getRepository(Ticket).count();
      const risky = await submit(resident, { officialId: officialA, content: text('这里有违禁内容出售') });
      expect([risky.status, risky.body.code]).toEqual([400, 'TICKET.CONTENT_REJECTED']);
      expect(risky.body.message).toContain('违法违规内容');
      expect(await data.getRepository(Ticket).count()).toBe(before);
    });

    it("holds the admin's listed words for the supervision office, however they are spaced", async () => {
      const words = await call(url, 'PUT', '/admin/sensitive-words', {
        token: admin,
        body: { unitId: townA, words: ['赌博网站'] },
      });
      expect(words.status).toBe(200);
      const spaced = await submit(resident, {
        officialId: officialA,
        content: text('有人开 赌-博 网站骗钱'),
      });
      expect(spaced.status).toBe(201);
      expect(spaced.body).toMatchObject({ moderation: 'held', assignee: { kind: 'queue', official: null } });
    });

    it('holds a "review" comment from public view until a supervisor approves it', async () => {
      const held = await submit(resident, { officialId: officialA, content: text('这条待审的留言') });
      expect(held.body).toMatchObject({ status: 'assigned', moderation: 'held' });
      const publicList = () =>
        call<Page<PublicTicket>>(url, 'GET', `/tickets/public?officialId=${officialA}`).then((r) =>
          r.body.items.map((t) => t.id),
        );
      expect(await publicList()).not.toContain(held.body.id);
      const approved = await act(supervisor, held.body.id, 'moderate', { version: 1, decision: 'approve' });
      expect(approved.body.moderation).toBe('approved');
      expect(await publicList()).toContain(held.body.id);
    });

    it('accepts and holds a comment when WeChat is unreachable: nothing is lost', async () => {
      stub.state.outage = -1;
      try {
        const held = await submit(resident, { officialId: officialA, content: text() });
        expect(held.status).toBe(201);
        expect(held.body.moderation).toBe('held');
      } finally {
        stub.state.outage = null;
      }
    });
  });

  describe('the closed loop', () => {
    let id: number;

    it('is acknowledged, replied to and resolved by the official, each step an event', async () => {
      id = (await submit(resident, { planEntryId: entryId, content: text(), contactPhone: '13812345678' }))
        .body.id;
      const early = await act(official, id, 'resolve', { version: 1, note: '已修好' });
      expect([early.status, early.body.code]).toEqual([409, 'TICKET.INVALID_TRANSITION']);
      const seen = await get(official, id);
      expect(seen.body.contactPhone).toBe('138****5678');
      expect(seen.body.actions).toEqual(['acknowledge', 'transfer']);
      const acknowledged = await act(official, id, 'acknowledge', { version: 1 });
      expect(acknowledged.body).toMatchObject({ status: 'acknowledged', version: 2 });
      const replied = await act(official, id, 'reply', { version: 2, content: '已安排电工明天上午去修' });
      expect(replied.body).toMatchObject({ status: 'replied', reply: '已安排电工明天上午去修' });
      const resolved = await act(official, id, 'resolve', { version: 3, note: '路灯已更换，恢复照明' });
      expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '路灯已更换，恢复照明' });
      expect(resolved.body.events.map((e) => e.type)).toEqual([
        'submitted',
        'assigned',
        'acknowledged',
        'replied',
        'resolved',
      ]);
      expect((await get(resident, id)).body.actions).toEqual(['rate']);
      const mine = await call<{ toRate: number; items: Array<{ id: number }> }>(url, 'GET', '/tickets/mine', {
        token: resident,
      });
      expect(mine.body.toRate).toBe(1); // the only resolved one so far: 我的 asks for its rating
    });

    it('shows the phone in full only to an admin, and the ticket to nobody unrelated', async () => {
      expect((await get(admin, id)).body.contactPhone).toBe('13812345678');
      expect((await get(resident, id)).body.contactPhone).toBeNull();
      expect((await get(neighbour, id)).status).toBe(404);
      expect((await get(otherOfficial, id)).status).toBe(404);
    });

    it('lets anyone with the query code read the status, without the content or notes', async () => {
      const code = (await get(resident, id)).body.queryCode;
      const status = await call<TicketStatusView>(url, 'GET', `/tickets/lookup/${code.toLowerCase()}`);
      expect(status.status).toBe(200);
      expect(status.body.status).toBe('resolved');
      expect(JSON.stringify(status.body)).not.toContain('138');
      expect(JSON.stringify(status.body)).not.toContain('路灯已更换');
      expect((await call<ApiErrorBody>(url, 'GET', '/tickets/lookup/ZZZZZZZZ')).status).toBe(404);
    });

    it('needs a reason for "not satisfied", which reopens the ticket once', async () => {
      const bare = await act(resident, id, 'rate', { version: 4, satisfied: false });
      expect([bare.status, bare.body.code]).toEqual([400, 'TICKET.REASON_REQUIRED']);
      const reopened = await act(resident, id, 'rate', {
        version: 4,
        satisfied: false,
        reason: '第二天又不亮了',
      });
      expect(reopened.body).toMatchObject({
        status: 'reopened',
        reopenCount: 1,
        rating: { satisfied: false },
      });
      expect(reopened.body.events.at(-1)).toMatchObject({
        type: 'reopened',
        from: 'resolved',
        to: 'reopened',
      });
    });

    it('closes as unsatisfied on the second "not satisfied", and never counts it as solved', async () => {
      await act(official, id, 'acknowledge', { version: 5 });
      await act(official, id, 'resolve', { version: 6, note: '更换了整条线路' });
      const closed = await act(resident, id, 'rate', {
        version: 7,
        satisfied: false,
        reason: '还是时好时坏',
      });
      expect(closed.body).toMatchObject({ status: 'closed', reopenCount: 1 });
      expect(closed.body.actions).toEqual([]);
      const figures = await call<TicketFigures>(url, 'GET', `/officials/${officialA}/ticket-figures`);
      expect(figures.body.satisfactionRate).toBe(0);
      expect(figures.body.total).toBeGreaterThan(1);
    });

    it('records an event for every change, and the history is append-only', async () => {
      const events = await data
        .getRepository(TicketEvent)
        .find({ where: { ticketId: id }, order: { id: 'ASC' } });
      expect(events.map((e) => e.type)).toEqual([
        'submitted',
        'assigned',
        'acknowledged',
        'replied',
        'resolved',
        'reopened',
        'acknowledged',
        'resolved',
        'rated',
      ]);
      expect(events.every((e) => e.actorLabel && !e.actorLabel.includes('王'))).toBe(true);
    });

    it('closes a satisfied ticket, and lets the author withdraw an open one', async () => {
      const t = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      await act(official, t, 'acknowledge', { version: 1 });
      await act(official, t, 'resolve', { version: 2, note: '已处理完毕' });
      const rated = await act(resident, t, 'rate', { version: 3, satisfied: true });
      expect(rated.body).toMatchObject({ status: 'closed', rating: { satisfied: true } });
      const w = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      const notMine = await act(neighbour, w, 'withdraw', { version: 1 });
      expect(notMine.status).toBe(404);
      const withdrawn = await act(resident, w, 'withdraw', { version: 1, reason: '已自行解决' });
      expect(withdrawn.body.status).toBe('withdrawn');
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of many simultaneous changes at one version win; the others get 409', async () => {
      const id = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => act(official, id, 'acknowledge', { version: 1 })),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      const conflicts = answers.filter((a) => a.status === 409);
      expect(conflicts).toHaveLength(9);
      expect(conflicts.every((a) => a.body.code === 'TICKET.VERSION_CONFLICT')).toBe(true);
      expect(await data.getRepository(TicketEvent).countBy({ ticketId: id, type: 'acknowledged' })).toBe(1);
      expect((await data.getRepository(Ticket).findOneByOrFail({ id })).version).toBe(2);
    });

    it('accepts more simultaneous comments than the connection pool holds, none waiting on itself', async () => {
      const crowd = await Promise.all(Array.from({ length: 30 }, () => newResident()));
      const answers = await Promise.all(
        crowd.map((token) => submit(token, { officialId: officialA, content: text() })),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    });

    it('answers a stale version with 409 and changes nothing', async () => {
      const made = await submit(resident, { officialId: officialA, content: text() });
      expect(made.body).toMatchObject({ status: 'assigned' });
      const id = made.body.id;
      await act(official, id, 'acknowledge', { version: 1 });
      const stale = await act(official, id, 'reply', { version: 1, content: '回复内容' });
      expect([stale.status, stale.body.code]).toEqual([409, 'TICKET.VERSION_CONFLICT']);
      expect((await get(official, id)).body.reply).toBeNull();
    });
  });

  describe('transfers and extensions', () => {
    it('transfers to another official with a reason; only the new assignee acts on it', async () => {
      const id = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      const noReason = await act(official, id, 'transfer', {
        version: 1,
        officialId: officialB,
        reason: ' ',
      });
      expect(noReason.body.code).toBe('TICKET.REASON_REQUIRED');
      const moved = await act(official, id, 'transfer', {
        version: 1,
        officialId: officialB,
        reason: '属民政职责',
      });
      expect(moved.body).toMatchObject({ status: 'transferred', assignee: { official: { id: officialB } } });
      expect((await act(official, id, 'acknowledge', { version: 2 })).status).toBe(404);
      expect((await act(otherOfficial, id, 'acknowledge', { version: 2 })).body.status).toBe('acknowledged');
    });

    it('allows one extension before the deadline, approved by the supervisor, in working days', async () => {
      const id = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      await act(official, id, 'acknowledge', { version: 1 });
      const asked = await act(official, id, 'extension', { version: 2, reason: '需协调供电所', days: 2 });
      expect(asked.body.extension).toMatchObject({ status: 'pending', days: 2, newDueAt: end('2026-11-25') });
      const approved = await act(supervisor, id, 'extension/decide', { version: 3, approve: true });
      expect(approved.body).toMatchObject({ dueAt: end('2026-11-25'), extension: { status: 'approved' } });
      const again = await act(official, id, 'extension', { version: 4, reason: '还需要时间', days: 1 });
      expect([again.status, again.body.code]).toEqual([409, 'TICKET.EXTENSION_NOT_ALLOWED']);
    });
  });

  describe('deadlines, notifications and retention', () => {
    let id: number;

    it('sends the resident a reply notice through the outbox, retrying while WeChat is down', async () => {
      id = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      await act(official, id, 'acknowledge', { version: 1 });
      const outbox = sut.app.get(OutboxService);
      await outbox.dispatch(); // the "new ticket" notices before this one
      stub.state.outage = -1;
      await act(official, id, 'reply', { version: 2, content: '正在处理' });
      const sentBefore = stub.state.sent.length;
      expect(await outbox.dispatch()).toMatchObject({ sent: 0, retried: 1 });
      const waiting = (await outbox.forTicket(id)).find((m) => m.purpose === 'ticketReply')!;
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastErrcode: -1 });
      stub.state.outage = null;
      expect((await outbox.dispatch()).sent).toBe(0); // not yet due: backoff
      clock.advance(31_000);
      expect((await outbox.dispatch()).sent).toBe(1);
      expect(stub.state.sent.length).toBe(sentBefore + 1);
      expect(stub.state.sent.at(-1)!.data.phrase2!.value).toBe('已答复');
      // A page inside the mini-program, without a leading slash (as WeChat's examples write it).
      expect(stub.state.sent.at(-1)!.page).toBe(`packages/tickets/detail/index?id=${id}`);
      expect((await data.getRepository(OutboxMessage).findOneByOrFail({ id: waiting.id })).status).toBe(
        'sent',
      );
    });

    it('reminds on the working day before the deadline and escalates when it has passed', async () => {
      const job = sut.app.get(TicketDeadlinesJob);
      await at(atLocal('2026-11-20', '09:01')); // Friday: the working day before Monday 11-23
      expect((await job.run()).reminded).toBeGreaterThan(0);
      expect((await get(official, id)).body.events.at(-1)!.type).toBe('reminded');
      expect((await job.run()).reminded).toBe(0);
      await at(atLocal('2026-11-24', '00:01'));
      expect((await job.run()).escalated).toBeGreaterThan(0);
      const view = (await get(official, id)).body;
      expect(view).toMatchObject({ overdue: true, escalated: true });
      const overdue: number[] = [];
      for (let page = 1; page <= 10; page += 1) {
        const inbox = await call<TicketInbox>(url, 'GET', `/tickets/inbox?filter=overdue&page=${page}`, {
          token: supervisor,
        });
        expect(inbox.body.counts.overdue).toBe(inbox.body.total);
        overdue.push(...inbox.body.items.map((t) => t.id));
        if (inbox.body.items.length < inbox.body.pageSize) break;
      }
      expect(overdue).toContain(id);
    });

    it('sends the morning digest once a working day to officials with several open tickets', async () => {
      const job = sut.app.get(TicketDeadlinesJob);
      await at(atLocal('2026-11-24', '08:29'));
      expect(await job.digest()).toBe(0);
      await at(atLocal('2026-11-24', '08:31'));
      const sent = await job.digest();
      expect(sent).toBeGreaterThan(0);
      expect(await job.digest()).toBe(0);
      const digests = await data.getRepository(OutboxMessage).findBy({ purpose: 'ticketDigest' });
      expect(digests).toHaveLength(sent);
      expect(Number(digests[0]!.values.number2)).toBeGreaterThanOrEqual(3);
    });

    it('closes a resolved ticket 7 days after resolution when the resident does not rate', async () => {
      const job = sut.app.get(TicketDeadlinesJob);
      const t = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      await act(official, t, 'acknowledge', { version: 1 });
      await act(official, t, 'resolve', { version: 2, note: '已处理' });
      await at(new Date(clock.now().getTime() + 7 * 86_400_000 + 60_000));
      await job.run();
      const closed = (await get(resident, t)).body;
      expect(closed.status).toBe('closed');
      expect(closed.events.at(-1)).toMatchObject({ type: 'closed', actor: '系统' });
    });

    it('scrubs personal data after retention while the record and the figures stay', async () => {
      const job = sut.app.get(TicketDeadlinesJob);
      const before = await call<TicketFigures>(url, 'GET', `/officials/${officialA}/ticket-figures`);
      await at(new Date(clock.now().getTime() + 31 * 86_400_000));
      expect((await job.run()).scrubbed).toBeGreaterThan(0);
      const scrubbed = await data.getRepository(Ticket).find({ where: { authorLabel: '村民' } });
      expect(scrubbed.length).toBeGreaterThan(0);
      const withPhone = await data
        .getRepository(Ticket)
        .createQueryBuilder('t')
        .where('t.scrubbedAt IS NOT NULL AND (t.contactPhoneEnc IS NOT NULL OR t.ipHash IS NOT NULL)')
        .getCount();
      expect(withPhone).toBe(0);
      const after = await call<TicketFigures>(url, 'GET', `/officials/${officialA}/ticket-figures`);
      expect(after.body.total).toBe(before.body.total);
      expect(after.body.satisfactionRate).toBe(before.body.satisfactionRate);
    });
  });

  describe('lists', () => {
    it('shows the resident their own tickets, newest first, paged', async () => {
      const mine = await call<Page<TicketSummary>>(url, 'GET', '/tickets/mine', { token: resident });
      expect(mine.body.total).toBeGreaterThan(5);
      expect(mine.body.items[0]!.id).toBeGreaterThan(mine.body.items[1]!.id);
      const theirs = await call<Page<TicketSummary>>(url, 'GET', '/tickets/mine', { token: neighbour });
      expect(theirs.body.total).toBe(0);
    });

    it("sorts the official's inbox by time left and counts it", async () => {
      const inbox = await call<TicketInbox>(url, 'GET', '/tickets/inbox', { token: official });
      expect(inbox.status).toBe(200);
      const due = inbox.body.items.map((t) => (t.status === 'assigned' ? t.ackDueAt : t.dueAt));
      expect(due).toEqual([...due].sort());
      expect(inbox.body.counts.open).toBe(inbox.body.total);
    });

    it('counts what is due before midnight, and no longer once it is overdue', async () => {
      const created = await submit(await newResident(), { officialId: officialB, content: text() });
      const ackDue = new Date(created.body.ackDueAt);
      const counts = async () =>
        (await call<TicketInbox>(url, 'GET', '/tickets/inbox', { token: otherOfficial })).body.counts;
      await at(new Date(ackDue.getTime() - 2 * 3_600_000)); // 22:00 on the day it is due
      const before = await counts();
      expect(before.dueToday).toBe(1); // officialB's other tickets are long overdue by now
      await at(new Date(ackDue.getTime() + 60_000));
      const after = await counts();
      expect(after.dueToday).toBe(0);
      expect(after.overdue).toBe(before.overdue + 1);
    });

    it('shows public tickets with the author masked and no contact data', async () => {
      const list = await call<Page<PublicTicket>>(url, 'GET', `/tickets/public?officialId=${officialA}`);
      expect(list.body.items.length).toBeGreaterThan(0);
      const json = JSON.stringify(list.body);
      expect(json).not.toMatch(/1[3-9]\d{9}|queryCode|openid|contactPhone/);
      expect(list.body.items.every((t) => t.author.startsWith('村民') || t.author.includes('村民'))).toBe(
        true,
      );
    });

    it('suggests similar open tickets on the same target', async () => {
      const base = '镇上菜市场门口的垃圾已经堆了一个星期没人清理';
      await publish((await submit(await newResident(), { officialId: officialB, content: base })).body.id);
      const similar = await call<Array<{ excerpt: string; similarity: number }>>(
        url,
        'GET',
        `/tickets/similar?officialId=${officialB}&content=${encodeURIComponent('菜市场门口垃圾堆了一个星期没人清理')}`,
      );
      expect(similar.body[0]!.excerpt).toBe(base);
      const unrelated = await call<unknown[]>(
        url,
        'GET',
        `/tickets/similar?officialId=${officialB}&content=${encodeURIComponent('申请低保需要什么材料')}`,
      );
      expect(unrelated.body).toEqual([]);
    });
  });

  describe('subscribe messages', () => {
    it('tells the mini-program which templates to ask residents and staff to accept', async () => {
      const templates = await call<{ resident: string[]; staff: string[] }>(
        url,
        'GET',
        '/notifications/templates',
      );
      expect(templates.body).toEqual({
        resident: [sut.config.wechat.templates.ticketReply!.id],
        staff: [
          sut.config.wechat.templates.ticketNew!.id,
          sut.config.wechat.templates.ticketDue!.id,
          sut.config.wechat.templates.planReminder!.id,
        ],
      });
    });
  });

  describe('following a similar ticket', () => {
    it('lets a neighbour follow a public ticket and tells them of its reply', async () => {
      const created = await submit(await newResident(), {
        officialId: officialB,
        content: text('东街的下水道堵了，雨天污水漫到路上'),
      });
      await publish(created.body.id);
      const follow = await call<{ following: boolean; followers: number }>(
        url,
        'POST',
        `/tickets/${created.body.id}/follow`,
        { token: neighbour },
      );
      expect(follow.body).toEqual({ following: true, followers: 1 });
      const again = await call<{ followers: number }>(url, 'POST', `/tickets/${created.body.id}/follow`, {
        token: neighbour,
      });
      expect(again.body.followers).toBe(1);
      const list = await call<Page<PublicTicket>>(url, 'GET', '/tickets/following', { token: neighbour });
      expect(list.body.items.map((t) => t.id)).toContain(created.body.id);
      await act(otherOfficial, created.body.id, 'acknowledge', { version: 2 });
      await act(otherOfficial, created.body.id, 'reply', { version: 3, content: '已安排疏通' });
      const neighbourId = (await call<{ user: { id: number } }>(url, 'GET', '/me', { token: neighbour })).body
        .user.id;
      const messages = await sut.app.get(OutboxService).forTicket(created.body.id);
      expect(messages.filter((m) => m.purpose === 'ticketReply').map((m) => m.userId)).toContain(neighbourId);
      const off = await call<{ following: boolean }>(url, 'DELETE', `/tickets/${created.body.id}/follow`, {
        token: neighbour,
      });
      expect(off.body.following).toBe(false);
    });

    it('does not let anyone follow a comment that is not public', async () => {
      const hidden = await submit(resident, { officialId: officialA, content: text(), publicAllowed: false });
      const follow = await call<ApiErrorBody>(url, 'POST', `/tickets/${hidden.body.id}/follow`, {
        token: neighbour,
      });
      expect([follow.status, follow.body.code]).toEqual([404, 'TICKET.NOT_FOUND']);
    });
  });

  describe('Open311 GeoReport v2', () => {
    const SERVICE_FIELDS = [
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ];
    const REQUEST_FIELDS = [
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ];

    it('lists matters as services with the spec fields', async () => {
      const services = await call<Array<Record<string, unknown>>>(url, 'GET', '/open311/v2/services.json');
      expect(services.status).toBe(200);
      expect(Object.keys(services.body[0]!).sort()).toEqual([...SERVICE_FIELDS].sort());
      const code = services.body[0]!.service_code as string;
      const definition = await call(url, 'GET', `/open311/v2/services/${code}.json`);
      expect(definition.body).toEqual({ service_code: code, attributes: [] });
      const missing = await call<unknown>(url, 'GET', '/open311/v2/services/nope.json');
      expect([missing.status, missing.body]).toEqual([404, [{ code: 404, description: '找不到该事项' }]]);
    });

    it('creates a request and lists it with the spec fields and no personal data', async () => {
      const code = (await call<Array<{ service_code: string }>>(url, 'GET', '/open311/v2/services.json'))
        .body[0]!.service_code;
      const created = await call<Array<{ service_request_id: string }>>(
        url,
        'POST',
        '/open311/v2/requests.json',
        {
          token: await newResident(),
          body: { service_code: code, description: '想咨询一下这个事项需要带哪些材料' },
        },
      );
      expect(created.status).toBe(201);
      const requestId = created.body[0]!.service_request_id;
      await publish(Number(requestId));
      const one = await call<Array<Record<string, unknown>>>(
        url,
        'GET',
        `/open311/v2/requests/${requestId}.json`,
      );
      expect(Object.keys(one.body[0]!).sort()).toEqual([...REQUEST_FIELDS].sort());
      expect(one.body[0]).toMatchObject({ status: 'open', service_code: code });
      const filtered = await call<Array<{ service_request_id: string }>>(
        url,
        'GET',
        `/open311/v2/requests.json?service_code=${code}&status=open`,
      );
      expect(filtered.body.map((r) => r.service_request_id)).toContain(requestId);
      const closed = await call<Array<{ service_request_id: string }>>(
        url,
        'GET',
        '/open311/v2/requests.json?status=closed',
      );
      expect(closed.body.map((r) => r.service_request_id)).not.toContain(requestId);
      const all = JSON.stringify(
        (await call(url, 'GET', '/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z')).body,
      );
      expect(all).not.toMatch(/1[3-9]\d{9}|王\*\*|openid/);
    });
  });
});
