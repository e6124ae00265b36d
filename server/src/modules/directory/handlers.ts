/** A duty for a matter, as "who handles it" needs it: the post and the unit paths it covers. */
export interface HandlerDuty {
  postId: number;
  coveredPaths: readonly string[];
}

/** Someone holding a post today, with the post's rank (1 = the head of the unit). */
export interface PostHolder {
  officialId: number;
  rank: number;
}

/**
 * THE rule for "who handles this matter for my village": the officials holding a post whose duty
 * covers the unit, the most specific coverage first (a village's own secretary, then the town's
 * assistant, then the county department), then by the post's rank, then by id. Without a unit, the
 * widest duties (county-wide) come first. Each official once. Pure: search applies it to its cached
 * index, ticket routing to rows read just now (MatterHandlers).
 */
export function handlersFor(
  duties: readonly HandlerDuty[],
  holders: ReadonlyMap<number, readonly PostHolder[]>,
  unitPath: string | null,
): number[] {
  const ranked: Array<{ officialId: number; depth: number; rank: number }> = [];
  for (const duty of duties) {
    const covering = duty.coveredPaths.filter((p) => unitPath === null || unitPath.startsWith(p));
    if (covering.length === 0) continue;
    const depth = Math.max(...covering.map((p) => p.length));
    for (const holder of holders.get(duty.postId) ?? [])
      ranked.push({
        officialId: holder.officialId,
        depth: unitPath === null ? -depth : depth,
        rank: holder.rank,
      });
  }
  ranked.sort((a, b) => b.depth - a.depth || a.rank - b.rank || a.officialId - b.officialId);
  return [...new Set(ranked.map((r) => r.officialId))];
}
