import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  InAppMessagePage,
  MarkMessagesReadResponse,
  TicketCreated,
  TicketView,
  UnreadCount,
} from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { InAppMessage } from '../src/modules/notifications/in-app-message.entity';
import { InAppMessagesService } from '../src/modules/notifications/in-app-messages.service';
import { OutboxMessage } from '../src/modules/notifications/outbox-message.entity';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { type WechatStub } from './wechat-stub/wechat-stub';
import { demoOfficials, startDemoCounty, demoToken, residentToken } from './helpers/demo-county';

/** Monday 2026-11-16, 10:00 in Asia/Shanghai. */
const MONDAY_10AM = atLocal('2026-11-16', '10:00');
const DETAIL = 'packages/tickets/detail/index';

describe.each(testDatabases())('the in-app message centre on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let clock: FixedClock;
  let sut: TestApp;
  let url: string;
  let officialA: number;
  let official: string;
  let resident: string;
  let neighbour: string;

  const demo = (role: string, id?: number) => demoToken(url, role, id);
  const wechat = (openid: string) => residentToken(url, openid);
  const submit = (token: string, content: string) =>
    call<TicketCreated & ApiErrorBody>(url, 'POST', '/tickets', {
      token,
      body: { officialId: officialA, content, publicAllowed: false },
      headers: { 'idempotency-key': randomUUID() },
    });
  const act = (token: string, id: number, action: string, body: Record<string, unknown>) =>
    call<TicketView & ApiErrorBody>(url, 'POST', `/tickets/${id}/${action}`, { token, body });
  const messages = (token: string, page = 1) =>
    call<InAppMessagePage & ApiErrorBody>(url, 'GET', `/me/messages?page=${page}`, { token });
  const unread = async (token: string) =>
    (await call<UnreadCount>(url, 'GET', '/me/messages/unread-count', { token })).body.unread;
  const markRead = (token: string, body: Record<string, unknown>) =>
    call<MarkMessagesReadResponse & ApiErrorBody>(url, 'POST', '/me/messages/read', { token, body });

  beforeAll(async () => {
    clock = new FixedClock(MONDAY_10AM);
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, {
      clock,
      env: { TICKET_RATE_PER_USER: '100' },
    }));
    url = sut.url;
    const personas = await demoOfficials(url);
    officialA = personas[0]!.officialId!;
    official = await demo('official', officialA);
    resident = await wechat(`o_messages_${name}_resident`);
    neighbour = await wechat(`o_messages_${name}_neighbour`);
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  it('gives the official an unread message for a new comment, in the same transaction as the outbox row', async () => {
    const before = await unread(official);
    const created = await submit(resident, '村口路灯坏了三天，晚上出行不便，请尽快修理');
    expect(created.status).toBe(201);
    const list = await messages(official);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      kind: 'ticketNew',
      title: '新的群众留言',
      body: '村口路灯坏了三天，晚上出行不便，请尽快修理',
      page: `${DETAIL}?id=${created.body.id}`,
      readAt: null,
    });
    expect(list.body.unread).toBe(before + 1);
    expect(await unread(official)).toBe(before + 1);
    const outbox = await sut.app
      .get(DataSource)
      .getRepository(OutboxMessage)
      .countBy({ ticketId: created.body.id, purpose: 'ticketNew' });
    expect(outbox).toBeGreaterThan(0);
  });

  it('never puts a phone number from a comment into a message text', async () => {
    const created = await submit(resident, '下水道堵了，电话 13812345678，请来看看');
    const list = await messages(official);
    const item = list.body.items.find((m) => m.page === `${DETAIL}?id=${created.body.id}`)!;
    expect(item.body).toBe('下水道堵了，电话 ***，请来看看');
  });

  describe('when an official answers a resident', () => {
    let ticketId: number;
    let messageId: number;

    beforeAll(async () => {
      ticketId = (await submit(resident, '村里的垃圾三天没有清运了，气味很大')).body.id;
      await act(official, ticketId, 'acknowledge', { version: 1 });
      const replied = await act(official, ticketId, 'reply', {
        version: 2,
        content: '已联系保洁公司今天清运',
      });
      expect(replied.status).toBe(200);
    });

    it('gives the resident an unread message linking to the ticket', async () => {
      const list = await messages(resident);
      const reply = list.body.items.find((m) => m.kind === 'ticketReply')!;
      expect(reply).toMatchObject({
        title: '留言已答复',
        body: '干部已答复您的留言',
        page: `${DETAIL}?id=${ticketId}`,
        readAt: null,
      });
      expect(list.body.unread).toBe(1);
      messageId = reply.id;
    });

    it('lets no other user see or mark it', async () => {
      const theirs = await messages(neighbour);
      expect(theirs.body.items.map((m) => m.id)).not.toContain(messageId);
      const officialsList = await messages(official);
      expect(officialsList.body.items.map((m) => m.id)).not.toContain(messageId);
      const marked = await markRead(neighbour, { ids: [messageId] });
      expect(marked.status).toBe(200);
      expect(marked.body.marked).toBe(0);
      const all = await markRead(official, { all: true });
      expect(all.status).toBe(200);
      expect(await unread(resident)).toBe(1);
      const row = await sut.app
        .get(DataSource)
        .getRepository(InAppMessage)
        .findOneByOrFail({ id: messageId });
      expect(row.readAt).toBeNull();
    });

    it('marks it read when its reader reads it', async () => {
      const marked = await markRead(resident, { ids: [messageId] });
      expect(marked.body).toEqual({ marked: 1, unread: 0 });
      const list = await messages(resident);
      expect(list.body.items.find((m) => m.id === messageId)!.readAt).toBe(MONDAY_10AM.toISOString());
      expect(await unread(resident)).toBe(0);
    });
  });

  it('refuses a read request that names neither ids nor all', async () => {
    const response = await markRead(resident, {});
    expect([response.status, response.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
    const bad = await markRead(resident, { ids: ['x'] });
    expect([bad.status, bad.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
  });

  it('pages newest first', async () => {
    for (let i = 0; i < 21; i += 1) {
      clock.set(new Date(MONDAY_10AM.getTime() + (i + 1) * 60_000));
      await submit(await wechat(`o_messages_${name}_many_${i}`), `第${i + 1}条留言：村里的路面坑洼需要修补`);
    }
    official = await demo('official', officialA);
    const first = await messages(official);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items[0]!.body).toBe('第21条留言：村里的路面坑洼需要修补');
    const times = first.body.items.map((m) => m.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await messages(official, 2);
    expect(second.body.items.length).toBe(first.body.total - 20);
  });

  it('deletes messages past the retention limit', async () => {
    const count = () => sut.app.get(DataSource).getRepository(InAppMessage).count();
    expect(await count()).toBeGreaterThan(0);
    clock.set(new Date(MONDAY_10AM.getTime() + 181 * 86_400_000));
    expect(await sut.app.get(InAppMessagesService).purge()).toBeGreaterThan(0);
    expect(await count()).toBe(0);
  });
});
