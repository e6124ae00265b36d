/** A small status label (st-chip, styles/kit.css): 已公示, 逾期提交, 有修改… */
import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';

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
