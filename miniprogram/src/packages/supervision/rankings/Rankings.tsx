/**
 * 排名: the towns, departments or officials of a unit over a period, ranked fairly — by the lower
 * bound of the composite score's 95 % interval, ties sharing a rank (并列) — with every rate, its raw
 * counts and interval a tap away, and the units below the minimum sample listed apart as 样本不足
 * (not ranked). The composite weights and the minimum sample are stated above the table; current
 * 红旗 / 黄旗 are marked in words. Supervisors and admins.
 */
import { Picker, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import {
  RATE_LABELS,
  type LocalDate,
  type RankingItem,
  type RankingLevel,
  type RankingResponse,
} from '@jinri/shared';
import { useCallback, useMemo, useState } from 'react';

import { getRankings } from '@/api/rankings.api';
import { Banner } from '@/components/Banner';
import { EmptyState } from '@/components/EmptyState';
import { FlagBadge } from '@/components/FlagBadge';
import { FreshLine } from '@/components/FreshLine';
import { Segmented } from '@/components/Segmented';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { localToday } from '@/utils/date';
import type { UnitRef } from '@/packages/supervision/notices/scope';
import { intervalText, itemKey, itemName, pct, splitRanked, tiedRanks, weightsText } from './format';
import { IntervalBar } from './IntervalBar';
import { LEVEL_OPTIONS, rankingUrls, type RankingsLink } from './links';
import { customProblem, lastCompleted, periodLabel, type PeriodRange } from './period';
import { PeriodPicker } from './PeriodPicker';

/** Rows shown before 显示更多 (a county has ~20 towns; officials of a unit can be many more). */
export const ROWS_PER_PAGE = 20;

const LEVEL_HINTS: Record<RankingLevel, (unit: string) => string> = {
  town: (u) => `${u}下辖的乡镇（街道）`,
  department: (u) => `${u}下属的县直部门`,
  official: (u) => `${u}的干部`,
};

function open(url: string) {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

interface RankingsProps {
  /** The units the caller may rank under (the scope's root first); null while it loads. */
  scope: UnitRef[] | null;
  initial: RankingsLink;
  /** Injected by tests; the China date otherwise. */
  today?: LocalDate;
}

export function Rankings({ scope, initial, today = localToday() }: RankingsProps) {
  // Opened for one unit (the workbench narrowed to a town): its officials, unless the link says.
  const [level, setLevel] = useState<RankingLevel>(initial.level ?? (initial.unitId ? 'official' : 'town'));
  const [chosen, setChosen] = useState<UnitRef | null>(
    initial.unitId ? { id: initial.unitId, name: initial.unitName ?? '所选单位' } : null,
  );
  const [period, setPeriod] = useState<PeriodRange>(() => lastCompleted('week', today));
  // Towns and departments are ranked under the scope's root; officials within the chosen unit.
  const root = scope?.[0] ?? null;
  const unit = level === 'official' ? (chosen ?? root) : (root ?? chosen);
  // The unit a row's 看干部排名 chose may lie outside the scope's first level: keep it choosable.
  const units = useMemo(() => {
    const list = [...(scope ?? [])];
    if (unit && !list.some((u) => u.id === unit.id)) list.push(unit);
    return list;
  }, [scope, unit]);

  const problem = period.kind === 'custom' ? customProblem(period.from, period.to, today) : '';
  const key =
    unit && !problem ? `rankings|${unit.id}|${level}|${period.kind}|${period.from}|${period.to}` : null;
  const load = useLoad(
    key,
    useCallback(
      () => getRankings({ unitId: unit!.id, level, period: period.kind, from: period.from, to: period.to }),
      [unit, level, period],
    ),
  );
  usePullDownRefresh(() => {
    void load.refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const showOfficials = (u: UnitRef) => {
    setChosen(u);
    setLevel('official');
  };

  return (
    <View data-testid="rankings" data-state={load.view.kind} data-level={level}>
      <View className="card">
        <Text className="st-label">排名对象</Text>
        <Segmented
          options={LEVEL_OPTIONS}
          value={level}
          onChange={setLevel}
          testId="ranking-level"
          label="排名对象"
        />
        {level === 'official' && unit && units.length > 1 ? (
          <UnitSelect units={units} value={unit} onChange={setChosen} />
        ) : null}
        {unit ? <Text className="st-hint">{LEVEL_HINTS[level](unit.name)}</Text> : null}
        <Text className="st-label">统计期间</Text>
        <PeriodPicker value={period} onChange={setPeriod} today={today} />
        {problem ? (
          <Banner tone="danger" testId="period-problem">
            <Text className="st-banner__text">{problem}</Text>
          </Banner>
        ) : null}
      </View>

      {scope === null && !unit ? <LoadingCard text="正在读取您负责的范围…" /> : null}
      {scope !== null && !unit ? (
        <View className="card">
          <EmptyState title="没有可排名的范围" description="您的督查或管理权限没有对应的单位。" />
        </View>
      ) : null}
      {key && load.view.kind === 'loading' ? <LoadingCard text="正在计算排名…" /> : null}
      {load.view.kind === 'error' ? (
        <ErrorCard error={load.view.error} onRetry={load.retry} title="排名读取失败" />
      ) : null}
      {key && load.view.kind === 'ok' ? (
        <>
          <FreshLine
            label="计算于"
            loadedAt={load.view.loadedAt}
            updating={load.view.updating}
            staleError={load.view.staleError?.message ?? null}
            onRefresh={() => void load.refresh()}
            refreshTestId="rankings-refresh"
          />
          <RankingTable data={load.view.data} today={today} onShowOfficials={showOfficials} />
        </>
      ) : null}
    </View>
  );
}

/** Which unit's officials: one compact field (a scope can hold dozens of units). */
function UnitSelect({
  units,
  value,
  onChange,
}: {
  units: readonly UnitRef[];
  value: UnitRef;
  onChange: (unit: UnitRef) => void;
}) {
  const index = Math.max(
    0,
    units.findIndex((u) => u.id === value.id),
  );
  return (
    <Picker
      mode="selector"
      range={units.map((u) => u.name)}
      value={index}
      onChange={(e) => {
        const next = units[Number(e.detail.value)];
        if (next) onChange(next);
      }}
    >
      <View className="st-field" data-testid="ranking-unit" data-unit-id={String(value.id)}>
        <Text className="st-field__caption">单位</Text>
        <Text className="st-field__value">{value.name} ▾</Text>
      </View>
    </Picker>
  );
}

/** The table with its legend (weights, minimum sample), the ranked rows, then 样本不足. */
export function RankingTable({
  data,
  today,
  onShowOfficials,
}: {
  data: RankingResponse;
  today: LocalDate;
  onShowOfficials?: (unit: UnitRef) => void;
}) {
  const { ranked, insufficient } = useMemo(() => splitRanked(data.items), [data.items]);
  const ties = useMemo(() => tiedRanks(ranked), [ranked]);
  const [open, setOpen] = useState<string | null>(null);
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const [shownShort, setShownShort] = useState(ROWS_PER_PAGE);
  const levelWord = data.level === 'official' ? '干部' : '单位';

  return (
    <>
      <View className="card" data-testid="ranking-legend">
        <Text className="st-card-title">
          {data.unit.name} · {LEVEL_OPTIONS.find((l) => l.value === data.level)?.label}排名
        </Text>
        <Text className="st-hint" data-testid="ranking-period">
          {periodLabel(data.period, today)}
        </Text>
        <Text className="rk-legend__line" data-testid="ranking-weights">
          {weightsText(data.weights)}
        </Text>
        <Text className="rk-legend__line" data-testid="ranking-min-sample">
          最少样本：应报工作日不少于 {data.minSample} 天才排名，不足的列为“样本不足”。
        </Text>
        <Text className="st-hint">
          按综合得分 95% 区间的下限排名：数据越少，区间越宽，不会因为几件事就排到前面。下限相同的并列。
        </Text>
      </View>

      <View className="card rk-table" data-testid="ranking-table">
        <View className="rk-row rk-row--head" aria-hidden="true">
          <Text className="rk-row__rank">名次</Text>
          <Text className="rk-row__name">{levelWord}</Text>
          <Text className="rk-row__score">综合得分 · 95% 区间</Text>
        </View>
        {ranked.length === 0 ? (
          <Text className="st-hint" data-testid="ranking-empty">
            {insufficient.length > 0 ? '所有对象都样本不足，本期不排名。' : '这个范围内没有可排名的对象。'}
          </Text>
        ) : null}
        {ranked.slice(0, shown).map((item) => {
          const k = itemKey(item);
          return (
            <RankingRow
              key={k}
              item={item}
              tied={ties.has(item.rank!)}
              expanded={open === k}
              onToggle={() => setOpen(open === k ? null : k)}
              onShowOfficials={onShowOfficials}
            />
          );
        })}
        {ranked.length > shown ? (
          <View
            className="btn btn-secondary rk-more"
            role="button"
            data-testid="ranking-more"
            onClick={() => setShown((n) => n + ROWS_PER_PAGE)}
          >
            <Text>显示更多（还有 {ranked.length - shown} 个）</Text>
          </View>
        ) : null}
      </View>

      {insufficient.length > 0 ? (
        <View className="card" data-testid="ranking-insufficient">
          <Text className="st-card-title">样本不足（不排名）</Text>
          <Text className="st-hint">应报工作日少于 {data.minSample} 天，数据太少，排名不公平。</Text>
          {insufficient.slice(0, shownShort).map((item) => (
            <View
              key={itemKey(item)}
              className="sv-line"
              data-testid="insufficient-row"
              data-key={itemKey(item)}
            >
              <Text className="st-grow">
                {itemName(item)}
                {item.official?.post ? `（${item.official.post}）` : ''}
              </Text>
              {item.flag ? <FlagBadge color={item.flag} compact /> : null}
              <Text className="sv-line__aside rk-muted">样本 {item.sample} 天</Text>
            </View>
          ))}
          {insufficient.length > shownShort ? (
            <View
              className="btn btn-secondary rk-more"
              role="button"
              data-testid="insufficient-more"
              onClick={() => setShownShort((n) => n + ROWS_PER_PAGE)}
            >
              <Text>显示更多（还有 {insufficient.length - shownShort} 个）</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </>
  );
}

function RankingRow({
  item,
  tied,
  expanded,
  onToggle,
  onShowOfficials,
}: {
  item: RankingItem;
  tied: boolean;
  expanded: boolean;
  onToggle: () => void;
  onShowOfficials?: (unit: UnitRef) => void;
}) {
  const name = itemName(item);
  return (
    <View
      className={`rk-item ${expanded ? 'rk-item--open' : ''}`}
      data-testid="ranking-row"
      data-key={itemKey(item)}
      data-rank={String(item.rank)}
      data-flag={item.flag ?? ''}
    >
      <View
        className="rk-row"
        role="button"
        aria-expanded={expanded}
        aria-label={`第${item.rank}名${tied ? '（并列）' : ''} ${name} 综合得分 ${pct(item.score)}`}
        data-testid="ranking-row-head"
        onClick={onToggle}
      >
        <View className="rk-row__rank">
          <Text className="rk-rank" data-testid="ranking-rank">
            {item.rank}
          </Text>
          {tied ? (
            <Text className="rk-tie" data-testid="ranking-tie">
              并列
            </Text>
          ) : null}
        </View>
        <View className="rk-row__name">
          <Text className="rk-name">{name}</Text>
          {item.official?.post ? <Text className="rk-sub">{item.official.post}</Text> : null}
          {item.flag ? <FlagBadge color={item.flag} compact /> : null}
        </View>
        <View className="rk-row__score">
          <Text className="rk-score" data-testid="ranking-score">
            {pct(item.score)}
          </Text>
          <IntervalBar value={item.score} interval={item.interval} label="综合得分" testId="score-bar" />
        </View>
        <Text className="rk-row__chevron" aria-hidden="true">
          {expanded ? '⌃' : '⌄'}
        </Text>
      </View>
      <Text className="rk-counts">
        超期工单 {item.counts.overdueTickets} · 认定问题 {item.counts.confirmedFindings} · 样本 {item.sample}{' '}
        天
      </Text>
      {expanded ? <RateDetails item={item} onShowOfficials={onShowOfficials} /> : null}
    </View>
  );
}

/** Each rate: its value, the raw counts (达标/总数) and the interval, on a bar. */
function RateDetails({
  item,
  onShowOfficials,
}: {
  item: RankingItem;
  onShowOfficials?: (unit: UnitRef) => void;
}) {
  const unit = item.unit;
  return (
    <View className="rk-details" data-testid="ranking-details">
      {item.rates.map((r) => (
        <View key={r.key} className="rk-rate" data-testid="rate-row" data-rate={r.key}>
          <View className="rk-rate__head">
            <Text className="rk-rate__label">{RATE_LABELS[r.key]}</Text>
            <Text className="rk-rate__value" data-testid="rate-value">
              {r.total > 0 ? pct(r.value) : '无数据'}
            </Text>
          </View>
          <Text className="rk-rate__raw" data-testid="rate-raw">
            {r.total > 0
              ? `${r.successes}/${r.total} · 95% 区间 ${intervalText(r.interval)}`
              : '本期没有可统计的事项'}
          </Text>
          <IntervalBar
            value={r.value}
            interval={r.interval}
            label={RATE_LABELS[r.key]}
            bare
            testId="rate-bar"
          />
        </View>
      ))}
      {unit ? (
        <View className="rk-details__actions">
          <View
            className="st-link-btn"
            role="button"
            data-testid="open-trend"
            onClick={() => open(rankingUrls.trend(unit.id, unit.name))}
          >
            <Text>近 12 期趋势 ›</Text>
          </View>
          {onShowOfficials ? (
            <View
              className="st-link-btn"
              role="button"
              data-testid="show-officials"
              onClick={() => onShowOfficials(unit)}
            >
              <Text>看本单位干部排名 ›</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
