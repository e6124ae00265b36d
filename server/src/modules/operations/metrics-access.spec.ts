import { mayReadMetrics } from './metrics-access';

const TOKEN = 'a-long-metrics-token-0123456789';

describe('mayReadMetrics', () => {
  it('lets a direct loopback caller read without a token when none is configured', () => {
    expect(mayReadMetrics({ remoteAddress: '127.0.0.1', forwarded: false }, undefined)).toBe(true);
    expect(mayReadMetrics({ remoteAddress: '::1', forwarded: false }, undefined)).toBe(true);
    expect(mayReadMetrics({ remoteAddress: '::ffff:127.0.0.1', forwarded: false }, undefined)).toBe(true);
  });

  it('refuses other addresses, and loopback callers that came through a proxy, without a token', () => {
    expect(mayReadMetrics({ remoteAddress: '10.0.0.5', forwarded: false }, undefined)).toBe(false);
    expect(mayReadMetrics({ remoteAddress: '203.0.113.9', forwarded: false }, undefined)).toBe(false);
    expect(mayReadMetrics({ remoteAddress: '127.0.0.1', forwarded: true }, undefined)).toBe(false);
    expect(mayReadMetrics({ forwarded: false }, undefined)).toBe(false);
  });

  it('asks everyone, loopback included, for the bearer token once one is configured', () => {
    expect(
      mayReadMetrics({ authorization: `Bearer ${TOKEN}`, remoteAddress: '10.0.0.5', forwarded: true }, TOKEN),
    ).toBe(true);
    expect(mayReadMetrics({ remoteAddress: '127.0.0.1', forwarded: false }, TOKEN)).toBe(false);
    expect(
      mayReadMetrics({ authorization: 'Bearer wrong', remoteAddress: '127.0.0.1', forwarded: false }, TOKEN),
    ).toBe(false);
    expect(
      mayReadMetrics({ authorization: TOKEN, remoteAddress: '127.0.0.1', forwarded: false }, TOKEN),
    ).toBe(false);
  });
});
