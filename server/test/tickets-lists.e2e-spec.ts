import type { ApiErrorBody, Page, PublicTicket, TicketInbox, TicketSummary } from '@jinri/shared';
import type { DataSource } from 'typeorm';
import { atLocal } from '../src/common/time/local-time';
import { OutboxService } from '../src/modules/notifications/outbox.service';
import { call, type TestApp } from './app';
import { testDatabases } from './databases';
import { insertTicket, insertTickets } from './factories/ticket.factory';
import { MONDAY_10AM, ticketsApp } from './tickets-app';

describe.each(testDatabases())('tickets: lists, following and Open311 on %s', (_name, makeDatabase) => {
  const tickets = ticketsApp(_name, makeDatabase);
  const { submit, act, publish, text, newResident, userIdOf } = tickets;
  let sut: TestApp;
  let url: string;
  let data: DataSource;
  let officialA: number;
  let officialB: number;
  let townA: number;
  let official = '';
  let otherOfficial = '';
  let resident = '';
  let neighbour = '';
  /** Moves the clock and signs everyone in again (access tokens live 2 hours). */
  const at = async (when: Date) => {
    ({ official, otherOfficial, resident, neighbour } = await tickets.at(when));
  };

  beforeAll(() => {
    ({ sut, url, data, officialA, officialB, townA } = tickets.fixture());
  });
  // Every test starts on Monday 10:00, whatever the one before did with the clock.
  beforeEach(() => at(MONDAY_10AM));

  describe('lists', () => {
    it('shows the resident their own tickets, newest first, paged', async () => {
      await insertTickets(data, 6, {
        authorUserId: await userIdOf(resident),
        assigneeOfficialId: officialA,
        assigneeUnitId: townA,
        submittedAt: MONDAY_10AM,
      });
      const mine = await call<Page<TicketSummary>>(url, 'GET', '/tickets/mine', { token: resident });
      expect(mine.body.total).toBeGreaterThan(5);
      expect(mine.body.items[0]!.id).toBeGreaterThan(mine.body.items[1]!.id);
      const theirs = await call<Page<TicketSummary>>(url, 'GET', '/tickets/mine', { token: neighbour });
      expect(theirs.body.total).toBe(0);
    });

    it("sorts the official's inbox by time left and counts it", async () => {
      // Waiting for acknowledgement and acknowledged, on top of the demo tickets.
      const seed = {
        authorUserId: await userIdOf(resident),
        assigneeOfficialId: officialA,
        assigneeUnitId: townA,
        submittedAt: MONDAY_10AM,
      };
      await insertTickets(data, 2, seed);
      await insertTicket(data, { ...seed, steps: ['acknowledge'] });
      const inbox = await call<TicketInbox>(url, 'GET', '/tickets/inbox', { token: official });
      expect(inbox.status).toBe(200);
      const due = inbox.body.items.map((t) => (t.status === 'assigned' ? t.ackDueAt : t.dueAt));
      expect(due).toEqual([...due].sort());
      expect(inbox.body.counts.open).toBe(inbox.body.total);
    });

    it('counts what is due before midnight, and no longer once it is overdue', async () => {
      // A Monday in December: official B's other tickets are long overdue by now.
      await at(atLocal('2026-12-21', '10:00'));
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
      const named = await submit(resident, {
        officialId: officialA,
        content: text(),
        authorName: '王建国',
        contactPhone: '13812345678',
      });
      await publish(named.body.id);
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
      expect(definition.body).toMatchObject({ service_code: code, attributes: [{ code: 'place' }] });
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
          body: {
            service_code: code,
            description: '想咨询一下这个事项需要带哪些材料',
            address_string: '村委会',
          },
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
