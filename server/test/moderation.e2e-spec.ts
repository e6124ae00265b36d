import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  Page,
  PublicTicket,
  SimilarTicket,
  TicketCreated,
  TicketInbox,
  TicketView,
} from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { TicketReview1795410000000 } from '../src/database/migrations/1795410000000-TicketReview';
import { isMysql } from '../src/database/migrations/schema-helpers';
import { atLocal } from '../src/common/time/local-time';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { type WechatStub } from './wechat-stub/wechat-stub';
import {
  demoOfficials,
  startDemoCounty,
  TICKET_RATES,
  demoToken,
  residentToken,
} from './helpers/demo-county';

/** Friday 2026-11-20, 10:00 in Asia/Shanghai: a 1-working-day review is due at the end of Monday. */
const FRIDAY_10AM = atLocal('2026-11-20', '10:00');
const end = (date: string) => new Date(atLocal(date, '23:59').getTime() + 59_000).toISOString();

describe.each(testDatabases())('moderation and publication review on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let clock: FixedClock;
  let sut: TestApp;
  let url: string;
  let officialA: number;
  let townA: number;
  let supervisor: string;
  let admin: string;
  let resident: string;
  let neighbour: string;

  const demo = (role: string, id?: number) => demoToken(url, role, id);
  const wechat = (openid: string) => residentToken(url, openid);
  /** Moves the clock and signs everyone in again. */
  const at = async (when: Date) => {
    clock.set(when);
    supervisor = await demo('supervisor', officialA);
    admin = await demo('admin', officialA);
    resident = await wechat(`o_moderation_${_name}_resident`);
    neighbour = await wechat(`o_moderation_${_name}_neighbour`);
  };
  const submit = (token: string, body: Record<string, unknown>) =>
    call<TicketCreated & ApiErrorBody>(url, 'POST', '/tickets', {
      token,
      body: { publicAllowed: true, ...body },
      headers: { 'idempotency-key': randomUUID() },
    });
  const get = (token: string, id: number) =>
    call<TicketView & ApiErrorBody>(url, 'GET', `/tickets/${id}`, { token });
  const approve = (id: number, version: number) =>
    call<TicketView & ApiErrorBody>(url, 'POST', `/tickets/${id}/moderate`, {
      token: supervisor,
      body: { version, decision: 'approve' },
    });
  const publicIds = async () =>
    (await call<Page<PublicTicket>>(url, 'GET', `/tickets/public?officialId=${officialA}`)).body.items.map(
      (t) => t.id,
    );
  const heldQueue = async () =>
    (await call<TicketInbox>(url, 'GET', '/tickets/inbox?filter=held', { token: supervisor })).body;
  let uniq = 0;
  const text = (base: string) => `${base}（${(uniq += 1)}号）`;

  beforeAll(async () => {
    clock = new FixedClock(FRIDAY_10AM);
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, { clock, env: TICKET_RATES }));
    url = sut.url;
    const personas = await demoOfficials(url);
    officialA = personas[0]!.officialId!;
    townA = (await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${officialA}`))
      .body.posts[0]!.unit.id;
    await at(FRIDAY_10AM);
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  describe('a word on the admin list', () => {
    it('holds a corruption complaint for the supervision office instead of rejecting it', async () => {
      const words = await call(url, 'PUT', '/admin/sensitive-words', {
        token: admin,
        body: { unitId: townA, words: ['贪官'] },
      });
      expect(words.status).toBe(200);
      const complaint = await submit(resident, {
        officialId: officialA,
        content: '村干部都是贪官，低保名额全给了自己亲戚',
      });
      expect(complaint.status).toBe(201);
      // Not sent to the official it may accuse: it waits in the supervision office's queue.
      expect(complaint.body).toMatchObject({
        status: 'submitted',
        moderation: 'held',
        assignee: { kind: 'queue', official: null },
      });
      expect(await publicIds()).not.toContain(complaint.body.id);
      const queue = await heldQueue();
      expect(queue.items.map((t) => t.id)).toContain(complaint.body.id);
      const seen = await get(supervisor, complaint.body.id);
      expect(seen.body.events[0]).toMatchObject({ type: 'submitted' });
      expect(seen.body.events[0]!.note).toContain('贪官');
      expect(seen.body.actions).toEqual(expect.arrayContaining(['assign', 'moderate']));
    });
  });

  describe('content illegal in itself', () => {
    it('is refused with a message that says why in plain words', async () => {
      const risky = await submit(resident, { officialId: officialA, content: text('这里有违禁内容出售') });
      expect([risky.status, risky.body.code]).toEqual([400, 'TICKET.CONTENT_REJECTED']);
      expect(risky.body.message).toContain('违法违规内容');
      expect(risky.body.message).not.toContain('不当内容');
    });
  });

  describe('publication', () => {
    let id: number;

    it('keeps a clean comment out of every public list until a supervisor approves it', async () => {
      const created = await submit(resident, {
        officialId: officialA,
        content: text('村东头的排水沟堵了，下雨天污水漫到路上'),
      });
      expect(created.status).toBe(201);
      id = created.body.id;
      expect(created.body).toMatchObject({ status: 'assigned', moderation: 'held' });
      expect(await publicIds()).not.toContain(id);
      const similar = await call<SimilarTicket[]>(
        url,
        'GET',
        `/tickets/similar?officialId=${officialA}&content=${encodeURIComponent('村东头排水沟堵了，下雨天污水漫到路上')}`,
        { token: neighbour },
      );
      expect(similar.body.map((t) => t.id)).not.toContain(id);
      expect((await call(url, 'GET', `/open311/v2/requests/${id}.json`)).status).toBe(404);
    });

    it('gives the review one working day, and shows the supervisor when it is overdue', async () => {
      const queue = await heldQueue();
      const item = queue.items.find((t) => t.id === id)!;
      expect(item).toMatchObject({ reviewDueAt: end('2026-11-23'), reviewOverdue: false });
      expect(queue.counts.heldOverdue).toBe(0);
      await at(atLocal('2026-11-24', '09:00'));
      const later = await heldQueue();
      expect(later.items.find((t) => t.id === id)).toMatchObject({ reviewOverdue: true });
      expect(later.counts.heldOverdue).toBeGreaterThanOrEqual(1);
    });

    it('publishes the comment once approved, and records the approval as an event', async () => {
      const approved = await approve(id, 1);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ moderation: 'approved', reviewDueAt: null });
      expect(approved.body.events.map((e) => e.type)).toEqual(['submitted', 'assigned', 'approved']);
      expect(await publicIds()).toContain(id);
      expect((await call(url, 'GET', `/open311/v2/requests/${id}.json`)).status).toBe(200);
      expect((await heldQueue()).items.map((t) => t.id)).not.toContain(id);
    });

    it('does not queue for review a private comment with nothing flagged', async () => {
      const hidden = await submit(resident, {
        officialId: officialA,
        content: text('想私下问一下低保复核的进度'),
        publicAllowed: false,
      });
      expect(hidden.body.moderation).toBe('passed');
      expect((await heldQueue()).items.map((t) => t.id)).not.toContain(hidden.body.id);
      expect(await publicIds()).not.toContain(hidden.body.id);
    });
  });

  describe('similar tickets', () => {
    it("never offers the resident's own comment as someone else's", async () => {
      const base = '镇中学门口的减速带被压坏了，车开得很快';
      const created = await submit(resident, { officialId: officialA, content: base });
      if (created.body.moderation === 'held') expect((await approve(created.body.id, 1)).status).toBe(200);
      const query = `/tickets/similar?officialId=${officialA}&content=${encodeURIComponent('镇中学门口减速带压坏了，车开得很快')}`;
      const theirs = await call<SimilarTicket[]>(url, 'GET', query, { token: neighbour });
      expect(theirs.body.map((t) => t.id)).toContain(created.body.id);
      const own = await call<SimilarTicket[]>(url, 'GET', query, { token: resident });
      expect(own.status).toBe(200);
      expect(own.body.map((t) => t.id)).not.toContain(created.body.id);
    });
  });

  describe('the migration', () => {
    it('sends comments that were public without review to the 待审核 queue', async () => {
      const publicBefore = await publicIds();
      const heldBefore = (await heldQueue()).total;
      expect(publicBefore.length).toBeGreaterThan(0);
      const migration = new TicketReview1795410000000();
      const runner = sut.app.get(DataSource).createQueryRunner();
      // As the migration runner does on SQLite: dropping a column rebuilds the table.
      const sqlite = !isMysql(runner);
      if (sqlite) await runner.query('PRAGMA foreign_keys = OFF');
      try {
        await migration.down(runner);
        // Before the rule, public comments were `passed` and public at once.
        await runner.query("UPDATE tickets SET moderation = 'passed' WHERE moderation = 'approved'");
        await migration.up(runner);
      } finally {
        if (sqlite) await runner.query('PRAGMA foreign_keys = ON');
        await runner.release();
      }
      expect(await publicIds()).toEqual([]);
      const after = await heldQueue();
      expect(after.total).toBeGreaterThanOrEqual(heldBefore + publicBefore.length);
      expect(after.items.every((t) => t.moderation === 'held' && t.reviewDueAt !== null)).toBe(true);
    });
  });
});
