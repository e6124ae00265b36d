import type { TicketFigures, TicketInbox } from '@jinri/shared';
import type { DataSource } from 'typeorm';
import type { FixedClock } from '../src/common/clock';
import { FIELD_CIPHER, type FieldCipher } from '../src/common/crypto/field-cipher';
import { atLocal } from '../src/common/time/local-time';
import { OutboxService } from '../src/modules/notifications/outbox.service';
import { OutboxMessage } from '../src/modules/notifications/outbox-message.entity';
import { Open311Request } from '../src/modules/open311/open311-request.entity';
import { TicketDeadlinesJob } from '../src/modules/tickets/ticket-deadlines.job';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { call, type TestApp } from './app';
import { testDatabases } from './databases';
import { insertTicket, insertTickets } from './factories/ticket.factory';
import { MONDAY_10AM, ticketsApp } from './tickets-app';
import type { WechatStub } from './wechat-stub/wechat-stub';

describe.each(testDatabases())(
  'tickets: deadlines, notifications and retention on %s',
  (_name, makeDatabase) => {
    const tickets = ticketsApp(_name, makeDatabase);
    const { submit, get, act, text, userIdOf } = tickets;
    let stub: WechatStub;
    let clock: FixedClock;
    let sut: TestApp;
    let url: string;
    let data: DataSource;
    let officialA: number;
    let townA: number;
    /** Tickets of the resident on official A, submitted on Monday 10:00 and through `steps`. */
    const ticketsOfResident = async (
      count: number,
      steps: Parameters<typeof insertTicket>[1]['steps'],
      overrides = {},
    ) =>
      insertTickets(data, count, {
        authorUserId: await userIdOf(resident),
        assigneeOfficialId: officialA,
        assigneeUnitId: townA,
        submittedAt: MONDAY_10AM,
        steps,
        overrides,
      });
    let official = '';
    let supervisor = '';
    let resident = '';
    /** Moves the clock and signs everyone in again (access tokens live 2 hours). */
    const at = async (when: Date) => {
      ({ official, supervisor, resident } = await tickets.at(when));
    };

    beforeAll(() => {
      ({ stub, clock, sut, url, data, officialA, townA } = tickets.fixture());
    });
    // Every test starts on Monday 10:00, whatever the one before did with the clock.
    beforeEach(() => at(MONDAY_10AM));

    describe('deadlines, notifications and retention', () => {
      it('sends the resident a reply notice through the outbox, retrying while WeChat is down', async () => {
        const id = (await submit(resident, { officialId: officialA, content: text() })).body.id;
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
        // Acknowledged and replied on Monday: due at the end of Monday 11-23.
        const [{ id }] = await ticketsOfResident(1, ['acknowledge', 'reply']);
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
        await ticketsOfResident(3, []); // official A has (at least) three open tickets
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
        // Closed (satisfied) on Monday, with the phone and the IP hash a resident leaves.
        const cipher = sut.app.get<FieldCipher>(FIELD_CIPHER);
        await ticketsOfResident(1, ['acknowledge', 'resolve', 'rate_satisfied'], {
          authorLabel: '金乡街道 村民 王**',
          contactPhoneEnc: cipher.encrypt('13812345678'),
        } satisfies Partial<Ticket>);
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

      it('scrubs the contact an Open311 request brought, keeping what GeoReport answered publicly', async () => {
        const cipher = sut.app.get<FieldCipher>(FIELD_CIPHER);
        const [ticket] = await ticketsOfResident(1, ['acknowledge', 'resolve', 'rate_satisfied']);
        const contact = { email: 'zhang@example.com', phone: '13812345678', device_id: 'device-42' };
        await data.getRepository(Open311Request).insert({
          ticketId: ticket!.id,
          apiKeyId: null,
          addressString: '金乡县中心街与建设路路口',
          addressId: null,
          lat: '35.0701',
          long: '116.3125',
          mediaUrl: null,
          attributes: {},
          contactEnc: cipher.encrypt(JSON.stringify(contact)),
          createdAt: MONDAY_10AM,
        });
        const job = sut.app.get(TicketDeadlinesJob);
        await at(new Date(clock.now().getTime() + 29 * 86_400_000));
        await job.run();
        const kept = await data.getRepository(Open311Request).findOneByOrFail({ ticketId: ticket!.id });
        expect(JSON.parse(cipher.decrypt(kept.contactEnc!)) as unknown).toEqual(contact);

        await at(new Date(clock.now().getTime() + 31 * 86_400_000));
        expect((await job.run()).scrubbed).toBeGreaterThan(0);
        const scrubbed = await data.getRepository(Open311Request).findOneByOrFail({ ticketId: ticket!.id });
        expect(scrubbed).toMatchObject({
          contactEnc: null,
          addressString: '金乡县中心街与建设路路口',
          lat: '35.0701',
          long: '116.3125',
        });
        expect(await data.getRepository(Ticket).findOneByOrFail({ id: ticket!.id })).toMatchObject({
          scrubbedAt: expect.any(Date),
        });
      });
    });
  },
);
