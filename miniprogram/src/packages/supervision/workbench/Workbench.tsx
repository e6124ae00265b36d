/**
 * 督查工作台: the supervisor's morning on one screen — what the check found today by unit and kind
 * (each number opens those findings), the explanations waiting for a decision, what else waits
 * (open findings, overdue tickets, self-examinations), who is on leave, spot checks, the trend of
 * the last 8 weeks per unit, and 起草通报. Supervisors and admins; ?unitId= narrows to a unit.
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { FINDING_KIND_LABELS, type FindingView, type SupervisionSummary } from '@jinri/shared';
import { useCallback, type ReactNode } from 'react';

import { listFindings } from '@/api/findings.api';
import { getSupervisionSummary, getSupervisionTrend } from '@/api/workbench.api';
import { Banner } from '@/components/Banner';
import { FreshLine } from '@/components/FreshLine';
import { InlineError } from '@/components/InlineError';
import { LoadingState } from '@/components/LoadingState';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { useLoad, type LoadView } from '@/hooks/useLoad';
import { useShowAgain } from '@/hooks/useShowAgain';
import { formatDay, formatMonthDay } from '@/utils/date';
import { rankingUrls } from '@/packages/supervision/rankings/links';
import { RecordLink } from '@/packages/supervision/record/RecordLink';
import { supervisionUrls } from './links';
import { TodayCounts } from './TodayCounts';
import { TrendChart } from './TrendChart';

/** Explanations shown on the workbench; the rest behind 查看全部. */
const QUEUE_SHOWN = 5;

