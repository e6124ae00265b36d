/**
 * 趋势: one unit's composite score and each rate over the last 12 weeks, months or quarters, the
 * 95 % interval drawn as a band behind the value (a wide band: few items, read with care). Plain
 * Views, no chart library (the package budget); every column also says its numbers to a screen
 * reader, and each chart ends with the latest value in words. Supervisors and admins.
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import {
  RATE_LABELS,
  type FlagPeriod,
  type LocalDate,
  type RankingTrendResponse,
  type WilsonInterval,
} from '@jinri/shared';
import { useCallback, useState } from 'react';

import { getRankingTrend } from '@/api/rankings.api';
import { Segmented } from '@/components/Segmented';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { rangeText } from '@/components/FlagBadge';
import { intervalText, pct } from '@/packages/supervision/rankings/format';
import { axisLabel, bandGeometry, latestPoint } from './band';

const PERIODS: ReadonlyArray<{ value: FlagPeriod; label: string }> = [
  { value: 'week', label: '按周' },
  { value: 'month', label: '按月' },
  { value: 'quarter', label: '按季度' },
];

interface Point {
  from: LocalDate;
  to: LocalDate;
  value: number | null;
  interval: WilsonInterval | null;
  successes?: number;
  total?: number;
}

export function RankingTrend({
  unitId,
  unitName,
  initialPeriod = 'week',
}: {
  unitId: number;
  unitName?: string;
  initialPeriod?: FlagPeriod;
}) {
  const [period, setPeriod] = useState<FlagPeriod>(initialPeriod);
  const load = useLoad(
    `ranking-trend|${unitId}|${period}`,
    useCallback(() => getRankingTrend(unitId, period), [unitId, period]),
  );
  usePullDownRefresh(() => {
    void load.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  const name = load.view.kind === 'ok' ? load.view.data.unit.name : (unitName ?? '');

  return (
    <View data-testid="ranking-trend" data-state={load.view.kind} data-period={period}>
      <View className="card">
        <Text className="st-card-title">{name ? `${name} · ` : ''}近 12 期趋势</Text>
        <Segmented
          options={PERIODS}
          value={period}
          onChange={setPeriod}
          testId="trend-period"
          label="统计周期"
        />
        <Text className="st-hint">
          圆点是该期的比率，浅色带是 95% 区间（纵轴 0–100%，中线 50%）：带越宽，事项越少，越要谨慎看待。
        </Text>
      </View>
      {load.view.kind === 'loading' ? <LoadingCard text="正在计算趋势…" /> : null}
      {load.view.kind === 'error' ? (
        <ErrorCard error={load.view.error} onRetry={load.retry} title="趋势读取失败" />
      ) : null}
      {load.view.kind === 'ok' ? <TrendCharts data={load.view.data} /> : null}
    </View>
  );
}

export function TrendCharts({ data }: { data: RankingTrendResponse }) {
  const first = data.periods[0];
  const last = data.periods[data.periods.length - 1];
  return (
    <View className="card" data-testid="trend-charts">
      {first && last ? (
        <Text className="st-hint" data-testid="trend-range">
          {rangeText(first.from, last.to)}，共 {data.periods.length} 期
        </Text>
      ) : null}
      <BandChart
        title="综合得分"
        rate="score"
        period={data.period}
        points={data.score.map((s) => ({ ...s }))}
      />
      {data.series.map((s) => (
        <BandChart
          key={s.key}
          title={RATE_LABELS[s.key]}
          rate={s.key}
          period={data.period}
          points={s.points}
        />
      ))}
    </View>
  );
}

function BandChart({
  title,
  rate,
  period,
  points,
}: {
  title: string;
  rate: string;
  period: FlagPeriod;
  points: readonly Point[];
}) {
  const now = latestPoint(points);
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <View className="rk-trend" data-testid="trend-chart" data-rate={rate}>
      <View className="rk-trend__head">
        <Text className="rk-name st-grow">{title}</Text>
        <Text className="rk-score" data-testid="trend-latest">
          {now ? `${pct(now.value)}（区间 ${intervalText(now.interval)}）` : '暂无数据'}
        </Text>
      </View>
      <View className="rk-trend__plot" aria-label={`${title}近 ${points.length} 期`}>
        {points.map((p) => {
          const g = bandGeometry(p);
          const counts = p.total ? `，${p.successes}/${p.total}` : '';
          return (
            <View
              key={p.from}
              className="rk-trend__slot"
              data-testid="trend-slot"
              aria-label={`${rangeText(p.from, p.to)} ${g ? `${pct(p.value)}，95% 区间 ${intervalText(p.interval)}${counts}` : '无数据'}`}
            >
              {g ? (
                <View
                  className="rk-trend__band"
                  data-testid="trend-band"
                  style={{ top: `${g.top}%`, height: `${g.height}%` }}
                />
              ) : null}
              {g && g.dot !== null ? (
                <View className="rk-trend__dot" data-testid="trend-dot" style={{ top: `${g.dot}%` }} />
              ) : null}
            </View>
          );
        })}
      </View>
      {first && last ? (
        <View className="rk-trend__axis" aria-hidden="true">
          <Text>{axisLabel(period, first.from)}</Text>
          <Text>{axisLabel(period, last.from)}</Text>
        </View>
      ) : null}
    </View>
  );
}
