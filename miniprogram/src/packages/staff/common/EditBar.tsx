/** What the plan pages share around the entries: the fixed submit bar, the restored-draft banner, 放弃. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { Banner } from '@/components/Banner';
import { onlyIf } from '@/utils/props';

interface SubmitBarProps {
  note: string;
  noteTestId: string;
  label: string;
  testId: string;
  disabled: boolean;
  onSubmit: () => void;
}

/** The main action in thumb reach, with a line saying where the edits stand. */
export function SubmitBar({ note, noteTestId, label, testId, disabled, onSubmit }: SubmitBarProps) {
  return (
    <View className="st-bar">
      <Text className="st-bar__note" data-testid={noteTestId}>
        {note}
      </Text>
      <Button
        className={`btn btn-primary st-bar__btn ${disabled ? 'btn-disabled' : ''}`}
        disabled={onlyIf(disabled)}
        data-testid={testId}
        onClick={onSubmit}
      >
        {label}
      </Button>
    </View>
  );
}

/** "已恢复…未提交的修改" with 放弃修改. */
export function DraftRestoredBanner({
  testId,
  text,
  discardTestId,
  onDiscard,
}: {
  testId: string;
  text: string;
  discardTestId?: string;
  onDiscard: () => void;
}) {
  return (
    <Banner tone="info" testId={testId}>
      <Text className="st-banner__text">{text}</Text>
      <View className="st-small-btn" role="button" data-testid={discardTestId} onClick={onDiscard}>
        <Text>放弃修改</Text>
      </View>
    </Banner>
  );
}

/** 放弃未提交的修改？ — true when the person confirms. */
export async function confirmDiscard(content: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '放弃未提交的修改？',
    content,
    confirmText: '放弃',
    confirmColor: '#b42318',
    cancelText: '取消',
  });
  return confirm;
}
