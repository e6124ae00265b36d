/**
 * "离线 · 更新于 HH:mm": shown above a page whose data came from the offline copy (the request
 * wrapper's, src/api/offline-cache.ts) because the network did not answer. Give it the page's load
 * views (useLoad's or usePaged's); it shows when any of them is an offline copy, with the time of the
 * oldest one, and nothing otherwise.
 */
import { Text, View } from '@tarojs/components';

import { offlineSavedAt } from '@/api/offline-cache';
import { formatClock, formatStamp, localToday } from '@/utils/date';
import './index.css';

/** A load view (useLoad: `data`; usePaged: `last`), or raw data; null while there is none. */
export type OfflineSource = { kind: string; data?: unknown; last?: unknown } | null | undefined;

/** The saved time of the oldest offline copy among `sources`, or null when none is one. */
export function oldestOfflineSavedAt(sources: readonly OfflineSource[]): number | null {
  let oldest: number | null = null;
  for (const source of sources) {
    if (!source || source.kind !== 'ok') continue;
    const at = offlineSavedAt(source.data) ?? offlineSavedAt(source.last);
    if (at !== null && (oldest === null || at < oldest)) oldest = at;
  }
  return oldest;
}

/** "10:05" today, "12月5日 10:05" on another day. */
export function offlineStamp(savedAt: number, now: number = Date.now()): string {
  const stamp = formatStamp(new Date(savedAt).toISOString(), localToday(now));
  return stamp || formatClock(savedAt);
}

export function OfflineBanner({ views, now }: { views: readonly OfflineSource[]; now?: number }) {
  const savedAt = oldestOfflineSavedAt(views);
  if (savedAt === null) return null;
  return (
    <View
      className="offline-banner"
      role="status"
      data-testid="offline-banner"
      data-saved-at={String(savedAt)}
    >
      <Text className="offline-banner__title">离线 · 更新于 {offlineStamp(savedAt, now)}</Text>
      <Text className="offline-banner__hint">
        网络不通，显示的是上次打开时的内容，联网后下拉或重新打开即可更新。
      </Text>
    </View>
  );
}
