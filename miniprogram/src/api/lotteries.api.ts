/**
 * 抽签晒 (public, no sign-in): the weekly lotteries of journals — commitment, then seed, candidates
 * and result once revealed. Anyone can recompute a draw with docs/verify-lottery.mjs.
 */
import type { LotteryListResponse, LotteryView } from '@jinri/shared';

import { buildUrl, request } from './request';

/** GET /lotteries: newest week first (the open commitment on top), a page at a time. */
export function listLotteries(filter: { unitId?: number; page?: number }): Promise<LotteryListResponse> {
  return request<LotteryListResponse>({ path: '/lotteries', query: { ...filter }, auth: false });
}

/** GET /lotteries/:id */
export function getLottery(id: number): Promise<LotteryView> {
  return request<LotteryView>({ path: `/lotteries/${id}`, auth: false });
}

/** The address of a lottery's public JSON: what the verify script reads. */
export function lotteryJsonUrl(id: number): string {
  return buildUrl(`/lotteries/${id}`);
}
