import type { ApiErrorBody, DemoPersona, TicketView } from '@jinri/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { takesMultipleStatements } from '../../src/database/data-source';
import { StatementLog } from '../../src/database/statement-log';
import { FixedClock } from '../../src/common/clock';
import { atLocal } from '../../src/common/time/local-time';
import { call, type TestApp } from '../app';
import { demoToken, residentToken } from '../helpers/demo-county';
import { insertTicket, type TicketStep } from '../factories/ticket.factory';
import { MONDAY_10AM } from '../tickets-app';
import { startWechatStub, type WechatStub } from '../wechat-stub/wechat-stub';
import {
  certificationFailures,
  closeApps,
  describeGalera,
  GALERA_TIMEOUT,
  galeraDatabase,
  startGaleraApp,
  type GaleraDatabase,
} from './cluster';

const ROUNDS = 12;

interface Race {
  /** The ticket's state before the race (after these steps). */
  steps: TicketStep[];
  /** What the instance on node 1 and the one on node 2 ask for at the same moment. */
  a: { action: string; body: Record<string, unknown>; event: string; to: string };
  b: { action: string; body: Record<string, unknown>; event: string; to: string };
}

const RACES: Record<string, Race> = {
  'reply against resolve': {
    steps: ['acknowledge'],
    a: { action: 'reply', body: { content: '已安排电工明天上午去修' }, event: 'replied', to: 'replied' },
    b: { action: 'resolve', body: { note: '路灯已更换，恢复照明' }, event: 'resolved', to: 'resolved' },
  },
  'acknowledge against acknowledge': {
    steps: [],
    a: { action: 'acknowledge', body: {}, event: 'acknowledged', to: 'acknowledged' },
    b: { action: 'acknowledge', body: {}, event: 'acknowledged', to: 'acknowledged' },
  },
};

describeGalera('One ticket changed at once through instances on two Galera nodes', () => {
  let database: GaleraDatabase;
  let stub: WechatStub | undefined;
  const apps: TestApp[] = [];
  const clock = new FixedClock(atLocal('2026-11-15', '17:00'));
  let officialA = 0;
  let townA = 0;
  let author = 0;
  const answers: Record<string, number> = {};
  let conflictsBefore = 0;

  beforeAll(async () => {
    database = galeraDatabase();
    await database.create();
    stub = await startWechatStub();
    const env = {
      WECHAT_API_BASE: stub.url,
      DEMO_LOGIN: '1',
      SEED_DEMO: 'county',
      TICKET_RATE_PER_USER: '100',
      TICKET_RATE_PER_IP: '1000',
    };
    // One after the other: the first seeds the demo county, the second finds it there.
    apps.push(await startGaleraApp(database, 0, { env, clock }));
    apps.push(await startGaleraApp(database, 1, { env, clock }));
    const url = apps[0]!.url;
    const personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body;
    officialA = personas.find((p) => p.role === 'official')!.officialId!;
    townA = (await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${officialA}`))
      .body.posts[0]!.unit.id;
    const resident = await residentToken(url, 'o_galera_race_author');
    author = (await call<{ user: { id: number } }>(url, 'GET', '/me', { token: resident })).body.user.id;
    clock.set(MONDAY_10AM);
    conflictsBefore = await certificationFailures();
  }, GALERA_TIMEOUT);

  afterAll(async () => {
    const conflicts = (await certificationFailures().catch(() => NaN)) - conflictsBefore;
    process.stdout.write(
      `[galera tickets] ${ROUNDS} rounds × ${Object.keys(RACES).length} races: answers ${JSON.stringify(answers)}, ` +
        `${conflicts} certification conflicts\n`,
    );
    await closeApps(apps);
    await stub?.close();
    await database?.drop();
  }, GALERA_TIMEOUT);

  it('sends a comment one statement per request on a Galera node (no multi-statement batches)', async () => {
    const data = apps[0]!.app.get(DataSource);
    expect(takesMultipleStatements(data)).toBe(false);
    const log = StatementLog.attach(data);
    const resident = await residentToken(apps[0]!.url, 'o_galera_race_single');
    log.take();
    const created = await call(apps[0]!.url, 'POST', '/tickets', {
      token: resident,
      headers: { 'idempotency-key': randomUUID() },
      body: { officialId: officialA, content: '村口的垃圾桶满了，请安排清运', publicAllowed: false },
    });
    expect(created.status).toBe(201);
    const sent = log.take().filter((s) => !/cache_versions/i.test(s.sql));
    expect(sent.some((s) => s.sql.includes(';\n'))).toBe(false);
    expect(sent.map((s) => s.sql)).toEqual(
      expect.arrayContaining([
        'START TRANSACTION',
        expect.stringMatching(/^INSERT INTO `tickets`/),
        'COMMIT',
      ]),
    );
  });

  it.each(Object.keys(RACES))(
    '%s: exactly one wins each time, the other gets a 409, the events match the final state',
    async (name) => {
      const race = RACES[name]!;
      const data = apps[0]!.app.get(DataSource);
      // The same official signed in on both instances (tokens are valid on every instance).
      const token = await demoToken(apps[0]!.url, 'official', officialA);
      for (let round = 0; round < ROUNDS; round += 1) {
        const ticket = await insertTicket(data, {
          authorUserId: author,
          assigneeOfficialId: officialA,
          assigneeUnitId: townA,
          submittedAt: new Date(MONDAY_10AM.getTime() - 3 * 3_600_000),
          steps: race.steps,
        });
        // Node 2 has applied the new ticket before the race starts.
        const before = await database.query<{ n: number }>(
          1,
          'SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ?',
          [ticket.id],
        );
        const [ra, rb] = await Promise.all(
          ([race.a, race.b] as const).map((side, i) =>
            call<TicketView & ApiErrorBody>(apps[i]!.url, 'POST', `/tickets/${ticket.id}/${side.action}`, {
              token,
              body: { version: ticket.version, ...side.body },
            }),
          ),
        );
        for (const r of [ra!, rb!]) {
          const key = `${r.status}${r.body.code ? ` ${r.body.code}` : ''}`;
          answers[key] = (answers[key] ?? 0) + 1;
        }
        const statuses = [ra!.status, rb!.status].sort();
        expect(statuses).toEqual([200, 409]);
        const winner = ra!.status === 200 ? race.a : race.b;
        const rows = await database.query<{ status: string; version: number }>(
          1,
          'SELECT status, version FROM tickets WHERE id = ?',
          [ticket.id],
        );
        expect(rows[0]).toMatchObject({ status: winner.to, version: ticket.version + 1 });
        const events = await database.query<{ type: string; to_status: string }>(
          0,
          'SELECT type, to_status FROM ticket_events WHERE ticket_id = ? ORDER BY id',
          [ticket.id],
        );
        expect(events.length).toBe(Number(before[0]!.n) + 1);
        expect(events[events.length - 1]).toMatchObject({ type: winner.event, to_status: winner.to });
      }
      expect(Object.keys(answers).filter((k) => k.startsWith('5'))).toEqual([]);
    },
    GALERA_TIMEOUT,
  );
});
