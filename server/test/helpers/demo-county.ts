import { randomUUID } from 'node:crypto';
import type { AuthTokens, DemoPersona } from '@jinri/shared';
import type { Clock } from '../../src/common/clock';
import { call, startTestApp, type TestApp } from '../app';
import type { TestDatabase } from '../databases';
import { startWechatStub, type WechatStub } from '../wechat-stub/wechat-stub';

/** Ticket specs send many tickets from one user and one address: limits far above what they send. */
export const TICKET_RATES = { TICKET_RATE_PER_USER: '100', TICKET_RATE_PER_IP: '1000' } as const;

export interface DemoCounty {
  database: TestDatabase;
  stub: WechatStub;
  sut: TestApp;
}

/**
 * The app on a fresh database seeded with the demo county, demo sign-in on and WeChat stubbed;
 * `env` adds to (or overrides) that. The caller closes all three (afterAll); if the app fails to
 * start, the stub and the database are cleaned up here.
 */
export async function startDemoCounty(
  makeDatabase: () => TestDatabase,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<DemoCounty> {
  const database = makeDatabase();
  await database.create();
  const stub = await startWechatStub();
  try {
    const sut = await startTestApp(database.config(), {
      env: { WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1', SEED_DEMO: 'county', ...options.env },
      clock: options.clock,
    });
    return { database, stub, sut };
  } catch (error) {
    await stub.close();
    await database.drop();
    throw error;
  }
}

/** The demo personas that are officials (a town head first, then an official of another town). */
export async function demoOfficials(url: string): Promise<DemoPersona[]> {
  return (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter((p) => p.role === 'official');
}

/** A demo sign-in's access token: `role`, as the official `officialId` when given. */
export async function demoToken(url: string, role: string, officialId?: number | null): Promise<string> {
  return (await call<AuthTokens>(url, 'POST', '/auth/demo', { body: { role, officialId } })).body.accessToken;
}

/**
 * A resident's access token, signed in through the WeChat stub as `openid` (a fresh one-time code
 * each call, as wx.login gives; the same openid is the same user).
 */
export async function residentToken(url: string, openid: string): Promise<string> {
  return (
    await call<AuthTokens>(url, 'POST', '/auth/wechat', { body: { code: `code:${openid}:${randomUUID()}` } })
  ).body.accessToken;
}

/**
 * An admin of the first official persona's town only (demo sign-in as admin for that official):
 * the one that must be refused what only the whole jurisdiction's admin may do.
 */
export async function townAdminToken(url: string): Promise<string> {
  const head = (await demoOfficials(url))[0]!;
  return demoToken(url, 'admin', head.officialId);
}
