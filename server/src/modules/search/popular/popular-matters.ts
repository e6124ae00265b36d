import { pinyin } from 'pinyin-pro';

/**
 * How much one resident's action says about demand: a comment (a ticket on the matter) 3, opening
 * its page 2, a search whose top hit it was 1 (a search also counts while typing, so it weighs least).
 */
export const DEMAND_WEIGHTS = { comments: 3, opens: 2, searches: 1 } as const;

/** The window: today and the 29 local dates before it. */
export const DEMAND_DAYS = 30;

/** Day rows are kept this long (twice the window, so a late look at last month still adds up), then deleted. */
export const DEMAND_KEEP_DAYS = 2 * DEMAND_DAYS;

/** A matter enters the list from demand with at least this score (one comment, or an open and a search). */
export const MIN_DEMAND_SCORE = 3;

/**
 * The cold-start list (the most asked-for matters before there is any signal), by name; it also
 * fills the list up to its length when a county has too little signal.
 */
export const DEFAULT_POPULAR = [
  '低保申请',
  '医保报销',
  '城乡居民养老保险',
  '宅基地审批',
  '残疾证办理',
  '创业担保贷款',
  '临时救助',
  '高龄津贴',
];

export interface PopularCandidate {
  id: number;
  name: string;
  category: string;
}

export interface DemandCounts {
  matterId: number;
  searches: number;
  opens: number;
  comments: number;
}

export function demandScore(counts: DemandCounts): number {
  return (
    counts.comments * DEMAND_WEIGHTS.comments +
    counts.opens * DEMAND_WEIGHTS.opens +
    counts.searches * DEMAND_WEIGHTS.searches
  );
}

const sortKeys = new Map<string, string>();
/** Toneless pinyin, the order a Chinese reader expects among equals ("低保" before "高龄"). */
function pinyinKey(name: string): string {
  let key = sortKeys.get(name);
  if (key === undefined) {
    key = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ');
    if (sortKeys.size < 10_000) sortKeys.set(name, key);
  }
  return key;
}

const byName = (a: PopularCandidate, b: PopularCandidate) => {
  const x = pinyinKey(a.name);
  const y = pinyinKey(b.name);
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
};

/**
 * A county's popular matters, `size` at most: the admin's pins first (by rank), then the matters
 * with a demand score of at least MIN_DEMAND_SCORE (highest first), then the defaults by name, each
 * matter once. Ties go by the name's pinyin. Only `candidates` (the matters of the county's search
 * index) are listed; pins and counts of other matters are ignored.
 */
export function rankPopular(input: {
  candidates: readonly PopularCandidate[];
  pins: ReadonlyArray<{ matterId: number; rank: number }>;
  demand: readonly DemandCounts[];
  defaults?: readonly string[];
  size?: number;
}): PopularCandidate[] {
  const defaults = input.defaults ?? DEFAULT_POPULAR;
  const size = input.size ?? defaults.length;
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const listed: PopularCandidate[] = [];
  const seen = new Set<number>();
  const add = (c: PopularCandidate | undefined) => {
    if (!c || seen.has(c.id)) return;
    listed.push(c);
    seen.add(c.id);
  };
  const pinned = input.pins
    .filter((p) => byId.has(p.matterId))
    .map((p) => ({ rank: p.rank, matter: byId.get(p.matterId)! }))
    .sort((a, b) => a.rank - b.rank || byName(a.matter, b.matter));
  for (const p of pinned) add(p.matter);
  const scored = input.demand
    .map((d) => ({ score: demandScore(d), matter: byId.get(d.matterId) }))
    .filter(
      (d): d is { score: number; matter: PopularCandidate } => !!d.matter && d.score >= MIN_DEMAND_SCORE,
    )
    .sort((a, b) => b.score - a.score || byName(a.matter, b.matter));
  for (const d of scored) add(d.matter);
  const candidatesByName = [...input.candidates].sort((a, b) => a.id - b.id);
  for (const name of defaults) add(candidatesByName.find((c) => c.name === name));
  return listed.slice(0, size);
}
