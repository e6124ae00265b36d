/** A post as the primary-post rule sees it. */
export interface RankedPost {
  postId: number;
  /** 1 = head of the unit; lower comes first. */
  rank: number;
}

/**
 * THE rule for an official's primary post among those they hold: the head-most (lowest rank), then
 * the oldest (lowest post id). It decides the unit whose journal rules apply to them (plan access,
 * the jobs' jurisdictions), the post that names them on the today page, and the unit a demo login
 * lands in. Use it as a sort comparator: primary first.
 */
export function comparePrimaryPost(a: RankedPost, b: RankedPost): number {
  return a.rank - b.rank || a.postId - b.postId;
}

/**
 * Each official once, with their primary post: of rows listing every (official, post) held, keeps
 * the primary one of each official, in the order the rows came (a page's display order).
 */
export function primaryPostOfEach<T extends RankedPost & { officialId: number }>(rows: readonly T[]): T[] {
  const primary = new Map<number, T>();
  for (const row of rows) {
    const best = primary.get(row.officialId);
    if (!best || comparePrimaryPost(row, best) < 0) primary.set(row.officialId, row);
  }
  return rows.filter((row) => primary.get(row.officialId) === row);
}
