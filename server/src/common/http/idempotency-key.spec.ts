import { idempotencyKeyOf } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it('returns a UUID key as it is', () => {
    const sut = idempotencyKeyOf('0b8f3c1e-2f7a-4a59-9c1e-6d2b8f3c1e2f');
    expect(sut).toBe('0b8f3c1e-2f7a-4a59-9c1e-6d2b8f3c1e2f');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too short', 'abc'],
    ['too long', 'x'.repeat(65)],
    ['with other characters', '../../etc/passwd-1234'],
  ])('refuses a %s key as TICKET.IDEMPOTENCY_KEY_REQUIRED', (_, header) => {
    expect(() => idempotencyKeyOf(header)).toThrow(
      expect.objectContaining({ code: 'TICKET.IDEMPOTENCY_KEY_REQUIRED' }),
    );
  });

  it('lets an optional key be absent but never malformed', () => {
    expect(idempotencyKeyOf(undefined, true)).toBeUndefined();
    expect(() => idempotencyKeyOf('short', true)).toThrow(
      expect.objectContaining({ code: 'TICKET.IDEMPOTENCY_KEY_REQUIRED' }),
    );
  });

  it('refuses a header sent twice', () => {
    expect(() => idempotencyKeyOf(['a'.repeat(20), 'b'.repeat(20)])).toThrow(
      expect.objectContaining({ code: 'TICKET.IDEMPOTENCY_KEY_REQUIRED' }),
    );
  });
});
