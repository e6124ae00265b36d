/** "更新于 10:05（更新失败：…）  刷新": how fresh what the page shows is, with 刷新 while idle. */
import { Text, View } from '@tarojs/components';

import { formatClock } from '@/utils/date';
import './index.css';

interface FreshLineProps {
  /** e.g. "更新于", "以上去向更新于". */
  label: string;
  loadedAt: number;
  updating: boolean;
  /** The message of a failed refresh (what is shown is the earlier copy). */
  staleError: string | null;
  onRefresh: () => void;
  refreshTestId?: string;
  /** The page's own spacing. */
  className?: string;
}

export function FreshLine({
  label,
  loadedAt,
  updating,
  staleError,
  onRefresh,
  refreshTestId,
  className = '',
}: FreshLineProps) {
  return (
    <View className={`fresh-line ${className}`}>
      <Text className="fresh-line__text">
        {updating ? '正在更新…' : `${label} ${formatClock(loadedAt)}`}
        {staleError ? `（更新失败：${staleError}）` : ''}
      </Text>
      {!updating ? (
        <View
          className="text-btn fresh-line__action"
          role="button"
          data-testid={refreshTestId}
          onClick={onRefresh}
        >
          <Text>刷新</Text>
        </View>
      ) : null}
    </View>
  );
}
