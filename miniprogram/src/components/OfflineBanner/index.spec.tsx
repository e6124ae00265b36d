import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';

import { markOffline } from '@/api/offline-cache';
import { OfflineBanner } from './index';

// 2026-11-24 10:05 and 09:30 in China (UTC+8).
const SAVED = Date.UTC(2026, 10, 24, 2, 5);
const EARLIER = Date.UTC(2026, 10, 24, 1, 30);
const NOW = Date.UTC(2026, 10, 24, 4, 0);

const ok = (data: unknown) => ({ kind: 'ok', data });

describe('OfflineBanner', () => {
  it('says the page is offline and when it was last updated', () => {
    render(<OfflineBanner views={[ok(markOffline({ a: 1 }, SAVED))]} now={NOW} />);

    expect(screen.getByTestId('offline-banner').textContent).toContain('离线 · 更新于 10:05');
  });

  it('shows nothing when the data came from the server just now', () => {
    render(<OfflineBanner views={[ok({ a: 1 }), { kind: 'loading' }, null]} now={NOW} />);

    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });

  it('gives the oldest time when several parts of the page are offline copies', () => {
    render(
      <OfflineBanner
        views={[ok(markOffline({ a: 1 }, SAVED)), { kind: 'ok', last: markOffline({ items: [] }, EARLIER) }]}
        now={NOW}
      />,
    );

    expect(screen.getByText('离线 · 更新于 09:30')).toBeTruthy();
  });

  it('names the day when the copy is from another day', () => {
    render(<OfflineBanner views={[ok(markOffline({ a: 1 }, SAVED))]} now={NOW + 2 * 86_400_000} />);

    expect(screen.getByTestId('offline-banner').textContent).toContain('离线 · 更新于 11月24日 10:05');
  });
});
