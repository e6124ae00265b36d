import { Button, ScrollView, Text, View } from '@tarojs/components';
import type { LocalDate } from '@jinri/shared';

import { getRevisions } from '@/api/journals.api';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { RevisionList } from '@/components/RevisionList';
import { useLoad } from '@/hooks/useLoad';
import { formatLocalDate } from '@/utils/date';

interface RevisionSheetProps {
  officialId: number;
  date: LocalDate;
  onClose: () => void;
}

/** 修改记录 of one day's plan, over the page (GET /plans/:id/:date/revisions). */
export function RevisionSheet({ officialId, date, onClose }: RevisionSheetProps) {
  const { view, retry } = useLoad(`revisions|${officialId}|${date}`, () => getRevisions(officialId, date));
  return (
    <View className="sheet" catchMove data-testid="revision-sheet" onClick={onClose}>
      <View
        className="sheet__panel"
        role="dialog"
        aria-modal="true"
        aria-label="修改记录"
        onClick={(e) => e.stopPropagation()}
      >
        <View className="sheet__head">
          <View className="sheet__titles">
            <Text className="sheet__title">修改记录</Text>
            <Text className="sheet__subtitle">{formatLocalDate(date)}</Text>
          </View>
          <Button className="btn btn-secondary sheet__close" data-testid="revision-close" onClick={onClose}>
            关闭
          </Button>
        </View>
        {/* A scroll-view: plain overflow does not scroll under catchMove on weapp. */}
        <ScrollView className="sheet__body" scrollY enhanced showScrollbar>
          {view.kind === 'loading' ? <LoadingState /> : null}
          {view.kind === 'error' ? (
            <EmptyState tone="danger" icon="!" title="修改记录没有加载出来" description={view.error.message}>
              <Button className="btn btn-primary" onClick={retry}>
                重试
              </Button>
            </EmptyState>
          ) : null}
          {view.kind === 'ok' ? (
            view.data.length > 0 ? (
              <>
                <Text className="sheet__hint">日程公示后的每次改动都会留下记录，撤回的安排划线显示。</Text>
                <RevisionList revisions={view.data} planDate={date} />
              </>
            ) : (
              <EmptyState title="没有修改记录" />
            )
          ) : null}
        </ScrollView>
      </View>
    </View>
  );
}
