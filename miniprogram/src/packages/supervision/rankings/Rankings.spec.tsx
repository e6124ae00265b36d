import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RATE_KEYS, type Rate, type RankingItem, type RankingResponse } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { Rankings } from './Rankings';

const TODAY = '2026-12-09'; // a Wednesday: last week is 11月30日–12月6日

function rates(value: number, total = 20): Rate[] {
  return RATE_KEYS.map((key) => ({
    key,
    successes: Math.round(value * total),
    total,
    value,
    interval: { low: Math.max(0, value - 0.15), high: Math.min(1, value + 0.1) },
  }));
}

function item(id: number, name: string, rank: number | null, over: Partial<RankingItem> = {}): RankingItem {
  const score = rank === null ? 0.9 : 1 - rank / 10;
  return {
    unit: { id, name },
    rates: rates(score),
    counts: { overdueTickets: id % 3, confirmedFindings: id % 2 },
    score,
    interval: { low: score - 0.12, high: score + 0.08 },
    scoreInterval: { low: score - 0.12, high: score + 0.08 },
    sample: rank === null ? 4 : 40,
    rank,
    insufficient: rank === null,
    flag: null,
    ...over,
  };
}

const ranking: RankingResponse = {
  items: [
    item(11, '城关镇', 1, { flag: 'red' }),
    item(12, '东河镇', 2),
    item(13, '西山乡', 2),
    item(14, '南湖镇', 4, { flag: 'yellow' }),
    item(15, '北岭乡', null),
  ],
  unit: { id: 1, name: '清河县' },
  jurisdiction: { id: 1, name: '清河县' },
  period: { kind: 'week', from: '2026-11-30', to: '2026-12-06' },
  level: 'town',
  weights: {
    submission: 30,
    onTime: 20,
    quality: 10,
    weeklyOnTime: 10,
    response: 10,
    resolution: 10,
    satisfaction: 10,
  },
  minSample: 10,
  flagCount: 1,
};

