const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
/** China Standard Time has no daylight saving: always UTC+8. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * "11月21日 星期六" in China time, whatever the device's time zone. Computed by hand because
 * Intl time zone support is unreliable in mini-program JS engines.
 */
export function formatChineseDate(date: Date = new Date()): string {
  const china = new Date(date.getTime() + CHINA_OFFSET_MS);
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${WEEKDAYS[china.getUTCDay()]}`;
}
