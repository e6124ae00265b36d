import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { batchedTransaction, type TransactionWriter } from '../src/database/batched-transaction';
import { insertStatement } from '../src/database/insert-statement';
import { countStatements, StatementLog } from '../src/database/statement-log';
import { User } from '../src/modules/auth/user.entity';
import { InAppMessage } from '../src/modules/notifications/in-app-message.entity';
import { OutboxMessage } from '../src/modules/notifications/outbox-message.entity';
import { startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/**
 * A transaction whose writes are batched (issue #16): on MySQL the deferred statements travel with
 * the next request and the COMMIT; whatever happens, the transaction is all or nothing, and values
 * are stored as TypeORM's own inserts store them.
 */
describe.each(testDatabases())('batched transactions on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let app: TestApp;
  let sut: DataSource;
  let userId: number;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    app = await startTestApp(database.config());
    sut = app.app.get<DataSource>(getDataSourceToken());
    const user = await sut
      .getRepository(User)
      .save({ openidHash: 'batched-transaction-spec', openidEnc: null, demo: true, lastLoginAt: null });
    userId = user.id;
  });

  afterAll(async () => {
    await app?.app.close();
    await database?.drop();
  });

  const at = new Date('2026-12-07T01:02:03Z');
  const message = (title: string) => ({
    userId,
    kind: 'ticketNew',
    title,
    body: '正文',
    page: null,
    createdAt: at,
    readAt: null,
  });
  const titles = async (): Promise<string[]> =>
    (await sut.query('SELECT title FROM in_app_messages ORDER BY id')).map((r: { title: string }) => r.title);

  it('commits what was inserted and deferred, in two requests on MySQL (one per statement on SQLite)', async () => {
    const log = StatementLog.attach(sut);
    log.take();
    const id = await batchedTransaction(sut, async (writer) => {
      const first = await writer.insert(insertStatement(sut, InAppMessage, [message('甲')]));
      writer.defer(insertStatement(sut, InAppMessage, [message('乙'), message('丙')]));
      writer.defer(
        insertStatement(sut, OutboxMessage, [
          {
            userId,
            purpose: 'ticketNew',
            values: { thing1: '路灯坏了' },
            page: `pages/ticket-detail/index?id=${first}`,
            ticketId: null,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: at,
            createdAt: at,
          },
        ]),
      );
      return first;
    });
    const sent = log.take();
    expect(await titles()).toEqual(['甲', '乙', '丙']);
    expect(countStatements(sent)).toEqual(
      name === 'mysql'
        ? { statements: 5, roundTrips: 2, transactions: 1 }
        : { statements: 5, roundTrips: 5, transactions: 1 },
    );
    const [outbox] = await sut.getRepository(OutboxMessage).find({ order: { id: 'DESC' }, take: 1 });
    expect(outbox).toMatchObject({
      values: { thing1: '路灯坏了' },
      page: `pages/ticket-detail/index?id=${id}`,
      nextAttemptAt: at,
    });
    expect((await sut.getRepository(InAppMessage).findOneByOrFail({ id })).createdAt).toEqual(at);
  });

  it('rolls back everything when a deferred statement fails, and the connection is clean afterwards', async () => {
    const before = await titles();
    await expect(
      batchedTransaction(sut, async (writer) => {
        await writer.insert(insertStatement(sut, InAppMessage, [message('丁')]));
        writer.defer(insertStatement(sut, InAppMessage, [message('戊')]));
        writer.defer({ sql: 'INSERT INTO no_such_table (x) VALUES (?)', params: [1] });
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await titles()).toEqual(before);
    // Every pooled connection (20 on MySQL) still works outside a transaction: none was left open.
    // SQLite has one connection, and two transactions on it at once are refused: one after another.
    const one = () =>
      batchedTransaction(sut, async (writer) => {
        writer.defer(insertStatement(sut, InAppMessage, [message('己')]));
      });
    if (name === 'mysql') await Promise.all(Array.from({ length: 25 }, one));
    else for (let i = 0; i < 25; i += 1) await one();
    expect((await titles()).filter((t) => t === '己')).toHaveLength(25);
    expect((await titles()).includes('丁')).toBe(false);
  });

  it('rolls back when the work throws after sending, and refuses a write after the end', async () => {
    const before = await titles();
    let leaked: ((title: string) => void) | undefined;
    await expect(
      batchedTransaction(sut, async (writer) => {
        await writer.insert(insertStatement(sut, InAppMessage, [message('庚')]));
        leaked = (title) => writer.defer(insertStatement(sut, InAppMessage, [message(title)]));
        throw new Error('规则不允许');
      }),
    ).rejects.toThrow('规则不允许');
    expect(await titles()).toEqual(before);
    expect(() => leaked!('辛')).toThrow(/after the end of its transaction/);
  });

  it('sends an INSERT and the rows that carry its pending id in one request on MySQL, with the right id', async () => {
    const log = StatementLog.attach(sut);
    log.take();
    const pending = await batchedTransaction(sut, async (writer) => {
      const first = writer.insertLater(insertStatement(sut, InAppMessage, [message('子')]));
      // A second pending id in the same request: each keeps its own.
      const second = writer.insertLater(insertStatement(sut, InAppMessage, [message('丑')]));
      writer.defer(
        insertStatement(sut, OutboxMessage, [
          {
            userId,
            purpose: 'ticketNew',
            values: { thing1: '待定编号' },
            page: first.withPrefix('pages/ticket-detail/index?id='),
            ticketId: second,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: at,
            createdAt: at,
          },
        ]),
      );
      return { first, second };
    });
    const sent = log.take();
    expect(countStatements(sent)).toEqual(
      name === 'mysql'
        ? { statements: 7, roundTrips: 1, transactions: 1 }
        : { statements: 5, roundTrips: 5, transactions: 1 },
    );
    const inserted = await sut.query(
      "SELECT id, title FROM in_app_messages WHERE title IN ('子', '丑') ORDER BY id",
    );
    expect(inserted.map((r: { title: string }) => r.title)).toEqual(['子', '丑']);
    expect(pending.first.value).toBe(Number(inserted[0].id));
    expect(pending.second.value).toBe(Number(inserted[1].id));
    const [outbox] = await sut.getRepository(OutboxMessage).find({ order: { id: 'DESC' }, take: 1 });
    expect(outbox).toMatchObject({
      values: { thing1: '待定编号' },
      page: `pages/ticket-detail/index?id=${pending.first.value}`,
      ticketId: pending.second.value,
    });
  });

  it('uses a pending id already settled as a plain value, and stores nothing when a row after it fails', async () => {
    const before = await titles();
    let pending: ReturnType<TransactionWriter['insertLater']> | undefined;
    await expect(
      batchedTransaction(sut, async (writer) => {
        pending = writer.insertLater(insertStatement(sut, InAppMessage, [message('寅')]));
        await writer.manager();
        expect(pending.known).toBe(true);
        writer.defer(
          insertStatement(sut, InAppMessage, [{ ...message('卯'), page: pending.withPrefix('p?id=') }]),
        );
        writer.defer({ sql: 'INSERT INTO no_such_table (x) VALUES (?)', params: [pending] });
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await titles()).toEqual(before);
  });

  it('runs what goes through the manager inside the same transaction', async () => {
    await expect(
      batchedTransaction(sut, async (writer) => {
        writer.defer(insertStatement(sut, InAppMessage, [message('壬')]));
        const manager = await writer.manager();
        const [{ n }] = await manager.query("SELECT COUNT(*) AS n FROM in_app_messages WHERE title = '壬'");
        expect(Number(n)).toBe(1);
        await manager.getRepository(InAppMessage).save(manager.create(InAppMessage, message('癸')));
        throw new Error('撤回');
      }),
    ).rejects.toThrow('撤回');
    expect((await titles()).filter((t) => t === '壬' || t === '癸')).toEqual([]);
  });
});
