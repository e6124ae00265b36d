/**
 * 节假日安排: a year's months with holidays (放假) and make-up working days (调休上班) marked, as every
 * deadline counts them. The county admin enters a day the packaged State Council calendar does not
 * know (or corrects one), removes an entry made by mistake, and confirms the year once complete — the
 * December warning stops then.
 */
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CalendarDayView, CalendarYear } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { confirmCalendarYear, deleteCalendarDay, getCalendarYear, setCalendarDay } from '@/api/calendar.api';
import { toApiError } from '@/api/request';
import { localToday, weekdayOf } from '@/utils/date';
import { Page } from '@/components/Page';
import { useLoad } from '@/hooks/useLoad';
import { Banner } from '@/components/Banner';
import { Chip } from '@/components/Chip';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';
import './index.css';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

export default function CalendarPage() {
  return (
    <Page name="admin-calendar" title="节假日安排">
      <StaffGate roles={['admin']} deniedText="只有管理员可以维护节假日安排。">
        {() => <Calendar />}
      </StaffGate>
    </Page>
  );
}

function Calendar() {
  const thisYear = Number(localToday().slice(0, 4));
  // From December the year to enter is the next one.
  const [year, setYear] = useState(() => (localToday().slice(5, 7) === '12' ? thisYear + 1 : thisYear));
  const load = useCallback(() => getCalendarYear(year), [year]);
  const { view, retry, setData } = useLoad(`admin:calendar:${year}`, load, { cache: false });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (action: () => Promise<CalendarYear>, done: string) => {
    if (busy) return false;
    setBusy(true);
    setFailure(null);
    try {
      setData(await action());
      void Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (err) {
      setFailure(toApiError(err).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const remove = async (day: CalendarDayView) => {
    const { confirm } = await Taro.showModal({
      title: '删除录入',
      content: `删除 ${day.date}「${day.name}」？删除后这一天按国务院安排或普通周末计算，删除记录会保留。`,
      confirmText: '删除',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (confirm) await run(() => deleteCalendarDay(day.date), '已删除');
  };

  const confirmYear = async () => {
    const { confirm } = await Taro.showModal({
      title: `确认 ${year} 年已录入完整`,
      content: '请核对国务院公布的全部放假和调休上班日期均已录入。确认后不再提示“尚未录入”。',
      confirmText: '确认',
      cancelText: '取消',
    });
    if (confirm) await run(() => confirmCalendarYear(year), '已确认');
  };

  return (
    <>
      <View className="card ad-cal-years" data-testid="calendar-years">
        {[thisYear, thisYear + 1].map((y) => (
          <View
            key={y}
            className={`st-choice ${y === year ? 'st-choice--on' : ''}`}
            role="button"
            aria-pressed={y === year}
            data-testid="calendar-year"
            data-year={y}
            onClick={() => {
              setFailure(null);
              setYear(y);
            }}
          >
            <Text>{y} 年</Text>
          </View>
        ))}
      </View>

      {view.kind === 'loading' ? <LoadingCard text="正在读取节假日安排…" /> : null}
      {view.kind === 'error' ? (
        <ErrorCard error={view.error} onRetry={retry} title="节假日安排读取失败" />
      ) : null}
      {view.kind === 'ok' ? (
        <>
          <YearStatus calendar={view.data} busy={busy} onConfirm={() => void confirmYear()} />
          <DayForm
            year={year}
            busy={busy}
            onSave={(date, isWorkday, name) => run(() => setCalendarDay(date, isWorkday, name), '已保存')}
          />
          {failure ? (
            <Banner tone="danger" testId="calendar-error">
              {failure}
            </Banner>
          ) : null}
          {view.data.days.length === 0 ? (
            <View className="card" data-testid="calendar-empty">
              <Text className="st-hint">
                {year} 年还没有任何节假日安排。国务院公布后，请在上方逐日录入放假和调休上班的日期。
              </Text>
            </View>
          ) : null}
          <Months calendar={view.data} busy={busy} onRemove={(day) => void remove(day)} />
        </>
      ) : null}
    </>
  );
}

function YearStatus({
  calendar,
  busy,
  onConfirm,
}: {
  calendar: CalendarYear;
  busy: boolean;
  onConfirm: () => void;
}) {
  const entered = calendar.days.filter((d) => d.entered).length;
  return (
    <View className="card" data-testid="calendar-status" data-known={calendar.known ? 'yes' : 'no'}>
      {calendar.warning ? (
        <Banner tone="warning" testId="calendar-warning">
          {calendar.warning}
        </Banner>
      ) : null}
      <Text className="st-item__line">
        {calendar.packaged
          ? `${calendar.year} 年：已内置国务院节假日安排`
          : calendar.confirmedAt
            ? `${calendar.year} 年：管理员已确认录入完整`
            : `${calendar.year} 年：尚未录入完整，期限暂按周末计算`}
      </Text>
      <Text className="st-item__meta">管理员录入 {entered} 天</Text>
      {!calendar.known ? (
        <Button
          className="btn btn-primary btn-block ad-cal-confirm"
          data-testid="calendar-confirm"
          disabled={busy || entered === 0}
          onClick={onConfirm}
        >
          {entered === 0 ? '录入节假日后可确认' : `确认 ${calendar.year} 年已录入完整`}
        </Button>
      ) : null}
    </View>
  );
}

function DayForm({
  year,
  busy,
  onSave,
}: {
  year: number;
  busy: boolean;
  onSave: (date: string, isWorkday: boolean, name: string) => Promise<boolean>;
}) {
  const [date, setDate] = useState(`${year}-01-01`);
  const [isWorkday, setIsWorkday] = useState(false);
  const [name, setName] = useState('');
  const inYear = date.startsWith(`${year}-`) ? date : `${year}-01-01`;
  const label = name.trim() || (isWorkday ? '调休上班' : '');
  const save = async () => {
    if (!label) return;
    if (await onSave(inYear, isWorkday, label)) setName('');
  };
  return (
    <View className="card" data-testid="calendar-form">
      <Text className="st-card-title">录入一天</Text>
      <Text className="st-label">日期</Text>
      <Picker
        mode="date"
        value={inYear}
        start={`${year}-01-01`}
        end={`${year}-12-31`}
        disabled={busy || undefined}
        onChange={(e) => setDate(String(e.detail.value))}
      >
        <View className="st-field st-field--picker" data-testid="calendar-date">
          <Text className="st-field__value">
            {inYear}（周{WEEK[(weekdayOf(inYear) + 6) % 7]}）
          </Text>
        </View>
      </Picker>
      <Text className="st-label">类型</Text>
      <View className="st-chips">
        {([false, true] as const).map((workday) => (
          <View
            key={String(workday)}
            className={`st-choice ${isWorkday === workday ? 'st-choice--on' : ''}`}
            role="button"
            aria-pressed={isWorkday === workday}
            data-testid="calendar-kind"
            data-kind={workday ? 'workday' : 'holiday'}
            onClick={() => setIsWorkday(workday)}
          >
            <Text>{workday ? '调休上班' : '放假'}</Text>
          </View>
        ))}
      </View>
      <Text className="st-label">名称</Text>
      <Input
        className="st-input"
        value={name}
        maxlength={50}
        placeholder={isWorkday ? '如：调休上班（可不填）' : '如：春节、国庆节'}
        placeholderClass="st-placeholder"
        data-testid="calendar-name"
        onInput={(e) => setName(e.detail.value)}
      />
      <Button
        className="btn btn-primary btn-block ad-cal-save"
        data-testid="calendar-save"
        disabled={busy || !label}
        loading={busy}
        onClick={() => void save()}
      >
        保存
      </Button>
    </View>
  );
}

function Months({
  calendar,
  busy,
  onRemove,
}: {
  calendar: CalendarYear;
  busy: boolean;
  onRemove: (day: CalendarDayView) => void;
}) {
  const byDate = new Map(calendar.days.map((d) => [d.date, d]));
  return (
    <View data-testid="calendar-months">
      {Array.from({ length: 12 }, (_, m) => {
        const month = `${calendar.year}-${String(m + 1).padStart(2, '0')}`;
        const length = new Date(Date.UTC(calendar.year, m + 1, 0)).getUTCDate();
        const lead = (weekdayOf(`${month}-01`) + 6) % 7; // Monday first
        const special = calendar.days.filter((d) => d.date.startsWith(`${month}-`));
        return (
          <View key={month} className="card ad-cal-month" data-testid="calendar-month" data-month={month}>
            <Text className="st-card-title">{m + 1} 月</Text>
            <View className="ad-cal-grid">
              {WEEK.map((w) => (
                <Text key={w} className="ad-cal-cell ad-cal-cell--head">
                  {w}
                </Text>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                <Text key={`lead-${i}`} className="ad-cal-cell" />
              ))}
              {Array.from({ length }, (_, i) => {
                const date = `${month}-${String(i + 1).padStart(2, '0')}`;
                const day = byDate.get(date);
                const weekend = [0, 6].includes(weekdayOf(date));
                const kind = day ? (day.isWorkday ? 'work' : 'rest') : weekend ? 'weekend' : 'plain';
                return (
                  <Text
                    key={date}
                    className={`ad-cal-cell ad-cal-cell--${kind}`}
                    data-date={date}
                    data-kind={kind}
                  >
                    {i + 1}
                  </Text>
                );
              })}
            </View>
            {special.map((day) => (
              <View key={day.date} className="ad-cal-day" data-testid="calendar-day" data-date={day.date}>
                <Chip tone={day.isWorkday ? 'info' : 'danger'}>{day.isWorkday ? '上班' : '放假'}</Chip>
                <Text className="ad-cal-day__text">
                  {day.date.slice(5)} {day.name}
                  {day.entered ? '（管理员录入）' : ''}
                </Text>
                {day.entered ? (
                  <View
                    className="st-link-btn st-link-btn--danger"
                    role="button"
                    data-testid="calendar-remove"
                    onClick={() => {
                      if (!busy) onRemove(day);
                    }}
                  >
                    <Text>删除</Text>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}
