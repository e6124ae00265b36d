import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FindingsResponse, SupervisionSummary, SupervisionTrend } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { Workbench } from './Workbench';

const summary: SupervisionSummary = {
  date: '2026-12-09',
  units: [
    { unit: { id: 20, name: '东关社区' }, counts: { missing: 1, late: 2 }, total: 3 },
    { unit: { id: 21, name: '西关社区' }, counts: {}, total: 0 },
    { unit: { id: 22, name: '南街社区' }, counts: { vague: 1 }, total: 1 },
  ],
  totals: { missing: 1, late: 2, vague: 1 },
  awaitingDecision: 1,
  open: 4,
  overdueTickets: 2,
  onLeave: [
    { official: { id: 25, name: '张跃' }, unit: { id: 20, name: '东关社区' }, endDate: '2026-12-10' },
  ],
  spotChecksToday: 1,
  pendingSelfExams: 0,
  submittedSelfExams: 0,
};

const trend: SupervisionTrend = {
  weeks: ['2026-11-30', '2026-12-07'],
  units: [
    {
      unit: { id: 20, name: '东关社区' },
      points: [
        { weekStart: '2026-11-30', submission: 0.8, onTime: 0.75, vagueOrRepeated: 0.4 },
        { weekStart: '2026-12-07', submission: null, onTime: null, vagueOrRepeated: null },
      ],
    },
  ],
};

const queue: FindingsResponse = {
  findings: [
    {
      id: 7,
      officialId: 26,
      official: { id: 26, name: '李明', post: '村委会主任' },
      unit: { id: 22, name: '南街社区' },
      date: '2026-12-08',
      kind: 'missing',
      evidence: { kind: 'missing', dueAt: '2026-12-07T10:00:00.000Z', onLeave: false },
      state: 'explained',
      explainDueAt: '2026-12-09T15:59:59.000Z',
      explanation: { text: '当天在县里开会', photos: [], at: '2026-12-08T03:00:00.000Z' },
      decision: null,
      notice: null,
      createdAt: '2026-12-08T00:30:00.000Z',
      version: 2,
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
};

/** Answers by path (the three loads run side by side), recording the URLs asked for. */
function serve(routes: Record<string, [number, unknown]>): string[] {
  const asked: string[] = [];
  taro.request.mockImplementation(((options: { url: string }) => {
    asked.push(options.url);
    const path = Object.keys(routes).find((p) => options.url.includes(p));
    if (!path) throw new Error(`unexpected request ${options.url}`);
    const [statusCode, data] = routes[path]!;
    return Promise.resolve({ statusCode, data, header: {} });
  }) as never);
  return asked;
}

const navigatedTo = () =>
  taro.navigateTo.mock.calls.map((call) => (call[0] as unknown as { url: string }).url);

beforeEach(() => clearLoadCache());

describe('the supervisor’s workbench', () => {
  it("shows today's counts by kind and unit, what waits, who is on leave and the trend", async () => {
    serve({
      '/supervision/summary': [200, summary],
      '/supervision/findings': [200, queue],
      '/supervision/trend': [200, trend],
    });
    render(<Workbench />);
    await screen.findByTestId('workbench');
    expect(screen.getAllByTestId('today-kind').map((k) => k.textContent)).toEqual([
      '1未报送',
      '2迟报',
      '1内容笼统',
    ]);
    // Units with findings, most first; the clean one folded into a line.
    expect(screen.getAllByTestId('today-unit').map((u) => u.getAttribute('data-unit'))).toEqual(['20', '22']);
    expect(screen.getByTestId('today-clean').textContent).toContain('其余 1 个单位');
    expect(screen.getByTestId('tile-explained').getAttribute('data-count')).toBe('1');
    expect(screen.getByTestId('tile-tickets').getAttribute('data-count')).toBe('2');
    expect(screen.getAllByTestId('leave-row')[0]!.textContent).toContain('张跃（东关社区）');
    expect((await screen.findAllByTestId('queue-row'))[0]!.textContent).toContain('李明 · 未报送');
    await waitFor(() => expect(screen.getAllByTestId('trend-bar')).toHaveLength(2));
    expect(screen.getByTestId('trend-latest').textContent).toBe('80%');
  });

  it('opens the findings a number counted, filtered, and the pages next door', async () => {
    serve({
      '/supervision/summary': [200, summary],
      '/supervision/findings': [200, queue],
      '/supervision/trend': [200, trend],
    });
    render(<Workbench />);
    await screen.findByTestId('workbench');
    fireEvent.click(screen.getAllByTestId('today-unit-kind')[1]!);
    fireEvent.click(screen.getByTestId('tile-tickets'));
    fireEvent.click(screen.getByTestId('go-notices'));
    fireEvent.click(screen.getByTestId('go-spot-check'));
    expect(navigatedTo()).toEqual([
      '/packages/supervision/findings/index?unitId=20&unitName=%E4%B8%9C%E5%85%B3%E7%A4%BE%E5%8C%BA&kind=late&date=2026-12-09',
      '/packages/staff/inbox/index',
      '/packages/supervision/notices/index',
      '/packages/supervision/spot-check/index',
    ]);
  });

  it('opens 排名 (for the unit shown) and 红黄旗', async () => {
    serve({
      '/supervision/summary': [200, summary],
      '/supervision/findings': [200, queue],
      '/supervision/trend': [200, trend],
    });
    render(<Workbench unitId={3} unitName="城关街道" />);
    fireEvent.click(await screen.findByTestId('go-rankings'));
    fireEvent.click(screen.getByTestId('go-flags'));
    expect(navigatedTo()).toEqual([
      '/packages/supervision/rankings/index?unitId=3&unitName=%E5%9F%8E%E5%85%B3%E8%A1%97%E9%81%93',
      '/packages/supervision/flags/index',
    ]);
  });

  it('switches the trend to on-time and vague/repeated rates', async () => {
    serve({
      '/supervision/summary': [200, summary],
      '/supervision/findings': [200, queue],
      '/supervision/trend': [200, trend],
    });
    render(<Workbench />);
    await waitFor(() => expect(screen.getByTestId('trend').getAttribute('data-metric')).toBe('submission'));
    fireEvent.click(screen.getAllByTestId('trend-metric-option')[2]!);
    expect(screen.getByTestId('trend').getAttribute('data-metric')).toBe('vagueOrRepeated');
    expect(screen.getByTestId('trend-latest').textContent).toBe('40%');
  });

  it('keeps the day shown when only the trend fails, with 重试 there', async () => {
    serve({
      '/supervision/summary': [200, summary],
      '/supervision/findings': [200, queue],
      '/supervision/trend': [500, { code: 'COMMON.INTERNAL', message: '服务器出错了' }],
    });
    render(<Workbench unitId={3} unitName="城关街道" />);
    expect(await screen.findByTestId('trend-error')).toBeTruthy();
    expect(screen.getByTestId('today-counts')).toBeTruthy();
  });

  it('shows an error card with 重试 when the day cannot be read', async () => {
    serve({
      '/supervision/summary': [403, { code: 'AUTH.OUT_OF_SCOPE', message: '只能操作本人或本辖区的内容' }],
      '/supervision/findings': [200, queue],
      '/supervision/trend': [200, trend],
    });
    render(<Workbench unitId={99} />);
    expect((await screen.findByTestId('error-card')).textContent).toContain('只能操作本人或本辖区的内容');
  });
});
