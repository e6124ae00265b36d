import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, DemoPersona, TicketCreated, TicketView } from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { call, startTestApp, type TestApp } from './app';
import { demoToken, residentToken } from './helpers/demo-county';
import type { TestDatabase } from './databases';
import { insertDayPlan } from './factories/journal.factory';
import { startWechatStub, type WechatStub } from './wechat-stub/wechat-stub';

/** Monday 2026-11-16, 10:00 in Asia/Shanghai: where every ticket test starts. */
export const MONDAY_10AM = atLocal('2026-11-16', '10:00');
export const PLAN_DATE = '2026-11-16';
/** 23:59:59 of a local date, as the API writes a deadline. */
export const end = (date: string) => new Date(atLocal(date, '23:59').getTime() + 59_000).toISOString();

/** What every ticket spec file starts from: the demo county, two officials and one published entry. */
export interface TicketsFixture {
  database: TestDatabase;
  stub: WechatStub;
  clock: FixedClock;
  sut: TestApp;
  url: string;
  data: DataSource;
  /** The first two demo officials; A has a published plan for PLAN_DATE with one entry. */
  officialA: number;
  officialB: number;
  /** Official A's town. */
  townA: number;
  /** The published entry of official A on PLAN_DATE. */
  entryId: number;
}

export interface SignedIn {
  official: string;
  otherOfficial: string;
  supervisor: string;
  admin: string;
  resident: string;
  neighbour: string;
}

/**
 * One app on a fresh database per spec file (registered as beforeAll/afterAll of the calling
 * describe), with the helpers the ticket specs share. The app seeds the demo county (directory,
 * matters, journals, demo tickets) at 2026-11-15 17:00; the test state on top of it is built by the
 * factories or by each test itself.
 */
export function ticketsApp(name: string, makeDatabase: () => TestDatabase) {
  let fixture: TicketsFixture | undefined;
  let residents = 0;
  let uniq = 0;
  const the = (): TicketsFixture => {
    if (!fixture) throw new Error('ticketsApp: used before beforeAll');
    return fixture;
  };

  const demo = (role: string, id?: number) => demoToken(the().url, role, id);
  const wechat = (openid: string) => residentToken(the().url, openid);
  const newResident = () => wechat(`o_ticket_${name}_${(residents += 1)}`);
  /** Moves the clock and signs everyone in again (access tokens live 2 hours). */
  const at = async (when: Date): Promise<SignedIn> => {
    const { clock, officialA, officialB } = the();
    clock.set(when);
    return {
      official: await demo('official', officialA),
      otherOfficial: await demo('official', officialB),
      supervisor: await demo('supervisor', officialA),
      admin: await demo('admin', officialA),
      resident: await wechat(`o_ticket_${name}_resident`),
      neighbour: await wechat(`o_ticket_${name}_neighbour`),
    };
  };
  const submit = (token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
    call<TicketCreated & ApiErrorBody>(the().url, 'POST', '/tickets', {
      token,
      body: { publicAllowed: true, ...body },
      headers: { 'idempotency-key': key },
    });
  const get = (token: string, id: number) =>
    call<TicketView & ApiErrorBody>(the().url, 'GET', `/tickets/${id}`, { token });
  const act = (token: string, id: number, action: string, body: Record<string, unknown>) =>
    call<TicketView & ApiErrorBody>(the().url, 'POST', `/tickets/${id}/${action}`, { token, body });
  /** The county's supervision office approves publication (nothing is public before). */
  const publish = async (id: number) => {
    const county = await demo('supervisor');
    const ticket = await get(county, id);
    const approved = await act(county, id, 'moderate', { version: ticket.body.version, decision: 'approve' });
    expect(approved.body.moderation).toBe('approved');
  };
  /** Content differs every call (the same text twice from one user is refused as a duplicate). */
  const text = (base = '村口路灯坏了三天，晚上出行不便，请尽快修理') => `${base}（${(uniq += 1)}号）`;
  /** The user id behind a token (the author a factory-made ticket belongs to). */
  const userIdOf = async (token: string) =>
    (await call<{ user: { id: number } }>(the().url, 'GET', '/me', { token })).body.user.id;

  beforeAll(async () => {
    const database = makeDatabase();
    await database.create();
    const stub = await startWechatStub();
    const clock = new FixedClock(atLocal('2026-11-15', '17:00'));
    const sut = await startTestApp(database.config(), {
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
    const url = sut.url;
    const data = sut.app.get(DataSource);
    fixture = { database, stub, clock, sut, url, data } as TicketsFixture;
    const personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter(
      (p) => p.role === 'official',
    );
    const officialA = personas[0]!.officialId!;
    const officialB = personas[1]!.officialId!;
    const townA = (
      await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${officialA}`)
    ).body.posts[0]!.unit.id;
    // Today's plan of official A, submitted the evening before and published.
    const { entries } = await insertDayPlan(data, { officialId: officialA, date: PLAN_DATE });
    fixture = { ...fixture, officialA, officialB, townA, entryId: entries[0]!.id };
    clock.set(MONDAY_10AM);
  });

  afterAll(async () => {
    await fixture?.sut.app.close();
    await fixture?.stub.close();
    await fixture?.database.drop();
  });

  return { fixture: the, demo, wechat, newResident, at, submit, get, act, publish, text, userIdOf };
}
