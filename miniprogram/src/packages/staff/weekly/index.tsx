/** 周报: this week's results and next week's plan, due by the jurisdiction's deadline (default Sunday 12:00). */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WeeklyReportView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { toApiError } from '@/api/request';
import { getWeeklyReport, saveWeeklyReport } from '@/api/weekly.api';
import {
  addDays,
  localMinutes,
  localToday,
  daysBetween,
  formatDay,
  formatStamp,
  formatMonthDay,
  minutesOf,
  mondayOf,
} from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { useLoad } from '@/hooks/useLoad';
import { OfficialPage } from '../common/OfficialPage';
import { useOfficialContext, type OfficialContext } from '../common/hooks';
import { readStored, storageKeys, useAutosave } from '../common/storage';
import { TextField } from '@/components/TextField';
import { Banner } from '@/components/Banner';
import { Chip } from '@/components/Chip';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/staff.css';

const MIN_TEXT = 2;
const MAX_TEXT = 5000;

export default function WeeklyPage() {
  return (
    <OfficialPage name="weekly" title="周报" deniedText="只有干部本人可以在这里写周报。">
      {(officialId) => <WeeklyRoot officialId={officialId} />}
    </OfficialPage>
  );
}

function WeeklyRoot({ officialId }: { officialId: number }) {
  const context = useOfficialContext(officialId);
  if (context.view.kind === 'loading') return <LoadingCard text="正在读取周报规则…" />;
  if (context.view.kind === 'error') return <ErrorCard error={context.view.error} onRetry={context.retry} />;
  return <Weekly ctx={context.view.data} />;
}

interface WeeklyDraft {
  results: string;
  nextWeekPlan: string;
}

function isWeeklyDraft(v: unknown): v is WeeklyDraft {
  const d = v as WeeklyDraft | null;
  return !!d && typeof d.results === 'string' && typeof d.nextWeekPlan === 'string';
}

function Weekly({ ctx }: { ctx: OfficialContext }) {
  const { officialId, rules } = ctx;
  const today = localToday();
  const thisWeek = mondayOf(today);
  const [weekStart, setWeekStart] = useState(thisWeek);
  const load = useCallback(() => getWeeklyReport(officialId, weekStart), [officialId, weekStart]);
  const { view, retry, setData } = useLoad(`weekly:${officialId}:${weekStart}`, load, { cache: false });

  const weekTab = (value: string, label: string) => (
    <View
      className={`st-seg__item ${weekStart === value ? 'st-seg__item--on' : ''}`}
      role="button"
      aria-pressed={weekStart === value}
      data-testid="week-tab"
      onClick={() => setWeekStart(value)}
    >
      <Text>{label}</Text>
    </View>
  );

  // The deadline: weekday 1–7 (Monday–Sunday) of the week, at the due time.
  const dueDate = addDays(weekStart, rules.weeklyReportDueWeekday - 1);
  const overdue =
    daysBetween(dueDate, today) > 0 ||
    (today === dueDate && localMinutes() > minutesOf(rules.weeklyReportDueTime));

  return (
    <>
      <View className="st-day">
        <View className="st-seg">
          {weekTab(thisWeek, '本周')}
          {weekTab(addDays(thisWeek, -7), '上周')}
        </View>
        <Text className="st-day__label">
          {formatMonthDay(weekStart)} – {formatMonthDay(addDays(weekStart, 6))}
        </Text>
        <Text className={`st-hint ${overdue ? 'st-status__line--danger' : ''}`} data-testid="weekly-due">
          截止时间：{formatDay(dueDate)} {rules.weeklyReportDueTime}
          {overdue ? '（已过截止时间，现在提交记为逾期）' : ''}
        </Text>
      </View>
      {view.kind === 'loading' ? <LoadingCard text="正在读取周报…" /> : null}
      {view.kind === 'error' ? <ErrorCard error={view.error} onRetry={retry} title="周报读取失败" /> : null}
      {view.kind === 'ok' ? (
        <WeeklyForm
          key={weekStart}
          officialId={officialId}
          weekStart={weekStart}
          report={view.data}
          onSaved={(report) => setData(report)}
        />
      ) : null}
    </>
  );
}

