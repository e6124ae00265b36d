import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  AuthTokens,
  Page,
  PublicTicket,
  SimilarTicket,
  TicketCreated,
  TicketInbox,
  TicketReportResult,
  TicketView,
} from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { TicketReport } from '../src/modules/tickets/ticket-report.entity';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import type { WechatStub } from './wechat-stub/wechat-stub';
import { demoOfficials, startDemoCounty, TICKET_RATES } from './helpers/demo-county';

/** Monday 2026-11-16, 10:00 in Asia/Shanghai. */
const MONDAY_10AM = atLocal('2026-11-16', '10:00');

describe.each(testDatabases())('举报 of tickets on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let sut: TestApp;
  let url: string;
  let data: DataSource;
  let officialA: number;
  let official: string;
  let supervisor: string;
  let author: string;
  let users = 0;
  let texts = 0;

  const demo = async (role: string, id?: number) =>
    (await call<AuthTokens>(url, 'POST', '/auth/demo', { body: { role, officialId: id } })).body.accessToken;
  const newUser = async () =>
    (
      await call<AuthTokens>(url, 'POST', '/auth/wechat', {
        body: { code: `code:o_report_${name}_${(users += 1)}:${randomUUID()}` },
      })
    ).body.accessToken;
  const get = (token: string, id: number) =>
    call<TicketView & ApiErrorBody>(url, 'GET', `/tickets/${id}`, { token });
  const act = (token: string, id: number, action: string, body: Record<string, unknown>) =>
    call<TicketView & ApiErrorBody>(url, 'POST', `/tickets/${id}/${action}`, { token, body });
  const report = (token: string, id: number, target: 'comment' | 'reply' = 'comment', reason = 'abuse') =>
    call<TicketReportResult & ApiErrorBody>(url, 'POST', `/tickets/${id}/report`, {
      token,
      body: { target, reason },
    });
  const content = () => `第${(texts += 1)}个路口的路灯坏了好几天，晚上出行很不方便`;
  /** A comment on official A that the public can see (approved by the supervisor where held). */
  const publicTicket = async (by = author, publicAllowed = true): Promise<{ id: number; text: string }> => {
    const text = content();
    const created = await call<TicketCreated>(url, 'POST', '/tickets', {
      token: by,
      body: { officialId: officialA, content: text, publicAllowed },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const seen = await get(supervisor, id);
    if (publicAllowed && seen.body.moderation === 'held')
      expect(
        (await act(supervisor, id, 'moderate', { version: seen.body.version, decision: 'approve' })).status,
      ).toBe(200);
    return { id, text };
  };
  const publicIds = async () =>
    (await call<Page<PublicTicket>>(url, 'GET', `/tickets/public?officialId=${officialA}`)).body.items.map(
      (t) => t.id,
    );
  const publicItem = async (id: number) =>
    (await call<Page<PublicTicket>>(url, 'GET', `/tickets/public?officialId=${officialA}`)).body.items.find(
      (t) => t.id === id,
    );
  const heldIds = async () =>
    (await call<TicketInbox>(url, 'GET', '/tickets/inbox?filter=held', { token: supervisor })).body.items.map(
      (t) => t.id,
    );
  const reportedBy = async (count: number, id: number, target: 'comment' | 'reply' = 'comment') => {
    for (let i = 0; i < count; i += 1) expect((await report(await newUser(), id, target)).status).toBe(200);
  };

  beforeAll(async () => {
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, {
      clock: new FixedClock(MONDAY_10AM),
      env: TICKET_RATES,
    }));
    url = sut.url;
    data = sut.app.get(DataSource);
    const personas = await demoOfficials(url);
    officialA = personas[0]!.officialId!;
    official = await demo('official', officialA);
    supervisor = await demo('supervisor', officialA);
    author = await newUser();
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  it('offers 举报 to a signed-in stranger on a public ticket, never to its author', async () => {
    const { id } = await publicTicket();
    const stranger = await get(await newUser(), id);
    expect(stranger.status).toBe(200);
    expect(stranger.body).toMatchObject({
      actions: ['report'],
      reported: [],
      contactPhone: null,
      queryCode: '',
    });
    expect(stranger.body.events.every((e) => e.note === null)).toBe(true);
    expect((await get(author, id)).body.actions).not.toContain('report');
  });

  it('counts one report per user however often it is sent, and says it is reported', async () => {
    const { id } = await publicTicket();
    const reporter = await newUser();
    const first = await report(reporter, id);
    const again = await report(reporter, id, 'comment', 'other');
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual({ target: 'comment', reported: true, reportedTargets: ['comment'] });
    expect(await data.getRepository(TicketReport).countBy({ ticketId: id })).toBe(1);
    const view = await get(reporter, id);
    expect(view.body).toMatchObject({ actions: [], reported: ['comment'] });
    expect(await publicIds()).toContain(id);
  });

  it('hides a comment from every public list at three different reporters and queues it for review', async () => {
    const { id, text } = await publicTicket();
    await reportedBy(2, id);
    expect(await publicIds()).toContain(id);
    await reportedBy(1, id);

    expect(await publicIds()).not.toContain(id);
    const similar = await call<SimilarTicket[]>(
      url,
      'GET',
      `/tickets/similar?officialId=${officialA}&content=${encodeURIComponent(text)}`,
    );
    expect(similar.body.map((t) => t.id)).not.toContain(id);
    const open311 = await call<Array<{ service_request_id: string }>>(
      url,
      'GET',
      `/open311/v2/requests.json?service_request_id=${id}`,
    );
    expect(open311.body.map((r) => r.service_request_id)).not.toContain(String(id));
    expect((await get(await newUser(), id)).status).toBe(404);
    expect(await heldIds()).toContain(id);
    const staff = await get(supervisor, id);
    expect(staff.body.moderation).toBe('held');
    expect(staff.body.reviewDueAt).toBe(
      new Date(atLocal('2026-11-17', '23:59').getTime() + 59_000).toISOString(),
    );
    expect(staff.body.actions).toContain('moderate');
    expect(staff.body.events.filter((e) => e.type === 'reported_hidden')).toHaveLength(1);
    // Hidden, it takes no more reports: one hold, one event.
    expect((await report(await newUser(), id)).status).toBe(404);
    expect((await get(supervisor, id)).body.events.filter((e) => e.type === 'reported_hidden')).toHaveLength(
      1,
    );
  });

  it('holds a comment once when several different users report it at the same moment', async () => {
    const { id } = await publicTicket();
    const reporters = await Promise.all([1, 2, 3, 4, 5].map(() => newUser()));
    const answers = await Promise.all(reporters.map((token) => report(token, id)));
    // Reports that arrive once it is hidden find it no longer public.
    expect(answers.every((a) => a.status === 200 || a.status === 404)).toBe(true);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(3);
    expect(await publicIds()).not.toContain(id);
    const events = (await get(supervisor, id)).body.events;
    expect(events.filter((e) => e.type === 'reported_hidden')).toHaveLength(1);
  });

  it('restores a reported comment on the supervisor’s approval, logged, and counts later reports afresh', async () => {
    const { id } = await publicTicket();
    await reportedBy(3, id);
    const held = await get(supervisor, id);
    const restored = await act(supervisor, id, 'moderate', {
      version: held.body.version,
      decision: 'approve',
      note: '反映属实，不属于辱骂',
    });
    expect(restored.status).toBe(200);
    expect(restored.body.moderation).toBe('approved');
    expect(restored.body.reviewDueAt).toBeNull();
    expect(restored.body.events.at(-1)).toMatchObject({
      type: 'report_restored',
      actor: '督查室',
      note: '举报审核：留言恢复公开：反映属实，不属于辱骂',
    });
    expect(await publicIds()).toContain(id);
    expect(await heldIds()).not.toContain(id);
    await reportedBy(2, id);
    expect(await publicIds()).toContain(id);
  });

  it('keeps a reported comment hidden on review while the official still handles the ticket', async () => {
    const { id } = await publicTicket();
    await reportedBy(3, id);
    const held = await get(supervisor, id);
    const kept = await act(supervisor, id, 'moderate', { version: held.body.version, decision: 'hide' });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ moderation: 'hidden', status: 'assigned' });
    expect(kept.body.events.at(-1)).toMatchObject({
      type: 'report_upheld',
      from: 'assigned',
      to: 'assigned',
    });
    expect(await publicIds()).not.toContain(id);
    expect(await heldIds()).not.toContain(id);
    const acknowledged = await act(official, id, 'acknowledge', { version: kept.body.version });
    expect([acknowledged.status, acknowledged.body.status]).toEqual([200, 'acknowledged']);
  });

  it('hides only the answer when the reply is reported, and shows it again when restored', async () => {
    const { id } = await publicTicket();
    const seen = await get(official, id);
    const acknowledged = await act(official, id, 'acknowledge', { version: seen.body.version });
    const replied = await act(official, id, 'reply', {
      version: acknowledged.body.version,
      content: '已安排电工明天上午维修',
    });
    expect(replied.status).toBe(200);
    expect((await report(official, id, 'reply')).body.code).toBe('TICKET.REPORT_OWN');
    await reportedBy(3, id, 'reply');
    expect(await publicItem(id)).toMatchObject({ id, reply: null, resolution: null });
    expect(await heldIds()).toContain(id);
    const held = await get(supervisor, id);
    expect(held.body.reply).toBe('已安排电工明天上午维修');
    const restored = await act(supervisor, id, 'moderate', {
      version: held.body.version,
      decision: 'approve',
    });
    expect(restored.body.events.at(-1)?.type).toBe('report_restored');
    expect((await publicItem(id))?.reply).toBe('已安排电工明天上午维修');
  });

  it('refuses 举报 of one’s own ticket, of a private one, and of an answer not given', async () => {
    const { id } = await publicTicket();
    const own = await report(author, id);
    expect([own.status, own.body.code]).toEqual([400, 'TICKET.REPORT_OWN']);
    const noReply = await report(await newUser(), id, 'reply');
    expect([noReply.status, noReply.body.code]).toEqual([400, 'TICKET.REPORT_NO_REPLY']);
    const hidden = await publicTicket(author, false);
    const stranger = await newUser();
    const refused = await report(stranger, hidden.id);
    expect([refused.status, refused.body.code]).toEqual([404, 'TICKET.NOT_FOUND']);
    expect((await get(stranger, hidden.id)).status).toBe(404);
    const wrong = await call<ApiErrorBody>(url, 'POST', `/tickets/${id}/report`, {
      token: stranger,
      body: { target: 'comment', reason: 'dislike' },
    });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
    expect(await data.getRepository(TicketReport).countBy({ ticketId: hidden.id })).toBe(0);
  });

  it('brakes one user at 20 reports an hour with 429 and Retry-After', async () => {
    const reporter = await newUser();
    const tickets: number[] = [];
    for (let i = 0; i < 21; i += 1) tickets.push((await publicTicket()).id);
    for (const id of tickets.slice(0, 20)) expect((await report(reporter, id)).status).toBe(200);
    const braked = await report(reporter, tickets[20]!);
    expect([braked.status, braked.body.code]).toEqual([429, 'TICKET.REPORT_RATE_LIMITED']);
    expect(Number(braked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await data.getRepository(TicketReport).countBy({ ticketId: tickets[20]! })).toBe(0);
  });
});
