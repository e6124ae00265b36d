/**
 * 谁查看了我的立体像: the official's own list of who opened their record (督查室 or 管理员, by name
 * when the viewer is an official), when, over which period, on screen or as PDF. Newest first.
 */
import { Text, View } from '@tarojs/components';
import { RECORD_VIEWER_ROLE_LABELS, type RecordViewItem, type RecordViewPage } from '@jinri/shared';
import { useCallback } from 'react';

import { getMyRecordViews } from '@/api/records.api';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { usePaged } from '@/hooks/usePaged';
import { useListRefresh } from '@/hooks/useShowAgain';
import { formatDay, formatStamp } from '@/utils/date';

export function RecordViews({ userId }: { userId: number }) {
  const fetchPage = useCallback((page: number) => getMyRecordViews(page), []);
  const list = usePaged<RecordViewItem, RecordViewPage>(`record-views:${userId}`, fetchPage);
  useListRefresh(list);
  const { view } = list;

  return (
    <>
      <View className="card">
        <Text className="st-card-title">谁查看了我的立体像</Text>
        <Text className="st-hint">
          督查室和管理员查看您的立体像（日程、督查、工单等汇总）时都会留下记录，这里列出每一次查看。
        </Text>
      </View>
      {view.kind === 'loading' ? <LoadingCard text="正在读取查看记录…" /> : null}
      {view.kind === 'error' ? (
        <ErrorCard error={view.error} onRetry={list.retry} title="查看记录读取失败" />
      ) : null}
      {view.kind === 'ok' && view.items.length === 0 ? (
        <EmptyState title="还没有人查看过" description="有人查看时，这里会显示查看人、时间和查看的期间。" />
      ) : null}
      {view.kind === 'ok' && view.items.length > 0 ? (
        <View className="card" data-testid="record-views">
          {view.items.map((v) => (
            <View key={v.id} className="st-item" data-testid="record-view">
              <View className="st-item__head">
                <Text className="st-item__title">
                  {v.viewerName}（{RECORD_VIEWER_ROLE_LABELS[v.viewerRole]}）
                </Text>
                <Text className="st-item__meta">{v.format === 'pdf' ? '导出PDF' : '查看'}</Text>
              </View>
              <Text className="st-item__meta">
                {formatStamp(v.viewedAt)} · 期间 {formatDay(v.from)} 至 {formatDay(v.to)}
              </Text>
            </View>
          ))}
          <PagedMore list={list} testId="record-views-more" />
        </View>
      ) : null}
    </>
  );
}
