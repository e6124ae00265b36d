import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';

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

/** What a list section's view looks like to ListStates: a useLoad of an array, or a usePaged. */
type ListView =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ok'; data: readonly unknown[] }
  | { kind: 'ok'; items: readonly unknown[] };

/**
 * A list section before its rows: loading, a failed load (with 重试), or — loaded with no rows —
 * the card around `children` (its EmptyState). Renders nothing once there are rows.
 */
export function ListStates({
  view,
  loadingText,
  errorTitle,
  onRetry,
  emptyTestId,
  children,
}: {
  view: ListView;
  loadingText: string;
  errorTitle: string;
  onRetry: () => void;
  emptyTestId: string;
  children: ReactNode;
}) {
  if (view.kind === 'loading') return <LoadingCard text={loadingText} />;
  if (view.kind === 'error') return <ErrorCard error={view.error} onRetry={onRetry} title={errorTitle} />;
  const rows = 'items' in view ? view.items : view.data;
  if (rows.length > 0) return null;
  return (
    <View className="card" data-testid={emptyTestId}>
      {children}
    </View>
  );
}

/** Nothing to show at this link (an unknown id, a page opened the wrong way), with 返回. */
export function NotFoundCard({
  title,
  description,
  onBack,
  testId,
}: {
  title: string;
  description: string;
  onBack: () => void;
  testId?: string;
}) {
  return (
    <View className="card" data-testid={testId}>
      <EmptyState icon="?" title={title} description={description}>
        <Button className="btn btn-primary" onClick={onBack}>
          返回
        </Button>
      </EmptyState>
    </View>
  );
}
