import { handlersFor, type HandlerDuty, type PostHolder } from './handlers';

const county = '/1/';
const town = '/1/4/';
const village = '/1/4/17/';

/** Posts: 10 the county department, 20 the town assistant, 30 the village secretary. */
const duties: HandlerDuty[] = [
  { postId: 10, coveredPaths: [county] },
  { postId: 20, coveredPaths: [town] },
  { postId: 30, coveredPaths: [village] },
];
const holders = new Map<number, PostHolder[]>([
  [10, [{ officialId: 1, rank: 1 }]],
  [20, [{ officialId: 2, rank: 3 }]],
  [30, [{ officialId: 3, rank: 1 }]],
]);

describe('handlersFor', () => {
  it('puts the village’s own handler first, then the town, then the county department', () => {
    expect(handlersFor(duties, holders, village)).toEqual([3, 2, 1]);
  });

  it('leaves out duties that do not cover the unit', () => {
    expect(handlersFor(duties, holders, '/1/5/')).toEqual([1]);
  });

  it('puts the widest duties first when no unit is given', () => {
    expect(handlersFor(duties, holders, null)).toEqual([1, 2, 3]);
  });

  it('orders holders of equally specific duties by the post’s rank, then by id', () => {
    const sut = handlersFor(
      [
        { postId: 20, coveredPaths: [town] },
        { postId: 21, coveredPaths: [town] },
      ],
      new Map([
        [20, [{ officialId: 9, rank: 2 }]],
        [
          21,
          [
            { officialId: 8, rank: 2 },
            { officialId: 7, rank: 1 },
          ],
        ],
      ]),
      village,
    );
    expect(sut).toEqual([7, 8, 9]);
  });

  it('names each official once, at their most specific duty', () => {
    const sut = handlersFor(
      [
        { postId: 10, coveredPaths: [county] },
        { postId: 30, coveredPaths: [village] },
      ],
      new Map([
        [10, [{ officialId: 5, rank: 1 }]],
        [
          30,
          [
            { officialId: 5, rank: 1 },
            { officialId: 6, rank: 2 },
          ],
        ],
      ]),
      village,
    );
    expect(sut).toEqual([5, 6]);
  });

  it('counts a duty at the deepest unit it covers that contains the resident’s', () => {
    const sut = handlersFor(
      [
        { postId: 20, coveredPaths: [county, village] },
        { postId: 21, coveredPaths: [town] },
      ],
      new Map([
        [20, [{ officialId: 2, rank: 3 }]],
        [21, [{ officialId: 7, rank: 1 }]],
      ]),
      village,
    );
    expect(sut).toEqual([2, 7]);
  });

  it('finds nobody for a post nobody holds', () => {
    expect(handlersFor([{ postId: 99, coveredPaths: [county] }], holders, village)).toEqual([]);
  });
});
