/** Where the ranking pages lead (排名 → 趋势, 红黄旗) and what their links carry. */
import { APP_PAGES, RANKING_LEVELS, type FlagPeriod, type RankingLevel } from '@jinri/shared';

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const rankingUrls = {
  rankings: (link: { unitId?: number; unitName?: string; level?: RankingLevel } = {}) =>
    `/${APP_PAGES.supervisionRankings}${query({ ...link })}`,
  flags: () => `/${APP_PAGES.supervisionFlags}`,
  trend: (unitId: number, unitName?: string, period?: FlagPeriod) =>
    `/${APP_PAGES.supervisionRankingTrend}${query({ unitId, unitName, period })}`,
};

export const LEVEL_OPTIONS: ReadonlyArray<{ value: RankingLevel; label: string }> = [
  { value: 'town', label: '乡镇' },
  { value: 'department', label: '部门' },
  { value: 'official', label: '干部' },
];

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function positiveInt(raw: string | undefined): number | undefined {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : undefined;
}

export interface RankingsLink {
  unitId?: number;
  unitName?: string;
  level?: RankingLevel;
}

/** The filters of a rankings URL (unknown values dropped). */
export function parseRankingsLink(params: Record<string, string | undefined>): RankingsLink {
  const unitId = positiveInt(params.unitId);
  const level = params.level as RankingLevel | undefined;
  return {
    unitId,
    unitName: unitId && params.unitName ? safeDecode(params.unitName) : undefined,
    level: level && RANKING_LEVELS.includes(level) ? level : undefined,
  };
}

/** The unit of a trend URL, or null; its period (week unless month / quarter). */
export function parseTrendLink(params: Record<string, string | undefined>): {
  unitId: number | null;
  unitName?: string;
  period: FlagPeriod;
} {
  const unitId = positiveInt(params.unitId) ?? null;
  const period = params.period === 'month' || params.period === 'quarter' ? params.period : 'week';
  return { unitId, unitName: params.unitName ? safeDecode(params.unitName) : undefined, period };
}
