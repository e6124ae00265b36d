/**
 * 抽签晒: every county's weekly lottery, newest week first — this week's open commitment on top
 * (its seed still secret), then the weeks already drawn. Public: no sign-in.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LOTTERY_RULES, LOTTERY_STATE_LABELS, type LotterySummary } from '@jinri/shared';
import { useCallback } from 'react';

import { listLotteries } from '@/api/lotteries.api';
import { Chip } from '@/components/Chip';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { ListStates } from '@/components/StateCard';
import { usePaged } from '@/hooks/usePaged';
import { useListRefresh } from '@/hooks/useShowAgain';
import { formatStamp } from '@/utils/date';
import { lotteryUrl, weekText } from '../links';

export function Lotteries() {
  const fetchPage = useCallback((page: number) => listLotteries({ page }), []);
  const list = usePaged<LotterySummary>('lotteries', fetchPage);
  useListRefresh(list);

  return (
    <>
      <View className="card" data-testid="lotteries-intro">
        <Text className="st-card-title">什么是抽签晒</Text>
        <Text className="st-hint">
          每周从全县已公示的干部工作日志（当天日程和进展）中随机抽取 {LOTTERY_RULES.drawSize}{' '}
          篇，原样公开展示，不做修改。为了让大家放心抽签没有做手脚：每周一先公布一串“承诺码”，周末结束后再公开抽签用的“种子”，
          任何人都可以自己重新算一遍，核对结果。
        </Text>
      </View>
      <ListStates
        view={list.view}
        loadingText="正在读取抽签…"
        errorTitle="抽签读取失败"
        onRetry={list.retry}
        emptyTestId="lotteries-empty"
      >
        <EmptyState title="还没有抽签" description="每周一会公布本周的承诺码。" />
      </ListStates>
      {list.view.kind === 'ok' ? list.view.items.map((l) => <LotteryRow key={l.id} lottery={l} />) : null}
      <PagedMore list={list} testId="lotteries-more" />
    </>
  );
}

function LotteryRow({ lottery }: { lottery: LotterySummary }) {
  const open = lottery.state === 'committed';
  return (
    <View
      className="card st-item"
      role="button"
      data-testid="lottery-row"
      data-lottery-id={String(lottery.id)}
      data-state={lottery.state}
      onClick={() => void Taro.navigateTo({ url: lotteryUrl(lottery.id) })}
    >
      <View className="st-item__head">
        <Text className="st-item__title st-grow">{weekText(lottery.week)}</Text>
        <Chip tone={open ? 'info' : 'success'}>{LOTTERY_STATE_LABELS[lottery.state]}</Chip>
      </View>
      <Text className="st-item__meta">
        {lottery.unit.name} · 承诺码 {lottery.commitment.slice(0, 12)}… · 公布于{' '}
        {formatStamp(lottery.committedAt)}
      </Text>
      <Text className="st-item__meta">
        {open
          ? `${formatStamp(lottery.revealDueAt)} 公开种子并抽签`
          : `${lottery.candidateCount ?? 0} 篇候选，抽中 ${Math.min(lottery.drawSize, lottery.candidateCount ?? 0)} 篇 · ${formatStamp(lottery.revealedAt!)} 开签`}
      </Text>
    </View>
  );
}
