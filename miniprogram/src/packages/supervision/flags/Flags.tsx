/**
 * 红黄旗: for a completed week, month or quarter and a level (乡镇 / 部门), the ranking proposes the
 * top N for 红旗 and the bottom N for 黄旗; the supervisor may give a slot to another ranked unit
 * (then a written reason is required and kept), confirms, and awards. Below: the flags in force and
 * the history of awards (superseded ones marked, overrides with their reasons). Supervisors of the
 * county award; an admin sees the proposal and the history read-only (红黄旗由督查室评定); a
 * supervisor whose scope is a town or department is told that flags are awarded county-wide
 * (FLAG.COUNTY_ONLY) and sees the history of their scope.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type {
  FlagAward,
  FlagColor,
  FlagLevel,
  FlagProposal,
  FlagsResponse,
  LocalDate,
  RankingItem,
} from '@jinri/shared';
import { useCallback, useMemo, useState } from 'react';

import { awardFlags, getFlagProposal, getFlags } from '@/api/rankings.api';
import { toApiError } from '@/api/request';
import { Banner } from '@/components/Banner';
import { BottomSheet } from '@/components/BottomSheet';
import { EmptyState } from '@/components/EmptyState';
import { FLAG_LABELS, FlagBadge, flagPeriodText } from '@/components/FlagBadge';
import { InlineError } from '@/components/InlineError';
import { LoadingState } from '@/components/LoadingState';
import { Segmented } from '@/components/Segmented';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { TextField } from '@/components/TextField';
import { useLoad, type LoadView } from '@/hooks/useLoad';
import { formatStamp, localToday } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import type { UnitRef } from '@/packages/supervision/notices/scope';
import { intervalText, pct } from '@/packages/supervision/rankings/format';
import { lastCompleted, type PeriodRange } from '@/packages/supervision/rankings/period';
import { PeriodPicker } from '@/packages/supervision/rankings/PeriodPicker';
import {
  awardProblem,
  awardRequest,
  isOverride,
  LIMITS_FLAG_REASON,
  pick,
  proposedPicks,
  rowOf,
  unitName,
  unpick,
  type Picks,
} from './picks';

const LEVELS: ReadonlyArray<{ value: FlagLevel; label: string }> = [
  { value: 'town', label: '乡镇' },
  { value: 'department', label: '部门' },
];
const LEVEL_WORDS: Record<FlagLevel, string> = { town: '乡镇', department: '部门' };
/** Awards shown before 显示更多. */
export const AWARDS_PER_PAGE = 10;

interface FlagsProps {
  /** The root of the caller's scope (the county, or a unit the server takes for its county); null while it loads. */
  jurisdiction: UnitRef | null;
  /** An admin without a supervisor grant: the proposal and the history, no award. */
  readOnly?: boolean;
  today?: LocalDate;
}

/** The line a read-only viewer sees instead of the award button. */
export const READ_ONLY_TEXT = '红黄旗由督查室评定；管理员可查看评旗建议和评定记录。';

