import { DataSource } from 'typeorm';
import { countStatements, type LoggedStatement, StatementLog } from '../src/database/statement-log';
import { testDatabases } from './databases';
import { demoToken } from './helpers/demo-county';
import { ticketsApp } from './tickets-app';

/**
 * What one comment (POST /tickets by a resident) costs the database, counted from the statements
 * TypeORM sends: a regression that adds a query to the hot path fails here. The version counters of
 * the in-memory caches (cache_versions) are read at most once a second per counter whatever the
 * load, so they are left out of the per-comment count. On MySQL the author's check and the routing
 * read travel as one request (started in the same tick: prepared-queries.ts) and the whole
 * transaction as another (START, the ticket, `SET @jinri_id_1 = LAST_INSERT_ID()`, the rows that
 * carry its id, COMMIT: batched-transaction.ts); on SQLite, in process, every statement is its own
 * call (and no SET is needed).
 */
describe.each(testDatabases())('tickets: database round trips of a comment on %s', (name, makeDatabase) => {
  const tickets = ticketsApp(`rt${name}`, makeDatabase);
  const { submit, text, newResident } = tickets;
  let log: StatementLog;

  beforeAll(() => {
    log = StatementLog.attach(tickets.fixture().sut.app.get(DataSource));
  });

  /**
   * What a comment of `statements` statements costs: on MySQL `readRequests` for its reads and one
   * for the transaction, which also keeps the ticket's id in a variable (one statement more).
   */
  const cost = (statements: number, readRequests: number) => ({
    statements: name === 'mysql' ? statements + 1 : statements,
    roundTrips: name === 'mysql' ? readRequests + 1 : statements,
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

  it('costs a demo resident 2 round trips on MySQL: 2 reads in one request, the transaction in another', async () => {
    const resident = await demoToken(tickets.fixture().url, 'resident');
    const statements = await oneComment(resident, { officialId: tickets.fixture().officialB });
    expect(countStatements(statements)).toEqual(cost(6, 1));
    if (name === 'mysql') {
      const reads = statements.filter((s) => !s.inTransaction);
      expect(reads).toHaveLength(1);
      expect(reads[0]!.sql.split(/;\n/)).toEqual([
        expect.stringMatching(/^SELECT .*openid_enc/),
        expect.stringMatching(/^SELECT .*official_id/),
      ]);
    }
  });

  it('adds the outbox message and its in-app copy to the transaction when the official has a phone bound', async () => {
    const { url, officialA } = tickets.fixture();
    await demoToken(url, 'official', officialA);
    const resident = await demoToken(url, 'resident');
    const statements = await oneComment(resident, { officialId: officialA });
    expect(countStatements(statements)).toEqual(cost(8, 1));
    const requests = statements.filter((s) => s.inTransaction);
    if (name === 'mysql') expect(requests).toHaveLength(1);
    const transaction = requests.flatMap((s) => s.sql.split(/;\n/));
    expect(transaction.map((sql) => /^\w+( INTO \S+)?/.exec(sql)![0])).toEqual([
      expect.stringMatching(/^(START|BEGIN)/),
      expect.stringMatching(/INTO .tickets./),
      ...(name === 'mysql' ? ['SET'] : []),
      expect.stringMatching(/INTO .ticket_events./),
      expect.stringMatching(/INTO .outbox_messages./),
      expect.stringMatching(/INTO .in_app_messages./),
      'COMMIT',
    ]);
    // The rows sent with the ticket carry its id (a session variable on MySQL).
    const db = tickets.fixture().sut.app.get(DataSource);
    const [{ id }] = await db.query('SELECT MAX(id) AS id FROM tickets');
    const [outbox] = await db.query(
      'SELECT page, ticket_id AS ticketId FROM outbox_messages ORDER BY id DESC LIMIT 1',
    );
    const [inApp] = await db.query('SELECT page FROM in_app_messages ORDER BY id DESC LIMIT 1');
    const events = await db.query('SELECT type FROM ticket_events WHERE ticket_id = ? ORDER BY id', [id]);
    expect(Number(outbox.ticketId)).toBe(Number(id));
    expect(outbox.page).toMatch(new RegExp(`\\?id=${id}$`));
    expect(inApp.page).toBe(outbox.page);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'assigned']);
  });

  it('costs a WeChat resident one read more: the access token for msg_sec_check', async () => {
    const statements = await oneComment(await newResident(), { officialId: tickets.fixture().officialB });
    expect(countStatements(statements)).toEqual(cost(7, 2));
  });

  it('costs a comment on a plan entry one read more, its own request: the entry (the official comes from it)', async () => {
    const resident = await demoToken(tickets.fixture().url, 'resident');
    const statements = await oneComment(resident, { planEntryId: tickets.fixture().entryId });
    expect(countStatements(statements)).toEqual(cost(9, 3));
  });
});
