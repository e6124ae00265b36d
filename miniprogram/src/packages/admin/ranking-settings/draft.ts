/**
 * The ranking settings form as text boxes: parsing, checking (in Chinese, before anything is sent)
 * and the normalised shares shown beside each weight. The bounds are the server's (shared).
 */
import {
  DEFAULT_FLAG_COUNT,
  DEFAULT_RANKING_MIN_SAMPLE,
  DEFAULT_RANKING_WEIGHTS,
  RANKING_SETTINGS_LIMITS as LIMITS,
  RATE_KEYS,
  RATE_LABELS,
  type RankingSettings,
  type RankingSettingsRequest,
  type RateKey,
} from '@jinri/shared';

export interface SettingsDraft {
  weights: Record<RateKey, string>;
  minSample: string;
  flagCount: string;
}

export type DraftField = RateKey | 'minSample' | 'flagCount' | 'total';

export function draftOf(
  settings: Pick<RankingSettings, 'weights' | 'minSample' | 'flagCount'>,
): SettingsDraft {
  return {
    weights: Object.fromEntries(RATE_KEYS.map((k) => [k, String(settings.weights[k] ?? 0)])) as Record<
      RateKey,
      string
    >,
    minSample: String(settings.minSample),
    flagCount: String(settings.flagCount),
  };
}

export const DEFAULT_DRAFT: SettingsDraft = draftOf({
  weights: DEFAULT_RANKING_WEIGHTS,
  minSample: DEFAULT_RANKING_MIN_SAMPLE,
  flagCount: DEFAULT_FLAG_COUNT,
});

/** A number typed in a box: plain decimal digits only ("" and "1e2" are not numbers here). */
function numberOf(text: string): number | null {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** Each weight's share of the total (0–1), null where the box is not a number or the total is 0. */
export function shares(draft: SettingsDraft): Record<RateKey, number | null> {
  const values = RATE_KEYS.map((k) => numberOf(draft.weights[k]));
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return Object.fromEntries(
    RATE_KEYS.map((k, i) => [k, total > 0 && values[i] !== null ? values[i]! / total : null]),
  ) as Record<RateKey, number | null>;
}

/** The request, or the problems per field (Chinese, one line each). */
export function checkDraft(
  draft: SettingsDraft,
):
  { ok: true; request: RankingSettingsRequest } | { ok: false; errors: Partial<Record<DraftField, string>> } {
  const errors: Partial<Record<DraftField, string>> = {};
  const weights = {} as Record<RateKey, number>;
  for (const key of RATE_KEYS) {
    const value = numberOf(draft.weights[key]);
    if (value === null || value > LIMITS.weightMax)
      errors[key] = `${RATE_LABELS[key]}的权重须为 0–${LIMITS.weightMax} 之间的数`;
    else weights[key] = value;
  }
  if (!RATE_KEYS.some((k) => errors[k]) && !RATE_KEYS.some((k) => weights[k]! > 0))
    errors.total = '七项权重不能都为 0：至少一项大于 0';
  const minSample = numberOf(draft.minSample);
  if (
    minSample === null ||
    !Number.isInteger(minSample) ||
    minSample < LIMITS.minSampleMin ||
    minSample > LIMITS.minSampleMax
  )
    errors.minSample = `最少样本须为 ${LIMITS.minSampleMin}–${LIMITS.minSampleMax} 之间的整数`;
  const flagCount = numberOf(draft.flagCount);
  if (
    flagCount === null ||
    !Number.isInteger(flagCount) ||
    flagCount < LIMITS.flagCountMin ||
    flagCount > LIMITS.flagCountMax
  )
    errors.flagCount = `每期名额须为 ${LIMITS.flagCountMin}–${LIMITS.flagCountMax} 之间的整数`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { weights, minSample: minSample!, flagCount: flagCount! } };
}

/** A share as a percent with one decimal ("27.3%"), or "—". */
export function shareText(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
