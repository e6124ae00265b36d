import {
  type AuthGrant,
  coversOfficial,
  coversOfficialScope,
  coversUnit,
  scopePaths,
  toAuthUser,
} from './auth-user';

const grant = (over: Partial<AuthGrant>): AuthGrant => ({
  id: 1,
  role: 'supervisor',
  unitId: 4,
  unitPath: '/1/4/',
  officialId: null,
  ...over,
});

describe('scope rules', () => {
  it('give every user the resident role and the bound official id', () => {
    const sut = toAuthUser(7, false, [grant({ role: 'official', officialId: 42 })]);
    expect(sut.roles).toEqual(['resident', 'official']);
    expect(sut.officialId).toBe(42);
  });

  it('let a town supervisor cover the town and its villages, not another town', () => {
    const sut = toAuthUser(1, false, [grant({ unitPath: '/1/4/' })]);
    expect(coversUnit(sut, ['supervisor'], '/1/4/')).toBe(true);
    expect(coversUnit(sut, ['supervisor'], '/1/4/17/')).toBe(true);
    expect(coversUnit(sut, ['supervisor'], '/1/5/')).toBe(false);
    expect(coversUnit(sut, ['supervisor'], '/1/')).toBe(false);
    expect(coversUnit(sut, ['admin'], '/1/4/')).toBe(false);
  });

  it('do not confuse /1/4/ with /1/40/', () => {
    const sut = toAuthUser(1, false, [grant({ unitPath: '/1/4/' })]);
    expect(coversUnit(sut, ['supervisor'], '/1/40/')).toBe(false);
  });

  it('let an official act on themself only, and a clerk on officials of their unit', () => {
    const official = toAuthUser(2, false, [grant({ role: 'official', officialId: 42, unitPath: '/1/4/' })]);
    expect(coversOfficial(official, ['official', 'clerk'], 42, ['/1/4/'])).toBe(true);
    expect(coversOfficial(official, ['official', 'clerk'], 43, ['/1/4/'])).toBe(false);
    const clerk = toAuthUser(3, false, [grant({ role: 'clerk', unitPath: '/1/4/' })]);
    expect(coversOfficial(clerk, ['official', 'clerk'], 43, ['/1/4/17/'])).toBe(true);
    expect(coversOfficial(clerk, ['official', 'clerk'], 44, ['/1/5/'])).toBe(false);
  });

  it('give every admin an official who never held a post, and only the admins of their towns one who did', () => {
    const admin = toAuthUser(4, false, [grant({ role: 'admin', unitPath: '/1/4/' })]);
    const clerk = toAuthUser(5, false, [grant({ role: 'clerk', unitPath: '/1/4/' })]);
    expect(coversOfficialScope(admin, ['admin'], 50, null)).toBe(true);
    expect(coversOfficialScope(clerk, ['clerk', 'admin'], 50, null)).toBe(false);
    expect(coversOfficialScope(admin, ['admin'], 51, ['/1/5/'])).toBe(false);
    expect(coversOfficialScope(admin, ['admin'], 52, ['/1/5/', '/1/4/9/'])).toBe(true);
  });

  it('reduce scope paths to the outermost ones', () => {
    const sut = toAuthUser(1, false, [
      grant({ unitPath: '/1/4/' }),
      grant({ id: 2, unitPath: '/1/' }),
      grant({ id: 3, unitPath: '/2/' }),
    ]);
    expect(scopePaths(sut, ['supervisor']).sort()).toEqual(['/1/', '/2/']);
  });
});
