/**
 * 红旗 / 黄旗: a unit's flag as a small badge with its text (never colour alone) and, when given,
 * the period it was awarded for ("红旗单位（2026年11月）"). Used by the public today and unit pages and by
 * the supervisor's rankings and flags pages. Tiny and dependency-free: it ships in the main package.
 */
import { Text } from '@tarojs/components';
import type { FlagColor, FlagPeriod, LocalDate } from '@jinri/shared';

import './index.css';

export const FLAG_LABELS: Record<FlagColor, string> = { red: '红旗', yellow: '黄旗' };

const QUARTERS = ['一', '二', '三', '四'];

function ymd(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

/** "12月1日–7日", "11月24日–12月2日", "2025年12月29日–2026年1月4日". */
export function rangeText(from: LocalDate, to: LocalDate): string {
  const [fy, fm, fd] = ymd(from);
  const [ty, tm, td] = ymd(to);
  if (from === to) return `${fm}月${fd}日`;
  if (fy !== ty) return `${fy}年${fm}月${fd}日–${ty}年${tm}月${td}日`;
  if (fm === tm) return `${fm}月${fd}日–${td}日`;
  return `${fm}月${fd}日–${tm}月${td}日`;
}

/** The period a flag is for: "2026年11月", "2026年第四季度", "12月1日–7日" (a week). */
export function flagPeriodText(period: FlagPeriod, from: LocalDate, to: LocalDate): string {
  const [y, m] = ymd(from);
  if (period === 'month') return `${y}年${m}月`;
  if (period === 'quarter') return `${y}年第${QUARTERS[Math.floor((m - 1) / 3)]}季度`;
  return rangeText(from, to);
}

interface FlagBadgeProps {
  color: FlagColor;
  /** With the period: "红旗单位（2026年11月）"; without: "红旗". */
  period?: { period: FlagPeriod; from: LocalDate; to: LocalDate };
  testId?: string;
  /** Smaller, inline in a row (rankings). */
  compact?: boolean;
}

export function FlagBadge({ color, period, testId = 'flag-badge', compact = false }: FlagBadgeProps) {
  const label = FLAG_LABELS[color];
  const when = period ? flagPeriodText(period.period, period.from, period.to) : '';
  return (
    <Text
      className={`flag-badge flag-badge--${color} ${compact ? 'flag-badge--compact' : ''}`}
      data-testid={testId}
      data-color={color}
      aria-label={when ? `${when}${label}` : label}
    >
      {/* The pennant is decoration; the word says which flag. */}
      <Text className="flag-badge__icon" aria-hidden="true">
        ⚑
      </Text>
      {when ? `${label}单位（${when}）` : label}
    </Text>
  );
}
