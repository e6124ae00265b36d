/**
 * A thin stand-in for `@tarojs/taro` in jsdom tests (mapped in test/jest.config.js). Storage is an
 * in-memory map, network calls are jest.fn()s a test answers (`taro.request.mockImplementation`),
 * the page lifecycle hooks do nothing, and any other API is a jest.fn() resolving `{}` (made on
 * first use, so `expect(taro.showToast).toHaveBeenCalled()` works). Reset before every test by
 * test/setup.ts.
 */
import { jest } from '@jest/globals';

type AnyFn = (...args: never[]) => unknown;
type Api = Record<string | symbol, unknown>;

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

function made(): Api {
  return {
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => {
      storage.set(key, value);
    }),
    removeStorageSync: jest.fn((key: string) => {
      storage.delete(key);
    }),
    /** Answer it per test; unanswered, it rejects like a request that never reached the server. */
    request: jest.fn(() => Promise.reject({ errMsg: 'request:fail no answer in this test' })),
    uploadFile: jest.fn(() => Promise.reject({ errMsg: 'uploadFile:fail no answer in this test' })),
    downloadFile: jest.fn(() => Promise.reject({ errMsg: 'downloadFile:fail no answer in this test' })),
    getCurrentPages: jest.fn(() => []),
    getSystemInfoSync: jest.fn(() => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667 })),
    getAppBaseInfo: jest.fn(() => ({ SDKVersion: '3.0.0', fontSizeSetting: 16 })),
  };
}

const api: Api = made();

/** The fake Taro: known APIs above, any other one a jest.fn() resolving `{}`. */
export const taro = new Proxy(api, {
  get(target, name) {
    if (!(name in target)) target[name] = jest.fn(() => Promise.resolve({}));
    return target[name];
  },
}) as Api & Record<string, jest.Mock<AnyFn>>;

/** Forgets storage, calls and answers (test/setup.ts, before every test). */
export function resetTaro(): void {
  storage.clear();
  routerParams = {};
  for (const name of Reflect.ownKeys(api)) delete api[name];
  Object.assign(api, made());
}

/** What useRouter().params gives the page under test. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function useRouter(): { params: Record<string, string>; path: string } {
  return { params: routerParams, path: '' };
}

// Page lifecycle: nothing drives it in a test.
export function useDidShow(_callback: () => void): void {}
export function useDidHide(_callback: () => void): void {}
export function useUnload(_callback: () => void): void {}
export function usePullDownRefresh(_callback: () => void): void {}
export function useShareAppMessage(_callback: () => unknown): void {}

export default taro;
