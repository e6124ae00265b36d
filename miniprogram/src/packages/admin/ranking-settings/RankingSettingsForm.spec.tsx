import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RankingSettings } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { checkDraft, DEFAULT_DRAFT, shares, shareText } from './draft';
import { RankingSettingsScreen } from './RankingSettingsForm';

const DEFAULTS: RankingSettings = {
  jurisdiction: { id: 1, name: '岚川县' },
  weights: {
    submission: 20,
    onTime: 15,
    quality: 15,
    weeklyOnTime: 10,
    response: 15,
    resolution: 15,
    satisfaction: 10,
  },
  minSample: 10,
  flagCount: 1,
  updatedAt: null,
  updatedBy: null,
};

/** Answers by method and path, recording [method, url, body]. */
function serve(routes: Record<string, Array<[number, unknown]>>): Array<[string, string, unknown]> {
  const asked: Array<[string, string, unknown]> = [];
  taro.request.mockImplementation(((options: { url: string; method?: string; data?: unknown }) => {
    const method = options.method ?? 'GET';
    asked.push([method, decodeURIComponent(options.url), options.data]);
    const answers = routes[method] ?? [];
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (!next) throw new Error(`unexpected request ${method} ${options.url}`);
    return Promise.resolve({ statusCode: next[0], data: next[1], header: {} });
  }) as never);
  return asked;
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => clearLoadCache());

describe('the ranking settings screen', () => {
  it('shows the seven weights with their shares, the minimum sample and N, defaults 10 and 1', async () => {
    const asked = serve({ GET: [[200, DEFAULTS]] });
    render(<RankingSettingsScreen jurisdictionId={undefined} scopeName="全县" />);
    expect(await screen.findAllByTestId('weight-row')).toHaveLength(7);
    expect(asked[0]![1]).toContain('/rankings/settings');
    expect(asked[0]![1]).not.toContain('jurisdictionId');
    expect(screen.getByTestId('share-submission').textContent).toBe('占 20.0%');
    expect((screen.getByTestId('min-sample') as HTMLInputElement).value).toBe('10');
    expect((screen.getByTestId('flag-count') as HTMLInputElement).value).toBe('1');
    expect(screen.getByTestId('settings-updated').textContent).toContain('默认设置');
    // Shares follow the boxes: 0 for submission leaves 80 to share.
    type('weight-submission', '0');
    expect(screen.getByTestId('share-onTime').textContent).toBe('占 18.8%');
    expect(screen.getByTestId('share-submission').textContent).toBe('占 0.0%');
  });

  it('saves after a confirmation that names the shares, N and the minimum sample', async () => {
    const saved = {
      ...DEFAULTS,
      flagCount: 2,
      minSample: 20,
      updatedAt: '2026-12-06T02:00:00.000Z',
      updatedBy: '张伟',
    };
    const asked = serve({ GET: [[200, DEFAULTS]], PUT: [[200, saved]] });
    taro.showModal.mockResolvedValue({ confirm: true, cancel: false } as never);
    render(<RankingSettingsScreen jurisdictionId={7} scopeName="岚川县" />);
    await screen.findAllByTestId('weight-row');
    type('flag-count', '2');
    type('min-sample', '20');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(asked.some(([m]) => m === 'PUT')).toBe(true));
    const modal = taro.showModal.mock.calls[0]![0] as unknown as { content: string };
    expect(modal.content).toContain('提交率 20.0%');
    expect(modal.content).toContain('样本少于 20 的单位列为样本不足');
    expect(modal.content).toContain('红旗、黄旗各 2 面');
    const [, url, body] = asked.find(([m]) => m === 'PUT')!;
    expect(url).toContain('jurisdictionId=7');
    expect(body).toEqual({ weights: DEFAULTS.weights, minSample: 20, flagCount: 2 });
    expect(await screen.findByText(/张伟 于/)).toBeTruthy();
  });

  it('refuses all-zero weights and bad numbers in Chinese, before any request', async () => {
    const asked = serve({ GET: [[200, DEFAULTS]] });
    render(<RankingSettingsScreen jurisdictionId={undefined} scopeName="全县" />);
    await screen.findAllByTestId('weight-row');
    for (const key of Object.keys(DEFAULTS.weights)) type(`weight-${key}`, '0');
    type('flag-count', '0');
    type('min-sample', '2.5');
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(screen.getByTestId('settings-error-total').textContent).toContain('至少一项大于 0');
    expect(screen.getByTestId('settings-error-flagCount').textContent).toContain('1–20 之间的整数');
    expect(screen.getByTestId('settings-error-minSample').textContent).toContain('整数');
    expect(screen.getByTestId('settings-failure').textContent).toContain('请先改正');
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(asked.some(([m]) => m === 'PUT')).toBe(false);
  });

  it('sends nothing when the confirmation is cancelled, and shows a refusal from the server', async () => {
    const asked = serve({
      GET: [[200, DEFAULTS]],
      PUT: [[403, { code: 'AUTH.OUT_OF_SCOPE', message: '只能操作本人或本辖区的内容' }]],
    });
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never);
    render(<RankingSettingsScreen jurisdictionId={undefined} scopeName="全县" />);
    await screen.findAllByTestId('weight-row');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(asked.some(([m]) => m === 'PUT')).toBe(false);
    taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false } as never);
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findByTestId('settings-failure')).textContent).toContain('只能操作本人或本辖区');
  });

  it('tells an admin of a town that the settings are set county-wide', async () => {
    serve({ GET: [[400, { code: 'RANKING.NOT_JURISDICTION', message: '排名设置只能按县（辖区）设置' }]] });
    render(<RankingSettingsScreen jurisdictionId={11} scopeName="城关街道" />);
    const note = await screen.findByTestId('settings-not-county');
    expect(note.textContent).toContain('您的管理范围是城关街道');
    expect(note.textContent).toContain('县级管理员');
  });
});

describe('the settings draft', () => {
  it('normalises the shares and builds the request from the defaults', () => {
    const sut = checkDraft(DEFAULT_DRAFT);
    expect(sut).toEqual({ ok: true, request: { weights: DEFAULTS.weights, minSample: 10, flagCount: 1 } });
    const s = shares({ ...DEFAULT_DRAFT, weights: { ...DEFAULT_DRAFT.weights, submission: 'x' } });
    expect(s.submission).toBeNull();
    expect(shareText(s.onTime)).toBe('18.8%');
    expect(checkDraft({ ...DEFAULT_DRAFT, weights: { ...DEFAULT_DRAFT.weights, quality: '101' } })).toEqual({
      ok: false,
      errors: { quality: '计划质量的权重须为 0–100 之间的数' },
    });
  });
});
