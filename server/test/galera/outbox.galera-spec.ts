import { DataSource } from 'typeorm';
import { OutboxService } from '../../src/modules/notifications/outbox.service';
import { call, type TestApp } from '../app';
import { residentToken } from '../helpers/demo-county';
import { startWechatStub, type WechatStub } from '../wechat-stub/wechat-stub';
import {
  certificationFailures,
  closeApps,
  describeGalera,
  GALERA_TIMEOUT,
  galeraDatabase,
  serverRetryOff,
  startGaleraApps,
  type GaleraDatabase,
} from './cluster';

const MESSAGES = 60;
const RESIDENTS = 6;

describeGalera('The notification outbox with dispatchers on three Galera nodes', () => {
  let database: GaleraDatabase;
  let stub: WechatStub;
  let apps: TestApp[] = [];

  beforeAll(async () => {
    database = galeraDatabase();
    await database.create();
    stub = await startWechatStub();
    apps = await startGaleraApps(database, { env: { WECHAT_API_BASE: stub.url } });
    // Every certification failure reaches the app: MariaDB's own retry of a lone statement would
    // otherwise rescue most losing claims, and the spec would pass without the app's handling.
    await serverRetryOff(apps);
  }, GALERA_TIMEOUT);

  afterAll(async () => {
    await closeApps(apps);
    await stub?.close();
    await database?.drop();
  }, GALERA_TIMEOUT);

  it(
    'sends each message exactly once when the three dispatchers run at the same moments',
    async () => {
      const userIds: number[] = [];
      for (let i = 0; i < RESIDENTS; i += 1) {
        const token = await residentToken(apps[i % 3]!.url, `o_galera_outbox_${i}`);
        userIds.push(
          (await call<{ user: { id: number } }>(apps[0]!.url, 'GET', '/me', { token })).body.user.id,
        );
      }
      const first = apps[0]!.app;
      await first.get(DataSource).transaction((manager) =>
        first.get(OutboxService).enqueue(
          manager,
          Array.from({ length: MESSAGES }, (_, i) => ({
            userId: userIds[i % RESIDENTS]!,
            purpose: 'ticketReply',
            values: { thing1: `第${i}条回复`, phrase2: '已回复', time3: '2026-11-16 10:00' },
          })),
        ),
      );
      const conflictsBefore = await certificationFailures();
      const errors: unknown[] = [];
      let handedOut = 0;
      for (let round = 0; round < 40; round += 1) {
        // Small batches so the three dispatchers contend for the same rows in every round.
        const results = await Promise.allSettled(apps.map((app) => app.app.get(OutboxService).dispatch(10)));
        for (const r of results) {
          if (r.status === 'rejected') errors.push(r.reason);
          else handedOut += r.value.sent + r.value.retried + r.value.failed + r.value.dropped;
        }
        if (results.every((r) => r.status === 'fulfilled' && r.value.sent === 0)) {
          const due = await database.query<{ n: number }>(
            0,
            "SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'pending'",
          );
          if (Number(due[0]?.n) === 0) break;
        }
      }
      const conflicts = (await certificationFailures()) - conflictsBefore;
      process.stdout.write(
        `[galera outbox] ${MESSAGES} messages, 3 dispatchers: ${stub.state.sent.length} sends, ` +
          `${conflicts} certification conflicts, ${errors.length} dispatch errors\n`,
      );
      expect(errors).toEqual([]);
      const sends = new Map<string, number>();
      for (const s of stub.state.sent)
        sends.set(s.data.thing1!.value, (sends.get(s.data.thing1!.value) ?? 0) + 1);
      expect(sends.size).toBe(MESSAGES);
      expect([...sends.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect(handedOut).toBe(MESSAGES);
      const rows = await database.query<{ status: string; n: number }>(
        1,
        'SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status',
      );
      expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([['sent', MESSAGES]]);
    },
    GALERA_TIMEOUT,
  );
});