interface WeeklyFormProps {
  officialId: number;
  weekStart: string;
  report: WeeklyReportView | null;
  onSaved: (report: WeeklyReportView) => void;
}

function WeeklyForm({ officialId, weekStart, report, onSaved }: WeeklyFormProps) {
  const draftKey = storageKeys.weeklyDraft(officialId, weekStart);
  const [text, setText] = useState<WeeklyDraft>(
    () =>
      readStored(draftKey, isWeeklyDraft) ?? {
        results: report?.results ?? '',
        nextWeekPlan: report?.nextWeekPlan ?? '',
      },
  );
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restored] = useState(() => readStored(draftKey, isWeeklyDraft) !== null);

  const saved = !!report && report.results === text.results && report.nextWeekPlan === text.nextWeekPlan;
  const blank = !text.results.trim() && !text.nextWeekPlan.trim();
  useAutosave(draftKey, saved || blank ? null : text);

  const submit = async () => {
    if (sending) return;
    const results = text.results.trim();
    const nextWeekPlan = text.nextWeekPlan.trim();
    if (results.length < MIN_TEXT || nextWeekPlan.length < MIN_TEXT) {
      setError('“本周工作成效”和“下周工作计划”都要填写');
      return;
    }
    setSending(true);
    setError(null);
    try {
      const savedReport = await saveWeeklyReport(officialId, weekStart, { results, nextWeekPlan });
      setText({ results: savedReport.results, nextWeekPlan: savedReport.nextWeekPlan });
      onSaved(savedReport);
      void Taro.showToast({ title: '周报已提交', icon: 'success' });
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.status === 0 ? `${apiError.message}。内容已保存在手机上。` : apiError.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="card" data-testid="weekly-form">
      <View className="st-status__row">
        <Text className="st-card-title">周报</Text>
        {report ? (
          <Chip tone={report.late ? 'danger' : 'success'} testId="weekly-status">
            {report.late ? '逾期提交' : '已提交'}
          </Chip>
        ) : (
          <Chip tone="warning" testId="weekly-status">
            未提交
          </Chip>
        )}
      </View>
      {report ? (
        <Text className="st-status__line">
          提交于 {formatStamp(report.submittedAt)}
          {report.late ? '，晚于截止时间' : ''}。再次提交会覆盖原内容。
        </Text>
      ) : null}
      {restored && !saved && !blank ? (
        <Text className="st-status__line st-status__line--strong" data-testid="weekly-restored">
          已恢复您上次未提交的内容
        </Text>
      ) : null}

      <TextField
        label="本周工作成效"
        value={text.results}
        max={MAX_TEXT}
        tall
        placeholder="本周完成了哪些事、解决了什么问题，尽量写具体的数字和地点"
        disabled={sending}
        testId="weekly-results"
        onChange={(value) => setText((t) => ({ ...t, results: value }))}
      />

      <TextField
        label="下周工作计划"
        value={text.nextWeekPlan}
        max={MAX_TEXT}
        tall
        placeholder="下周要推进的重点工作"
        disabled={sending}
        testId="weekly-next"
        onChange={(value) => setText((t) => ({ ...t, nextWeekPlan: value }))}
      />

      {error ? (
        <Banner tone="danger" testId="weekly-error">
          <Text className="st-banner__text">{error}</Text>
        </Banner>
      ) : null}
      <Button
        className={`btn btn-primary btn-block st-submit ${sending || saved ? 'btn-disabled' : ''}`}
        disabled={onlyIf(sending || saved)}
        data-testid="weekly-submit"
        onClick={() => void submit()}
      >
        {sending ? '正在提交…' : saved ? '已提交' : report ? '提交修改' : '提交周报'}
      </Button>
    </View>
  );
}
