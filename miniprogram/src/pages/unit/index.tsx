import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import {
  APP_PAGES,
  DEFAULT_RULES,
  type CurrentFlag,
  type TodayPlan,
  type TodayResponse,
  type UnitChildrenResponse,
} from '@jinri/shared';
import { useMemo } from 'react';

import { getToday, getUnits } from '@/api/journals.api';
import { EmptyState } from '@/components/EmptyState';
import { FlagBadge } from '@/components/FlagBadge';
import { FreshLine } from '@/components/FreshLine';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Page } from '@/components/Page';
import { ErrorCard, LoadingCard, NotFoundCard } from '@/components/StateCard';
import { useLoad, type Load } from '@/hooks/useLoad';
import { useNow } from '@/hooks/useNow';
import { formatClockShort, formatLocalDate, localMinutes, localToday, parseClock } from '@/utils/date';
import { goBackOrFind, officialUrl, openPage, unitUrl } from '../find/nav';
import { PlanCard } from './PlanCard';
import './index.css';

const KIND_LABELS: Record<string, string> = {
  county: '县',
  town: '乡镇（街道）',
  village: '村（社区）',
  department: '县直部门',
  office: '县直部门',
};
/** 实绩公示栏: the unit's printable weekly board (public subpackage). */
const boardUrl = (id: number) => `/${APP_PAGES.publicBoard}?id=${id}`;
const STALE_MS = 2 * 60_000;
const PUBLICATION_TIME = DEFAULT_RULES.publicationTime;

function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

interface Group {
  unit: { id: number; name: string };
  plans: TodayPlan[];
}

