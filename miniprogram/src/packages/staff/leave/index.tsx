/** 请假: request leave (dates and reason), see my requests and their decisions, withdraw a pending one. */
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LeaveView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { toApiError } from '@/api/request';
import { createLeave, decideLeave, listLeaves } from '@/api/leave.api';
import { addDays, localToday, daysBetween, formatDay } from '@/utils/date';
import { TextField } from '@/components/TextField';
import { EmptyState } from '@/components/EmptyState';
import { onlyIf } from '@/utils/props';
import { useLoad } from '@/hooks/useLoad';
import { OfficialPage } from '../common/OfficialPage';
import { LeaveItem, leaveRange } from '../common/leave';
import { readStored, storageKeys, useAutosave } from '../common/storage';
import { Banner } from '@/components/Banner';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/staff.css';

/** The server allows at most 60 days per request. */
const MAX_DAYS = 60;
/** How far ahead a leave may start in the picker. */
const AHEAD_DAYS = 180;
const MIN_REASON = 2;
const MAX_REASON = 500;

export default function LeavePage() {
  return (
    <OfficialPage name="leave" title="请假" deniedText="只有干部本人可以在这里请假。">
      {(officialId) => <Leave officialId={officialId} />}
    </OfficialPage>
  );
}

interface LeaveDraft {
  startDate: string;
  endDate: string;
  reason: string;
}

function isLeaveDraft(v: unknown): v is LeaveDraft {
  const d = v as LeaveDraft | null;
  return (
    !!d && typeof d.startDate === 'string' && typeof d.endDate === 'string' && typeof d.reason === 'string'
  );
}

function initialDraft(officialId: number): LeaveDraft {
  const today = localToday();
  const stored = readStored(storageKeys.leaveDraft(officialId), isLeaveDraft);
  // Dates in the past are of no use any more: keep only the reason then.
  if (stored && daysBetween(today, stored.startDate) >= 0) return stored;
  const tomorrow = addDays(today, 1);
  return { startDate: tomorrow, endDate: tomorrow, reason: stored?.reason ?? '' };
}