function open(url: string) {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

export function Workbench({ unitId, unitName }: { unitId?: number; unitName?: string }) {
  const scope = unitId ?? 'scope';
  const summary = useLoad(
    `sv-summary|${scope}`,
    useCallback(() => getSupervisionSummary({ unitId }), [unitId]),
  );
  const queue = useLoad(
    `sv-queue|${scope}`,
    useCallback(() => listFindings({ unitId, state: ['explained'] }), [unitId]),
  );
  const trend = useLoad(
    `sv-trend|${scope}`,
    useCallback(() => getSupervisionTrend({ unitId, weeks: 8 }), [unitId]),
  );
  const refreshAll = useCallback(
    () => Promise.all([summary.refresh(), queue.refresh(), trend.refresh()]).then(() => undefined),
    [summary, queue, trend],
  );
  // Back from a finding (decided) or a spot check: the counts moved.
  useShowAgain(() => void refreshAll());
  usePullDownRefresh(() => {
    void refreshAll().finally(() => Taro.stopPullDownRefresh());
  });

  if (summary.view.kind === 'loading') return <LoadingCard text="正在读取今天的督查情况…" />;
  if (summary.view.kind === 'error')
    return <ErrorCard error={summary.view.error} onRetry={summary.retry} title="督查情况读取失败" />;
  const s = summary.view.data;

  return (
    <View data-testid="workbench" className="sv-page">
      <View className="card">
        <Text className="st-card-title">{unitName ? `${unitName} · ` : ''}今日督查</Text>
        <Text className="st-hint">{formatDay(s.date)}</Text>
        <FreshLine
          label="更新于"
          loadedAt={summary.view.loadedAt}
          updating={summary.view.updating}
          staleError={summary.view.staleError?.message ?? null}
          onRefresh={() => void refreshAll()}
          refreshTestId="workbench-refresh"
        />
        <Waiting summary={s} unitId={unitId} unitName={unitName} />
      </View>

      <View className="card">
        <Text className="st-card-title">今日问题</Text>
        <TodayCounts summary={s} />
      </View>

      <View className="card" data-testid="queue">
        <View className="sv-card-head">
          <Text className="st-card-title st-grow">待决定的申辩</Text>
          {s.awaitingDecision > 0 ? (
            <View
              className="st-link-btn"
              role="button"
              data-testid="queue-all"
              onClick={() => open(supervisionUrls.findings({ unitId, unitName, state: 'explained' }))}
            >
              <Text>查看全部 {s.awaitingDecision} 条</Text>
            </View>
          ) : null}
        </View>
        <Queue view={queue.view} onRetry={queue.retry} />
      </View>

      <View className="card" data-testid="leave">
        <Text className="st-card-title">今日请假</Text>
        {s.onLeave.length === 0 ? (
          <Text className="st-hint">今天没有人请假。</Text>
        ) : (
          s.onLeave.map((l) => (
            <View key={l.official.id} className="sv-line" data-testid="leave-row">
              <Text className="st-grow">
                {l.official.name}（{l.unit.name}）
              </Text>
              <RecordLink officialId={l.official.id} />
              <Text className="sv-line__aside">至 {formatMonthDay(l.endDate)}</Text>
            </View>
          ))
        )}
      </View>

      <View className="card" data-testid="trend-card">
        <Text className="st-card-title">近 8 周趋势</Text>
        {trend.view.kind === 'loading' ? <LoadingState text="正在计算趋势…" /> : null}
        {trend.view.kind === 'error' ? (
          <InlineError
            text={`趋势读取失败：${trend.view.error.message}`}
            onRetry={trend.retry}
            testId="trend-error"
          />
        ) : null}
        {trend.view.kind === 'ok' ? <TrendChart trend={trend.view.data} /> : null}
      </View>

      <View className="sv-actions">
        <View
          className="btn btn-secondary sv-actions__btn"
          role="button"
          data-testid="go-spot-check"
          onClick={() => open(supervisionUrls.spotCheck())}
        >
          <Text>现场抽查{s.spotChecksToday > 0 ? `（今日 ${s.spotChecksToday} 次）` : ''}</Text>
        </View>
        <View
          className="btn btn-primary sv-actions__btn"
          role="button"
          data-testid="go-notices"
          onClick={() => open(supervisionUrls.notices())}
        >
          <Text>起草通报</Text>
        </View>
      </View>

      {/* 排名与红黄旗 (issue #14). */}
      <View className="sv-actions" data-testid="ranking-actions">
        <View
          className="btn btn-secondary sv-actions__btn"
          role="button"
          data-testid="go-rankings"
          onClick={() => open(rankingUrls.rankings({ unitId, unitName }))}
        >
          <Text>排名</Text>
        </View>
        <View
          className="btn btn-secondary sv-actions__btn"
          role="button"
          data-testid="go-flags"
          onClick={() => open(rankingUrls.flags())}
        >
          <Text>红黄旗</Text>
        </View>
      </View>
    </View>
  );
}

/** The tiles of what waits on someone: each opens its list. */
function Waiting({
  summary: s,
  unitId,
  unitName,
}: {
  summary: SupervisionSummary;
  unitId?: number;
  unitName?: string;
}) {
  const tile = (testId: string, n: number, label: string, url: string, warn: boolean): ReactNode => (
    <View
      className={`sv-tile ${warn && n > 0 ? 'sv-tile--warn' : ''}`}
      role="button"
      data-testid={testId}
      data-count={String(n)}
      onClick={() => open(url)}
    >
      <Text className="sv-tile__n">{n}</Text>
      <Text className="sv-tile__label">{label}</Text>
    </View>
  );
  const selfExams = s.pendingSelfExams + (s.submittedSelfExams ?? 0);
  return (
    <View>
      <View className="sv-tiles">
        {tile(
          'tile-explained',
          s.awaitingDecision,
          '待决定申辩',
          supervisionUrls.findings({ unitId, unitName, state: 'explained' }),
          true,
        )}
        {tile(
          'tile-open',
          s.open,
          '待处理问题',
          supervisionUrls.findings({ unitId, unitName, state: 'open' }),
          false,
        )}
        {tile('tile-tickets', s.overdueTickets, '超期工单', supervisionUrls.inbox(), true)}
        {tile('tile-self-exams', selfExams, '书面检查未结', supervisionUrls.notices(), false)}
      </View>
      {s.submittedSelfExams ? (
        <Banner tone="info" testId="self-exams-submitted">
          <Text className="st-banner__text">有 {s.submittedSelfExams} 份书面检查已提交，等待审核。</Text>
        </Banner>
      ) : null}
    </View>
  );
}

function Queue({ view, onRetry }: { view: LoadView<{ items: FindingView[] }>; onRetry: () => void }) {
  if (view.kind === 'loading') return <LoadingState text="正在读取申辩…" />;
  if (view.kind === 'error')
    return (
      <InlineError text={`申辩读取失败：${view.error.message}`} onRetry={onRetry} testId="queue-error" />
    );
  if (view.data.items.length === 0)
    return (
      <Text className="st-hint" data-testid="queue-empty">
        没有等待决定的申辩。
      </Text>
    );
  return (
    <View>
      {view.data.items.slice(0, QUEUE_SHOWN).map((f) => (
        <View
          key={f.id}
          className="sv-line sv-line--tap"
          role="button"
          data-testid="queue-row"
          data-id={f.id}
          onClick={() => open(supervisionUrls.finding(f.id))}
        >
          <View className="st-grow">
            <Text className="sv-line__title">
              {f.official.name} · {FINDING_KIND_LABELS[f.kind]}
            </Text>
            <Text className="sv-line__sub">
              {formatMonthDay(f.date)} {f.unit.name}
              {f.explanation ? `：${f.explanation.text}` : ''}
            </Text>
          </View>
          <Text className="sv-line__aside">›</Text>
        </View>
      ))}
    </View>
  );
}
