/**
 * The shell of the supervision forms in a bottom sheet (申辩, 书面检查, 通过 / 退回): it cannot be
 * closed while sending; what went wrong shows above the buttons; the typed text stays when a send
 * fails (the caller keeps it in state, and in storage for long texts).
 */
import { Button, Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';

import { BottomSheet } from '@/components/BottomSheet';
import { onlyIf } from '@/utils/props';

export function SheetForm({
  title,
  testId,
  busy,
  error,
  onClose,
  actions,
  children,
}: PropsWithChildren<{
  title: string;
  testId: string;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  actions: ReactNode;
}>) {
  return (
    <BottomSheet title={title} testId={testId} onClose={busy ? () => undefined : onClose}>
      {children}
      {error ? (
        <View className="st-banner st-banner--danger" role="alert" data-testid="form-error">
          <Text className="st-banner__text">{error}</Text>
        </View>
      ) : null}
      {actions}
    </BottomSheet>
  );
}

/** 取消 and the submit button ("正在提交…" while sending). */
export function SheetButtons({
  busy,
  label,
  testId,
  onCancel,
  onSubmit,
}: {
  busy: boolean;
  label: string;
  testId: string;
  onCancel: () => void;
  onSubmit: () => void;
}) {
  return (
    <View className="st-actions-row">
      <Button className="btn btn-secondary" disabled={onlyIf(busy)} onClick={onCancel}>
        取消
      </Button>
      <Button
        className={`btn btn-primary ${busy ? 'btn-disabled' : ''}`}
        disabled={onlyIf(busy)}
        data-testid={testId}
        onClick={onSubmit}
      >
        {busy ? '正在提交…' : label}
      </Button>
    </View>
  );
}
