import { beforeEach, describe, expect, it } from '@jest/globals';

import { taro } from '@test/taro';
import {
  clearOfflineCache,
  OFFLINE_LIMITS,
  offlineCacheSize,
  offlineSavedAt,
  readOfflineAnswer,
  saveOfflineAnswer,
  setOfflineOwner,
} from './offline-cache';
import { ApiError, keepAnswer, request, setAccessToken } from './request';

type Answer = { statusCode: number; data?: unknown } | 'offline';

/** Taro.request answers these in turn; returns the URLs asked for. */
function answer(...answers: Answer[]): string[] {
  const urls: string[] = [];
  taro.request.mockImplementation((options: { url: string }) => {
    urls.push(options.url);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${options.url}`);
    if (next === 'offline') return Promise.reject({ errMsg: 'request:fail' });
    return Promise.resolve({ header: {}, ...next });
  });
  return urls;
}

const RESIDENT = { id: 7, residentOnly: true };
const STAFF = { id: 8, residentOnly: false };

beforeEach(() => {
  setAccessToken(null);
});

describe('the offline copy of the resident pages', () => {
  it('answers a GET with its last good copy, marked with the time it was saved, when the network fails', async () => {
    answer({ statusCode: 200, data: { officials: ['李明'] } }, 'offline');
    const before = Date.now();
    const online = await request<{ officials: string[] }>({
      path: '/today',
      query: { unitId: 3 },
      auth: false,
    });
    expect(offlineSavedAt(online)).toBeNull();

    const sut = await request<{ officials: string[] }>({ path: '/today', query: { unitId: 3 }, auth: false });

    expect(sut).toEqual({ officials: ['李明'] });
    expect(offlineSavedAt(sut)).toBeGreaterThanOrEqual(before);
  });

  it("keeps an answer read from the page itself (H5's first screen) as if it had been fetched", async () => {
    const options = { path: '/today', query: { unitId: 4, date: '2026-11-24' }, auth: false };
    keepAnswer(options, { officials: ['王芳'] });
    answer('offline');

    const sut = await request(options);

    expect(sut).toEqual({ officials: ['王芳'] });
    expect(offlineSavedAt(sut)).not.toBeNull();
  });

  it('still rejects when there is no copy of that URL', async () => {
    answer({ statusCode: 200, data: { a: 1 } }, 'offline');
    await request({ path: '/officials/1', auth: false });

    await expect(request({ path: '/officials/2', auth: false })).rejects.toMatchObject({ status: 0 });
  });

  it('never answers a 4xx or 5xx with the copy', async () => {
    answer({ statusCode: 200, data: { id: 5 } }, { statusCode: 404, data: { code: 'COMMON.NOT_FOUND' } });
    await request({ path: '/matters/5', auth: false });

    const error = await request({ path: '/matters/5', auth: false }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    answer({ statusCode: 503, data: '' });
    await expect(request({ path: '/matters/5', auth: false })).rejects.toMatchObject({ status: 503 });
  });

  it('keeps nothing of other pages, nor of anything but a GET', async () => {
    answer({ statusCode: 200, data: { items: [] } }, { statusCode: 200, data: { ok: true } });
    await request({ path: '/tickets/inbox', query: { page: 1 } });
    await request({ method: 'POST', path: '/today', data: {}, auth: false });

    expect(offlineCacheSize()).toBe(0);
  });

  it("keeps a resident's own comments, but never what a staff member sees", async () => {
    setOfflineOwner(RESIDENT);
    setAccessToken('resident-token');
    answer({ statusCode: 200, data: { items: [{ id: 1 }] } });
    await request({ path: '/tickets/mine', query: { page: 1 } });
    expect(offlineCacheSize()).toBe(1);

    setOfflineOwner(STAFF);
    setAccessToken('staff-token');
    answer(
      { statusCode: 200, data: { id: 2, contactPhone: '13800000000' } },
      { statusCode: 200, data: { id: 3 } },
    );
    await request({ path: '/tickets/2' });
    await request({ path: '/officials/3' });

    expect(offlineCacheSize()).toBe(0); // the switch forgot the resident's; the staff's were never kept
  });

  it('forgets everything when the person logs out or another signs in, not when someone signs in', () => {
    saveOfflineAnswer('/api/v1/today?unitId=1', { a: 1 }, null);
    setOfflineOwner(RESIDENT);
    expect(offlineCacheSize()).toBe(1);

    setOfflineOwner({ id: 9, residentOnly: true });
    expect(offlineCacheSize()).toBe(0);

    saveOfflineAnswer('/api/v1/today?unitId=1', { a: 1 }, { id: 9, residentOnly: true });
    setOfflineOwner(null);
    expect(offlineCacheSize()).toBe(0);
  });

  it('does not keep an answer that arrives after the person changed', () => {
    setOfflineOwner(RESIDENT);
    setOfflineOwner({ id: 9, residentOnly: true });

    saveOfflineAnswer('/api/v1/tickets/mine?page=1', { items: [] }, RESIDENT);

    expect(offlineCacheSize()).toBe(0);
  });

  it('keeps at most the last used answers, dropping the least recently used first', () => {
    for (let i = 0; i < OFFLINE_LIMITS.maxEntries; i++)
      saveOfflineAnswer(`/api/v1/officials/${i}`, { i }, null, i);
    expect(readOfflineAnswer('/api/v1/officials/0')).not.toBeNull(); // used: now the most recent

    saveOfflineAnswer('/api/v1/officials/999', { i: 999 }, null);

    expect(offlineCacheSize()).toBe(OFFLINE_LIMITS.maxEntries);
    expect(readOfflineAnswer('/api/v1/officials/0')).not.toBeNull();
    expect(readOfflineAnswer('/api/v1/officials/1')).toBeNull();
  });

  it('never keeps one answer larger than the limit, and stays under the total size', () => {
    saveOfflineAnswer('/api/v1/today?unitId=1', { text: 'x'.repeat(OFFLINE_LIMITS.maxEntryChars) }, null);
    expect(offlineCacheSize()).toBe(0);

    const big = 'y'.repeat(Math.floor(OFFLINE_LIMITS.maxEntryChars * 0.9));
    for (let i = 0; i < 10; i++) saveOfflineAnswer(`/api/v1/today?unitId=${i}`, { big }, null);

    const kept = Math.floor(OFFLINE_LIMITS.maxTotalChars / (OFFLINE_LIMITS.maxEntryChars * 0.9));
    expect(offlineCacheSize()).toBeLessThanOrEqual(kept);
    expect(readOfflineAnswer('/api/v1/today?unitId=9')).not.toBeNull();
    clearOfflineCache();
    expect(offlineCacheSize()).toBe(0);
  });
});
