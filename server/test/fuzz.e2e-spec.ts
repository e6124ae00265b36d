import { POLICY } from '../src/modules/auth/policy';
import { testDatabases, type TestDatabase } from './databases';
import { formatReport, runFuzz, summarizeFailures, type FuzzReport } from './fuzz/fuzzer';
import { startFuzzTarget, type FuzzTarget } from './fuzz/target';

/**
 * The fast fuzz subset (the full run is `npm run fuzz`): every route of the OpenAPI document, as
 * anonymous and as each persona, with hostile values, nulls, bad ids, odd transports, deep and
 * huge bodies. A fixed seed keeps the run repeatable; FUZZ_SEED=<n> tries another.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const REQUESTS = 1_500;

describe.each(testDatabases())('the fuzzer on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let target: FuzzTarget;
  let sut: FuzzReport;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    target = await startFuzzTarget(database.config());
    sut = await runFuzz(target.app.url, target.routes, target.world, { seed: SEED, requests: REQUESTS });
    process.stdout.write(`\n${formatReport(sut)}\n`);
  }, 120_000);

  afterAll(async () => {
    await target?.close();
    await database?.drop();
  });

  it('fuzzes every route of the policy table, the OpenAPI document listing them all', () => {
    expect(target.routes.map((r) => r.key).sort()).toEqual(Object.keys(POLICY).sort());
    expect(sut.routesCovered).toBe(Object.keys(POLICY).length);
    expect(sut.sent).toBe(REQUESTS);
  });

  it('gets an answer below 500 to every request', () => {
    expect(summarizeFailures(sut.failures)).toEqual([]);
    expect(sut.transportErrors).toEqual([]);
  });

  it('stays healthy during and after the run', () => {
    expect(sut.health.checks).toBeGreaterThanOrEqual(REQUESTS / 250);
    expect([sut.health.notOk, sut.health.finalStatus]).toEqual([0, 200]);
  });

  it('keeps every persona signed in to the end, so that each was fuzzed as itself', () => {
    expect(sut.personasSignedIn.sort()).toEqual(
      Object.keys(target.world.tokens)
        .filter((p) => target.world.tokens[p as keyof typeof target.world.tokens])
        .sort(),
    );
  });

  it('lets part of the requests through validation and the guard (2xx), so it reaches the services', () => {
    expect(sut.byStatusClass['2xx'] ?? 0).toBeGreaterThan(REQUESTS / 10);
  });
});
