import { isDatabaseUnavailable } from './availability';

function driverError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error('driver'), fields);
}

describe('isDatabaseUnavailable', () => {
  it('recognises a refused connection, a lost one and a connect timeout', () => {
    expect(isDatabaseUnavailable(driverError({ code: 'ECONNREFUSED', errno: -111, fatal: true }))).toBe(true);
    expect(isDatabaseUnavailable(driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true }))).toBe(true);
    expect(isDatabaseUnavailable(driverError({ code: 'ETIMEDOUT', fatal: true }))).toBe(true);
  });

  it('looks through TypeORM’s QueryFailedError and an error’s cause', () => {
    const lost = driverError({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 });
    expect(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: lost }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: driverError({ errno: 2013 }) }))).toBe(true);
  });

  it('recognises a Galera node that is not ready for clients and a full pool queue', () => {
    expect(isDatabaseUnavailable(driverError({ code: 'ER_UNKNOWN_COM_ERROR', errno: 1047 }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Queue limit reached.'))).toBe(true);
  });

  it('leaves statement errors, contention and wrong credentials alone', () => {
    expect(isDatabaseUnavailable(driverError({ code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(false);
    expect(isDatabaseUnavailable(driverError({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }))).toBe(false);
    expect(
      isDatabaseUnavailable(driverError({ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045, fatal: true })),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error('SQLITE_CONSTRAINT'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
