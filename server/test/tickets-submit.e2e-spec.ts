import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, Page, PublicTicket, TicketInbox } from '@jinri/shared';
import type { DataSource } from 'typeorm';
import type { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { call, startTestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { insertDayPlan } from './factories/journal.factory';
import { end, MONDAY_10AM, ticketsApp } from './tickets-app';
import type { WechatStub } from './wechat-stub/wechat-stub';

describe.each(testDatabases())('tickets: submitting and moderation on %s', (_name, makeDatabase) => {
  const tickets = ticketsApp(_name, makeDatabase);
  const { submit, get, act, text, newResident } = tickets;
  let database: TestDatabase;
  let stub: WechatStub;
  let clock: FixedClock;
  let url: string;
  let data: DataSource;
  let officialA: number;
  let townA: number;
  let entryId: number;
  let supervisor = '';
  let admin = '';
  let resident = '';
  /** Moves the clock and signs everyone in again (access tokens live 2 hours). */
  const at = async (when: Date) => {
    ({ supervisor, admin, resident } = await tickets.at(when));
  };

  beforeAll(() => {
    ({ database, stub, clock, url, data, officialA, townA, entryId } = tickets.fixture());
  });
  // Every test starts on Monday 10:00, whatever the one before did with the clock.
  beforeEach(() => at(MONDAY_10AM));

  describe('rate limits', () => {
    it('limits comments per user and per IP address in 10 minutes (429, nothing stored)', async () => {
      // The per-IP window counts every comment from 127.0.0.1 in the last 10 minutes: Thursday
      // afternoon, after every other comment of this file.
      await at(atLocal('2026-11-19', '15:00'));
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
      const draft = await insertDayPlan(data, {
        officialId: officialA,
        date: '2026-11-18',
        status: 'draft',
        entries: [
          {
            startTime: '09:00',
            endTime: null,
            place: '镇政府',
            what: '参加全镇安全生产专题调度会',
            kind: '会议',
          },
        ],
      });
      const unpublished = await submit(resident, { planEntryId: draft.entries[0]!.id, content: text() });
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
});
