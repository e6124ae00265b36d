import { CACHE_CONTROL, cacheControlOf as sut } from './cache-control';

describe('cacheControlOf', () => {
  it('gives a public route its rule for an anonymous caller', () => {
    expect(sut('GET /api/v1/units', false)).toBe(CACHE_CONTROL.directory);
    expect(sut('GET /api/v1/tickets/public', false)).toBe(CACHE_CONTROL.changing);
  });

  it('keeps a public answer private when the caller sent a login token', () => {
    expect(sut('GET /api/v1/units', true)).toBe('private, no-cache');
  });

  it('never stores a personal answer, token or not', () => {
    expect(sut('GET /api/v1/tickets/lookup/:queryCode', false)).toBe('no-store');
    expect(sut('GET /api/v1/tickets/lookup/:queryCode', true)).toBe('no-store');
  });

  it('keeps what needs a login out of every cache', () => {
    expect(sut('GET /api/v1/me', true)).toBe('private, no-store');
    expect(sut('GET /api/v1/tickets/inbox', true)).toBe('private, no-store');
  });

  it('stores nothing of a route it does not know', () => {
    expect(sut('GET /api/v1/nowhere', false)).toBe('private, no-store');
  });
});
