/** Small pieces every staff page uses: sign-in gate, error card, chips, banners, day switcher. */
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeResponse, Role } from '@jinri/shared';
import type { ReactNode } from 'react';

import { addDays, chinaToday, formatDay, relativeDayLabel } from '../../../api/staff.api';
import { EmptyState } from '../../../components/EmptyState';
import { LoadingState } from '../../../components/LoadingState';
import { useStaffMe } from './hooks';
import { ErrorCard, LoadingCard } from '../../../components/StateCard';

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

/** Shared with the public pages. */
export { ErrorCard, LoadingCard };

export type ChipTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Chip({
  tone = 'neutral',
  children,
  testId,
}: {
  tone?: ChipTone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Text className={`st-chip st-chip--${tone}`} data-testid={testId}>
      {children}
    </Text>
  );
}

/** A message block above a form: what happened, what to do. */
export function Banner({
  tone,
  children,
  testId,
}: {
  tone: 'info' | 'success' | 'warning' | 'danger';
  children: ReactNode;
  testId?: string;
}) {
  return (
    <View
      className={`st-banner st-banner--${tone}`}
      role={tone === 'danger' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
    </View>
  );
}

interface DaySwitcherProps {
  date: string;
  onChange: (date: string) => void;
  /** Days before today that may be chosen. */
  pastDays: number;
  /** Days after today that may be chosen. */
  futureDays: number;
  disabled?: boolean;
}

/** 明天 / 今天 / 其他日期 (a date picker), with the chosen day spelled out. */
export function DaySwitcher({ date, onChange, pastDays, futureDays, disabled }: DaySwitcherProps) {
  const today = chinaToday();
  const tomorrow = addDays(today, 1);
  const other = date !== today && date !== tomorrow;
  const option = (value: string, label: string) => (
    <View
      className={`st-seg__item ${date === value ? 'st-seg__item--on' : ''}`}
      role="button"
      aria-pressed={date === value}
      data-testid="day-option"
      data-date={value}
      onClick={() => {
        if (!disabled && value !== date) onChange(value);
      }}
    >
      <Text>{label}</Text>
    </View>
  );
  return (
    <View className="st-day" data-testid="day-switcher" data-date={date}>
      <View className="st-seg">
        {option(tomorrow, '明天')}
        {option(today, '今天')}
        <Picker
          mode="date"
          value={date}
          start={addDays(today, -pastDays)}
          end={addDays(today, futureDays)}
          disabled={disabled || undefined}
          onChange={(e) => onChange(String(e.detail.value))}
          className="st-seg__picker"
        >
          <View
            className={`st-seg__item ${other ? 'st-seg__item--on' : ''}`}
            role="button"
            data-testid="day-other"
          >
            <Text>其他日期</Text>
          </View>
        </Picker>
      </View>
      <Text className="st-day__label" data-testid="day-label">
        {relativeDayLabel(date, today) === formatDay(date)
          ? formatDay(date)
          : `${relativeDayLabel(date, today)} · ${formatDay(date)}`}
      </Text>
    </View>
  );
}
