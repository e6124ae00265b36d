import { candidateOrder, drawSample, newSeed, seedNumber } from './spot-check-draw';

describe('the spot-check draw', () => {
  const ids = Array.from({ length: 30 }, (_, i) => 100 + i * 7);
  const sut = drawSample;

  it('draws the same entries from the same seed and candidates, whatever order they are given in', () => {
    const first = sut(ids, 'a1b2c3d4e5f60718', 5);
    expect(sut([...ids].reverse(), 'a1b2c3d4e5f60718', 5)).toEqual(first);
    expect(sut([...ids, ids[0]!], 'a1b2c3d4e5f60718', 5)).toEqual(first);
  });

  it('draws distinct candidates, as many as asked', () => {
    const picks = sut(ids, 'seed', 10);
    expect(picks).toHaveLength(10);
    expect(new Set(picks).size).toBe(10);
    for (const id of picks) expect(ids).toContain(id);
  });

  it('draws every candidate when fewer than the size are there, and nothing from none', () => {
    expect([...sut(ids.slice(0, 3), 'seed', 10)].sort((a, b) => a - b)).toEqual(ids.slice(0, 3));
    expect(sut([], 'seed', 5)).toEqual([]);
  });

  it('draws differently with another seed', () => {
    expect(sut(ids, 'seed-1', 5)).not.toEqual(sut(ids, 'seed-2', 5));
  });

  it('draws differently when there is one candidate more or one fewer', () => {
    const drawn = sut(ids, 'a1b2c3d4e5f60718', 5);
    expect(sut([...ids, 999], 'a1b2c3d4e5f60718', 5)).not.toEqual(drawn);
    expect(sut(ids.slice(1), 'a1b2c3d4e5f60718', 5)).not.toEqual(drawn);
  });

  it('follows the documented steps: SHA-256, the first 4 bytes big-endian, mulberry32, Fisher–Yates', () => {
    // sha256("abc") = ba7816bf 8f01cfea …
    expect(seedNumber('abc')).toBe(0xba7816bf);
    // A pinned result: changing the algorithm would make recorded samples unreproducible.
    expect(sut([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'abc', 3)).toEqual(
      sut([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'abc', 3),
    );
    expect(sut([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'abc', 3)).toEqual([10, 4, 2]);
  });

  it('orders the candidates by ascending id, each once', () => {
    expect(candidateOrder([5, 3, 9, 3])).toEqual([3, 5, 9]);
  });

  it('makes a fresh seed of 16 hex characters', () => {
    expect(newSeed()).toMatch(/^[0-9a-f]{16}$/);
    expect(newSeed()).not.toBe(newSeed());
  });
});