function Leave({ officialId }: { officialId: number }) {
  const load = useCallback(
    () => listLeaves().then((all) => all.filter((l) => l.official.id === officialId)),
    [officialId],
  );
  const { view, retry, setData } = useLoad(`leaves:${officialId}`, load, { cache: false });
  const [draft, setDraft] = useState<LeaveDraft>(() => initialDraft(officialId));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  useAutosave(storageKeys.leaveDraft(officialId), draft.reason.trim() ? draft : null);

  const today = localToday();
  const days = daysBetween(draft.startDate, draft.endDate) + 1;
  const mine = view.kind === 'ok' ? view.data : [];

  const setStart = (startDate: string) => {
    setError(null);
    setDraft((d) => {
      // Keep the length when moving the start; never end before the start.
      const length = Math.max(0, daysBetween(d.startDate, d.endDate));
      return { ...d, startDate, endDate: addDays(startDate, Math.min(length, MAX_DAYS - 1)) };
    });
  };

  const submit = async () => {
    if (sending) return;
    const reason = draft.reason.trim();
    if (reason.length < MIN_REASON) {
      setError('请写明请假事由（至少 2 个字）');
      return;
    }
    if (days < 1 || days > MAX_DAYS) {
      setError(`请假天数应为 1 至 ${MAX_DAYS} 天`);
      return;
    }
    const overlapping = mine.find(
      (l) =>
        (l.status === 'pending' || l.status === 'approved') &&
        l.startDate <= draft.endDate &&
        l.endDate >= draft.startDate,
    );
    if (overlapping) {
      const { confirm } = await Taro.showModal({
        title: '日期有重叠',
        content: `您已有 ${leaveRange(overlapping)} 的请假。仍要提交吗？`,
        confirmText: '仍然提交',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setSending(true);
    setError(null);
    try {
      const created = await createLeave({ startDate: draft.startDate, endDate: draft.endDate, reason });
      setData([created, ...mine]);
      setDraft((d) => ({ ...d, reason: '' }));
      void Taro.showToast({ title: '已提交，等待审批', icon: 'success' });
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.status === 0 ? `${apiError.message}。填写的内容已保存在手机上。` : apiError.message);
    } finally {
      setSending(false);
    }
  };

  const withdraw = async (leave: LeaveView) => {
    if (busyId !== null) return;
    const { confirm } = await Taro.showModal({
      title: '撤回请假？',
      content: `撤回 ${leaveRange(leave)} 的请假申请。撤回后如需请假请重新提交。`,
      confirmText: '撤回',
      confirmColor: '#b42318',
      cancelText: '不撤回',
    });
    if (!confirm) return;
    setBusyId(leave.id);
    try {
      const updated = await decideLeave(leave.id, 'cancel');
      setData(mine.map((l) => (l.id === updated.id ? updated : l)));
      void Taro.showToast({ title: '已撤回', icon: 'success' });
    } catch (err) {
      const apiError = toApiError(err);
      void Taro.showToast({
        title: apiError.hasCode('LEAVE.ALREADY_DECIDED') ? '已审批，不能撤回' : apiError.message,
        icon: 'none',
        duration: 3000,
      });
      if (apiError.hasCode('LEAVE.ALREADY_DECIDED')) retry();
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <View className="card" data-testid="leave-form">
        <Text className="st-card-title">申请请假</Text>
        <View className="st-form-row">
          <View className="st-grow">
            <Text className="st-label">开始日期</Text>
            <Picker
              mode="date"
              value={draft.startDate}
              start={today}
              end={addDays(today, AHEAD_DAYS)}
              disabled={sending || undefined}
              onChange={(e) => setStart(String(e.detail.value))}
            >
              <View className="st-field st-field--picker" data-testid="leave-start">
                <Text className="st-field__value">{formatDay(draft.startDate)}</Text>
              </View>
            </Picker>
          </View>
          <View className="st-grow">
            <Text className="st-label">结束日期</Text>
            <Picker
              mode="date"
              value={draft.endDate}
              start={draft.startDate}
              end={addDays(draft.startDate, MAX_DAYS - 1)}
              disabled={sending || undefined}
              onChange={(e) => {
                setError(null);
                setDraft((d) => ({ ...d, endDate: String(e.detail.value) }));
              }}
            >
              <View className="st-field st-field--picker" data-testid="leave-end">
                <Text className="st-field__value">{formatDay(draft.endDate)}</Text>
              </View>
            </Picker>
          </View>
        </View>
        <Text className="st-hint" data-testid="leave-days">
          共 {days} 天
        </Text>

        <TextField
          label="请假事由"
          value={draft.reason}
          max={MAX_REASON}
          placeholder="如：赴市人民医院复查；期间工作由某某同志代管"
          disabled={sending}
          testId="leave-reason"
          onChange={(value) => {
            setError(null);
            setDraft((d) => ({ ...d, reason: value }));
          }}
        />
        <Text className="st-hint">请假经督查审批同意后，公示页会显示您“请假”，当天不需要填写日程。</Text>

        {error ? (
          <Banner tone="danger" testId="leave-error">
            <Text className="st-banner__text">{error}</Text>
          </Banner>
        ) : null}
        <Button
          className={`btn btn-primary btn-block st-submit ${sending ? 'btn-disabled' : ''}`}
          disabled={onlyIf(sending)}
          data-testid="leave-submit"
          onClick={() => void submit()}
        >
          {sending ? '正在提交…' : '提交请假申请'}
        </Button>
      </View>

      <Text className="st-section-title">我的请假</Text>
      {view.kind === 'loading' ? <LoadingCard text="正在读取请假记录…" /> : null}
      {view.kind === 'error' ? (
        <ErrorCard error={view.error} onRetry={retry} title="请假记录读取失败" />
      ) : null}
      {view.kind === 'ok' && mine.length === 0 ? (
        <View className="card" data-testid="leave-empty">
          <EmptyState title="还没有请假记录" />
        </View>
      ) : null}
      {mine.map((leave) => (
        <LeaveItem key={leave.id} leave={leave} testId="leave-item" title={leaveRange(leave)}>
          {leave.status === 'pending' ? (
            <View className="st-item__actions">
              <View
                className={`st-small-btn st-small-btn--danger ${busyId === leave.id ? 'st-icon-btn--off' : ''}`}
                role="button"
                data-testid="leave-withdraw"
                onClick={() => void withdraw(leave)}
              >
                <Text>{busyId === leave.id ? '正在撤回…' : '撤回'}</Text>
              </View>
            </View>
          ) : null}
        </LeaveItem>
      ))}
    </>
  );
}
