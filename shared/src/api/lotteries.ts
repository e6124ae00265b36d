/**
 * 抽签晒 (issue #14): each week, per county, a verifiable draw of published journals (a day plan
 * with its updates) to feature publicly, unedited. Protocol and the exact function: docs/lottery.md;
 * anyone recomputes a draw with `node docs/verify-lottery.mjs <url-or-file>`.
 */
import type { LocalDate } from './journals.js';

/** committed: the commitment is public, the seed secret; drawn: the seed is revealed and the draw done. */
export type LotteryState = 'committed' | 'drawn';

export const LOTTERY_STATE_LABELS: Record<LotteryState, string> = {
  committed: '已公布承诺，待开签',
  drawn: '已开签',
};

/** The draw function, named and versioned: a lottery records the version it was drawn with. */
export const LOTTERY_ALGORITHM = {
  version: 'sha256-min/1',
  description:
    'commitment = SHA-256(seed) as lowercase hex, where seed is the 64-character lowercase hex text of 32 random bytes. ' +
    'Each candidate key k = "<planId>:<date>:<officialId>". h(k) = SHA-256(seed + ":" + k) as lowercase hex (UTF-8). ' +
    'The drawn journals are the drawSize candidates with the smallest h(k) (hex order; equal h ordered by k), ' +
    'ranked from the smallest; all candidates when there are fewer.',
} as const;

/** A week of the lottery: Monday to Sunday, local dates, and its ISO label (2026-W48). */
export interface LotteryWeek {
  start: LocalDate;
  end: LocalDate;
  label: string;
}

/** One candidate: a published day plan of the week in the county, frozen at the reveal. */
export interface LotteryCandidateView {
  /** What the draw hashes: "<planId>:<date>:<officialId>". */
  key: string;
  planId: number;
  date: LocalDate;
  official: { id: number; name: string };
  /** The official's unit (primary post) on that date. */
  unitName: string;
}

export interface LotteryDrawnView extends LotteryCandidateView {
  /** 1 = the smallest hash. */
  rank: number;
  /** h(k), lowercase hex. */
  hash: string;
}

export interface LotterySummary {
  id: number;
  unit: { id: number; name: string };
  week: LotteryWeek;
  state: LotteryState;
  drawSize: number;
  commitment: string;
  committedAt: string;
  /** When the seed will be revealed and the draw done (Monday after the week, 09:00 local). */
  revealDueAt: string;
  revealedAt: string | null;
  /** Frozen at the reveal; null before. */
  candidateCount: number | null;
}

/** GET /lotteries?unitId=&page= (public): newest week first, so the open commitment is on top. */
export interface LotteryListResponse {
  items: LotterySummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /lotteries/:id (public): everything needed to recompute the draw, once it is revealed. */
export interface LotteryView extends LotterySummary {
  algorithm: { version: string; description: string };
  /** The secret seed (64 hex characters): null until the reveal. */
  seed: string | null;
  drawnAt: string | null;
  /** In the canonical order (date, then plan id); empty before the reveal. */
  candidates: LotteryCandidateView[];
  /** The result, by rank; empty before the reveal. */
  drawn: LotteryDrawnView[];
  /** Every state change with its time (committed, revealed, drawn). */
  events: Array<{ action: 'committed' | 'revealed' | 'drawn'; at: string }>;
}

/** The 抽中 mark on a drawn journal (today page, an official's days). */
export interface DrawnMark {
  lotteryId: number;
  /** ISO week label, 2026-W48. */
  week: string;
}
