import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import {
  APP_PAGES,
  DEFAULT_RULES,
  type DayStatus,
  type TodayPlan,
  type TodayResponse,
  type UnitChildrenResponse,
} from '@jinri/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { getToday, getUnits } from '@/api/journals.api';
import { CareModeSwitch } from '@/components/CareModeSwitch';
import { EmptyState } from '@/components/EmptyState';
import { FlagBadge } from '@/components/FlagBadge';
import { InlineError } from '@/components/InlineError';
import { LoadingState } from '@/components/LoadingState';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Page } from '@/components/Page';
import { Segmented, type SegmentedOption } from '@/components/Segmented';
import { ErrorCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { useNow } from '@/hooks/useNow';
import {
  addDays,
  formatClock,
  formatClockShort,
  formatLocalDate,
  localMinutes,
  localToday,
  parseClock,
} from '@/utils/date';
import { HomeAsk, inputLabel } from './HomeAsk';
import { readStoredUnitId, storeUnitId } from './selection';
import { TodayList } from './TodayList';
import { COUNTY_LEADERS_LABEL, UnitPicker } from './UnitPicker';
import './index.css';

type DayKey = 'yesterday' | 'today' | 'tomorrow';

const DAY_OPTIONS: ReadonlyArray<SegmentedOption<DayKey>> = [
  { value: 'yesterday', label: '昨天' },
  { value: 'today', label: '今天' },
  { value: 'tomorrow', label: '明天' },
];
const DAY_OFFSETS: Record<DayKey, number> = { yesterday: -1, today: 0, tomorrow: 1 };
const DAY_WORDS: Record<DayKey, string> = { yesterday: '昨日', today: '今日', tomorrow: '明日' };

/** Coming back to the tab after this long reloads quietly. */
const STALE_MS = 2 * 60_000;
/** Plans are published at this time each day (each jurisdiction may change it; this is the default). */
const PUBLICATION_TIME = DEFAULT_RULES.publicationTime;

export default function TodayPage() {
  const now = useNow();
  const today = localToday(now);
  const [day, setDay] = useState<DayKey>('today');
  const date = addDays(today, DAY_OFFSETS[day]);
  const [query, setQuery] = useState('');
  const [chosenUnitId, setChosenUnitId] = useState<number | null>(readStoredUnitId);

  const units = useLoad('units|root', () => getUnits());
  const tree = units.view.kind === 'ok' ? units.view.data : null;
  const unitId = resolveUnitId(chosenUnitId, tree);

  const plans = useLoad(unitId === null ? null : `today|${unitId}|${date}`, () => getToday(unitId!, date));
  // A remembered unit that no longer exists: forget it (the first town is shown instead).
  useEffect(() => {
    if (tree && chosenUnitId !== null && unitId !== chosenUnitId) storeUnitId(null);
  }, [tree, chosenUnitId, unitId]);
  // Until the unit list is here, a 404 for a remembered unit is not worth an error screen.
  const listView =
    plans.view.kind === 'error' && plans.view.error.status === 404 && !tree
      ? ({ kind: 'loading' } as const)
      : plans.view;

  // The first screen's extra answers (popular matters, my village's handlers) wait for the list:
  // the first paint never waits for them. Once started they stay (switching the day does not stop them).
  const listSettled = listView.kind !== 'loading' || units.view.kind === 'error';
  const [extrasReady, setExtrasReady] = useState(listSettled);
  if (listSettled && !extrasReady) setExtrasReady(true);

  const chooseUnit = useCallback((id: number) => {
    setChosenUnitId(id);
    storeUnitId(id);
    setQuery(''); // a name searched in one unit is rarely in the next
  }, []);

  const openOfficial = useCallback((officialId: number) => {
    void Taro.navigateTo({ url: `/pages/official/index?id=${officialId}` });
  }, []);

  usePullDownRefresh(() => {
    const jobs = [plans.refresh()];
    if (units.view.kind !== 'ok') units.retry();
    void Promise.all(jobs).finally(() => Taro.stopPullDownRefresh());
  });

  useDidShow(() => {
    const view = plans.view;
    if (view.kind === 'ok' && !view.updating && Date.now() - view.loadedAt > STALE_MS) void plans.refresh();
  });

  const shown = plans.view.kind === 'ok' ? visiblePlans(plans.view.data) : null;
  const unitName =
    plans.view.kind === 'ok'
      ? plans.view.data.unit.kind === 'county'
        ? COUNTY_LEADERS_LABEL
        : plans.view.data.unit.name
      : '';

  useShareAppMessage(() => ({
    title: unitName ? `${unitName} · 干部今日工作` : '今日工作',
    path: '/pages/today/index',
  }));

  return (
    <Page name="today" title="今日工作">
      <OfflineBanner views={[plans.view, units.view]} />
      <View className="care-title-row">
        <Text className="page__title">今日工作</Text>
        {/* 大字模式 a tap away on the first screen (the full switch is on 我的). */}
        <CareModeSwitch variant="chip" />
      </View>
      <HomeAsk ready={extrasReady} />

      <View className="today__header">
        <Text className="today__section-title">干部日程</Text>
        <Text className="today__date" data-testid="today-date">
          {formatLocalDate(date)}
        </Text>
      </View>

      <Segmented options={DAY_OPTIONS} value={day} onChange={setDay} testId="day-switch" label="选择哪一天" />

      <View className="today__units">
        {tree ? <UnitPicker tree={tree} selectedId={unitId} onSelect={chooseUnit} /> : null}
        {units.view.kind === 'loading' && unitId !== null ? (
          <Text className="today__hint">正在加载单位列表…</Text>
        ) : null}
        {units.view.kind === 'error' && unitId !== null ? (
          <InlineError className="today__inline-error" text="单位列表没有加载出来" onRetry={units.retry} />
        ) : null}
      </View>

      <View
        className="today__list"
        data-testid="today-list"
        data-state={listView.kind}
        data-date={date}
        data-unit-id={unitId === null ? '' : String(unitId)}
        data-updating={listView.kind === 'ok' && listView.updating ? 'true' : 'false'}
      >
        {units.view.kind === 'error' && unitId === null ? (
          <ErrorCard title="暂时读不到单位列表" error={units.view.error} onRetry={units.retry} />
        ) : null}

        {listView.kind === 'loading' && (unitId !== null || units.view.kind === 'loading') ? (
          <View className="card">
            <LoadingState text="正在加载干部日程…" />
          </View>
        ) : null}

        {listView.kind === 'error' ? (
          <ErrorCard title="暂时读不到日程" error={listView.error} onRetry={plans.retry} />
        ) : null}

        {listView.kind === 'ok' && listView.data.flag ? (
          <View className="today__flag" data-testid="today-flag-line">
            <FlagBadge color={listView.data.flag.color} period={listView.data.flag} testId="today-flag" />
          </View>
        ) : null}

        {listView.kind === 'ok' && shown ? (
          <PlansView
            plans={shown}
            date={date}
            day={day}
            dayStatus={listView.data.day}
            unitName={unitName}
            nowMinutes={localMinutes(now)}
            query={query}
            onQuery={setQuery}
            onOpen={openOfficial}
            loadedAt={listView.loadedAt}
            updating={listView.updating}
            staleError={listView.staleError?.message ?? null}
            onRefresh={() => void plans.refresh()}
          />
        ) : null}
      </View>

      <View
        className="today__lottery"
        role="link"
        data-testid="lottery-link"
        onClick={() => void Taro.navigateTo({ url: `/${APP_PAGES.publicLotteries}` })}
      >
        <Text className="today__lottery-text">抽签晒：每周随机公开抽取工作日志，人人可验证 ›</Text>
      </View>
    </Page>
  );
}

/** The stored choice if it is still a unit we know of, else the first town (then the county). */
function resolveUnitId(chosen: number | null, tree: UnitChildrenResponse | null): number | null {
  if (!tree) return chosen;
  if (chosen !== null && (chosen === tree.unit.id || tree.children.some((u) => u.id === chosen)))
    return chosen;
  return tree.children.find((u) => u.kind === 'town')?.id ?? tree.unit.id;
}

/** 全县领导: the county's own officials, not its whole subtree. */
function visiblePlans(data: TodayResponse): TodayPlan[] {
  return data.unit.kind === 'county'
    ? data.plans.filter((p) => p.official.unit.id === data.unit.id)
    : data.plans;
}

interface PlansViewProps {
  plans: TodayPlan[];
  date: string;
  day: DayKey;
  /** Working day or rest day (周末, 元旦 …), after the county's calendar. */
  dayStatus: DayStatus;
  unitName: string;
  nowMinutes: number;
  query: string;
  onQuery: (query: string) => void;
  onOpen: (officialId: number) => void;
  loadedAt: number;
  updating: boolean;
  staleError: string | null;
  onRefresh: () => void;
}

function PlansView(props: PlansViewProps) {
  const { plans, date, day, dayStatus, unitName, nowMinutes, query, onQuery, onOpen } = props;
  const dayWord = DAY_WORDS[day];
  const restDay = !dayStatus.isWorkday;
  const counts = useMemo(() => countStatuses(plans), [plans]);
  const needle = query.trim().toLowerCase();
  const filtered = useMemo(
    () =>
      needle === ''
        ? plans
        : plans.filter(
            (p) =>
              p.official.name.toLowerCase().includes(needle) ||
              p.official.post.toLowerCase().includes(needle) ||
              p.official.unit.name.toLowerCase().includes(needle),
          ),
    [plans, needle],
  );

  if (plans.length === 0) {
    return (
      <View className="card">
        <EmptyState title="这里还没有干部信息" description={`${unitName}暂未登记干部，请选择其他单位`} />
      </View>
    );
  }

  // Nothing published yet for a day whose publication time has not come.
  const publishedAny = counts.published > 0;
  const beforePublication =
    day === 'tomorrow' || (day === 'today' && nowMinutes < (parseClock(PUBLICATION_TIME) ?? 0));
  if (!publishedAny && beforePublication && !restDay) {
    const at = formatClockShort(PUBLICATION_TIME);
    return (
      <View className="card" data-testid="not-yet">
        <EmptyState
          title={`${dayWord}日程将于早上 ${at} 公示`}
          description={
            day === 'tomorrow'
              ? `干部在前一天提交日程，${formatLocalDate(date)}早上 ${at} 统一公示，请到时再来查看。`
              : `请在 ${at} 以后再来查看，或先看看昨天的安排。`
          }
        />
      </View>
    );
  }

  const nowForDay = day === 'today' ? nowMinutes : null;
  return (
    <View>
      <View className="today__search">
        <Input
          className="today__input"
          type="text"
          confirmType="search"
          value={query}
          placeholder="在名单里找：姓名或职务"
          {...inputLabel('在名单里按姓名或职务查找')}
          placeholderClass="today__placeholder"
          maxlength={20}
          data-testid="today-search"
          onInput={(e) => onQuery(e.detail.value)}
        />
        {query ? (
          <View className="input-clear" role="button" aria-label="清除搜索" onClick={() => onQuery('')}>
            <Text>✕</Text>
          </View>
        ) : null}
      </View>

      {restDay ? (
        <View className="card today__rest" data-testid="rest-day">
          <Text className="today__rest-title">
            {dayWord}休息（{dayStatus.name ?? '休息日'}）
          </Text>
          <Text className="today__rest-text">
            下一个工作日：{formatLocalDate(dayStatus.nextWorkday)}
            。休息日不要求公示日程，在岗值班的干部会照常公示。
          </Text>
        </View>
      ) : null}

      <View className="today__summary" data-testid="today-summary">
        <Text className="today__summary-text">
          共 {counts.total} 人 · 已公示 {counts.published}
          {counts.on_leave > 0 ? ` · 请假 ${counts.on_leave}` : ''}
          {counts.not_published > 0 ? ` · 未公示 ${counts.not_published}` : ''}
          {counts.rest_day > 0 ? ` · 休息 ${counts.rest_day}` : ''}
        </Text>
        <Text className="today__summary-meta">
          {props.updating ? '正在更新…' : `${formatClock(props.loadedAt)} 更新`}
        </Text>
      </View>

      {props.staleError ? (
        <InlineError
          className="today__inline-error"
          text="更新失败，显示的是之前的内容"
          onRetry={props.onRefresh}
          retrying={props.updating}
          testId="stale-error"
        />
      ) : null}

      {filtered.length > 0 ? (
        <TodayList plans={filtered} date={date} dayWord={dayWord} nowMinutes={nowForDay} onOpen={onOpen} />
      ) : (
        <View className="card">
          <EmptyState title={`没有找到“${query.trim()}”`} description="请检查姓名或职务，或换一个单位查看">
            <Button className="btn btn-secondary" onClick={() => onQuery('')}>
              清除搜索
            </Button>
          </EmptyState>
        </View>
      )}
    </View>
  );
}

function countStatuses(plans: readonly TodayPlan[]) {
  const counts = { total: plans.length, published: 0, on_leave: 0, not_published: 0, rest_day: 0 };
  for (const p of plans) {
    if (p.status in counts) counts[p.status] += 1;
  }
  return counts;
}
