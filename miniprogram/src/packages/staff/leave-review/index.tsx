/** 请假审批: supervisors and admins decide the pending leave of the officials in their units. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LeaveView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { toApiError } from '@/api/request';
import { decideLeave, listLeaves } from '@/api/leave.api';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { useLoad } from '@/hooks/useLoad';
import { LeaveItem, leaveRange } from '../common/leave';
import { StaffGate } from '@/components/StaffGate';
import { ListStates } from '@/components/StateCard';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/staff.css';

export default function LeaveReviewPage() {
  return (
    <Page name="leave-review" title="请假审批">
      <StaffGate roles={['supervisor', 'admin']} deniedText="只有督查、管理员可以审批请假。">
        {() => <LeaveReview />}
      </StaffGate>
    </Page>
  );
}

type Tab = 'pending' | 'decided';
/** Decided leave shown at most (newest first). */
const DECIDED_LIMIT = 50;

function LeaveReview() {
  const [tab, setTab] = useState<Tab>('pending');
  const load = useCallback(
    () =>
      tab === 'pending'
        ? listLeaves('pending')
        : listLeaves().then((all) => all.filter((l) => l.status !== 'pending').slice(0, DECIDED_LIMIT)),
    [tab],
  );
  const { view, retry, setData } = useLoad(`review:${tab}`, load, { cache: false });
  const [busyId, setBusyId] = useState<number | null>(null);

  const decide = async (leave: LeaveView, approve: boolean) => {
    if (busyId !== null) return;
    const { confirm } = await Taro.showModal({
      title: approve ? '同意请假？' : '不同意请假？',
      content: `${leave.official.name}：${leaveRange(leave)}${leave.reason ? `\n事由：${leave.reason}` : ''}`,
      confirmText: approve ? '同意' : '不同意',
      confirmColor: approve ? '#1d4ed8' : '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusyId(leave.id);
    try {
      const updated = await decideLeave(leave.id, approve ? 'approve' : 'reject');
      // Stays in the list, marked, until the next refresh: the person sees what they did.
      if (view.kind === 'ok') setData(view.data.map((l) => (l.id === updated.id ? updated : l)));
      void Taro.showToast({ title: approve ? '已同意' : '已不同意', icon: 'success' });
    } catch (err) {
      const error = toApiError(err);
      if (error.hasCode('LEAVE.ALREADY_DECIDED') || error.hasCode('LEAVE.NOT_FOUND')) {
        void Taro.showToast({ title: '该请假已被处理或撤回', icon: 'none', duration: 3000 });
        retry();
      } else {
        void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
      }
    } finally {
      setBusyId(null);
    }
  };

  const tabItem = (value: Tab, label: string) => (
    <View
      className={`st-seg__item ${tab === value ? 'st-seg__item--on' : ''}`}
      role="button"
      aria-pressed={tab === value}
      data-testid="review-tab"
      data-tab={value}
      onClick={() => setTab(value)}
    >
      <Text>{label}</Text>
    </View>
  );

  return (
    <>
      <View className="st-day">
        <View className="st-seg">
          {tabItem('pending', '待审批')}
          {tabItem('decided', '已处理')}
        </View>
        <View className="st-day__sub">
          <Text className="st-hint st-grow">
            {tab === 'pending' ? '您辖区内等待审批的请假。' : `最近处理的请假（最多 ${DECIDED_LIMIT} 条）。`}
          </Text>
          <View className="st-link-btn" role="button" data-testid="review-refresh" onClick={retry}>
            <Text>刷新</Text>
          </View>
        </View>
      </View>

      <ListStates
        view={view}
        loadingText="正在读取请假…"
        errorTitle="请假读取失败"
        onRetry={retry}
        emptyTestId="review-empty"
      >
        <EmptyState title={tab === 'pending' ? '没有待审批的请假' : '还没有处理过的请假'} />
      </ListStates>
      {view.kind === 'ok'
        ? view.data.map((leave) => (
            <LeaveItem
              key={leave.id}
              leave={leave}
              testId="review-item"
              title={leave.official.name}
              line={leaveRange(leave)}
            >
              {leave.status === 'pending' ? (
                <View className="st-actions-row">
                  <View
                    className={`btn btn-danger ${busyId !== null ? 'btn-disabled' : ''}`}
                    role="button"
                    data-testid="review-reject"
                    onClick={() => void decide(leave, false)}
                  >
                    <Text>不同意</Text>
                  </View>
                  <View
                    className={`btn btn-primary ${busyId !== null ? 'btn-disabled' : ''}`}
                    role="button"
                    data-testid="review-approve"
                    onClick={() => void decide(leave, true)}
                  >
                    <Text>{busyId === leave.id ? '正在提交…' : '同意'}</Text>
                  </View>
                </View>
              ) : null}
            </LeaveItem>
          ))
        : null}
    </>
  );
}
