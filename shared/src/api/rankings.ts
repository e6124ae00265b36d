import type { LocalDate } from './journals.js';

/**
 * Rankings and 红黄旗 (issue #14). A ranking compares the towns, the departments or the officials of
 * one unit over a period on seven rates; every rate carries its 95 % Wilson interval, and units are
 * ranked by the lower bound of their composite interval, so a rate from 3 items cannot beat one from
 * 300. Units below the minimum sample are listed as 样本不足 (rank null), not ranked.
 */

/** week: Monday–Sunday; month: calendar month; quarter: calendar quarter; custom: from/to as given. */
export type RankingPeriod = 'week' | 'month' | 'quarter' | 'custom';
export const RANKING_PERIODS: readonly RankingPeriod[] = ['week', 'month', 'quarter', 'custom'];

/** town / department: the units of that kind under `unitId`; official: the officials of `unitId`. */
export type RankingLevel = 'town' | 'department' | 'official';
export const RANKING_LEVELS: readonly RankingLevel[] = ['town', 'department', 'official'];

/**
 * submission 提交率: working days with a submitted plan / working days owed (leave excluded).
 * onTime 按时率: plans submitted by the deadline / plans submitted.
 * quality 计划质量: plan entries not found vague or repeated / plan entries published.
 * weeklyOnTime 周报按时率: weekly reports submitted by the deadline / weekly reports owed.
 * response 响应率: tickets answered within the response deadline / tickets due for a response.
 * resolution 解决率: tickets resolved (办结) / tickets received in the period.
 * satisfaction 满意率: tickets rated 满意 (or 基本满意) / tickets rated.
 */
export type RateKey =
  'submission' | 'onTime' | 'quality' | 'weeklyOnTime' | 'response' | 'resolution' | 'satisfaction';
export const RATE_KEYS: readonly RateKey[] = [
  'submission',
  'onTime',
  'quality',
  'weeklyOnTime',
  'response',
  'resolution',
  'satisfaction',
];
/** Chinese labels for the rate keys (table headers, chart legends). */
export const RATE_LABELS: Readonly<Record<RateKey, string>> = {
  submission: '提交率',
  onTime: '按时率',
  quality: '计划质量',
  weeklyOnTime: '周报按时率',
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
};

/** A 95 % Wilson score interval (z = 1.96), bounds between 0 and 1. */
export interface WilsonInterval {
  low: number;
  high: number;
}

export interface Rate {
  key: RateKey;
  successes: number;
  total: number;
  /** successes / total, between 0 and 1; null when total is 0 (nothing to measure). */
  value: number | null;
  /** null when total is 0. */
  interval: WilsonInterval | null;
}

export type FlagColor = 'red' | 'yellow';

export interface RankingItem {
  /** Set for the town and department levels. */
  unit?: { id: number; name: string };
  /** Set for the official level. */
  official?: { id: number; name: string; post: string };
  /** All seven rates, in RATE_KEYS order. */
  rates: Rate[];
  counts: { overdueTickets: number; confirmedFindings: number };
  /** Composite score 0–1: the weighted mean of the rates' values (rates with total 0 left out). */
  score: number | null;
  /** The composite interval: the same weighted mean of the rates' interval bounds. Ranked by `low`. */
  interval: WilsonInterval | null;
  /** The same as `interval` (kept for readers that call it scoreInterval). */
  scoreInterval: WilsonInterval | null;
  /** Working days owed by the unit's officials (the submission denominator); compared with minSample. */
  sample: number;
  /** 1-based competition rank (ties share: 1, 1, 3); null when insufficient. */
  rank: number | null;
  /** 样本不足: sample < minSample; listed, not ranked. */
  insufficient: boolean;
  /** The unit's current flag (last awarded completed period); absent at the official level. */
  flag?: FlagColor | null;
}

export type RankingWeights = Record<RateKey, number>;

/** Composite weights until a county's admin sets its own (they sum to 100, read as percent). */
export const DEFAULT_RANKING_WEIGHTS: Readonly<RankingWeights> = {
  submission: 20,
  onTime: 15,
  quality: 15,
  weeklyOnTime: 10,
  response: 15,
  resolution: 15,
  satisfaction: 10,
};
/** Items (working days owed) a unit needs before it is ranked (domain.md: at least 10). */
export const DEFAULT_RANKING_MIN_SAMPLE = 10;
/** By default one 红旗 and one 黄旗 per level and period (domain.md). */
export const DEFAULT_FLAG_COUNT = 1;
/** Bounds of the settings an admin may set (the server's validation uses the same numbers). */
export const RANKING_SETTINGS_LIMITS = {
  weightMax: 100,
  minSampleMin: 1,
  minSampleMax: 1000,
  flagCountMin: 1,
  flagCountMax: 20,
} as const;

/** GET /rankings?unitId=&level=&period=&from=&to= */
export interface RankingResponse {
  /** Ranked items first (by rank, then name), then the 样本不足 ones (by name). */
  items: RankingItem[];
  unit: { id: number; name: string };
  /** The county whose settings (weights, minimum sample, N) apply. */
  jurisdiction: { id: number; name: string };
  period: { kind: RankingPeriod; from: LocalDate; to: LocalDate };
  level: RankingLevel;
  weights: RankingWeights;
  minSample: number;
  flagCount: number;
}

