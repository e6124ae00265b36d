import type { ApiErrorBody, TicketFigures, TicketStatusView } from '@jinri/shared';
import type { DataSource } from 'typeorm';
import { FIELD_CIPHER, type FieldCipher } from '../src/common/crypto/field-cipher';
import { TicketEvent } from '../src/modules/tickets/ticket-event.entity';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { call, type TestApp } from './app';
import { testDatabases } from './databases';
import { insertTicket } from './factories/ticket.factory';
import { end, MONDAY_10AM, ticketsApp } from './tickets-app';

describe.each(testDatabases())('tickets: the closed loop on %s', (_name, makeDatabase) => {
  const tickets = ticketsApp(_name, makeDatabase);
  const { submit, get, act, text, newResident, userIdOf } = tickets;
  let sut: TestApp;
  let url: string;
  let data: DataSource;
  let officialA: number;
  let officialB: number;
  let townA: number;
  let entryId: number;
  let official = '';
  let otherOfficial = '';
  let supervisor = '';
  let admin = '';
  let resident = '';
  let neighbour = '';
  /** Moves the clock and signs everyone in again (access tokens live 2 hours). */
  const at = async (when: Date) => {
    ({ official, otherOfficial, supervisor, admin, resident, neighbour } = await tickets.at(when));
  };

  beforeAll(() => {
    ({ sut, url, data, officialA, officialB, townA, entryId } = tickets.fixture());
  });
  // Every test starts on Monday 10:00, whatever the one before did with the clock.
  beforeEach(() => at(MONDAY_10AM));

  describe('the closed loop', () => {
    /** A ticket of the resident on official A, already through `steps` (see the ticket factory). */
    const ticketOfResident = async (steps: Parameters<typeof insertTicket>[1]['steps'], overrides = {}) =>
      (
        await insertTicket(data, {
          authorUserId: await userIdOf(resident),
          assigneeOfficialId: officialA,
          assigneeUnitId: townA,
          submittedAt: MONDAY_10AM,
          steps,
          overrides,
        })
      ).id;

    it('is acknowledged, replied to and resolved by the official, each step an event', async () => {
      // A resident of their own: this is the only resolved ticket they have.
      const resident = await newResident();
      const id = (
        await submit(resident, { planEntryId: entryId, content: text(), contactPhone: '13812345678' })
      ).body.id;
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
      const id = (
        await submit(resident, { officialId: officialA, content: text(), contactPhone: '13812345678' })
      ).body.id;
      expect((await get(admin, id)).body.contactPhone).toBe('13812345678');
      expect((await get(resident, id)).body.contactPhone).toBeNull();
      expect((await get(neighbour, id)).status).toBe(404);
      expect((await get(otherOfficial, id)).status).toBe(404);
    });

    it('lets anyone with the query code read the status, without the content or notes', async () => {
      const cipher = sut.app.get<FieldCipher>(FIELD_CIPHER);
      const id = await ticketOfResident(['acknowledge', 'reply', 'resolve'], {
        contactPhoneEnc: cipher.encrypt('13812345678'),
        resolution: '路灯已更换，恢复照明',
      } satisfies Partial<Ticket>);
      const code = (await get(resident, id)).body.queryCode;
      const status = await call<TicketStatusView>(url, 'GET', `/tickets/lookup/${code.toLowerCase()}`);
      expect(status.status).toBe(200);
      expect(status.body.status).toBe('resolved');
      expect(JSON.stringify(status.body)).not.toContain('138');
      expect(JSON.stringify(status.body)).not.toContain('路灯已更换');
      expect((await call<ApiErrorBody>(url, 'GET', '/tickets/lookup/ZZZZZZZZ')).status).toBe(404);
    });

    it('needs a reason for "not satisfied", which reopens the ticket once', async () => {
      const id = await ticketOfResident(['acknowledge', 'reply', 'resolve']);
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
      const id = await ticketOfResident(['acknowledge', 'reply', 'resolve', 'rate_unsatisfied']);
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
      const id = (await submit(resident, { officialId: officialA, content: text() })).body.id;
      await act(official, id, 'acknowledge', { version: 1 });
      await act(official, id, 'reply', { version: 2, content: '已安排电工明天上午去修' });
      await act(official, id, 'resolve', { version: 3, note: '路灯已更换，恢复照明' });
      await act(resident, id, 'rate', { version: 4, satisfied: false, reason: '第二天又不亮了' });
      await act(official, id, 'acknowledge', { version: 5 });
      await act(official, id, 'resolve', { version: 6, note: '更换了整条线路' });
      await act(resident, id, 'rate', { version: 7, satisfied: false, reason: '还是时好时坏' });
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
      // On official B: official A's satisfaction rate stays 0 for the test above, in any order.
      const t = (await submit(resident, { officialId: officialB, content: text() })).body.id;
      await act(otherOfficial, t, 'acknowledge', { version: 1 });
      await act(otherOfficial, t, 'resolve', { version: 2, note: '已处理完毕' });
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
});
