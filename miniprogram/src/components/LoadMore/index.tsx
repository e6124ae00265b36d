import { Button, Text, View } from '@tarojs/components';

import type { ApiError } from '@/api/request';
import type { Paged } from '@/hooks/usePaged';
import { onlyIf } from '@/utils/props';
import './index.css';

interface LoadMoreProps {
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  onLoadMore: () => void;
  testId?: string;
}

/** 加载更多 under a paged list (usePaged): its error, and a retry in the same place. */
export function LoadMore({ hasMore, loadingMore, moreError, onLoadMore, testId }: LoadMoreProps) {
  if (!hasMore && !moreError) return null;
  return (
    <View className="load-more">
      {moreError ? <Text className="st-field-error">{moreError.message}</Text> : null}
      <Button
        className={`btn btn-secondary ${loadingMore ? 'btn-disabled' : ''}`}
        disabled={onlyIf(loadingMore)}
        data-testid={testId}
        onClick={onLoadMore}
      >
        {loadingMore ? '正在加载…' : moreError ? '重试' : '加载更多'}
      </Button>
    </View>
  );
}

/** LoadMore under a usePaged list, once it has loaded. */
export function PagedMore<T, R>({ list, testId }: { list: Paged<T, R>; testId?: string }) {
  const { view } = list;
  if (view.kind !== 'ok') return null;
  return (
    <LoadMore
      hasMore={view.hasMore}
      loadingMore={view.loadingMore}
      moreError={view.moreError}
      onLoadMore={list.loadMore}
      testId={testId}
    />
  );
}
