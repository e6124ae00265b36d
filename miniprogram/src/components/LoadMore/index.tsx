import { Button, Text, View } from '@tarojs/components';

import type { ApiError } from '../../api/request';
import { onlyIf } from '../../utils/props';
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
