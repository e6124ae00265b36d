import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { taro } from '@test/taro';
import { CARE_FONT_PX, initCareMode, resetCareModeForTests, setCareMode, useCareMode } from './useCareMode';

const STORAGE_KEY = 'jinri.careMode';
const html = () => document.documentElement;

function browserFontSize(px: number): () => void {
  const style = document.createElement('style');
  style.textContent = `html { font-size: ${px}px; }`;
  document.head.appendChild(style);
  return () => style.remove();
}

beforeEach(() => {
  resetCareModeForTests();
  html().removeAttribute('style');
  html().className = '';
  document.body.className = '';
});

afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('useCareMode', () => {
  it('is off by default and leaves the reader’s font size alone', () => {
    const { result } = renderHook(() => useCareMode());

    expect(result.current.on).toBe(false);
    expect(result.current.large).toBe(false);
    expect(result.current.className).toBe('');
    expect(html().style.fontSize).toBe('');
  });

  it('turned on, sets 23.8 px on <html>, the root class on <html> and <body>, and remembers it', () => {
    const { result } = renderHook(() => useCareMode());

    act(() => result.current.setOn(true));

    expect(result.current.on).toBe(true);
    expect(result.current.rootPx).toBe(CARE_FONT_PX);
    expect(result.current.className).toBe('care-mode');
    expect(html().style.fontSize).toBe('23.8px');
    expect(html().classList.contains('care-mode')).toBe(true);
    expect(document.body.classList.contains('care-mode')).toBe(true);
    expect(Taro.getStorageSync(STORAGE_KEY)).toBe(true);
  });

  it('turned off again, removes the size and the class and forgets the choice', () => {
    setCareMode(true);
    const { result } = renderHook(() => useCareMode());

    act(() => result.current.setOn(false));

    expect(html().style.fontSize).toBe('');
    expect(html().classList.contains('care-mode')).toBe(false);
    expect(Taro.getStorageSync(STORAGE_KEY)).toBe('');
  });

  it('is read back from storage at launch', () => {
    Taro.setStorageSync(STORAGE_KEY, true);

    const state = initCareMode();

    expect(state.on).toBe(true);
    expect(html().style.fontSize).toBe('23.8px');
  });

  it('keeps a browser font size larger than 23.8 px and lays it out as large text even when off', () => {
    const restore = browserFontSize(26);
    try {
      const off = initCareMode();
      expect(off).toMatchObject({ on: false, systemPx: 26, rootPx: 26, large: true });
      expect(html().classList.contains('care-mode')).toBe(true);

      setCareMode(true);
      expect(html().style.fontSize).toBe('26px');
    } finally {
      restore();
    }
  });

  it('on weapp follows WeChat’s font size (关怀模式 is 23.8 px) for <page-meta>', () => {
    process.env.TARO_ENV = 'weapp';
    taro.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 });

    const { result } = renderHook(() => useCareMode());

    expect(result.current).toMatchObject({
      on: false,
      large: true,
      rootFontSize: '23.8px',
      className: 'care-mode',
    });
    expect(html().style.fontSize).toBe('');
  });

  it('on weapp raises WeChat’s standard size to 23.8 px when turned on', () => {
    process.env.TARO_ENV = 'weapp';
    taro.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 17 });
    const { result } = renderHook(() => useCareMode());
    expect(result.current.rootFontSize).toBe('17px');

    act(() => result.current.setOn(true));

    expect(result.current.rootFontSize).toBe('23.8px');
  });

  it('on weapp reads the scale factor when the size is missing', () => {
    process.env.TARO_ENV = 'weapp';
    taro.getAppBaseInfo.mockReturnValue({ fontSizeScaleFactor: 1.2 });

    const { result } = renderHook(() => useCareMode());

    expect(result.current.systemPx).toBeCloseTo(20.4);
  });
});