export function Flags({ jurisdiction, readOnly = false, today = localToday() }: FlagsProps) {
  const [level, setLevel] = useState<FlagLevel>('town');
  const [period, setPeriod] = useState<PeriodRange>(() => lastCompleted('week', today));
  const flagPeriod = period.kind === 'custom' ? 'week' : period.kind;
  const key = jurisdiction ? `flags-proposal|${jurisdiction.id}|${level}|${flagPeriod}|${period.from}` : null;
  const proposal = useLoad(
    key,
    useCallback(
      () =>
        getFlagProposal({ jurisdictionId: jurisdiction!.id, level, period: flagPeriod, from: period.from }),
      [jurisdiction, level, flagPeriod, period.from],
    ),
    { cache: false },
  );
  const history = useLoad(
    jurisdiction ? `flags-history|${jurisdiction.id}` : null,
    useCallback(() => getFlags(jurisdiction!.id), [jurisdiction]),
  );
  const refreshAll = () => Promise.all([proposal.refresh(), history.refresh()]).then(() => undefined);

  if (!jurisdiction) return <LoadingCard text="正在读取您负责的范围…" />;
  const countyOnly = proposal.view.kind === 'error' && proposal.view.error.serverCode === 'FLAG.COUNTY_ONLY';
  const county = proposal.view.kind === 'ok' ? proposal.view.data.jurisdiction : jurisdiction;

  if (countyOnly)
    return (
      <View data-testid="flags" data-state="county-only">
        <View className="card" data-testid="flags-county-only">
          <Text className="st-card-title">{jurisdiction.name} · 红黄旗</Text>
          <Banner tone="info">
            <Text className="st-banner__text">
              红黄旗由县督查室按全县的乡镇、部门排名评定，不在乡镇或部门一级评定。您的督查范围是
              {jurisdiction.name}，下面是本范围内单位的评定记录。
            </Text>
          </Banner>
        </View>
        <History view={history.view} onRetry={history.retry} />
      </View>
    );

  return (
    <View data-testid="flags" data-state={proposal.view.kind}>
      <View className="card">
        <Text className="st-card-title">
          {county.name} · {readOnly ? '红黄旗' : '评定红黄旗'}
        </Text>
        <Text className="st-label">评定对象</Text>
        <Segmented options={LEVELS} value={level} onChange={setLevel} testId="flag-level" label="评定对象" />
        <Text className="st-label">评定期间</Text>
        <PeriodPicker
          value={period}
          onChange={setPeriod}
          today={today}
          kinds={['week', 'month', 'quarter']}
          completedOnly
        />
        <Text className="st-hint">
          期间结束后才能评定；排名靠前的评红旗，靠后的评黄旗，样本不足的不参评。
        </Text>
      </View>

      {proposal.view.kind === 'loading' ? <LoadingCard text="正在按排名生成建议…" /> : null}
      {proposal.view.kind === 'error' ? (
        <ErrorCard error={proposal.view.error} onRetry={proposal.retry} title="评旗建议读取失败" />
      ) : null}
      {proposal.view.kind === 'ok' ? (
        <AwardForm
          key={`${key}|${proposal.view.data.current?.id ?? ''}`}
          proposal={proposal.view.data}
          readOnly={readOnly}
          onAwarded={() => void refreshAll()}
        />
      ) : null}

      <History view={history.view} onRetry={history.retry} />
    </View>
  );
}