/** GET /rankings/settings?jurisdictionId= (public read) and PUT (an admin of that county). */
export interface RankingSettings {
  jurisdiction: { id: number; name: string };
  /** Non-negative weights of the composite (0–100 each, at least one above 0). */
  weights: RankingWeights;
  /** Default 10 (DEFAULT_RANKING_MIN_SAMPLE). */
  minSample: number;
  /** N red and N yellow flags per period; default 1 (DEFAULT_FLAG_COUNT). */
  flagCount: number;
  /** null while the defaults apply. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface RankingSettingsRequest {
  weights: RankingWeights;
  minSample: number;
  flagCount: number;
}

/** One rate of one period in a trend. */
export interface RankingTrendPoint {
  from: LocalDate;
  to: LocalDate;
  successes: number;
  total: number;
  value: number | null;
  interval: WilsonInterval | null;
}

/** GET /rankings/trend?unitId=&period=week — each rate over the last 12 completed-or-current periods. */
export interface RankingTrendResponse {
  unit: { id: number; name: string };
  period: Exclude<RankingPeriod, 'custom'>;
  /** Oldest first; 12 periods, the last one containing today. */
  periods: Array<{ from: LocalDate; to: LocalDate }>;
  series: Array<{ key: RateKey; points: RankingTrendPoint[] }>;
  /** The composite per period, with its interval. */
  score: Array<{ from: LocalDate; to: LocalDate; value: number | null; interval: WilsonInterval | null }>;
}

/** Flag awards are per county, level and period. Custom periods are never flagged. */
export type FlagPeriod = Exclude<RankingPeriod, 'custom'>;
export type FlagLevel = Exclude<RankingLevel, 'official'>;

export interface ProposedFlag {
  unit: { id: number; name: string };
  color: FlagColor;
  rank: number;
  score: number | null;
  interval: WilsonInterval | null;
}

/**
 * GET /flags/proposal?jurisdictionId=&level=&period=&from= — a supervisor of the county. The top N
 * ranked units (红旗) and the bottom N (黄旗), never a 样本不足 unit, never one unit in both.
 */
export interface FlagProposal {
  jurisdiction: { id: number; name: string };
  level: FlagLevel;
  period: FlagPeriod;
  from: LocalDate;
  to: LocalDate;
  flagCount: number;
  red: ProposedFlag[];
  yellow: ProposedFlag[];
  /** The ranking the proposal comes from (to choose other units when overriding). */
  ranking: RankingItem[];
  /** The award already in force for this period, if any (a new award supersedes it). */
  current: FlagAwardBatch | null;
}

/** POST /flags — a supervisor of the county awards the period's flags. */
export interface AwardFlagsRequest {
  jurisdictionId: number;
  level: FlagLevel;
  period: FlagPeriod;
  /** The period's first day (a Monday, the 1st of a month, the 1st of a quarter); the period must be over. */
  from: LocalDate;
  /** Unit ids given 红旗 / 黄旗 (units of `level` under the county; at most flagCount each; disjoint). */
  red: number[];
  yellow: number[];
  /** Required (4–500 characters) when the award differs from the proposal; kept with the award. */
  reason?: string;
}

/** One unit's flag from one award. */
export interface FlagAward {
  id: number;
  /** The award (batch) it belongs to. */
  awardId: number;
  unit: { id: number; name: string };
  color: FlagColor;
  level: FlagLevel;
  period: FlagPeriod;
  from: LocalDate;
  to: LocalDate;
  /** The ranking proposed this unit for this color. */
  proposed: boolean;
  /** The award as a whole differs from the proposal. */
  overridden: boolean;
  /** The supervisor's written reason when overridden. */
  reason: string | null;
  /** The supervisor's name. */
  awardedBy: string;
  awardedAt: string;
  /** Set when a later award for the same period replaced this one. */
  supersededAt: string | null;
}

export interface FlagAwardBatch {
  id: number;
  jurisdiction: { id: number; name: string };
  level: FlagLevel;
  period: FlagPeriod;
  from: LocalDate;
  to: LocalDate;
  flags: FlagAward[];
  overridden: boolean;
  reason: string | null;
  awardedBy: string;
  awardedAt: string;
  /** The earlier award for the same period this one replaced. */
  supersedesId: number | null;
  supersededAt: string | null;
}

/** A unit's current flag, as the today page and the unit page show it. */
export interface CurrentFlag {
  color: FlagColor;
  period: FlagPeriod;
  from: LocalDate;
  to: LocalDate;
  awardedAt: string;
}

/** GET /flags?unitId= — public: current flags of the unit and the units under it, and the history. */
export interface FlagsResponse {
  unit: { id: number; name: string };
  /** Flags in force (the last awarded completed period of each level), the unit's own and its children's. */
  current: FlagAward[];
  /** Every flag ever awarded to these units, newest first (superseded ones marked), at most 200. */
  history: FlagAward[];
}
