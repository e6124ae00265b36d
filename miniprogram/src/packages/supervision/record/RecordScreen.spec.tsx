import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { recordFixture } from './fixtures';
import { lastMonths } from './format';
import { localToday } from '@/utils/date';
import { RecordScreen } from './RecordScreen';

jest.mock('@/api/files', () => ({
  ...jest.requireActual<object>('@/api/files'),
  downloadPdf: jest.fn(() => Promise.resolve()),
}));

interface Sent {
  url: string;
  method?: string;
}

/** Answers Taro.request in turn (status, body) and records what was sent. */
function answer(...answers: Array<[number, unknown]>): Sent[] {
  const sent: Sent[] = [];
  taro.request.mockImplementation(((options: Sent) => {
    sent.push(options);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${options.method} ${options.url}`);
    return Promise.resolve({ statusCode: next[0], data: next[1], header: {} });
  }) as never);
  return sent;
}

beforeEach(() => clearLoadCache());

describe('立体像 of one official', () => {
  it('shows every section with its counts, the three rates and the medians', async () => {
    const sent = answer([200, recordFixture()]);
    render(<RecordScreen officialId={25} onBack={() => undefined} />);

    await screen.findByTestId('record');
    expect(sent[0]!.url).toMatch(/\/supervision\/records\/25$/);
    expect(screen.getByTestId('record-name').textContent).toContain('张跃');
    expect(screen.getByTestId('record-plans-count').textContent).toBe('60 天 · 130 条 · 照片 3 张');
    expect(screen.getByTestId('record-plans').textContent).toContain('到魏庄村调度秋粮收购进度');
    expect(screen.getByTestId('record-plans').textContent).toContain('显示最近 1 条，共 60 条');
    expect(screen.getByTestId('record-findings-count').textContent).toBe('2 条 · 认定 1 · 撤销 1');
    expect(screen.getByTestId('record-spot-checks').textContent).toContain('不在岗');
    expect(screen.getByTestId('record-notices').textContent).toContain('督通字〔2026〕7号');
    expect(screen.getByTestId('record-rate-response').textContent).toContain('66.7%');
    expect(screen.getByTestId('record-rate-satisfaction').textContent).toContain('100%');
    expect(screen.getByTestId('record-rate-ack-median').textContent).toContain('2 小时');
    expect(screen.getByTestId('record-rate-resolve-median').textContent).toContain('6 小时');
    expect(screen.getByTestId('record-tickets').textContent).toContain(
      'K7M2Q9XA · 对干部留言 · 已关闭 · 满意',
    );
    expect(screen.getByTestId('record-flags').textContent).toContain('红旗');
    expect(screen.getByTestId('record-weekly').textContent).toContain('冬季防火检查');
  });

  it('loads the period chosen with a quick choice', async () => {
    const sent = answer([200, recordFixture()], [200, recordFixture()]);
    render(<RecordScreen officialId={25} onBack={() => undefined} />);
    await screen.findByTestId('record');

    fireEvent.click(screen.getAllByTestId('record-quick')[0]!);

    await waitFor(() => expect(sent).toHaveLength(2));
    const month = lastMonths(localToday(), 1);
    expect(sent[1]!.url).toContain(`from=${month.from}`);
  });

  it('exports the shown period as a PDF named after the official', async () => {
    answer([200, recordFixture()]);
    const { downloadPdf } = jest.requireMock<{ downloadPdf: jest.Mock }>('@/api/files');
    render(<RecordScreen officialId={25} onBack={() => undefined} />);
    await screen.findByTestId('record');

    fireEvent.click(screen.getByTestId('record-export'));

    await waitFor(() => expect(downloadPdf).toHaveBeenCalled());
    expect(downloadPdf.mock.calls[0]).toEqual([
      { path: '/supervision/records/25/pdf', query: { from: '2026-09-02', to: '2026-12-01' } },
      '立体像-张跃-2026-09-02至2026-12-01.pdf',
    ]);
  });

  it('says the official is not found (or out of scope) on a 404', async () => {
    answer([404, { code: 'RECORD.NOT_FOUND', message: '找不到该干部' }]);
    render(<RecordScreen officialId={99} onBack={() => undefined} />);

    expect(await screen.findByTestId('record-not-found')).toBeTruthy();
  });
});
