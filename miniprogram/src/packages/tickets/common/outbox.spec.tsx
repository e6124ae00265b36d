import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { taro } from '@test/taro';
import { enqueueComment, flushOutbox, getOutbox, reloadOutbox } from '@/api/offline-outbox';
import { ApiError } from '@/api/request';
import { OutboxList } from './outbox';

const OWNER = 7;
const CONTENT = '石桥村东头路灯坏了一个月，晚上出行不便';

function keep(key: string) {
  enqueueComment({
    key,
    ownerId: OWNER,
    body: { officialId: 3, content: CONTENT, publicAllowed: true },
    label: '李明',
  });
}

beforeEach(() => {
  reloadOutbox();
});

describe('the comments kept on the phone in 我的留言', () => {
  it('lists a comment written offline as 待发送, with what it is about', () => {
    keep('tkey-offline-0000001');

    render(<OutboxList userId={OWNER} shownIds={new Set()} onSent={() => undefined} />);

    const item = screen.getByTestId('outbox-item');
    expect(item.getAttribute('data-state')).toBe('pending');
    expect(screen.getByTestId('outbox-state').textContent).toBe('待发送');
    expect(item.textContent).toContain(CONTENT);
    expect(item.textContent).toContain('联网后自动发送');
  });

  it("shows a refused comment as 发送失败 with the server's reason, and deletes it only after asking", async () => {
    keep('tkey-offline-0000002');
    await flushOutbox(OWNER, () =>
      Promise.reject(
        new ApiError({ code: 'TICKET.DUPLICATE', status: 409, message: '这条留言已经提交过了' }),
      ),
    );
    render(<OutboxList userId={OWNER} shownIds={new Set()} onSent={() => undefined} />);
    expect(screen.getByTestId('outbox-state').textContent).toBe('发送失败');
    expect(screen.getByTestId('outbox-hint').textContent).toContain('这条留言已经提交过了');

    taro.showModal.mockResolvedValueOnce({ confirm: false } as never);
    fireEvent.click(screen.getByTestId('outbox-delete'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(getOutbox()).toHaveLength(1);

    taro.showModal.mockResolvedValueOnce({ confirm: true } as never);
    fireEvent.click(screen.getByTestId('outbox-delete'));
    await waitFor(() => expect(screen.queryByTestId('outbox-item')).toBeNull());
    expect(getOutbox()).toHaveLength(0);
  });

  it('shows 已发送 once sent, and reloads the list', async () => {
    keep('tkey-offline-0000003');
    let reloads = 0;
    render(<OutboxList userId={OWNER} shownIds={new Set()} onSent={() => reloads++} />);

    await act(async () => {
      await flushOutbox(OWNER, () => Promise.resolve({ id: 51 } as never));
    });

    expect(screen.getByTestId('outbox-state').textContent).toBe('已发送');
    expect(reloads).toBe(1);
  });
});