/** Answers in turn, recording the URLs asked for. */
function answer(...answers: Array<[number, unknown]>): string[] {
  const asked: string[] = [];
  taro.request.mockImplementation(((options: { url: string }) => {
    asked.push(decodeURIComponent(options.url));
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${options.url}`);
    return Promise.resolve({ statusCode: next[0], data: next[1], header: {} });
  }) as never);
  return asked;
}

/**
 * Picks a date in Taro's date picker. The stand-in is a <div> whose onChange reads the target's
 * value, and React fires no change events on a div: call the handler React holds for it.
 */
function pickDate(field: HTMLElement, date: string) {
  const picker = field.parentElement as HTMLElement & Record<string, unknown>;
  const propsKey = Object.keys(picker).find((k) => k.startsWith('__reactProps'))!;
  const props = picker[propsKey] as { onChange: (e: { target: { value: string } }) => void };
  act(() => props.onChange({ target: { value: date } }));
}

const SCOPE = [
  { id: 1, name: '清河县' },
  { id: 11, name: '城关镇' },
];

beforeEach(() => clearLoadCache());

describe('the rankings page', () => {
  it('asks for last week’s towns of the scope and ranks them, ties shown as equal', async () => {
    const asked = answer([200, ranking]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    const rows = await screen.findAllByTestId('ranking-row');
    expect(asked[0]).toContain('/rankings?');
    expect(asked[0]).toContain('unitId=1');
    expect(asked[0]).toContain('level=town');
    expect(asked[0]).toContain('period=week');
    expect(asked[0]).toContain('from=2026-11-30');
    expect(asked[0]).toContain('to=2026-12-06');
    expect(rows.map((r) => r.getAttribute('data-rank'))).toEqual(['1', '2', '2', '4']);
    // Both rows of rank 2 say 并列; the others do not.
    const tie = rows.map((r) => r.querySelector('[data-testid="ranking-tie"]')?.textContent ?? '');
    expect(tie).toEqual(['', '并列', '并列', '']);
    expect(screen.getByTestId('period-label').textContent).toBe('11月30日–12月6日（上周）');
    expect(screen.queryByTestId('ranking-unit')).toBeNull();
  });

  it('lists the units below the minimum sample apart, under 样本不足, not ranked', async () => {
    answer([200, ranking]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    const apart = await screen.findByTestId('ranking-insufficient');
    expect(apart.textContent).toContain('样本不足');
    expect(screen.getAllByTestId('insufficient-row').map((r) => r.textContent)).toEqual([
      expect.stringContaining('北岭乡'),
    ]);
    expect(screen.getAllByTestId('insufficient-row')[0]!.textContent).toContain('样本 4 天');
    // Not among the ranked rows.
    expect(screen.getByTestId('ranking-table').textContent).not.toContain('北岭乡');
  });

  it('states the composite weights and the minimum sample next to the table', async () => {
    answer([200, ranking]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    expect((await screen.findByTestId('ranking-weights')).textContent).toBe(
      '综合得分权重：提交率 30% · 按时率 20% · 计划质量 10% · 周报按时率 10% · 响应率 10% · 解决率 10% · 满意率 10%',
    );
    expect(screen.getByTestId('ranking-min-sample').textContent).toContain('不少于 10 天');
  });

  it('draws the composite interval as a bar and marks flags in words', async () => {
    answer([200, ranking]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    const first = (await screen.findAllByTestId('ranking-row'))[0]!;
    const band = first.querySelector('[data-testid="interval-band"]') as HTMLElement;
    // score 0.9, interval 0.78–0.98
    expect(band.style.left).toBe('78%');
    expect(band.style.width).toBe('20%');
    expect(first.querySelector('[data-testid="interval-text"]')!.textContent).toBe('区间 78%–98%');
    expect(first.querySelector('[data-testid="flag-badge"]')!.textContent).toContain('红旗');
    const fourth = screen.getAllByTestId('ranking-row')[3]!;
    expect(fourth.querySelector('[data-testid="flag-badge"]')!.textContent).toContain('黄旗');
  });

  it('opens a row on tap: each rate with its raw counts and interval, overdue tickets and findings', async () => {
    answer([200, ranking]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    const head = (await screen.findAllByTestId('ranking-row-head'))[1]!;
    expect(head.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(head);
    expect(head.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByTestId('ranking-details');
    const rateRows = details.querySelectorAll('[data-testid="rate-row"]');
    expect(rateRows).toHaveLength(7);
    expect(rateRows[0]!.textContent).toContain('提交率');
    expect(rateRows[0]!.textContent).toContain('80%');
    expect(rateRows[0]!.textContent).toContain('16/20 · 95% 区间 65%–90%');
    expect(screen.getAllByTestId('ranking-row')[1]!.textContent).toContain('超期工单 0 · 认定问题 0');
  });

  it('switches to the officials of a unit from its row, and asks again', async () => {
    const official: RankingResponse = {
      ...ranking,
      level: 'official',
      unit: { id: 12, name: '东河镇' },
      items: [
        {
          ...item(0, '', 1),
          unit: undefined,
          official: { id: 201, name: '王强', post: '镇长' },
        },
      ],
    };
    const asked = answer([200, ranking], [200, official]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    fireEvent.click((await screen.findAllByTestId('ranking-row-head'))[1]!);
    fireEvent.click(screen.getByTestId('show-officials'));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toContain('unitId=12');
    expect(asked[1]).toContain('level=official');
    await waitFor(() => expect(screen.getByTestId('ranking-table').textContent).toContain('王强'));
    expect(screen.getByTestId('ranking-table').textContent).toContain('镇长');
    // The unit is named, and may be changed, at the officials' level only.
    expect(screen.getByTestId('ranking-unit').textContent).toContain('东河镇');
  });

  it('steps to the previous period and to 月, and refuses custom dates in the wrong order', async () => {
    const asked = answer([200, ranking], [200, ranking], [200, ranking], [200, ranking]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    await screen.findAllByTestId('ranking-row');
    // Last week is the latest complete week; this week may be shown, next week not.
    fireEvent.click(screen.getByTestId('period-prev'));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toContain('from=2026-11-23');
    expect(asked[1]).toContain('to=2026-11-29');
    fireEvent.click(screen.getAllByTestId('period-kind-option').find((o) => o.textContent === '月')!);
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toContain('period=month');
    expect(asked[2]).toContain('from=2026-11-01');
    expect(asked[2]).toContain('to=2026-11-30');
    // 自定义 starts from the dates shown.
    fireEvent.click(screen.getAllByTestId('period-kind-option').find((o) => o.textContent === '自定义')!);
    await waitFor(() => expect(asked).toHaveLength(4));
    expect(asked[3]).toContain('period=custom&from=2026-11-01&to=2026-11-30');
    pickDate(screen.getByTestId('period-from'), '2026-12-05');
    expect(screen.getByTestId('period-problem').textContent).toBe('开始日期不能晚于结束日期');
    expect(asked).toHaveLength(4);
  });

  it('shows an error card with 重试 when the ranking cannot be computed', async () => {
    answer(
      [400, { code: 'RANKING.LEVEL_INVALID', message: '该单位下没有可排名的乡镇、部门或干部' }],
      [200, ranking],
    );
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    expect((await screen.findByTestId('error-card')).textContent).toContain('该单位下没有可排名的乡镇');
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findAllByTestId('ranking-row')).toHaveLength(4);
  });

  it('shows 20 rows, then 显示更多', async () => {
    const many = {
      ...ranking,
      items: Array.from({ length: 25 }, (_, i) => item(100 + i, `单位${i + 1}`, i + 1)),
    };
    answer([200, many]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    expect(await screen.findAllByTestId('ranking-row')).toHaveLength(20);
    expect(screen.getByTestId('ranking-more').textContent).toContain('还有 5 个');
    fireEvent.click(screen.getByTestId('ranking-more'));
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(25);
  });

  it('shows 20 of the 样本不足 too, then 显示更多', async () => {
    const short = {
      ...ranking,
      items: Array.from({ length: 22 }, (_, i) => item(200 + i, `单位${i + 1}`, null)),
    };
    answer([200, short]);
    render(<Rankings scope={SCOPE} initial={{}} today={TODAY} />);
    expect(await screen.findAllByTestId('insufficient-row')).toHaveLength(20);
    expect(screen.getByTestId('ranking-empty').textContent).toContain('所有对象都样本不足');
    fireEvent.click(screen.getByTestId('insufficient-more'));
    expect(screen.getAllByTestId('insufficient-row')).toHaveLength(22);
  });
});
