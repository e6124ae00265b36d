import { isContention, isDuplicateKey, retryOnContention } from './contention';

const deadlock = () => Object.assign(new Error('Deadlock found'), { driverError: { errno: 1213 } });
const noSleep = () => Promise.resolve();

describe('isContention', () => {
  it('recognises a deadlock or a lock wait timeout, on the error or its driver error', () => {
    expect(isContention(deadlock())).toBe(true);
    expect(isContention({ errno: 1205 })).toBe(true);
    expect(isContention({ errno: 1062 })).toBe(false);
    expect(isContention(new Error('boom'))).toBe(false);
    expect(isContention(null)).toBe(false);
  });
});

describe('isDuplicateKey', () => {
  it('recognises a duplicate key on MySQL and SQLite, and nothing else', () => {
    expect(isDuplicateKey({ driverError: { errno: 1062, code: 'ER_DUP_ENTRY' } })).toBe(true);
    expect(isDuplicateKey({ errno: 1062 })).toBe(true);
    expect(isDuplicateKey({ driverError: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } })).toBe(true);
    expect(isDuplicateKey({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(true);
    expect(isDuplicateKey(deadlock())).toBe(false);
    expect(isDuplicateKey({ code: 'SQLITE_CONSTRAINT_NOTNULL' })).toBe(false);
    expect(isDuplicateKey(undefined)).toBe(false);
  });
});

describe('retryOnContention', () => {
  it('runs the transaction again after a deadlock and returns its result', async () => {
    const transaction = jest.fn().mockRejectedValueOnce(deadlock()).mockResolvedValueOnce('done');
    await expect(retryOnContention(transaction, { sleep: noSleep })).resolves.toBe('done');
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it('gives up after the last attempt and throws the deadlock', async () => {
    const transaction = jest.fn().mockRejectedValue(deadlock());
    await expect(retryOnContention(transaction, { attempts: 3, sleep: noSleep })).rejects.toThrow('Deadlock');
    expect(transaction).toHaveBeenCalledTimes(3);
  });

  it('never retries any other error', async () => {
    const transaction = jest.fn().mockRejectedValue(new Error('not a lock'));
    await expect(retryOnContention(transaction, { sleep: noSleep })).rejects.toThrow('not a lock');
    expect(transaction).toHaveBeenCalledTimes(1);
  });
});
