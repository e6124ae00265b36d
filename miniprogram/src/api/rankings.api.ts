/**
 * 排名与红黄旗 (issue #14): the ranking of a scope over a period (every rate with its 95 % Wilson
 * interval; units below the minimum sample listed as 样本不足), one unit's rates over the last 12
 * periods, the county's settings (weights, minimum sample, N), the proposed flags of a period, the
 * award (a supervisor; an override needs a written reason) and the public flags of a unit.
 */
import type {
  AwardFlagsRequest,
  FlagAwardBatch,
  FlagLevel,
  FlagPeriod,
  FlagProposal,
  FlagsResponse,
  LocalDate,
  RankingLevel,
  RankingPeriod,
  RankingResponse,
  RankingSettings,
  RankingSettingsRequest,
  RankingTrendResponse,
} from '@jinri/shared';

import { request } from './request';

export interface RankingQuery {
  /** The unit whose towns / departments / officials are ranked. */
  unitId: number;
  level: RankingLevel;
  period: RankingPeriod;
  from: LocalDate;
  to: LocalDate;
}

/** GET /rankings: ranked items first (by rank), then the 样本不足 ones. */
export function getRankings(q: RankingQuery): Promise<RankingResponse> {
  return request<RankingResponse>({ path: '/rankings', query: { ...q } });
}

/** GET /rankings/trend: each rate of one unit over the last 12 periods, oldest first. */
export function getRankingTrend(unitId: number, period: FlagPeriod = 'week'): Promise<RankingTrendResponse> {
  return request<RankingTrendResponse>({ path: '/rankings/trend', query: { unitId, period } });
}

/** GET /rankings/settings: weights, minimum sample and N of a county (public read; no id: the root county). */
export function getRankingSettings(jurisdictionId?: number): Promise<RankingSettings> {
  return request<RankingSettings>({ path: '/rankings/settings', query: { jurisdictionId } });
}

/** PUT /rankings/settings: an admin of the county (no id: the root county). */
export function putRankingSettings(
  jurisdictionId: number | undefined,
  settings: RankingSettingsRequest,
): Promise<RankingSettings> {
  return request<RankingSettings>({
    method: 'PUT',
    path: '/rankings/settings',
    query: { jurisdictionId },
    data: settings,
  });
}

export interface FlagProposalQuery {
  jurisdictionId: number;
  level: FlagLevel;
  period: FlagPeriod;
  /** The period's first day. */
  from: LocalDate;
}

/** GET /flags/proposal: the top N (红旗) and bottom N (黄旗) of the period's ranking. */
export function getFlagProposal(q: FlagProposalQuery): Promise<FlagProposal> {
  return request<FlagProposal>({ path: '/flags/proposal', query: { ...q } });
}

/** POST /flags: awards the period's flags (a reason is required when it differs from the proposal). */
export function awardFlags(body: AwardFlagsRequest): Promise<FlagAwardBatch> {
  return request<FlagAwardBatch>({ method: 'POST', path: '/flags', data: body });
}

/** GET /flags?unitId=: public — the flags in force of the unit and its children, and their history. */
export function getFlags(unitId: number): Promise<FlagsResponse> {
  return request<FlagsResponse>({ path: '/flags', query: { unitId }, auth: false });
}
