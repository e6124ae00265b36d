import { DataSource } from 'typeorm';
import { countStatements, type LoggedStatement, StatementLog } from '../src/database/statement-log';
import { testDatabases } from './databases';
import { demoToken } from './helpers/demo-county';
import { ticketsApp } from './tickets-app';

/**
 * What one comment (POST /tickets by a resident) costs the database, counted from the statements
 * TypeORM sends: a regression that adds a query to the hot path fails here. The version counters of
 * the in-memory caches (cache_versions) are read at most once a second per counter whatever the
 * load, so they are left out of the per-comment count. On MySQL the transaction's writes travel in
 * two requests (START with the ticket, then the rest with the COMMIT: batched-transaction.ts); on
 * SQLite, in process, every statement is its own call.
 */
describe.each(testDatabases())('tickets: database round trips of a comment on %s', (name, makeDatabase) => {
  const tickets = ticketsApp(`rt${name}`, makeDatabase);
  const { submit, text, newResident } = tickets;
  let log: StatementLog;

  beforeAll(() => {
    log = StatementLog.attach(tickets.fixture().sut.app.get(DataSource));
  });

  /** What a comment of `statements` statements costs: its reads, and the transaction in 2 requests on MySQL. */
  const cost = (statements: number, reads: number) => ({
    statements,
    roundTrips: name === 'mysql' ? reads + 2 : statements,
    transactions: 1,
  });

  /** The statements of one comment, after a first one by the same resident filled the caches. */
  const oneComment = async (token: string, body: Record<string, unknown>): Promise<LoggedStatement[]> => {
    expect((await submit(token, { ...body, content: text() })).status).toBe(201);
    log.take();
    const created = await submit(token, { ...body, content: text() });
    expect(created.status).toBe(201);
    return log.take().filter((s) => !/cache_versions/i.test(s.sql));
  };

  it('costs a demo resident 4 round trips on MySQL: 2 reads and a transaction of 4 statements in 2 requests', async () => {
    const resident = await demoToken(tickets.fixture().url, 'resident');
    const statements = await oneComment(resident, { officialId: tickets.fixture().officialB });
    expect(countStatements(statements)).toEqual(cost(6, 2));
  });

  it('adds the outbox message and its in-app copy to the transaction when the official has a phone bound', async () => {
    const { url, officialA } = tickets.fixture();
    await demoToken(url, 'official', officialA);
    const resident = await demoToken(url, 'resident');
    const statements = await oneComment(resident, { officialId: officialA });
    expect(countStatements(statements)).toEqual(cost(8, 2));
    const transaction = statements.filter((s) => s.inTransaction).flatMap((s) => s.sql.split(/;\n/));
    expect(transaction.map((sql) => /^\w+( INTO \S+)?/.exec(sql)![0])).toEqual([
      expect.stringMatching(/^(START|BEGIN)/),
      expect.stringMatching(/INTO .tickets./),
      expect.stringMatching(/INTO .ticket_events./),
      expect.stringMatching(/INTO .outbox_messages./),
      expect.stringMatching(/INTO .in_app_messages./),
      'COMMIT',
    ]);
  });

  it('costs a WeChat resident one read more: the access token for msg_sec_check', async () => {
    const statements = await oneComment(await newResident(), { officialId: tickets.fixture().officialB });
    expect(countStatements(statements)).toEqual(cost(7, 3));
  });

  it('costs a comment on a plan entry one read more: the entry', async () => {
    const resident = await demoToken(tickets.fixture().url, 'resident');
    const statements = await oneComment(resident, { planEntryId: tickets.fixture().entryId });
    expect(countStatements(statements)).toEqual(cost(9, 3));
  });
});
