import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './index.css';

interface EmptyStateProps {
  title: string;
  description?: string;
  /** Shown above the title: an <Image>, or a short text drawn in a circle. Decorative (aria-hidden): the title says it. */
  icon?: ReactNode;
  /** Actions (e.g. a 重试 button). */
  children?: ReactNode;
  tone?: 'neutral' | 'danger';
}

/** "Nothing here (yet)" and error messages: one look everywhere. */
export function EmptyState({ title, description, icon, children, tone = 'neutral' }: EmptyStateProps) {
  return (
    <View className={`empty-state empty-state--${tone}`}>
      {typeof icon === 'string' ? (
        <Text className="empty-state__icon empty-state__icon--glyph" aria-hidden>
          {icon}
        </Text>
      ) : icon ? (
        <View className="empty-state__icon" aria-hidden>
          {icon}
        </View>
      ) : null}
      <Text className="empty-state__title">{title}</Text>
      {description ? <Text className="empty-state__description">{description}</Text> : null}
      {children ? <View className="empty-state__actions">{children}</View> : null}
    </View>
  );
}
