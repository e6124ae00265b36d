import { pinyin } from 'pinyin-pro';
import { buildDemoCounty } from '../../database/seed/demo-county.data';
import { type IndexDoc, SearchIndex } from './search-index';

const county = buildDemoCounty();
const matterIds = new Map(county.matters.map((m, i) => [m.name, i + 1]));
const officialIds = new Map(county.officials.map((o, i) => [o.name, i + 1]));
const titles = new Map<string, string[]>();
for (const m of county.memberships) {
  const post = county.posts.find((p) => p.key === m.postKey)!;
  titles.set(m.officialKey, [...(titles.get(m.officialKey) ?? []), post.title]);
}
const docs: IndexDoc[] = [
  ...county.matters.map((m, i) => ({
    kind: 'matter' as const,
    id: i + 1,
    fields: [
      { text: m.name, weight: 1 },
      ...m.keywords.map((k) => ({ text: k, weight: 0.95 })),
      ...m.synonyms.map((s) => ({ text: s, weight: 0.95 })),
      { text: m.category, weight: 0.4 },
    ],
  })),
  ...county.officials.map((o, i) => ({
    kind: 'official' as const,
    id: i + 1,
    fields: [
      { text: o.name, weight: 1 },
      ...(titles.get(o.key) ?? []).map((t) => ({ text: t, weight: 0.5 })),
    ],
  })),
];
const sut = SearchIndex.build(docs);

const topMatter = (q: string) => {
  const hit = sut.search(q).matters[0];
  return hit ? county.matters[hit.id - 1]!.name : null;
};

describe('SearchIndex', () => {
  it.each([
    ['低保', '低保申请', 'a word'],
    ['低保申请', '低保申请', 'the exact name'],
    ['dibao', '低保申请', 'full pinyin'],
    ['DiBao', '低保申请', 'pinyin in any case'],
    ['db', '低保申请', 'initials'],
    ['dbsq', '低保申请', 'initials of the whole name'],
    ['盖房子', '宅基地审批', 'an everyday synonym'],
    ['看病报销', '医保报销', 'an everyday synonym'],
    ['养老金', '城乡居民养老保险', 'an everyday synonym'],
    ['宅基地', '宅基地审批', 'a word'],
    ['zhaijidi', '宅基地审批', 'full pinyin'],
    ['zjd', '宅基地审批', 'initials'],
    ['底保', '低保申请', 'a homophone typo'],
    ['dibai', '低保申请', 'a pinyin typo'],
    ['zhaijdi', '宅基地审批', 'a missing letter'],
    ['我想办低保怎么弄', '低保申请', 'a question around the word'],
    ['残疾证', '残疾证办理', 'a word'],
    ['创业贷款', '创业担保贷款', 'words with a gap'],
    ['户口迁移', '户口迁移', 'the exact name'],
    ['hukou', '户口迁移', 'full pinyin'],
    ['危房', '危房改造', 'the start of a name'],
    ['高龄', '高龄津贴', 'the start of a name'],
    ['临时救助', '临时救助', 'the exact name'],
    ['生孩子登记', '生育登记', 'everyday words'],
  ])('finds %s → %s (%s)', (query, expected) => {
    expect(topMatter(query)).toBe(expected);
  });

  it('finds an official by name, by pinyin and by initials', () => {
    const official = county.officials[10]!;
    const id = officialIds.get(official.name);
    expect(sut.search(official.name).officials[0]!.id).toBe(id);
    const full = pinyin(official.name, { toneType: 'none', type: 'array' }).join('');
    expect(sut.search(full).officials.map((h) => h.id)).toContain(id);
    const initials = pinyin(official.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    expect(sut.search(initials).officials.map((h) => h.id)).toContain(id);
  });

  it('finds officials by post', () => {
    const hits = sut.search('民政助理').officials;
    expect(hits.length).toBeGreaterThanOrEqual(3);
  });

  it.each(['db', '养老', 'dibao', '补贴', 'yl'])(
    'lists each matter and official at most once for %s',
    (q) => {
      for (const limit of [3, 10, 20]) {
        const { matters, officials } = sut.search(q, limit);
        expect(matters.length).toBeGreaterThan(0);
        expect(matters.length).toBeLessThanOrEqual(limit);
        expect(new Set(matters.map((h) => h.id)).size).toBe(matters.length);
        expect(new Set(officials.map((h) => h.id)).size).toBe(officials.length);
        // Best first: each hit scores at least as much as the next one.
        for (let i = 1; i < matters.length; i++)
          expect(matters[i - 1]!.score).toBeGreaterThanOrEqual(matters[i]!.score);
      }
    },
  );

  it('keeps the best hits when more docs match than fit', () => {
    const many = SearchIndex.build(
      [0.5, 0.9, 0.6, 1, 0.7, 0.8].map((weight, i) => ({
        kind: 'matter' as const,
        id: i + 1,
        fields: [{ text: '低保', weight }],
      })),
    );
    expect(many.search('低保', 3).matters.map((h) => h.id)).toEqual([4, 2, 6]);
  });

  it('returns nothing for nothing and for noise', () => {
    expect(sut.search('')).toEqual({ matters: [], officials: [] });
    expect(sut.search('   ，。')).toEqual({ matters: [], officials: [] });
    expect(sut.search('qqqqqq').matters).toEqual([]);
  });

  it('ranks the exact name above a partial one', () => {
    const hits = sut.search('医保报销').matters;
    expect(county.matters[hits[0]!.id - 1]!.name).toBe('医保报销');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('knows every required matter by its name', () => {
    for (const name of [
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
    ]) {
      expect([name, topMatter(name)]).toEqual([name, name]);
    }
    expect(matterIds.size).toBe(county.matters.length);
  });
});
