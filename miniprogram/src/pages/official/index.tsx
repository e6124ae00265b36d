import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { DEFAULT_RULES, type LocalDate, type PlanEntryView, type TimelineDay } from '@jinri/shared';
import { useMemo, useState } from 'react';

import { getOfficial, getTimeline } from '@/api/journals.api';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Page } from '@/components/Page';
import { ErrorCard, LoadingCard, NotFoundCard } from '@/components/StateCard';
import { PlanEntryList } from '@/components/PlanEntryList';
import { Segmented, type SegmentedOption } from '@/components/Segmented';
import { StatusChip } from '@/components/StatusChip';
import { Timeline } from '@/components/Timeline';
import { useLoad } from '@/hooks/useLoad';
import { useNow } from '@/hooks/useNow';
import {
  addDays,
  formatClockShort,
  formatLocalDate,
  localMinutes,
  localToday,
  parseClock,
} from '@/utils/date';
import { ticketUrls } from '@/utils/tickets';
import { ProfileHeader } from './ProfileHeader';
import { RevisionSheet } from './RevisionSheet';
import { TicketsCard } from './TicketsCard';
import { WeeklyReports } from './WeeklyReports';
import './index.css';

type Range = 'week' | 'month';

const RANGE_OPTIONS: ReadonlyArray<SegmentedOption<Range>> = [
  { value: 'week', label: '本周' },
  { value: 'month', label: '本月' },
];
/** Days back from today (today included) for each range; tomorrow is always added. */
const RANGE_DAYS: Record<Range, number> = { week: 7, month: 30 };
const PUBLICATION_TIME = DEFAULT_RULES.publicationTime;

function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export default function OfficialPage() {
  const router = useRouter();
  const id = parseId(router.params.id);
  const now = useNow();
  const today = localToday(now);
  const nowMinutes = localMinutes(now);
  const [range, setRange] = useState<Range>('week');
  const [revisionsOf, setRevisionsOf] = useState<LocalDate | null>(null);

  // One request for the month (+ tomorrow); 本周 shows its last days.
  const from = addDays(today, 1 - RANGE_DAYS.month);
  const to = addDays(today, 1);
  const profile = useLoad(id === null ? null : `official|${id}`, () => getOfficial(id!));
  const timeline = useLoad(id === null ? null : `timeline|${id}|${from}|${to}`, () =>
    getTimeline(id!, from, to),
  );

  usePullDownRefresh(() => {
    void Promise.all([profile.refresh(), timeline.refresh()]).finally(() => Taro.stopPullDownRefresh());
  });

  const name = profile.view.kind === 'ok' ? profile.view.data.name : '';
  useShareAppMessage(() => ({
    title: name ? `${name}的工作日程` : '干部工作日程',
    path: id === null ? '/pages/today/index' : `/pages/official/index?id=${id}`,
  }));

  const days = timeline.view.kind === 'ok' ? timeline.view.data.days : null;
  const todayRow = days?.find((d) => d.date === today) ?? null;
  const rangeFrom = addDays(today, 1 - RANGE_DAYS[range]);
  const shownDays = useMemo(
    () => (days ? days.filter((d) => d.date >= rangeFrom && d.date <= to) : []),
    [days, rangeFrom, to],
  );

  if (id === null || (profile.view.kind === 'error' && profile.view.error.status === 404)) {
    return (
      <Page name="official" title="干部主页">
        <NotFoundCard title="没有找到这位干部" description="可能已调离岗位，或链接有误。" onBack={goBack} />
      </Page>
    );
  }

  return (
    <Page name="official" title="干部主页">
      <OfflineBanner views={[profile.view, timeline.view]} />
      {profile.view.kind === 'loading' ? <LoadingCard text="正在加载干部信息…" /> : null}
      {profile.view.kind === 'error' ? (
        <ErrorCard title="干部信息没有加载出来" error={profile.view.error} onRetry={profile.retry} />
      ) : null}
      {profile.view.kind === 'ok' ? <ProfileHeader profile={profile.view.data} /> : null}

      {timeline.view.kind === 'loading' ? <LoadingCard text="正在加载工作日程…" /> : null}
      {timeline.view.kind === 'error' ? (
        <ErrorCard title="工作日程没有加载出来" error={timeline.view.error} onRetry={timeline.retry} />
      ) : null}

      {timeline.view.kind === 'ok' ? (
        <>
          <TodayCard
            day={todayRow}
            today={today}
            nowMinutes={nowMinutes}
            onShowRevisions={setRevisionsOf}
            onComment={(entry) => commentOn(entry, name)}
          />

          <TicketsCard officialId={id} name={name} />

          <View className="card official-history">
            <Text className="official-section__title">工作记录</Text>
            <Segmented
              options={RANGE_OPTIONS}
              value={range}
              onChange={setRange}
              testId="range-switch"
              label="选择时间范围"
            />
            <Text className="official-history__hint">点一天可看详细安排、进展和照片</Text>
            <Timeline
              days={shownDays}
              today={today}
              nowMinutes={nowMinutes}
              onShowRevisions={setRevisionsOf}
            />
          </View>

          {timeline.view.data.weeklyReports.length > 0 ? (
            <WeeklyReports reports={timeline.view.data.weeklyReports} />
          ) : null}
        </>
      ) : null}

      {timeline.view.kind !== 'ok' ? <TicketsCard officialId={id} name={name} /> : null}

      {revisionsOf ? (
        <RevisionSheet officialId={id} date={revisionsOf} onClose={() => setRevisionsOf(null)} />
      ) : null}
    </Page>
  );
}