/** The proposal as slots, each changeable; the reason when changed; 评定 after a confirmation. */
export function AwardForm({
  proposal,
  readOnly = false,
  onAwarded,
}: {
  proposal: FlagProposal;
  readOnly?: boolean;
  onAwarded: () => void;
}) {
  const [picks, setPicks] = useState<Picks>(() => proposedPicks(proposal));
  const [reason, setReason] = useState('');
  const [choosing, setChoosing] = useState<{ color: FlagColor; index: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = isOverride(picks, proposal);
  const n = proposal.flagCount;
  const ranked = proposal.ranking.filter((i) => i.rank !== null && !i.insufficient && i.unit);

  const submit = async () => {
    if (busy) return;
    const problem = awardProblem(picks, proposal, reason);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    const names = (ids: number[]) => (ids.length ? ids.map((id) => unitName(proposal, id)).join('、') : '无');
    const { confirm } = await Taro.showModal({
      title: '评定红黄旗？',
      content:
        `${flagPeriodText(proposal.period, proposal.from, proposal.to)} ${LEVEL_WORDS[proposal.level]}` +
        `：红旗 ${names(picks.red)}；黄旗 ${names(picks.yellow)}。` +
        (changed ? '与排名建议不同，调整理由将一并保存。' : '') +
        (proposal.current ? '将替换本期已有的评定。' : '') +
        '评定后在今日工作和单位页面公示。',
      confirmText: '评定',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await awardFlags(awardRequest(picks, proposal, reason));
      setBusy(false);
      void Taro.showToast({ title: '已评定', icon: 'success' });
      onAwarded();
    } catch (err) {
      setBusy(false);
      setError(toApiError(err).message);
    }
  };

  const slots = (color: FlagColor) => {
    const proposed = (color === 'red' ? proposal.red : proposal.yellow).map((f) => f.unit.id);
    const ids = picks[color];
    const count = Math.max(n, ids.length);
    return (
      <View data-testid={`slots-${color}`}>
        <View className="sv-card-head">
          <FlagBadge color={color} testId={`slots-${color}-badge`} />
          <Text className="st-hint st-grow">{color === 'red' ? `排名前 ${n} 名` : `排名后 ${n} 名`}</Text>
        </View>
        {Array.from({ length: count }, (_, index) => {
          const id = ids[index];
          const row = id === undefined ? undefined : rowOf(proposal, id);
          const isChanged = id !== undefined && !proposed.includes(id);
          return (
            <View
              key={index}
              className={`rk-slot ${isChanged ? 'rk-slot--changed' : ''}`}
              data-testid="flag-slot"
              data-color={color}
              data-unit-id={id === undefined ? '' : String(id)}
              data-changed={isChanged ? 'true' : 'false'}
            >
              <View className="st-grow">
                <Text className="rk-name">{id === undefined ? '（空缺）' : unitName(proposal, id)}</Text>
                {row ? (
                  <Text className="rk-sub" style={{ display: 'block' }}>
                    第 {row.rank} 名 · 综合 {pct(row.score)}（区间 {intervalText(row.interval)}）
                  </Text>
                ) : null}
                {isChanged ? (
                  <Text className="rk-sub" style={{ display: 'block' }} data-testid="slot-changed">
                    已调整（排名建议：{proposedName(proposal, color, index)}）
                  </Text>
                ) : null}
              </View>
              {readOnly ? null : (
                <View
                  className="st-small-btn"
                  role="button"
                  data-testid="slot-change"
                  aria-label={`更换${FLAG_LABELS[color]}第 ${index + 1} 个单位`}
                  onClick={() => setChoosing({ color, index })}
                >
                  <Text>{id === undefined ? '选择' : '更换'}</Text>
                </View>
              )}
            </View>
          );
        })}
      </View>
    );
  };

  return (
    <View
      className="card"
      data-testid="award-form"
      data-level={proposal.level}
      data-changed={changed ? 'true' : 'false'}
    >
      <Text className="st-card-title">
        {flagPeriodText(proposal.period, proposal.from, proposal.to)} · {LEVEL_WORDS[proposal.level]}评旗建议
      </Text>
      {readOnly ? (
        <Banner tone="info" testId="award-readonly">
          <Text className="st-banner__text">{READ_ONLY_TEXT}</Text>
        </Banner>
      ) : null}
      {proposal.current ? (
        <Banner tone="info" testId="award-current">
          <Text className="st-banner__text">
            本期已于 {formatStamp(proposal.current.awardedAt)} 由 {proposal.current.awardedBy}{' '}
            {readOnly ? '评定。' : '评定；再次评定将替换原评定（原记录保留）。'}
          </Text>
        </Banner>
      ) : null}
      {ranked.length === 0 ? (
        <Text className="st-hint" data-testid="award-nothing">
          本期没有可评旗的单位（都样本不足或没有数据）。
        </Text>
      ) : (
        <>
          {slots('red')}
          {slots('yellow')}
          {readOnly ? null : changed ? (
            <View data-testid="award-reason">
              <Banner tone="warning">
                <Text className="st-banner__text">
                  与排名建议不同：请写明调整理由，理由随评定一并保存、可查。
                </Text>
              </Banner>
              <TextField
                label="调整理由（必填）"
                value={reason}
                max={LIMITS_FLAG_REASON.max}
                placeholder="例如：该镇本期发生安全生产事故，经研究不授予红旗"
                testId="award-reason-text"
                invalid={!!error && reason.trim().length < LIMITS_FLAG_REASON.min}
                onChange={setReason}
              />
            </View>
          ) : null}
          {error ? (
            <Banner tone="danger" testId="award-error">
              <Text className="st-banner__text">{error}</Text>
            </Banner>
          ) : null}
          {readOnly ? null : (
            <Button
              className={`btn btn-primary btn-block ${busy ? 'btn-disabled' : ''}`}
              disabled={onlyIf(busy)}
              data-testid="award-submit"
              onClick={() => void submit()}
            >
              {busy ? '正在评定…' : proposal.current ? '重新评定' : '评定红黄旗'}
            </Button>
          )}
        </>
      )}
      {choosing && !readOnly ? (
        <BottomSheet
          title={`选择${FLAG_LABELS[choosing.color]}单位`}
          testId="slot-sheet"
          onClose={() => setChoosing(null)}
          scroll
        >
          {ranked.map((item) => (
            <Choice
              key={item.unit!.id}
              item={item}
              on={picks[choosing.color][choosing.index] === item.unit!.id}
              elsewhere={
                picks[choosing.color === 'red' ? 'yellow' : 'red'].includes(item.unit!.id)
                  ? choosing.color === 'red'
                    ? '黄旗'
                    : '红旗'
                  : null
              }
              onPick={() => {
                setPicks((p) => pick(p, choosing.color, choosing.index, item.unit!.id));
                setChoosing(null);
              }}
            />
          ))}
          {picks[choosing.color][choosing.index] !== undefined ? (
            <View
              className="rk-pick"
              role="button"
              data-testid="slot-clear"
              onClick={() => {
                setPicks((p) => unpick(p, choosing.color, choosing.index));
                setChoosing(null);
              }}
            >
              <Text className="st-grow">空缺（本期少评一面{FLAG_LABELS[choosing.color]}）</Text>
            </View>
          ) : null}
        </BottomSheet>
      ) : null}
    </View>
  );
}

function proposedName(proposal: FlagProposal, color: FlagColor, index: number): string {
  const f = (color === 'red' ? proposal.red : proposal.yellow)[index];
  return f ? f.unit.name : '空缺';
}

function Choice({
  item,
  on,
  elsewhere,
  onPick,
}: {
  item: RankingItem;
  on: boolean;
  elsewhere: string | null;
  onPick: () => void;
}) {
  return (
    <View
      className={`rk-pick ${on ? 'rk-pick--on' : ''}`}
      role="radio"
      aria-checked={on}
      data-testid="slot-choice"
      data-unit-id={String(item.unit!.id)}
      onClick={onPick}
    >
      <Text className="rk-rank">{item.rank}</Text>
      <View className="st-grow">
        <Text className="rk-name">{item.unit!.name}</Text>
        <Text className="rk-sub" style={{ display: 'block' }}>
          综合 {pct(item.score)}（区间 {intervalText(item.interval)}）
          {elsewhere ? ` · 现为${elsewhere}，选此将移出` : ''}
        </Text>
      </View>
      {on ? <Text aria-hidden="true">✓</Text> : null}
    </View>
  );
}

interface AwardGroup {
  awardId: number;
  first: FlagAward;
  red: FlagAward[];
  yellow: FlagAward[];
}

/** Flags of one award together, newest award first (as the history comes). */
export function groupAwards(flags: readonly FlagAward[]): AwardGroup[] {
  const groups = new Map<number, AwardGroup>();
  for (const f of flags) {
    const g = groups.get(f.awardId) ?? { awardId: f.awardId, first: f, red: [], yellow: [] };
    g[f.color].push(f);
    groups.set(f.awardId, g);
  }
  return [...groups.values()];
}

function History({ view, onRetry }: { view: LoadView<FlagsResponse>; onRetry: () => void }) {
  const [shown, setShown] = useState(AWARDS_PER_PAGE);
  const groups = useMemo(() => (view.kind === 'ok' ? groupAwards(view.data.history) : []), [view]);
  return (
    <View className="card" data-testid="flag-history">
      <Text className="st-card-title">评定记录</Text>
      {view.kind === 'loading' ? <LoadingState text="正在读取评定记录…" /> : null}
      {view.kind === 'error' ? (
        <InlineError
          text={`评定记录读取失败：${view.error.message}`}
          onRetry={onRetry}
          testId="history-error"
        />
      ) : null}
      {view.kind === 'ok' && groups.length === 0 ? (
        <EmptyState title="还没有评定过红黄旗" description="评定后，每一次评定都会留在这里。" />
      ) : null}
      {groups.slice(0, shown).map((g) => (
        <View
          key={g.awardId}
          className="rk-item"
          data-testid="award-row"
          data-award-id={String(g.awardId)}
          data-superseded={g.first.supersededAt ? 'true' : 'false'}
        >
          <View className="sv-card-head">
            <Text className="rk-name st-grow">
              {flagPeriodText(g.first.period, g.first.from, g.first.to)} · {LEVEL_WORDS[g.first.level]}
            </Text>
            {g.first.supersededAt ? <Text className="rk-muted">已被替换</Text> : null}
          </View>
          {(['red', 'yellow'] as const).map((color) =>
            g[color].length ? (
              <View key={color} className="sv-line">
                <FlagBadge color={color} compact />
                <Text className="st-grow">{g[color].map((f) => f.unit.name).join('、')}</Text>
              </View>
            ) : null,
          )}
          <Text className="rk-sub" style={{ display: 'block' }}>
            {g.first.awardedBy} 评定于 {formatStamp(g.first.awardedAt)}
            {g.first.overridden ? ' · 调整了排名建议' : ' · 按排名建议'}
          </Text>
          {g.first.overridden && g.first.reason ? (
            <Text className="sv-quote" data-testid="award-reason-shown">
              调整理由：{g.first.reason}
            </Text>
          ) : null}
        </View>
      ))}
      {groups.length > shown ? (
        <View
          className="btn btn-secondary rk-more"
          role="button"
          data-testid="history-more"
          onClick={() => setShown((k) => k + AWARDS_PER_PAGE)}
        >
          <Text>显示更多（还有 {groups.length - shown} 次）</Text>
        </View>
      ) : null}
    </View>
  );
}
