import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { UnitBoard } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { BoardScreen, boardFileName, boardWeekText } from './BoardScreen';

const days = ['2026-11-23', '2026-11-24', '2026-11-25'].map((date, i) => ({
  date,
  label: `周${'一二三'[i]}`,
  workday: true,
}));

const w48: UnitBoard = {
  unit: { id: 7, name: '青石镇' },
  week: '2026-W48',
  from: '2026-11-23',
  to: '2026-11-29',
  days,
  officials: [
    {
      id: 1,
      name: '王书记',
      title: '党委书记',
      days: [
        { date: days[0]!.date, status: 'published', lines: ['09:00 东坡村 调度秋粮收购进度'] },
        { date: days[1]!.date, status: 'on_leave', lines: [] },
        { date: days[2]!.date, status: 'missing', lines: [] },
      ],
      nextWeek: { source: 'weekly_report', lines: ['推进东坡村道路硬化'] },
      resolvedTickets: 2,
    },
  ],
  resolvedTickets: 3,
  flag: {
    color: 'red',
    period: 'month',
    from: '2026-10-01',
    to: '2026-10-31',
    awardedAt: '2026-11-02T02:00:00Z',
  },
  qr: { h5Url: 'https://jinri.example.gov.cn/#/pages/unit/index?id=7', weappPath: null },
  previousWeek: '2026-W47',
  nextWeek: '2026-W49',
  generatedAt: '2026-12-01T02:00:00Z',
};
const w47: UnitBoard = {
  ...w48,
  week: '2026-W47',
  from: '2026-11-16',
  to: '2026-11-22',
  previousWeek: '2026-W46',
  nextWeek: '2026-W48',
  officials: [],
};

/** Answers board.json by the week asked for; returns the URLs asked. */
function answerBoards(): string[] {
  const asked: string[] = [];
  taro.request.mockImplementation(((options: { url: string }) => {
    asked.push(options.url);
    const body = options.url.includes('week=2026-W47') ? w47 : w48;
    return Promise.resolve({ statusCode: 200, data: body, header: {} });
  }) as never);
  return asked;
}

const realFetch = globalThis.fetch;
beforeEach(() => clearLoadCache());
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('实绩公示栏 preview', () => {
  it('shows the week, the flag, the count and each official’s days with 请假 and 未报送 in words', async () => {
    const asked = answerBoards();
    render(<BoardScreen unitId={7} />);
    expect((await screen.findByTestId('board-unit')).textContent).toContain('青石镇');
    expect(asked[0]).toMatch(/\/api\/v1\/units\/7\/board\.json$/);
    expect(screen.getByTestId('board-week').textContent).toContain('2026年第48周（11月23日—11月29日）');
    expect(screen.getByTestId('board-flag').getAttribute('data-color')).toBe('red');
    expect(screen.getByTestId('board-resolved').textContent).toContain('本周办结工单 3 件 · 公示干部 1 人');
    const dayRows = screen.getAllByTestId('board-day');
    expect(dayRows.map((d) => d.getAttribute('data-status'))).toEqual(['published', 'on_leave', 'missing']);
    expect(dayRows[0]!.textContent).toContain('周一09:00 东坡村 调度秋粮收购进度');
    expect(dayRows[1]!.textContent).toContain('请假');
    expect(dayRows[2]!.textContent).toContain('未报送');
    expect(screen.getByTestId('board-next-week').textContent).toContain('下周推进东坡村道路硬化');
  });

  it('moves to the previous week and back', async () => {
    const asked = answerBoards();
    render(<BoardScreen unitId={7} />);
    fireEvent.click(await screen.findByTestId('board-previous'));
    await waitFor(() => expect(screen.getByTestId('board').getAttribute('data-week')).toBe('2026-W47'));
    expect(asked.at(-1)).toMatch(/board\.json\?week=2026-W47$/);
    expect(screen.getByText('这一周本单位没有登记干部。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('board-next'));
    await waitFor(() => expect(screen.getByTestId('board').getAttribute('data-week')).toBe('2026-W48'));
  });

  it('disables 下一周 on the current week', async () => {
    taro.request.mockImplementation((() =>
      Promise.resolve({ statusCode: 200, data: { ...w48, nextWeek: null }, header: {} })) as never);
    render(<BoardScreen unitId={7} initialWeek="2026-W48" />);
    expect((await screen.findByTestId('board-next')).hasAttribute('disabled')).toBe(true);
  });

  it('downloads the PDF of the week shown, under the server’s file name', async () => {
    answerBoards();
    const fetched: string[] = [];
    globalThis.fetch = jest.fn((url: string | URL | Request) => {
      fetched.push(String(url));
      const headers: Record<string, string> = {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="board-7-2026-W48.pdf"; filename*=UTF-8''${encodeURIComponent(boardFileName(w48))}`,
      };
      // jsdom has no Response: what receiveFile reads of one.
      return Promise.resolve({
        ok: true,
        status: 200,
        blob: () => Promise.resolve(new Blob(['%PDF-1.7'])),
        headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      } as unknown as Response);
    }) as typeof fetch;
    const objectUrl = jest.fn(() => 'blob:board');
    Object.assign(URL, { createObjectURL: objectUrl, revokeObjectURL: jest.fn() });
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    render(<BoardScreen unitId={7} />);
    fireEvent.click(await screen.findByTestId('board-pdf'));
    await waitFor(() => expect(saved).toEqual(['实绩公示栏-青石镇-2026年第48周.pdf']));
    expect(fetched[0]).toMatch(/\/api\/v1\/units\/7\/board\?week=2026-W48$/);
    expect(taro.showToast.mock.calls.map(([options]) => (options as { title: string }).title)).toEqual([
      '公示栏已下载',
    ]);
    click.mockRestore();
  });

  it('names the week and the file the way the server does', () => {
    expect(boardWeekText({ week: '2026-W08', from: '2026-02-16', to: '2026-02-22' })).toBe(
      '2026年第8周（2月16日—2月22日）',
    );
    expect(boardFileName(w48)).toBe('实绩公示栏-青石镇-2026年第48周.pdf');
  });
});
