import { buildDemoCounty } from './demo-county.data';
import { demoDeputies } from './demo-deputies';

const county = buildDemoCounty();

describe('demoDeputies', () => {
  const sut = demoDeputies(county);
  const holderOf = new Map(county.memberships.map((m) => [m.postKey, m.officialKey]));
  const unitOf = new Map(county.posts.map((p) => [p.key, p.unitKey]));

  it('names a deputy for every post that handles a matter and has a colleague', () => {
    const withDuties = new Set(county.duties.map((d) => d.postKey));
    expect(sut.length).toBeGreaterThan(10);
    expect(sut.every((d) => withDuties.has(d.postKey))).toBe(true);
  });

  it('takes the deputy from the same unit, and never the holder', () => {
    const postsOf = new Map<string, string[]>();
    for (const m of county.memberships)
      postsOf.set(m.officialKey, [...(postsOf.get(m.officialKey) ?? []), m.postKey]);
    for (const d of sut) {
      expect(d.deputyOfficialKey).not.toBe(holderOf.get(d.postKey));
      const units = (postsOf.get(d.deputyOfficialKey) ?? []).map((p) => unitOf.get(p));
      expect(units).toContain(unitOf.get(d.postKey));
    }
  });

  it('names each post once', () => {
    expect(new Set(sut.map((d) => d.postKey)).size).toBe(sut.length);
  });
});
