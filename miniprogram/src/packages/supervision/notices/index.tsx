/**
 * 督察通报: the notices of the scope (drafts and issued, newest first) and 起草通报 — a period
 * (by default last week, Monday to Friday) and a unit make a draft from the confirmed findings not
 * yet in a notice, opened at once for editing. Supervisors and admins.
 */
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APP_PAGES, type LocalDate, type MeResponse, type NoticeState, type NoticeView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { draftNotice, listNotices } from '@/api/notices.api';
import { toApiError } from '@/api/request';
import { Chip } from '@/components/Chip';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { Page } from '@/components/Page';
import { Segmented } from '@/components/Segmented';
import { StaffGate } from '@/components/StaffGate';
import { ListStates } from '@/components/StateCard';
import { usePaged } from '@/hooks/usePaged';
import { useListRefresh } from '@/hooks/useShowAgain';
import { formatDay, formatStamp, localToday } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { factCounts, lastWeekRange, periodText } from '@/packages/supervision/notice/format';
import { periodProblem } from './period';
import { ScopePicker, useScopeUnits, type UnitRef } from './scope';
import '@/styles/kit.css';
import '@/styles/kit-form.css';

export default function NoticesPage() {
  return (
    <Page name="supervision-notices" title="督察通报">
      <StaffGate roles={['supervisor', 'admin']} deniedText="只有督查室、管理员可以起草和印发通报。">
        {(me) => <Notices me={me} />}
      </StaffGate>
    </Page>
  );
}

type StateFilter = 'all' | NoticeState;

const STATE_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'issued', label: '已印发' },
] as const;

export function noticeUrl(id: number): string {
  return `/${APP_PAGES.supervisionNotice}?id=${id}`;
}

function Notices({ me }: { me: MeResponse }) {
  const units = useScopeUnits(me);
  const [chosen, setChosen] = useState<UnitRef | null>(null);
  const unit = chosen ?? units?.[0] ?? null;
  const [state, setState] = useState<StateFilter>('all');
  const fetchPage = useCallback(
    (page: number) => listNotices({ unitId: unit?.id, state: state === 'all' ? undefined : state, page }),
    [unit?.id, state],
  );
  const list = usePaged<NoticeView>(units === null ? null : `notices:${unit?.id ?? ''}:${state}`, fetchPage);
  useListRefresh(list);

  return (
    <>
      <ScopePicker units={units ?? []} value={unit?.id ?? null} onChange={setChosen} />
      <DraftCard unit={unit} />
      <View className="card">
        <Text className="st-card-title">通报</Text>
        <Segmented
          options={STATE_OPTIONS}
          value={state}
          onChange={setState}
          testId="notice-state"
          label="通报状态"
        />
      </View>
      <ListStates
        view={list.view}
        loadingText="正在读取通报…"
        errorTitle="通报读取失败"
        onRetry={list.retry}
        emptyTestId="notices-empty"
      >
        <EmptyState
          title={state === 'draft' ? '没有草稿' : state === 'issued' ? '还没有印发的通报' : '还没有通报'}
          description="在上面选好期间，起草一份通报。"
        />
      </ListStates>
      {list.view.kind === 'ok'
        ? list.view.items.map((notice) => <NoticeRow key={notice.id} notice={notice} />)
        : null}
      <PagedMore list={list} testId="notices-more" />
    </>
  );
}

function NoticeRow({ notice }: { notice: NoticeView }) {
  const { findings, people } = factCounts(notice.facts);
  return (
    <View
      className="card st-item"
      role="button"
      data-testid="notice-row"
      data-notice-id={String(notice.id)}
      onClick={() => void Taro.navigateTo({ url: noticeUrl(notice.id) })}
    >
      <View className="st-item__head">
        <Text className="st-item__title st-grow">{notice.title || '（未填标题）'}</Text>
        {notice.state === 'issued' ? <Chip tone="success">已印发</Chip> : <Chip tone="warning">草稿</Chip>}
      </View>
      <Text className="st-item__meta">
        {notice.number ? `${notice.number} · ` : ''}
        {notice.unit.name} · {periodText(notice.periodFrom, notice.periodTo)}
      </Text>
      <Text className="st-item__meta">
        {people} 人 {findings} 条
        {notice.issuedAt
          ? ` · 印发于 ${formatStamp(notice.issuedAt)}`
          : ` · 起草于 ${formatStamp(notice.createdAt)}`}
      </Text>
    </View>
  );
}

function DraftCard({ unit }: { unit: UnitRef | null }) {
  const today = localToday();
  const [period, setPeriod] = useState(() => lastWeekRange(today));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    if (!unit) {
      setError('还不知道您负责的范围，请稍后再试');
      return;
    }
    const problem = periodProblem(period.from, period.to, today);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const draft = await draftNotice({ unitId: unit.id, from: period.from, to: period.to });
      setBusy(false);
      void Taro.navigateTo({ url: noticeUrl(draft.id) });
    } catch (err) {
      setBusy(false);
      setError(toApiError(err).message);
    }
  };

  const dateField = (label: string, value: LocalDate, onChange: (d: LocalDate) => void, testId: string) => (
    <Picker mode="date" value={value} end={today} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="st-field" data-testid={testId}>
        <Text className="st-field__caption">{label}</Text>
        <Text className="st-field__value">{formatDay(value)}</Text>
      </View>
    </Picker>
  );

  return (
    <View className="card" data-testid="notice-draft-card">
      <Text className="st-card-title">起草通报</Text>
      <Text className="st-hint">
        从{unit ? `“${unit.name}”` : '您负责范围'}
        在所选期间内已认定、尚未通报的督查记录起草；起草后可修改文字、移除个别记录，再印发。
      </Text>
      {dateField('从', period.from, (from) => setPeriod((p) => ({ ...p, from })), 'draft-from')}
      {dateField('到', period.to, (to) => setPeriod((p) => ({ ...p, to })), 'draft-to')}
      {error ? (
        <View className="st-banner st-banner--danger" role="alert" data-testid="draft-error">
          <Text className="st-banner__text">{error}</Text>
        </View>
      ) : null}
      <Button
        className={`btn btn-primary btn-block ${busy ? 'btn-disabled' : ''}`}
        disabled={onlyIf(busy)}
        data-testid="draft-submit"
        onClick={() => void submit()}
      >
        {busy ? '正在起草…' : '起草通报'}
      </Button>
    </View>
  );
}
