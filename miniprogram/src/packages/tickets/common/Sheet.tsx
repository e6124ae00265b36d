/** A bottom sheet for an action form, in thumb reach; the backdrop and 关闭 close it. */
import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

interface SheetProps {
  title: string;
  testId: string;
  /** Closing while something is being sent is refused by the caller (pass a no-op). */
  onClose: () => void;
}

export function Sheet({ title, testId, onClose, children }: PropsWithChildren<SheetProps>) {
  return (
    <View className="tk-sheet" data-testid={testId}>
      <View className="tk-sheet__backdrop" catchMove onClick={onClose} />
      <View className="tk-sheet__panel" role="dialog" aria-modal="true" aria-label={title}>
        <View className="tk-sheet__head">
          <Text className="tk-sheet__title">{title}</Text>
          <View
            className="tk-sheet__close"
            role="button"
            aria-label="关闭"
            data-testid="sheet-close"
            onClick={onClose}
          >
            <Text>关闭</Text>
          </View>
        </View>
        {children}
      </View>
    </View>
  );
}
