/**
 * A bottom sheet over the page, in thumb reach: the backdrop and 关闭 close it. Used by the
 * village picker (更换我的村) and the ticket action forms.
 */
import { ScrollView, Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './index.css';

export interface BottomSheetProps {
  title: string;
  /** The dialog's accessible name, when it differs from the title. */
  label?: string;
  testId: string;
  closeTestId?: string;
  /** Closing while something is being sent is refused by the caller (pass a no-op). */
  onClose: () => void;
  /**
   * The body is a scroll-view (a long list): the panel keeps its head and the page behind stays
   * still (catchMove on the head). Otherwise the panel itself scrolls (a short form).
   */
  scroll?: boolean;
  /** On a tab page: H5 draws its tab bar over the page, so the sheet stops above it. */
  overTabBar?: boolean;
}

export function BottomSheet({
  title,
  label,
  testId,
  closeTestId = 'sheet-close',
  onClose,
  scroll = false,
  overTabBar = false,
  children,
}: PropsWithChildren<BottomSheetProps>) {
  return (
    <View className={`overlay bottom-sheet ${overTabBar ? 'bottom-sheet--tab' : ''}`} data-testid={testId}>
      {/* catchMove keeps the page behind still; not on a list, whose scroll-view must scroll. */}
      <View className="bottom-sheet__backdrop" catchMove onClick={onClose} />
      <View
        className={`bottom-sheet__panel ${scroll ? 'bottom-sheet__panel--scroll' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={label ?? title}
      >
        <View className="bottom-sheet__head" catchMove={scroll || undefined}>
          <Text className="bottom-sheet__title">{title}</Text>
          <View
            className="text-btn bottom-sheet__close"
            role="button"
            aria-label="关闭"
            data-testid={closeTestId}
            onClick={onClose}
          >
            <Text>关闭</Text>
          </View>
        </View>
        {scroll ? (
          <ScrollView className="bottom-sheet__body" scrollY>
            {children}
          </ScrollView>
        ) : (
          children
        )}
      </View>
    </View>
  );
}