/** The unit's own people first, then each child unit's, in the server's order. */
function groupPlans(data: TodayResponse): Group[] {
  const groups = new Map<number, Group>();
  // The county's subtree is everyone: show its own leaders only (the towns are a tap away).
  const plans =
    data.unit.kind === 'county' ? data.plans.filter((p) => p.official.unit.id === data.unit.id) : data.plans;
  for (const plan of plans) {
    const unit = plan.official.unit;
    const group = groups.get(unit.id) ?? { unit, plans: [] };
    group.plans.push(plan);
    groups.set(unit.id, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.unit.id === data.unit.id ? -1 : b.unit.id === data.unit.id ? 1 : 0,
  );
}

export default function UnitPage() {
  const { params } = useRouter();
  const id = parseId(params.id);
  const now = useNow();
  const today = localToday(now);
  const nowMinutes = localMinutes(now);

  const units = useLoad(id === null ? null : `units|${id}`, () => getUnits(id!));
  const plans = useLoad(id === null ? null : `today|${id}|${today}`, () => getToday(id!, today));

  usePullDownRefresh(() => {
    void Promise.all([units.refresh(), plans.refresh()]).finally(() => Taro.stopPullDownRefresh());
  });
  useDidShow(() => {
    const view = plans.view;
    if (view.kind === 'ok' && !view.updating && Date.now() - view.loadedAt > STALE_MS) void plans.refresh();
  });

  const tree = units.view.kind === 'ok' ? units.view.data : null;
  const name = tree?.unit.name ?? (plans.view.kind === 'ok' ? plans.view.data.unit.name : '');
  useShareAppMessage(() => ({
    title: name ? `${name} · 今天都在哪` : '今日工作',
    path: id === null ? '/pages/today/index' : `/pages/unit/index?id=${id}`,
  }));

  const notFound =
    id === null ||
    (units.view.kind === 'error' && units.view.error.status === 404) ||
    (plans.view.kind === 'error' && plans.view.error.status === 404);
  if (notFound) {
    return (
      <Page name="unit" title="单位">
        <NotFoundCard title="没有找到这个单位" description="可能已调整，或链接有误。" onBack={goBackOrFind} />
      </Page>
    );
  }

  return (
    <Page name="unit" title="单位">
      <View data-testid="unit" data-unit-id={String(id)}>
        <OfflineBanner views={[units.view, plans.view]} />
        {units.view.kind === 'loading' ? <LoadingCard text="正在加载单位…" /> : null}
        {units.view.kind === 'error' ? (
          <ErrorCard title="单位信息没有加载出来" error={units.view.error} onRetry={units.retry} />
        ) : null}
        {tree ? (
          <UnitHead
            tree={tree}
            flag={tree.flag ?? (plans.view.kind === 'ok' ? plans.view.data.flag : null)}
          />
        ) : null}

        <TodaySection load={plans} today={today} nowMinutes={nowMinutes} unitName={name} />

        {tree && tree.children.length > 0 ? <Children tree={tree} /> : null}
      </View>
    </Page>
  );
}

function UnitHead({ tree, flag }: { tree: UnitChildrenResponse; flag?: CurrentFlag | null }) {
  const { unit, ancestors } = tree;
  return (
    <View className="unit-head">
      {ancestors.length > 0 ? (
        <View className="unit-crumbs" data-testid="unit-crumbs" aria-label="所属单位">
          {ancestors.map((a) => (
            <View key={a.id} className="unit-crumbs__item">
              <View
                className="unit-crumbs__link"
                role="link"
                data-testid="unit-crumb"
                data-unit-id={String(a.id)}
                hoverClass="unit-crumbs__link--pressed"
                onClick={() => void Taro.redirectTo({ url: unitUrl(a.id) }).catch(() => undefined)}
              >
                <Text>{a.name}</Text>
              </View>
              <Text className="unit-crumbs__sep">›</Text>
            </View>
          ))}
          <Text className="unit-crumbs__current">{unit.name}</Text>
        </View>
      ) : null}
      <Text className="page__title unit-head__name" data-testid="unit-name">
        {unit.name}
      </Text>
      <Text className="unit-head__kind">{KIND_LABELS[unit.kind] ?? ''}</Text>
      {flag ? (
        <View className="unit-head__flag">
          <FlagBadge color={flag.color} period={flag} testId="unit-flag" />
        </View>
      ) : null}
      <View
        className="unit-head__board"
        role="link"
        data-testid="unit-board"
        hoverClass="unit-crumbs__link--pressed"
        onClick={() => openPage(boardUrl(unit.id))}
      >
        <Text>打印公示栏</Text>
      </View>
    </View>
  );
}

interface TodaySectionProps {
  load: Load<TodayResponse>;
  today: string;
  nowMinutes: number;
  unitName: string;
}

function TodaySection({ load, today, nowMinutes, unitName }: TodaySectionProps) {
  const { view } = load;
  const groups = useMemo(() => (view.kind === 'ok' ? groupPlans(view.data) : []), [view]);
  const beforePublication = nowMinutes < (parseClock(PUBLICATION_TIME) ?? 0);
  const count = groups.reduce((n, g) => n + g.plans.length, 0);
  const nothingYet =
    view.kind === 'ok' &&
    beforePublication &&
    groups.every((g) => g.plans.every((p) => p.status !== 'published'));

  return (
    <View className="unit-today" data-testid="unit-today" data-state={view.kind}>
      <View className="unit-today__head">
        <Text className="unit-section__title">{unitName ? `${unitName}今天都在哪` : '今天都在哪'}</Text>
        <Text className="unit-today__date">{formatLocalDate(today)}</Text>
      </View>
      {view.kind === 'loading' ? <LoadingCard text="正在加载今天的安排…" /> : null}
      {view.kind === 'error' ? (
        <ErrorCard title="今天的安排没有加载出来" error={view.error} onRetry={load.retry} />
      ) : null}
      {view.kind === 'ok' ? (
        <>
          {nothingYet ? (
            <Text className="unit-today__note" data-testid="unit-not-yet">
              今日日程将于早上 {formatClockShort(PUBLICATION_TIME)} 公示
            </Text>
          ) : null}
          {count === 0 ? (
            <View className="card">
              <EmptyState title="这里暂时没有登记干部" description="可以看看下面的下级单位。" />
            </View>
          ) : null}
          {groups.map((group) => (
            <View key={group.unit.id} className="unit-group" data-testid="unit-group">
              {groups.length > 1 ? (
                <Text className="unit-group__title">
                  {group.unit.name}
                  <Text className="unit-group__count">（{group.plans.length} 人）</Text>
                </Text>
              ) : null}
              {group.plans.map((plan) => (
                <PlanCard
                  key={plan.official.id}
                  plan={plan}
                  nowMinutes={plan.status === 'published' ? nowMinutes : null}
                  onOpen={(officialId) => openPage(officialUrl(officialId))}
                />
              ))}
            </View>
          ))}
          <FreshLine
            className="unit-fresh"
            label="更新于"
            loadedAt={view.loadedAt}
            updating={view.updating}
            staleError={view.staleError?.message ?? null}
            onRefresh={() => void load.refresh()}
          />
        </>
      ) : null}
    </View>
  );
}

function Children({ tree }: { tree: UnitChildrenResponse }) {
  const title = tree.unit.kind === 'town' ? '下辖村（社区）' : '下级单位';
  return (
    <View className="unit-children" data-testid="unit-children">
      <Text className="unit-section__title">{title}</Text>
      <View className="unit-children__grid">
        {tree.children.map((child) => (
          <View
            key={child.id}
            className="unit-child"
            role="link"
            data-testid="unit-child"
            data-unit-id={String(child.id)}
            hoverClass="unit-child--pressed"
            onClick={() => openPage(unitUrl(child.id))}
          >
            <Text className="unit-child__name">{child.name}</Text>
            {child.flag ? <FlagBadge color={child.flag.color} compact testId="unit-child-flag" /> : null}
            {child.childCount > 0 ? (
              <Text className="unit-child__count">
                {child.childCount} 个{child.kind === 'town' ? '村（社区）' : '下级单位'}
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}
