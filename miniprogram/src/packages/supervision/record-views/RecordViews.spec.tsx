import { beforeEach, describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { RecordViewPage } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { RecordViews } from './RecordViews';

function answer(...answers: Array<[number, unknown]>): string[] {
  const urls: string[] = [];
  taro.request.mockImplementation(((options: { url: string }) => {
    urls.push(options.url);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${options.url}`);
    return Promise.resolve({ statusCode: next[0], data: next[1], header: {} });
  }) as never);
  return urls;
}

const page = (items: RecordViewPage['items'], total = items.length): RecordViewPage => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

beforeEach(() => clearLoadCache());

describe('谁查看了我的立体像', () => {
  it('lists each view with the viewer’s name and role, when, the period and the format', async () => {
    const urls = answer([
      200,
      page([
        {
          id: 2,
          viewerName: '督查室',
          viewerRole: 'supervisor',
          from: '2026-09-02',
          to: '2026-12-01',
          format: 'pdf',
          viewedAt: '2026-12-01T02:05:00.000Z',
        },
        {
          id: 1,
          viewerName: '李明',
          viewerRole: 'admin',
          from: '2026-11-01',
          to: '2026-11-30',
          format: 'json',
          viewedAt: '2026-11-22T08:20:00.000Z',
        },
      ]),
    ]);
    render(<RecordViews userId={3} />);

    const rows = await screen.findAllByTestId('record-view');
    expect(urls[0]).toMatch(/\/me\/record-views\?page=1$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('督查室（督查室）');
    expect(rows[0]!.textContent).toContain('导出PDF');
    expect(rows[1]!.textContent).toContain('李明（管理员）');
    expect(rows[1]!.textContent).toContain('查看');
    expect(screen.queryByTestId('record-views-more')).toBeNull();
  });

  it('says nobody has looked yet', async () => {
    answer([200, page([])]);
    render(<RecordViews userId={3} />);

    expect(await screen.findByText('还没有人查看过')).toBeTruthy();
  });
});
