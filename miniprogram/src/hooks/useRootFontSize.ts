import Taro from '@tarojs/taro';

/** WeChat's standard size; also the fallback when the setting cannot be read. */
const DEFAULT_PX = 16;
/** Guard rails against odd values; WeChat's largest setting is well inside. */
const MIN_PX = 12;
const MAX_PX = 40;

let cached: string | null | undefined;

function readFontSizeSetting(): number | undefined {
  try {
    // getAppBaseInfo (base library ≥ 2.20.1) replaces the deprecated getSystemInfoSync. Both report
    // `fontSizeSetting`: the user's font size (px) from 微信「我-设置-通用-字体大小」. Taro's typings
    // omit it on getAppBaseInfo, hence the loose read.
    const info: unknown =
      typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync();
    const value = (info as { fontSizeSetting?: unknown } | undefined)?.fontSizeSetting;
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The root font size for <page-meta>, e.g. '20px'; null where the platform handles it (H5). */
export function getRootFontSize(): string | null {
  if (cached !== undefined) return cached;
  if (process.env.TARO_ENV !== 'weapp') {
    // H5: rem already follows the browser/system setting; never override <html> font-size.
    cached = null;
  } else {
    const px = Math.min(MAX_PX, Math.max(MIN_PX, readFontSizeSetting() ?? DEFAULT_PX));
    cached = `${px}px`;
  }
  return cached;
}

/**
 * Root font size that follows the reader's font size setting. WeChat restarts mini-programs
 * when that setting changes, so reading it once per launch is enough.
 */
export function useRootFontSize(): string | null {
  return getRootFontSize();
}
