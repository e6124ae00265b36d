/** A message block above a form (st-banner, styles/kit.css): what happened, what to do. */
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

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
