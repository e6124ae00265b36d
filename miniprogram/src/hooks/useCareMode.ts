/**
 * 大字模式 (care mode, 适老化): one switch that scales the whole app, remembered on the phone.
 *
 * Everything in our CSS is sized in rem (styles/tokens.css), so the root font size is the one
 * dial: body text is 1rem. Care mode raises it to WeChat's own care-mode size, 23.8 px (WeChat's
 * 17 px standard × 1.4), or keeps the reader's own size when that is already larger:
 * - weapp: the root font size comes from WeChat's font size setting (`fontSizeSetting`, which is
 *   23.8 px when WeChat's 关怀模式 is on) and is set per page by components/Page (<page-meta>).
 * - H5: the browser's default font size; in care mode <html> gets an inline font-size.
 *
 * Whenever the text is large (care mode, or the reader's WeChat/browser size is ≥ 22 px, where
 * WeChat's design guide starts its 适老化 layouts) the root class `care-mode` is set: styles/tokens.css
 * then tightens spacing and the heading scale so that 360 px still fits. On H5 the class is on
 * <html> and <body>; on weapp (no access to <page>'s class) on every page's shell (components/Page).
 */
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

/** WeChat's care-mode body size: 17 px × 1.4 (the 23.8 px). */
export const CARE_FONT_PX = 23.8;
/** From this root size on the large-text layout applies (WeChat's 适老化 guide: ≥ 22 px). */
export const LARGE_TEXT_PX = 22;
/** The root class of the large-text layout (styles/tokens.css). */
export const CARE_MODE_CLASS = 'care-mode';

const STORAGE_KEY = 'jinri.careMode';
/** A standard reader's size (WeChat on Android, browsers); also the fallback when unreadable. */
const DEFAULT_PX = 16;
/** Guard rails against odd values; WeChat's largest setting is well inside. */
const MIN_PX = 12;
const MAX_PX = 40;

export interface CareModeState {
  /** The in-app 大字模式 switch. */
  on: boolean;
  /** The reader's own root font size (WeChat's setting, the browser's default), in px. */
  systemPx: number;
  /** The root font size in force, in px: the reader's, raised to 23.8 px in care mode. */
  rootPx: number;
  /** The large-text layout is in force (the switch, or a reader's size ≥ 22 px). */
  large: boolean;
}

let state: CareModeState | null = null; // null: not read yet
const listeners = new Set<() => void>();

function clamp(px: number): number {
  return Math.min(MAX_PX, Math.max(MIN_PX, px));
}

function readWeappFontPx(): number | undefined {
  try {
    // getAppBaseInfo (base library ≥ 2.20.1) replaces the deprecated getSystemInfoSync. Both report
    // `fontSizeSetting` (px, from 微信「我-设置-通用-字体大小」, 23.8 in 关怀模式) and
    // `fontSizeScaleFactor` (that ÷ 17). Taro's typings omit them on getAppBaseInfo.
    const info: unknown =
      typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync();
    const { fontSizeSetting, fontSizeScaleFactor } = (info ?? {}) as {
      fontSizeSetting?: unknown;
      fontSizeScaleFactor?: unknown;
    };
    if (typeof fontSizeSetting === 'number' && Number.isFinite(fontSizeSetting) && fontSizeSetting > 0) {
      return fontSizeSetting;
    }
    if (
      typeof fontSizeScaleFactor === 'number' &&
      Number.isFinite(fontSizeScaleFactor) &&
      fontSizeScaleFactor > 0
    ) {
      return 17 * fontSizeScaleFactor;
    }
  } catch {
    // Unreadable: the standard size.
  }
  return undefined;
}

function readBrowserFontPx(): number | undefined {
  if (typeof document === 'undefined' || typeof getComputedStyle !== 'function') return undefined;
  const html = document.documentElement;
  // Measure without our own override (care mode's inline size).
  const inline = html.style.fontSize;
  html.style.fontSize = '';
  const px = parseFloat(getComputedStyle(html).fontSize);
  html.style.fontSize = inline;
  return Number.isFinite(px) && px > 0 ? px : undefined;
}

function readSystemPx(): number {
  const px = process.env.TARO_ENV === 'weapp' ? readWeappFontPx() : readBrowserFontPx();
  return clamp(px ?? DEFAULT_PX);
}

function readStoredOn(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

function derive(on: boolean, systemPx: number): CareModeState {
  const rootPx = on ? Math.max(systemPx, CARE_FONT_PX) : systemPx;
  return { on, systemPx, rootPx, large: rootPx >= LARGE_TEXT_PX };
}

function getState(): CareModeState {
  state ??= derive(readStoredOn(), readSystemPx());
  return state;
}

/** H5: the root font size and class on <html> and <body>. weapp: nothing (components/Page does it). */
function applyToDocument(current: CareModeState): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  const html = document.documentElement;
  html.style.fontSize = current.on ? `${current.rootPx}px` : '';
  html.classList.toggle(CARE_MODE_CLASS, current.large);
  if (document.body) document.body.classList.toggle(CARE_MODE_CLASS, current.large);
  else document.addEventListener('DOMContentLoaded', () => applyToDocument(getState()), { once: true });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Reads the switch and the reader's size and applies them to the document (app.ts, at launch). */
export function initCareMode(): CareModeState {
  const current = getState();
  applyToDocument(current);
  return current;
}

/** Turns 大字模式 on or off, remembers it and updates every page. */
export function setCareMode(on: boolean): void {
  const current = getState();
  if (current.on === on) return;
  state = derive(on, current.systemPx);
  try {
    if (on) Taro.setStorageSync(STORAGE_KEY, true);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Storage full or unavailable: the choice lasts for this run only.
  }
  applyToDocument(state);
  for (const listener of [...listeners]) listener();
}

/** Forgets what was read (tests). */
export function resetCareModeForTests(): void {
  state = null;
  listeners.clear();
}

export interface UseCareMode extends CareModeState {
  /** For <page-meta root-font-size> on weapp, e.g. '23.8px'; null on H5 (<html> carries it). */
  rootFontSize: string | null;
  /** `care-mode` when the large-text layout is in force, else ''. */
  className: string;
  setOn: (on: boolean) => void;
}

export function useCareMode(): UseCareMode {
  const current = useSyncExternalStore(subscribe, getState, getState);
  return {
    ...current,
    rootFontSize: process.env.TARO_ENV === 'weapp' ? `${current.rootPx}px` : null,
    className: current.large ? CARE_MODE_CLASS : '',
    setOn: setCareMode,
  };
}
