import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FlagAward, FlagProposal, FlagsResponse, RankingItem } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { Flags } from './Flags';
import { awardProblem, isOverride, pick, proposedPicks } from './picks';

const TODAY = '2026-12-09';

function row(id: number, name: string, rank: number | null): RankingItem {
  const score = rank === null ? null : 1 - rank / 10;
  return {
    unit: { id, name },
    rates: [],
    counts: { overdueTickets: 0, confirmedFindings: 0 },
    score,
    interval: score === null ? null : { low: score - 0.1, high: score + 0.05 },
    scoreInterval: null,
    sample: rank === null ? 3 : 30,
    rank,
    insufficient: rank === null,
    flag: null,
  };
}

const ranking = [
  row(11, '城关镇', 1),
  row(12, '东河镇', 2),
  row(13, '西山乡', 3),
  row(14, '南湖镇', 4),
  row(15, '北岭乡', null),
];

const proposal: FlagProposal = {
  jurisdiction: { id: 1, name: '清河县' },
  level: 'town',
  period: 'week',
  from: '2026-11-30',
  to: '2026-12-06',
  flagCount: 1,
  red: [{ unit: { id: 11, name: '城关镇' }, color: 'red', rank: 1, score: 0.9, interval: null }],
  yellow: [{ unit: { id: 14, name: '南湖镇' }, color: 'yellow', rank: 4, score: 0.6, interval: null }],
  ranking,
  current: null,
};

function award(
  id: number,
  awardId: number,
  unit: [number, string],
  color: 'red' | 'yellow',
  over: Partial<FlagAward> = {},
): FlagAward {
  return {
    id,
    awardId,
    unit: { id: unit[0], name: unit[1] },
    color,
    level: 'town',
    period: 'week',
    from: '2026-11-23',
    to: '2026-11-29',
    proposed: true,
    overridden: false,
    reason: null,
    awardedBy: '督查室 李华',
    awardedAt: '2026-11-30T02:00:00.000Z',
    supersededAt: null,
    ...over,
  };
}

const history: FlagsResponse = {
  unit: { id: 1, name: '清河县' },
  current: [],
  history: [
    award(3, 2, [12, '东河镇'], 'red', {
      overridden: true,
      proposed: false,
      reason: '城关镇本周发生安全事故',
    }),
    award(4, 2, [14, '南湖镇'], 'yellow', { overridden: true }),
    award(1, 1, [11, '城关镇'], 'red', { supersededAt: '2026-11-30T03:00:00.000Z' }),
  ],
};

/** Answers by path, recording [method, url, body]. */
function serve(routes: Record<string, Array<[number, unknown]>>): Array<[string, string, unknown]> {
  const asked: Array<[string, string, unknown]> = [];
  taro.request.mockImplementation(((options: { url: string; method?: string; data?: unknown }) => {
    const url = decodeURIComponent(options.url);
    asked.push([options.method ?? 'GET', url, options.data]);
    const path = Object.keys(routes)
      .sort((a, b) => b.length - a.length)
      .find((p) => {
        const [method, prefix] = p.split(' ');
        return (options.method ?? 'GET') === method && url.includes(prefix!);
      });
    const answers = path ? routes[path]! : [];
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (!next) throw new Error(`unexpected request ${options.method} ${url}`);
    return Promise.resolve({ statusCode: next[0], data: next[1], header: {} });
  }) as never);
  return asked;
}

const JURISDICTION = { id: 1, name: '清河县' };

beforeEach(() => clearLoadCache());

