/** "没有加载出来  重试" in one line, where a whole error card would be too much (a list inside a page). */
import { Button, Text, View } from '@tarojs/components';

import { onlyIf } from '@/utils/props';
import './index.css';

interface InlineErrorProps {
  text: string;
  onRetry: () => void;
  /** 重试 is not offered while a retry is under way. */
  retrying?: boolean;
  testId?: string;
  /** The page's own spacing. */
  className?: string;
}

export function InlineError({ text, onRetry, retrying = false, testId, className = '' }: InlineErrorProps) {
  return (
    <View className={`inline-error ${className}`} role="alert" data-testid={testId}>
      <Text className="inline-error__text">{text}</Text>
      <Button className="btn btn-secondary inline-error__retry" disabled={onlyIf(retrying)} onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}
