import { Button, View } from '@tarojs/components';

import type { ApiError } from '@/api/request';
import { EmptyState } from '../EmptyState';
import { LoadingState } from '../LoadingState';

/** "Loading …" in a card: the first state of every page section that fetches. */
export function LoadingCard({ text }: { text?: string }) {
  return (
    <View className="card" data-testid="loading-card">
      <LoadingState text={text} />
    </View>
  );
}

/** A failed load in a card, with the server's (Chinese) message and 重试 when it can be retried. */
export function ErrorCard({
  error,
  onRetry,
  title,
}: {
  error: ApiError;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <View className="card" data-testid="error-card">
      <EmptyState tone="danger" icon="!" title={title ?? '加载失败'} description={error.message}>
        {onRetry ? (
          <Button className="btn btn-primary" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </EmptyState>
    </View>
  );
}
