import { comparePrimaryPost, primaryPostOfEach } from './primary-post';

const row = (officialId: number, postId: number, rank: number, unit: string) => ({
  officialId,
  postId,
  rank,
  unit,
});

describe('comparePrimaryPost', () => {
  const sut = comparePrimaryPost;

  it('puts the head-most post (lowest rank) first', () => {
    const posts = [
      { postId: 1, rank: 4 },
      { postId: 2, rank: 1 },
    ];
    expect([...posts].sort(sut).map((p) => p.postId)).toEqual([2, 1]);
  });

  it('puts the oldest post first between posts of the same rank', () => {
    const posts = [
      { postId: 9, rank: 1 },
      { postId: 3, rank: 1 },
    ];
    expect([...posts].sort(sut).map((p) => p.postId)).toEqual([3, 9]);
  });
});

describe('primaryPostOfEach', () => {
  const sut = primaryPostOfEach;

  it('keeps each official once, with their primary post, wherever that row comes', () => {
    const rows = [
      row(1, 10, 1, 'town A'),
      row(2, 20, 3, 'town A'),
      row(3, 30, 2, 'town A'),
      row(2, 25, 1, 'town B'),
    ];
    expect(sut(rows).map((r) => [r.officialId, r.unit])).toEqual([
      [1, 'town A'],
      [3, 'town A'],
      [2, 'town B'],
    ]);
  });

  it('keeps the rows of officials with one post as they are', () => {
    const rows = [row(1, 10, 1, 'A'), row(2, 20, 2, 'A')];
    expect(sut(rows)).toEqual(rows);
  });

  it('chooses the post that sorting with comparePrimaryPost puts first', () => {
    const posts = [row(7, 40, 2, 'X'), row(7, 12, 2, 'Y'), row(7, 50, 3, 'Z')];
    expect(sut(posts)).toEqual([[...posts].sort(comparePrimaryPost)[0]]);
  });
});