describe('awarding flags', () => {
  it('proposes last week’s top N for 红旗 and bottom N for 黄旗, and lists the history', async () => {
    const asked = serve({ 'GET /flags/proposal': [[200, proposal]], 'GET /flags?': [[200, history]] });
    render(<Flags jurisdiction={JURISDICTION} today={TODAY} />);
    const slots = await screen.findAllByTestId('flag-slot');
    expect(slots.map((s) => [s.getAttribute('data-color'), s.getAttribute('data-unit-id')])).toEqual([
      ['red', '11'],
      ['yellow', '14'],
    ]);
    expect(screen.getByTestId('slots-red-badge').textContent).toContain('红旗');
    expect(screen.getByTestId('slots-yellow-badge').textContent).toContain('黄旗');
    const proposalUrl = asked.find(([, u]) => u.includes('/flags/proposal'))![1];
    expect(proposalUrl).toContain('jurisdictionId=1');
    expect(proposalUrl).toContain('level=town');
    expect(proposalUrl).toContain('period=week');
    expect(proposalUrl).toContain('from=2026-11-30');
    // No reason is asked while the award is the proposal.
    expect(screen.queryByTestId('award-reason')).toBeNull();
    const awards = await screen.findAllByTestId('award-row');
    expect(awards).toHaveLength(2);
    expect(awards[0]!.textContent).toContain('调整理由：城关镇本周发生安全事故');
    expect(awards[1]!.getAttribute('data-superseded')).toBe('true');
    expect(awards[1]!.textContent).toContain('已被替换');
  });

  it('awards the proposal after a confirmation, without a reason', async () => {
    const asked = serve({
      'GET /flags/proposal': [[200, proposal]],
      'GET /flags?': [[200, history]],
      'POST /flags': [[201, { id: 9 }]],
    });
    taro.showModal.mockResolvedValue({ confirm: true, cancel: false } as never);
    render(<Flags jurisdiction={JURISDICTION} today={TODAY} />);
    fireEvent.click(await screen.findByTestId('award-submit'));
    await waitFor(() => expect(asked.some(([m]) => m === 'POST')).toBe(true));
    const modal = taro.showModal.mock.calls[0]![0] as unknown as { content: string; confirmText: string };
    expect(modal.content).toContain('红旗 城关镇；黄旗 南湖镇');
    expect(modal.confirmText).toBe('评定');
    const [, , body] = asked.find(([m]) => m === 'POST')!;
    expect(body).toEqual({
      jurisdictionId: 1,
      level: 'town',
      period: 'week',
      from: '2026-11-30',
      red: [11],
      yellow: [14],
    });
  });

  it('requires a written reason once a unit is changed, and sends it with the award', async () => {
    const asked = serve({
      'GET /flags/proposal': [[200, proposal]],
      'GET /flags?': [[200, history]],
      'POST /flags': [[201, { id: 9 }]],
    });
    taro.showModal.mockResolvedValue({ confirm: true, cancel: false } as never);
    render(<Flags jurisdiction={JURISDICTION} today={TODAY} />);
    const red = (await screen.findAllByTestId('flag-slot'))[0]!;
    fireEvent.click(within(red).getByTestId('slot-change'));
    const sheet = screen.getByTestId('slot-sheet');
    // The 样本不足 unit is not offered.
    expect(
      within(sheet)
        .getAllByTestId('slot-choice')
        .map((c) => c.getAttribute('data-unit-id')),
    ).toEqual(['11', '12', '13', '14']);
    fireEvent.click(within(sheet).getAllByTestId('slot-choice')[1]!);
    expect(screen.queryByTestId('slot-sheet')).toBeNull();
    expect(screen.getAllByTestId('flag-slot')[0]!.getAttribute('data-unit-id')).toBe('12');
    expect(screen.getByTestId('slot-changed').textContent).toContain('排名建议：城关镇');
    expect(screen.getByTestId('award-reason')).toBeTruthy();

    // Without a reason: refused before any confirmation.
    fireEvent.click(screen.getByTestId('award-submit'));
    expect(screen.getByTestId('award-error').textContent).toContain('请填写调整理由');
    expect(taro.showModal).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('award-reason-text'), {
      target: { value: '城关镇本周发生安全事故，经研究不授予红旗' },
    });
    fireEvent.click(screen.getByTestId('award-submit'));
    await waitFor(() => expect(asked.some(([m]) => m === 'POST')).toBe(true));
    expect((taro.showModal.mock.calls[0]![0] as unknown as { content: string }).content).toContain(
      '调整理由将一并保存',
    );
    const [, , body] = asked.find(([m]) => m === 'POST')!;
    expect(body).toMatchObject({
      red: [12],
      yellow: [14],
      reason: '城关镇本周发生安全事故，经研究不授予红旗',
    });
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const asked = serve({ 'GET /flags/proposal': [[200, proposal]], 'GET /flags?': [[200, history]] });
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true } as never);
    render(<Flags jurisdiction={JURISDICTION} today={TODAY} />);
    fireEvent.click(await screen.findByTestId('award-submit'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(asked.some(([m]) => m === 'POST')).toBe(false);
  });

  it('shows the server’s refusal next to the button', async () => {
    serve({
      'GET /flags/proposal': [[200, proposal]],
      'GET /flags?': [[200, history]],
      'POST /flags': [
        [409, { code: 'FLAG.PERIOD_NOT_ENDED', message: '该期间尚未结束，结束后才能评定红黄旗' }],
      ],
    });
    taro.showModal.mockResolvedValue({ confirm: true, cancel: false } as never);
    render(<Flags jurisdiction={JURISDICTION} today={TODAY} />);
    fireEvent.click(await screen.findByTestId('award-submit'));
    expect((await screen.findByTestId('award-error')).textContent).toContain('该期间尚未结束');
  });

  it('does not offer a period that is not over', async () => {
    serve({ 'GET /flags/proposal': [[200, proposal]], 'GET /flags?': [[200, history]] });
    render(<Flags jurisdiction={JURISDICTION} today={TODAY} />);
    await screen.findAllByTestId('flag-slot');
    expect(screen.getByTestId('period-next').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getAllByTestId('period-kind-option').map((o) => o.textContent)).toEqual([
      '周',
      '月',
      '季度',
    ]);
  });
});

