import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

import { taro } from '@test/taro';
import {
  ApiError,
  isNetworkError,
  request,
  setAccessToken,
  setReloginHandler,
  upload,
  type ReloginHandler,
} from './request';

interface Sent {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: unknown;
}

type Answer = { statusCode: number; data?: unknown; header?: Record<string, string> } | 'offline';

/** Taro.request answers these in turn and records what was sent. */
function answer(...answers: Answer[]): Sent[] {
  const sent: Sent[] = [];
  taro.request.mockImplementation((options: Sent) => {
    sent.push(options);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${options.method} ${options.url}`);
    if (next === 'offline') return Promise.reject({ errMsg: 'request:fail timeout' });
    return Promise.resolve({ header: {}, data: undefined, ...next });
  });
  return sent;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('it did not fail');
}

beforeEach(() => {
  setAccessToken(null);
  setReloginHandler(null);
});

afterEach(() => {
  setReloginHandler(null);
});

describe('request()', () => {
  it('sends the token and the device id and resolves with the JSON body', async () => {
    setAccessToken('tok-1');
    const sent = answer({ statusCode: 200, data: { ok: true } });

    await expect(request({ path: '/health', query: { a: 1, b: null } })).resolves.toEqual({ ok: true });

    expect(sent[0].url).toBe('/api/v1/health?a=1');
    expect(sent[0].header.Authorization).toBe('Bearer tok-1');
    expect(sent[0].header['X-Device-Id']).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it("rejects with the server's typed error: code, status, message, details and request id", async () => {
    answer({
      statusCode: 409,
      data: {
        code: 'PLAN.VERSION_CONFLICT',
        message: '日程已被修改',
        details: { version: 3 },
        requestId: 'r-1',
      },
    });

    const error = await failure(request({ method: 'PUT', path: '/plans/1/2026-11-24', data: {} }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('PLAN.VERSION_CONFLICT');
    expect(error.status).toBe(409);
    expect(error.message).toBe('日程已被修改');
    expect(error.details).toEqual({ version: 3 });
    expect(error.requestId).toBe('r-1');
  });

  it("classifies a code this build does not know by status and keeps the server's own code", async () => {
    answer({ statusCode: 422, data: { code: 'FUTURE.SOMETHING', message: '新版本的提示' } });

    const error = await failure(request({ path: '/x' }));

    expect(error.code).toBe('COMMON.BAD_REQUEST');
    expect(error.hasCode('FUTURE.SOMETHING')).toBe(true);
    expect(error.message).toBe('新版本的提示');
  });

  it('turns a gateway page into COMMON.UNAVAILABLE and an unreachable server into a network error', async () => {
    answer({ statusCode: 502, data: '<html>Bad Gateway</html>' }, 'offline');

    const gateway = await failure(request({ path: '/x' }));
    const offline = await failure(request({ path: '/x' }));

    expect(gateway.code).toBe('COMMON.UNAVAILABLE');
    expect(gateway.status).toBe(502);
    expect(offline.status).toBe(0);
    expect(isNetworkError(offline)).toBe(true);
  });

  it('refuses an HTML page where JSON was expected', async () => {
    answer({ statusCode: 200, data: '<!doctype html>', header: { 'Content-Type': 'text/html' } });

    expect((await failure(request({ path: '/x' }))).code).toBe('COMMON.UNAVAILABLE');
  });

  it('logs in again once on 401 and sends the request again with the new token', async () => {
    setAccessToken('expired');
    const relogin = jest.fn<ReloginHandler>(() => Promise.resolve('fresh'));
    setReloginHandler(relogin);
    const sent = answer(
      { statusCode: 401, data: { code: 'COMMON.UNAUTHORIZED' } },
      { statusCode: 200, data: [1] },
    );

    await expect(request({ path: '/me' })).resolves.toEqual([1]);

    expect(relogin).toHaveBeenCalledTimes(1);
    expect(sent.map((s) => s.header.Authorization)).toEqual(['Bearer expired', 'Bearer fresh']);
  });

  it('does not log in a second time when the retried request is refused again', async () => {
    setAccessToken('expired');
    const relogin = jest.fn<ReloginHandler>(() => Promise.resolve('fresh'));
    setReloginHandler(relogin);
    answer(
      { statusCode: 401, data: { code: 'COMMON.UNAUTHORIZED' } },
      { statusCode: 401, data: { code: 'COMMON.UNAUTHORIZED' } },
    );

    const error = await failure(request({ path: '/me' }));

    expect(error.code).toBe('COMMON.UNAUTHORIZED');
    expect(relogin).toHaveBeenCalledTimes(1);
  });

  it('shares one relogin between requests refused at the same time', async () => {
    setAccessToken('expired');
    let release: (token: string) => void = () => undefined;
    const relogin = jest.fn<ReloginHandler>(() => new Promise<string>((resolve) => (release = resolve)));
    setReloginHandler(relogin);
    answer(
      { statusCode: 401, data: { code: 'COMMON.UNAUTHORIZED' } },
      { statusCode: 401, data: { code: 'COMMON.UNAUTHORIZED' } },
      { statusCode: 200, data: 'a' },
      { statusCode: 200, data: 'b' },
    );

    const both = Promise.all([request({ path: '/a' }), request({ path: '/b' })]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    release('fresh');

    await expect(both).resolves.toEqual(['a', 'b']);
    expect(relogin).toHaveBeenCalledTimes(1);
  });

  it('never sends the token nor logs in for a public call', async () => {
    setAccessToken('tok-1');
    const relogin = jest.fn<ReloginHandler>(() => Promise.resolve('fresh'));
    setReloginHandler(relogin);
    const sent = answer({ statusCode: 401, data: { code: 'COMMON.UNAUTHORIZED' } });

    expect((await failure(request({ path: '/units', auth: false }))).status).toBe(401);
    expect(sent[0].header.Authorization).toBeUndefined();
    expect(relogin).not.toHaveBeenCalled();
  });
});

describe('upload()', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  /** fetch (the H5 upload) answers these in turn. */
  function answerFetch(
    ...answers: Array<{ status: number; body: string }>
  ): Array<{ url: string; init: RequestInit }> {
    const sent: Array<{ url: string; init: RequestInit }> = [];
    globalThis.fetch = jest.fn((url: string | URL | Request, init?: RequestInit) => {
      sent.push({ url: String(url), init: init ?? {} });
      const next = answers.shift();
      if (!next) throw new Error('unexpected upload');
      return Promise.resolve({
        status: next.status,
        text: () => Promise.resolve(next.body),
        headers: { get: () => null },
      } as unknown as Response);
    }) as typeof fetch;
    return sent;
  }

  const file = { path: 'a.jpg', name: 'a.jpg', blob: new Blob(['x'], { type: 'image/jpeg' }) };

  it('posts the file with the token and resolves with the parsed answer', async () => {
    setAccessToken('tok-1');
    const sent = answerFetch({ status: 201, body: '{"url":"/uploads/a.jpg"}' });

    await expect(upload({ path: '/uploads', file })).resolves.toEqual({ url: '/uploads/a.jpg' });

    expect(sent[0].url).toBe('/api/v1/uploads');
    expect((sent[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    expect(sent[0].init.body).toBeInstanceOf(FormData);
  });

  it('maps a refused upload to the same typed error as request()', async () => {
    answerFetch({ status: 413, body: '{"code":"COMMON.PAYLOAD_TOO_LARGE","message":"图片太大"}' });

    const error = await failure(upload({ path: '/uploads', file }));

    expect(error.code).toBe('COMMON.PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('图片太大');
  });

  it('logs in again once on 401, like request()', async () => {
    setAccessToken('expired');
    const relogin = jest.fn<ReloginHandler>(() => Promise.resolve('fresh'));
    setReloginHandler(relogin);
    const sent = answerFetch(
      { status: 401, body: '{"code":"COMMON.UNAUTHORIZED"}' },
      { status: 201, body: '{"url":"/u"}' },
    );

    await expect(upload({ path: '/uploads', file })).resolves.toEqual({ url: '/u' });

    expect(relogin).toHaveBeenCalledTimes(1);
    expect(sent.map((s) => (s.init.headers as Record<string, string>).Authorization)).toEqual([
      'Bearer expired',
      'Bearer fresh',
    ]);
  });
});
