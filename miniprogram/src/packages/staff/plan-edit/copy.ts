/**
 * 复制昨天: the day before the plan's date; when that day has no plan (a weekend, leave), the
 * latest plan of the week before it, named in the confirmation.
 */
import Taro from '@tarojs/taro';

import { getTimeline } from '@/api/journals.api';
import { addDays, formatDay } from '@/utils/date';
import { copyEntry, draftsOf, type DraftEntry } from '../common/entries';

/** 复制昨天 looks back this many days for the latest plan. */
const COPY_LOOKBACK_DAYS = 7;

/**
 * The entries to copy into `date`'s plan (new keys, no ids), or null when there is none or the
 * person says no. Says why itself (toast, confirmation); a failed load throws.
 */
export async function entriesToCopy(
  officialId: number,
  date: string,
  hasText: boolean,
): Promise<DraftEntry[] | null> {
  const yesterday = addDays(date, -1);
  const timeline = await getTimeline(officialId, addDays(date, -COPY_LOOKBACK_DAYS), yesterday, 'signed-in');
  const day = [...timeline.days]
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .find((d) => draftsOf(d.plan?.entries).length > 0);
  const source = draftsOf(day?.plan?.entries);
  if (!day || source.length === 0) {
    void Taro.showToast({
      title: `前 ${COPY_LOOKBACK_DAYS} 天都没有日程可复制`,
      icon: 'none',
      duration: 2500,
    });
    return null;
  }
  const from = day.date === yesterday ? `前一天（${formatDay(day.date)}）` : `${formatDay(day.date)}`;
  if (day.date !== yesterday || hasText) {
    const { confirm } = await Taro.showModal({
      title: '复制日程？',
      content: `${day.date === yesterday ? '' : `${formatDay(yesterday)}没有日程。`}将复制${from}的 ${source.length} 项${
        hasText ? '，替换当前填写的内容' : ''
      }。`,
      confirmText: '复制',
      cancelText: '取消',
    });
    if (!confirm) return null;
  }
  return source.map(copyEntry);
}
