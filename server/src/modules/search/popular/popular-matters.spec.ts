import { DEFAULT_POPULAR, demandScore, type PopularCandidate, rankPopular } from './popular-matters';

const candidates: PopularCandidate[] = [
  ...DEFAULT_POPULAR.map((name, i) => ({ id: i + 1, name, category: '民政' })),
  { id: 20, name: '高龄补贴', category: '民政' },
  { id: 21, name: '宅基地确权', category: '自然资源' },
  { id: 22, name: '独生子女奖励', category: '卫健' },
];
const names = (list: PopularCandidate[]) => list.map((m) => m.name);
const none = { searches: 0, opens: 0, comments: 0 };

describe('rankPopular', () => {
  it('gives the default list on a cold start', () => {
    expect(names(rankPopular({ candidates, pins: [], demand: [] }))).toEqual(DEFAULT_POPULAR);
  });

  it('puts matters with demand first, highest score first, and fills up from the defaults', () => {
    const sut = rankPopular({
      candidates,
      pins: [],
      demand: [
        { ...none, matterId: 20, searches: 3 },
        { ...none, matterId: 21, comments: 2 },
      ],
    });
    expect(names(sut)).toEqual(['宅基地确权', '高龄补贴', ...DEFAULT_POPULAR.slice(0, 6)]);
  });

  it('weighs a comment 3, an open 2 and a search 1', () => {
    expect(demandScore({ matterId: 1, searches: 1, opens: 1, comments: 1 })).toBe(6);
  });

  it('leaves out a matter with too little demand (a single search)', () => {
    const sut = rankPopular({ candidates, pins: [], demand: [{ ...none, matterId: 22, searches: 2 }] });
    expect(names(sut)).toEqual(DEFAULT_POPULAR);
  });

  it('breaks ties by the pinyin of the name', () => {
    const sut = rankPopular({
      candidates,
      pins: [],
      demand: [
        { ...none, matterId: 20, opens: 2 },
        { ...none, matterId: 22, opens: 2 },
      ],
    });
    expect(names(sut).slice(0, 2)).toEqual(['独生子女奖励', '高龄补贴']);
  });

  it('puts the pins first, by rank, before any demand', () => {
    const sut = rankPopular({
      candidates,
      pins: [
        { matterId: 22, rank: 2 },
        { matterId: 8, rank: 1 },
      ],
      demand: [{ ...none, matterId: 20, comments: 9 }],
    });
    expect(names(sut).slice(0, 4)).toEqual(['高龄津贴', '独生子女奖励', '高龄补贴', '低保申请']);
    expect(sut).toHaveLength(DEFAULT_POPULAR.length);
    expect(new Set(sut.map((m) => m.id)).size).toBe(sut.length);
  });

  it('ignores pins and demand of matters that are not candidates', () => {
    const sut = rankPopular({
      candidates,
      pins: [{ matterId: 99, rank: 1 }],
      demand: [{ ...none, matterId: 98, comments: 9 }],
    });
    expect(names(sut)).toEqual(DEFAULT_POPULAR);
  });

  it('lists only the defaults a county has', () => {
    const sut = rankPopular({ candidates: candidates.slice(0, 3), pins: [], demand: [] });
    expect(names(sut)).toEqual(DEFAULT_POPULAR.slice(0, 3));
  });
});
