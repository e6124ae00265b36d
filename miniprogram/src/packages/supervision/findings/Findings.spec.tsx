import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FindingsResponse, FindingView } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { Findings } from './Findings';

function row(id: number, overrides: Partial<FindingView> = {}): FindingView {
  return {
    id,
    officialId: 25,
    official: { id: 25, name: '张跃', post: '党支部书记' },
    unit: { id: 20, name: '东关社区' },
    date: '2026-12-09',
    kind: 'late',
    evidence: {
      kind: 'late',
      dueAt: '2026-12-08T10:00:00.000Z',
      submittedAt: '2026-12-08T10:30:00.000Z',
      minutesLate: 30,
    },
    state: 'open',
    explainDueAt: '2026-12-10T15:59:59.000Z',
    explanation: null,
    decision: null,
    notice: null,
    createdAt: '2026-12-09T00:30:00.000Z',
    version: 1,
    ...overrides,
  };
}

function page(findings: FindingView[], total = findings.length, n = 1): FindingsResponse {
  return { findings, total, page: n, pageSize: 20 };
}

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

beforeEach(() => clearLoadCache());

describe('the findings list', () => {
  it('asks for what the link says (unit, kind, day) and lists the rows', async () => {
    const asked = answer([
      200,
      page([
        row(1),
        row(2, {
          state: 'explained',
          explanation: { text: '开会', photos: [], at: '2026-12-09T02:00:00.000Z' },
        }),
      ]),
    ]);
    render(<Findings initial={{ unitId: 20, unitName: '东关社区', kind: 'late', date: '2026-12-09' }} />);
    expect(await screen.findAllByTestId('finding-row')).toHaveLength(2);
    expect(asked[0]).toMatch(/\/supervision\/findings\?/);
    expect(asked[0]).toContain('unitId=20');
    expect(asked[0]).toContain('kind=late');
    expect(asked[0]).toContain('from=2026-12-09');
    expect(asked[0]).toContain('to=2026-12-09');
    expect(screen.getByTestId('findings-total').textContent).toContain('共 2 条');
    expect(screen.getByTestId('filter-unit-clear').textContent).toContain('东关社区');
    expect(screen.getAllByTestId('finding-row')[1]!.textContent).toContain('申辩：开会');
  });

  it('asks again when a filter changes, and drops the unit when told', async () => {
    const asked = answer([200, page([row(1)])], [200, page([])], [200, page([row(3)])]);
    render(<Findings initial={{ unitId: 20, unitName: '东关社区' }} />);
    await screen.findAllByTestId('finding-row');
    fireEvent.click(
      screen.getAllByTestId('filter-state-option').find((o) => o.getAttribute('data-value') === 'explained')!,
    );
    expect(await screen.findByTestId('findings-empty')).toBeTruthy();
    expect(asked[1]).toContain('state=explained');
    fireEvent.click(screen.getByTestId('filter-unit-clear'));
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).not.toContain('unitId');
  });

  it('opens a finding from its row', async () => {
    answer([200, page([row(5)])]);
    render(<Findings initial={{}} />);
    fireEvent.click((await screen.findAllByTestId('finding-row'))[0]!);
    expect((taro.navigateTo.mock.calls[0]![0] as unknown as { url: string }).url).toBe(
      '/packages/supervision/finding/index?id=5',
    );
  });

  it('loads the next page on 加载更多', async () => {
    const asked = answer(
      [
        200,
        page(
          Array.from({ length: 20 }, (_, i) => row(i + 1)),
          21,
        ),
      ],
      [200, page([row(21)], 21, 2)],
    );
    render(<Findings initial={{}} />);
    expect(await screen.findAllByTestId('finding-row')).toHaveLength(20);
    fireEvent.click(screen.getByTestId('findings-more'));
    await waitFor(() => expect(screen.getAllByTestId('finding-row')).toHaveLength(21));
    expect(asked[1]).toContain('page=2');
  });
});
