import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { taro } from '@test/taro';
import { NETWORK_ERROR_MESSAGE } from '@/api/request';
import { supervisionDraftKeys } from './drafts';
import { ExplainForm } from './ExplainForm';
import { findingFixture } from './fixtures';

const now = Date.parse('2026-12-04T08:00:00.000Z');

/** Taro storage as this page uses it. */
const storage = {
  get: (key: string): unknown => (taro.getStorageSync as unknown as (k: string) => unknown)(key),
  set: (key: string, value: string): void =>
    (taro.setStorageSync as unknown as (k: string, v: string) => void)(key, value),
};

interface Sent {
  url: string;
  method: string;
  data?: unknown;
}

function renderForm() {
  const onExplained = jest.fn();
  const onClosed = jest.fn();
  const onClose = jest.fn();
  render(
    <ExplainForm
      finding={findingFixture()}
      now={now}
      onExplained={onExplained}
      onClosed={onClosed}
      onClose={onClose}
    />,
  );
  return { onExplained, onClosed, onClose };
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('explain-submit'));
  });
}

function type(text: string) {
  fireEvent.change(screen.getByTestId('explain-text'), { target: { value: text } });
}

describe('ExplainForm', () => {
  it('shows what the finding rests on and until when it may be explained', () => {
    renderForm();
    expect(screen.getByTestId('explain').textContent).toContain('晚了 1 小时 10 分钟');
    expect(screen.getByTestId('explain-deadline').textContent).toContain('申辩截止：12月4日 17:00');
  });

  it('asks for a reason before sending anything', async () => {
    renderForm();
    await submit();
    expect(screen.getByTestId('form-error').textContent).toBe('请写明申辩理由');
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('sends the reason to the finding and hands back the answer', async () => {
    const sent: Sent[] = [];
    taro.request.mockImplementation((options: Sent) => {
      sent.push(options);
      return Promise.resolve({ statusCode: 200, header: {}, data: findingFixture({ state: 'explained' }) });
    });
    const { onExplained } = renderForm();
    type('  当天在县里开会，已报备  ');
    await submit();
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('POST');
    expect(sent[0].url).toBe('/api/v1/supervision/findings/41/explain');
    expect(sent[0].data).toEqual({ text: '当天在县里开会，已报备' });
    expect(onExplained).toHaveBeenCalledWith(expect.objectContaining({ state: 'explained' }));
  });

  it('keeps the text (in the box and on the phone) when the network fails', async () => {
    taro.request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail timeout' }));
    const { onExplained } = renderForm();
    type('当天在县里开会');
    await submit();
    expect(screen.getByTestId('form-error').textContent).toBe(NETWORK_ERROR_MESSAGE);
    expect((screen.getByTestId('explain-text') as HTMLTextAreaElement).value).toBe('当天在县里开会');
    expect(String(storage.get(supervisionDraftKeys.explain(41)))).toContain('当天在县里开会');
    expect(onExplained).not.toHaveBeenCalled();
  });

  it('hands a closed deadline back to the page instead of offering a retry', async () => {
    taro.request.mockImplementation(() =>
      Promise.resolve({
        statusCode: 409,
        header: {},
        data: { code: 'FINDING.EXPLAIN_CLOSED', message: '申辩期限已过' },
      }),
    );
    const { onClosed } = renderForm();
    type('理由');
    await submit();
    expect(onClosed).toHaveBeenCalledWith(expect.objectContaining({ code: 'FINDING.EXPLAIN_CLOSED' }));
  });

  it('picks up a draft left on the phone', () => {
    storage.set(supervisionDraftKeys.explain(41), JSON.stringify({ text: '上次没发出去', photos: [] }));
    renderForm();
    expect((screen.getByTestId('explain-text') as HTMLTextAreaElement).value).toBe('上次没发出去');
  });
});
