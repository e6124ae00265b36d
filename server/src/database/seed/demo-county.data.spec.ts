import { buildDemoCounty } from './demo-county.data';
import type { DemoUnit } from './demo-county.types';

const REQUIRED_MATTERS = [
  '低保申请',
  '宅基地审批',
  '医保报销',
  '创业担保贷款',
  '残疾证办理',
  '城乡居民养老保险',
  '危房改造',
  '土地承包纠纷',
  '户口迁移',
  '生育登记',
  '临时救助',
  '高龄津贴',
];
const HOURS =
  /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d,([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('buildDemoCounty', () => {
  const sut = buildDemoCounty();
  const unitsByKey = new Map(sut.units.map((unit) => [unit.key, unit]));
  const postsByKey = new Map(sut.posts.map((post) => [post.key, post]));
  const ofKind = (kind: DemoUnit['kind']) => sut.units.filter((unit) => unit.kind === kind);
  const county = ofKind('county')[0];
  const towns = ofKind('town');
  const villages = ofKind('village');
  const villagesOf = (townKey: string) => villages.filter((village) => village.parentKey === townKey);
  /** A unit together with its ancestors: a duty covering any of them covers the unit. */
  const lineage = (key: string): string[] => {
    const unit = unitsByKey.get(key);
    return unit ? [key, ...(unit.parentKey ? lineage(unit.parentKey) : [])] : [];
  };
  const covers = (coveredUnitKeys: string[], unitKey: string) =>
    lineage(unitKey).some((key) => coveredUnitKeys.includes(key));

  describe('shape', () => {
    it('has exactly one county, and it is the only unit without a parent', () => {
      expect(ofKind('county')).toHaveLength(1);
      expect(sut.units.filter((unit) => unit.parentKey === undefined)).toEqual([county]);
    });

    it('has at least four towns under the county, each with seven to ten villages', () => {
      expect(towns.length).toBeGreaterThanOrEqual(4);
      for (const town of towns) {
        expect(town.parentKey).toBe(county.key);
        expect(villagesOf(town.key).length).toBeGreaterThanOrEqual(7);
        expect(villagesOf(town.key).length).toBeLessThanOrEqual(10);
      }
    });

    it('has at least 32 villages, each under a town', () => {
      expect(villages.length).toBeGreaterThanOrEqual(32);
      for (const village of villages) expect(unitsByKey.get(village.parentKey!)?.kind).toBe('town');
    });

    it('has at least nine departments and a supervision office directly under the county', () => {
      expect(ofKind('department').length).toBeGreaterThanOrEqual(9);
      const offices = ofKind('office');
      expect(offices.some((office) => office.name.includes('督查室'))).toBe(true);
      for (const unit of [...ofKind('department'), ...offices]) expect(unit.parentKey).toBe(county.key);
    });

    it('has between 190 and 220 officials', () => {
      expect(sut.officials.length).toBeGreaterThanOrEqual(190);
      expect(sut.officials.length).toBeLessThanOrEqual(220);
    });

    it('has at least 64 matters', () => {
      expect(sut.matters.length).toBeGreaterThanOrEqual(64);
    });
  });

  describe('keys and references', () => {
    it('uses unique keys within each collection', () => {
      expect(duplicates(sut.units.map((unit) => unit.key))).toEqual([]);
      expect(duplicates(sut.posts.map((post) => post.key))).toEqual([]);
      expect(duplicates(sut.officials.map((official) => official.key))).toEqual([]);
      expect(duplicates(sut.matters.map((matter) => matter.key))).toEqual([]);
    });

    it('keeps keys short enough for the code columns', () => {
      const keys = [...sut.units, ...sut.posts, ...sut.officials, ...sut.matters].map((row) => row.key);
      expect(keys.filter((key) => key.length > 64)).toEqual([]);
    });

    it('lists every parent before its children', () => {
      const seen = new Set<string>();
      for (const unit of sut.units) {
        if (unit.parentKey !== undefined)
          expect([unit.key, seen.has(unit.parentKey)]).toEqual([unit.key, true]);
        seen.add(unit.key);
      }
    });

    it('places every post in an existing unit', () => {
      expect(sut.posts.filter((post) => !unitsByKey.has(post.unitKey))).toEqual([]);
    });

    it('links every membership to an existing official and post, once per pair', () => {
      const officialKeys = new Set(sut.officials.map((official) => official.key));
      for (const membership of sut.memberships) {
        expect(officialKeys.has(membership.officialKey)).toBe(true);
        expect(postsByKey.has(membership.postKey)).toBe(true);
      }
      expect(duplicates(sut.memberships.map((m) => `${m.officialKey}|${m.postKey}`))).toEqual([]);
    });

    it('gives every matter a department that exists', () => {
      for (const matter of sut.matters) {
        expect([matter.key, unitsByKey.get(matter.departmentKey)?.kind]).toEqual([matter.key, 'department']);
      }
    });

    it('links every duty to an existing post, matter and covered units, once per post and matter', () => {
      const matterKeys = new Set(sut.matters.map((matter) => matter.key));
      for (const duty of sut.duties) {
        expect(postsByKey.has(duty.postKey)).toBe(true);
        expect(matterKeys.has(duty.matterKey)).toBe(true);
        expect(duty.coveredUnitKeys.length).toBeGreaterThan(0);
        for (const key of duty.coveredUnitKeys) expect(unitsByKey.has(key)).toBe(true);
      }
      expect(duplicates(sut.duties.map((duty) => `${duty.postKey}|${duty.matterKey}`))).toEqual([]);
    });
  });

  describe('people', () => {
    it('gives every official at least one membership and fills every post', () => {
      const held = new Set(sut.memberships.map((membership) => membership.officialKey));
      const filled = new Set(sut.memberships.map((membership) => membership.postKey));
      expect(sut.officials.filter((official) => !held.has(official.key))).toEqual([]);
      expect(sut.posts.filter((post) => !filled.has(post.key))).toEqual([]);
    });

    it('lets a few officials hold two posts', () => {
      const postsPerOfficial = groupBy(sut.memberships, (membership) => membership.officialKey);
      const pluralists = [...postsPerOfficial.values()].filter((held) => held.length > 1);
      expect(pluralists.length).toBeGreaterThanOrEqual(2);
      expect(pluralists.length).toBeLessThanOrEqual(10);
    });

    it('never gives two officials the same name, in a unit or anywhere in the county', () => {
      expect(duplicates(sut.officials.map((official) => official.name))).toEqual([]);
      const officialName = new Map(sut.officials.map((official) => [official.key, official.name]));
      const byUnit = groupBy(sut.memberships, (membership) => postsByKey.get(membership.postKey)!.unitKey);
      for (const memberships of byUnit.values()) {
        const names = new Set(memberships.map((membership) => officialName.get(membership.officialKey)!));
        expect(duplicates([...names])).toEqual([]);
        const holders = new Set(memberships.map((membership) => membership.officialKey));
        expect(names.size).toBe(holders.size);
      }
    });

    it('invents two- or three-character Chinese names, about 30% of them women', () => {
      for (const official of sut.officials) expect(official.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      const women = sut.officials.filter((official) => official.gender === 'female').length;
      expect(women / sut.officials.length).toBeGreaterThan(0.2);
      expect(women / sut.officials.length).toBeLessThan(0.4);
    });

    it('starts every membership on a valid date between 2019 and 2025', () => {
      for (const { startDate } of sut.memberships) {
        expect(startDate).toMatch(/^20(19|2[0-5])-\d{2}-\d{2}$/);
        expect(new Date(`${startDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(startDate);
      }
    });

    it('ranks the head of every unit first', () => {
      for (const [unitKey, posts] of groupBy(sut.posts, (post) => post.unitKey)) {
        expect([unitKey, Math.min(...posts.map((post) => post.rank))]).toEqual([unitKey, 1]);
      }
    });

    it('staffs every town with the posts residents look for', () => {
      for (const town of towns) {
        const titles = sut.posts.filter((post) => post.unitKey === town.key).map((post) => post.title);
        expect(titles.some((title) => /民政/.test(title))).toBe(true);
        expect(titles.some((title) => /社保|社会保障/.test(title))).toBe(true);
        expect(titles.some((title) => /国土|自然资源/.test(title))).toBe(true);
        expect(titles.filter((title) => /^副(镇|乡)长$|^办事处副主任$/.test(title))).toHaveLength(3);
        expect(titles).toContain('信息员');
      }
    });

    it('gives every village a party secretary', () => {
      for (const village of villages) {
        const titles = sut.posts.filter((post) => post.unitKey === village.key).map((post) => post.title);
        expect([village.name, titles.some((title) => title.startsWith('党支部书记'))]).toEqual([
          village.name,
          true,
        ]);
      }
    });
  });

  describe('units', () => {
    it('gives sibling units distinct names', () => {
      for (const siblings of groupBy(sut.units, (unit) => unit.parentKey ?? '').values()) {
        expect(duplicates(siblings.map((unit) => unit.name))).toEqual([]);
      }
    });

    it('writes office hours as morning and afternoon ranges on towns and departments', () => {
      for (const unit of [...towns, ...ofKind('department')]) expect(unit.officeHours).toMatch(HOURS);
      for (const unit of sut.units.filter((u) => u.officeHours !== undefined))
        expect(unit.officeHours).toMatch(HOURS);
    });
  });

  describe('matters', () => {
    it('includes the required matters, each with keywords', () => {
      for (const name of REQUIRED_MATTERS) {
        const matter = sut.matters.find((m) => m.name === name);
        expect([name, (matter?.keywords.length ?? 0) > 0]).toEqual([name, true]);
      }
    });

    it('carries the everyday words residents type', () => {
      const byName = new Map(sut.matters.map((matter) => [matter.name, matter]));
      expect(byName.get('宅基地审批')?.synonyms).toContain('盖房子');
      expect(byName.get('医保报销')?.synonyms).toContain('看病报销');
      expect(byName.get('城乡居民养老保险')?.synonyms).toContain('养老金');
      expect(byName.get('低保申请')?.keywords).toEqual(expect.arrayContaining(['低保', '最低生活保障']));
    });

    it('describes every matter fully: 3–6 keywords, 1–4 synonyms, 2–5 materials, where to go and when', () => {
      for (const matter of sut.matters) {
        const counts = [matter.keywords.length, matter.synonyms.length, matter.materials.length];
        expect([matter.name, counts.map((n, i) => n >= [3, 1, 2][i] && n <= [6, 4, 5][i])]).toEqual([
          matter.name,
          [true, true, true],
        ]);
        for (const word of [...matter.keywords, ...matter.synonyms, ...matter.materials]) {
          expect(word.trim()).toBe(word);
          expect(word.length).toBeGreaterThan(0);
        }
        expect(matter.category.length).toBeGreaterThan(0);
        expect(matter.whereToGo.length).toBeGreaterThan(0);
        expect(matter.whereToGo.length).toBeLessThanOrEqual(500);
        expect(matter.officeHours).toMatch(HOURS);
        if (matter.legalBasis !== undefined) expect(matter.legalBasis).toMatch(/^《.+》/);
      }
    });

    it('uses unique matter names', () => {
      expect(duplicates(sut.matters.map((matter) => matter.name))).toEqual([]);
    });
  });

  describe('duties', () => {
    it('covers every village for every matter, through the village, its town or the county', () => {
      for (const matter of sut.matters) {
        const coverage = sut.duties.filter((duty) => duty.matterKey === matter.key);
        const uncovered = villages.filter(
          (village) => !coverage.some((duty) => covers(duty.coveredUnitKeys, village.key)),
        );
        expect([matter.name, uncovered.map((village) => village.name)]).toEqual([matter.name, []]);
      }
    });

    it('has the owning department handle every matter county-wide', () => {
      for (const matter of sut.matters) {
        const owned = sut.duties.some(
          (duty) =>
            duty.matterKey === matter.key &&
            postsByKey.get(duty.postKey)!.unitKey === matter.departmentKey &&
            duty.coveredUnitKeys.includes(county.key),
        );
        expect([matter.name, owned]).toEqual([matter.name, true]);
      }
    });

    it('keeps every duty within the jurisdiction of the post', () => {
      for (const duty of sut.duties) {
        const unit = unitsByKey.get(postsByKey.get(duty.postKey)!.unitKey)!;
        const home = unit.kind === 'department' || unit.kind === 'office' ? county.key : unit.key;
        for (const key of duty.coveredUnitKeys) {
          expect([duty.postKey, key, lineage(key).includes(home)]).toEqual([duty.postKey, key, true]);
        }
      }
    });

    it('lets village party secretaries handle matters for their own village only', () => {
      const secretaryDuties = sut.duties.filter((duty) => {
        const post = postsByKey.get(duty.postKey)!;
        return unitsByKey.get(post.unitKey)!.kind === 'village' && post.title.startsWith('党支部书记');
      });
      expect(secretaryDuties.length).toBeGreaterThanOrEqual(villages.length * 3);
      for (const duty of secretaryDuties) {
        expect(duty.coveredUnitKeys).toEqual([postsByKey.get(duty.postKey)!.unitKey]);
      }
    });

    it('covers all villages of a town whenever a town post handles a matter there', () => {
      for (const town of towns) {
        const townDuties = sut.duties.filter((duty) => postsByKey.get(duty.postKey)!.unitKey === town.key);
        for (const [matterKey, duties] of groupBy(townDuties, (duty) => duty.matterKey)) {
          const covered = villagesOf(town.key).filter((village) =>
            duties.some((duty) => covers(duty.coveredUnitKeys, village.key)),
          );
          expect([town.name, matterKey, covered.length]).toEqual([
            town.name,
            matterKey,
            villagesOf(town.key).length,
          ]);
        }
      }
    });

    it('splits 低保申请 between the civil-affairs assistant and a deputy head in at least two towns', () => {
      const dibao = sut.matters.find((matter) => matter.name === '低保申请')!;
      const splitTowns = towns.filter((town) => {
        const handlers = sut.duties.filter(
          (duty) => duty.matterKey === dibao.key && postsByKey.get(duty.postKey)!.unitKey === town.key,
        );
        const titles = handlers.map((duty) => postsByKey.get(duty.postKey)!.title);
        const disjoint = handlers.every((duty) => !duty.coveredUnitKeys.includes(town.key));
        return (
          handlers.length >= 2 &&
          disjoint &&
          titles.some((title) => title.startsWith('副') || title.includes('副主任'))
        );
      });
      expect(splitTowns.length).toBeGreaterThanOrEqual(2);
    });

    it('lets the social-security head of each town handle pensions and medical insurance for the whole town', () => {
      const byName = new Map(sut.matters.map((matter) => [matter.name, matter.key]));
      for (const town of towns) {
        for (const name of ['城乡居民养老保险', '医保报销']) {
          const handled = sut.duties.some((duty) => {
            const post = postsByKey.get(duty.postKey)!;
            return (
              duty.matterKey === byName.get(name) &&
              post.unitKey === town.key &&
              /社保|社会保障/.test(post.title) &&
              duty.coveredUnitKeys.includes(town.key)
            );
          });
          expect([town.name, name, handled]).toEqual([town.name, name, true]);
        }
      }
    });
  });

  it('builds the same county on every call', () => {
    expect(buildDemoCounty()).toEqual(sut);
  });
});
