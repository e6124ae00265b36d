import type { CacheVersionService } from '../cache/cache-version.service';
import type { AuthUser } from './auth-user';
import { AuthUserCache, GRANTS_CACHE } from './auth-user-cache';

/** The counters as another instance would move them: `version` is what the next read sees. */
function fakeVersions() {
  const state = { version: 0, bumps: [] as string[] };
  const versions = {
    recentVersion: (name: string) => Promise.resolve(name === GRANTS_CACHE ? state.version : -1),
    bump: (name: string) => {
      state.bumps.push(name);
      state.version += 1;
      return Promise.resolve();
    },
  } as unknown as CacheVersionService;
  return { state, versions };
}

const resident: AuthUser = { userId: 7, demo: false, roles: ['resident'], grants: [] };
const official: AuthUser = {
  userId: 8,
  demo: false,
  roles: ['resident', 'official'],
  officialId: 3,
  grants: [{ id: 1, role: 'official', unitId: 2, unitPath: '/1/2/', officialId: 3 }],
};

describe('AuthUserCache', () => {
  it('reads a user without grants once while the grants counter stays put', async () => {
    const { versions } = fakeVersions();
    const sut = new AuthUserCache(versions);
    const read = jest.fn().mockResolvedValue(resident);
    expect(await sut.load(7, read)).toBe(resident);
    expect(await sut.load(7, read)).toBe(resident);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads a user with a grant on every request, so a revoked grant stops at once', async () => {
    const { versions } = fakeVersions();
    const sut = new AuthUserCache(versions);
    const read = jest.fn().mockResolvedValueOnce(official).mockResolvedValueOnce(resident);
    expect((await sut.load(8, read))?.roles).toContain('official');
    expect((await sut.load(8, read))?.roles).toEqual(['resident']);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again after this instance changed grants, and bumps the counter for the others', async () => {
    const { state, versions } = fakeVersions();
    const sut = new AuthUserCache(versions);
    const read = jest.fn().mockResolvedValueOnce(resident).mockResolvedValueOnce(official);
    await sut.load(7, read);
    await sut.grantsChanged();
    expect(state.bumps).toEqual([GRANTS_CACHE]);
    expect(await sut.load(7, read)).toBe(official);
  });

  it('reads again when another instance moved the counter', async () => {
    const { state, versions } = fakeVersions();
    const sut = new AuthUserCache(versions);
    const read = jest.fn().mockResolvedValue(resident);
    await sut.load(7, read);
    state.version += 1;
    await sut.load(7, read);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('caches nothing for an unknown user', async () => {
    const { versions } = fakeVersions();
    const sut = new AuthUserCache(versions);
    const read = jest.fn().mockResolvedValue(null);
    expect(await sut.load(9, read)).toBeNull();
    expect(await sut.load(9, read)).toBeNull();
    expect(read).toHaveBeenCalledTimes(2);
  });
});