describe('who may award', () => {
  it('shows an admin the proposal and the history read-only, with no award button', async () => {
    const asked = serve({ 'GET /flags/proposal': [[200, proposal]], 'GET /flags?': [[200, history]] });
    render(<Flags jurisdiction={JURISDICTION} today={TODAY} readOnly />);
    const slots = await screen.findAllByTestId('flag-slot');
    expect(slots.map((s) => s.getAttribute('data-unit-id'))).toEqual(['11', '14']);
    expect(screen.getByTestId('award-readonly').textContent).toContain('红黄旗由督查室评定');
    expect(screen.queryByTestId('award-submit')).toBeNull();
    expect(screen.queryByTestId('slot-change')).toBeNull();
    expect(await screen.findAllByTestId('award-row')).toHaveLength(2);
    expect(asked.some(([m]) => m === 'POST')).toBe(false);
  });

  it('tells a supervisor of a town that flags are awarded county-wide, and shows their history', async () => {
    const asked = serve({
      'GET /flags/proposal': [
        [
          403,
          {
            code: 'FLAG.COUNTY_ONLY',
            message: '红黄旗由县督查室按全县评定；您的督查范围在乡镇或部门，可查看本范围的评定记录',
          },
        ],
      ],
      'GET /flags?': [[200, history]],
    });
    render(<Flags jurisdiction={{ id: 11, name: '城关镇' }} today={TODAY} />);
    const note = await screen.findByTestId('flags-county-only');
    expect(note.textContent).toContain('红黄旗由县督查室按全县的乡镇、部门排名评定');
    expect(note.textContent).toContain('您的督查范围是城关镇');
    expect(screen.queryByTestId('award-submit')).toBeNull();
    expect(await screen.findAllByTestId('award-row')).toHaveLength(2);
    expect(asked.find(([, u]) => u.includes('/flags?'))![1]).toContain('unitId=11');
  });
});

describe('the picks', () => {
  it('moves a unit from the other colour when it is picked, and tells an override', () => {
    const p = proposedPicks(proposal);
    expect(isOverride(p, proposal)).toBe(false);
    const moved = pick(p, 'red', 0, 14);
    expect(moved).toEqual({ red: [14], yellow: [] });
    expect(isOverride(moved, proposal)).toBe(true);
    expect(awardProblem(moved, proposal, '  ')).toContain('调整理由');
    expect(awardProblem(moved, proposal, '理由充分')).toBe('');
    expect(awardProblem({ red: [], yellow: [] }, proposal, '')).toContain('至少评定');
  });
});