/** 留言 on one of today's published entries: "张三 · 09:00 到魏庄村调度…" tells the page what it is about. */
function commentOn(entry: PlanEntryView, officialName: string) {
  const when = entry.startTime ?? '';
  const label = [officialName, [when, entry.what].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
  void Taro.navigateTo({ url: ticketUrls.compose({ planEntryId: entry.id }, label) }).catch(() => undefined);
}

function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/today/index' });
}

interface TodayCardProps {
  day: TimelineDay | null;
  today: LocalDate;
  nowMinutes: number;
  onShowRevisions: (date: LocalDate) => void;
  /** 留言 on an entry of a published plan. */
  onComment: (entry: PlanEntryView) => void;
}

/** 今日日程 with the entry going on now marked, and 留言 on each entry once published. */
function TodayCard({ day, today, nowMinutes, onShowRevisions, onComment }: TodayCardProps) {
  const status = day?.status ?? 'not_published';
  const entries = day?.plan?.entries ?? [];
  const beforePublication = nowMinutes < (parseClock(PUBLICATION_TIME) ?? 0);
  const revisions = day?.plan?.status === 'published' ? day.plan.revision : 0;
  return (
    <View className="card" data-testid="official-today" data-status={status}>
      <View className="official-today__head">
        <View className="official-today__titles">
          <Text className="official-section__title official-today__title">今日日程</Text>
          <Text className="official-today__date">{formatLocalDate(today)}</Text>
        </View>
        <StatusChip status={status} />
      </View>
      {status === 'on_leave' ? (
        <Text className="official-today__note official-today__note--leave">今日请假</Text>
      ) : null}
      {status !== 'on_leave' && entries.length > 0 ? (
        <PlanEntryList
          entries={entries}
          nowMinutes={nowMinutes}
          planDate={today}
          onComment={status === 'published' ? onComment : undefined}
        />
      ) : null}
      {status !== 'on_leave' && entries.length === 0 ? (
        <Text className="official-today__note">
          {status === 'published'
            ? '今日日程已公示，暂无具体安排'
            : status === 'rest_day'
              ? `今天休息（${day?.restDay ?? '休息日'}），未安排公开日程`
              : beforePublication
                ? `今日日程将于早上 ${formatClockShort(PUBLICATION_TIME)} 公示`
                : '今日日程未公示'}
        </Text>
      ) : null}
      {revisions > 0 ? (
        <View
          className="official-today__revisions"
          role="button"
          data-testid="today-revisions"
          onClick={() => onShowRevisions(today)}
        >
          <Text>修改记录（改过 {revisions} 次）›</Text>
        </View>
      ) : null}
    </View>
  );
}
