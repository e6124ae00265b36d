/** The sign-in and role gate of the workbench pages (staff, admin). */
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeResponse, Role } from '@jinri/shared';
import type { ReactNode } from 'react';

import { EmptyState } from '../EmptyState';
import { LoadingState } from '../LoadingState';
import { ErrorCard } from '../StateCard';
import { useStaffMe } from './useStaffMe';

export function goToMe(): void {
  void Taro.switchTab({ url: '/pages/me/index' });
}

interface StaffGateProps {
  /** Who may use the page; others are told so. */
  roles: Role[];
  /** e.g. "只有干部本人可以填写日程". */
  deniedText: string;
  children: (me: MeResponse) => ReactNode;
}

/** Signed in, /me loaded and one of `roles` held: then the page; otherwise a clear message. */
export function StaffGate({ roles, deniedText, children }: StaffGateProps) {
  const { me, retry } = useStaffMe();
  if (me.kind === 'anonymous') {
    return (
      <View className="card" data-testid="staff-gate" data-state="anonymous">
        <EmptyState title="请先登录" description="登录后才能使用工作台。">
          <Button className="btn btn-primary" onClick={goToMe}>
            去登录
          </Button>
        </EmptyState>
      </View>
    );
  }
  if (me.kind === 'loading') {
    return (
      <View className="card" data-testid="staff-gate" data-state="loading">
        <LoadingState text="正在读取您的身份…" />
      </View>
    );
  }
  if (me.kind === 'error') return <ErrorCard error={me.error} onRetry={retry} title="暂时读不到您的身份" />;
  if (!me.value.user.roles.some((r) => roles.includes(r))) {
    return (
      <View className="card" data-testid="staff-gate" data-state="denied">
        <EmptyState icon="!" title="当前身份不能使用此功能" description={deniedText}>
          <Button className="btn btn-secondary" onClick={goToMe}>
            返回我的
          </Button>
        </EmptyState>
      </View>
    );
  }
  return <>{children(me.value)}</>;
}
