import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { TicketCreated, TicketCreateRequest } from '@jinri/shared';

import { taro } from '@test/taro';
import {
  enqueueComment,
  flushOutbox,
  getOutbox,
  reloadOutbox,
  removeFromOutbox,
  retryOutboxItem,
  type OutboxSender,
} from './offline-outbox';
import { ApiError } from './request';

const OWNER = 7;
const KEY = 'tabc123-offline-key-1';

function body(content = '石桥村东头路灯坏了一个月，晚上出行不便'): TicketCreateRequest {
  return { officialId: 3, content, publicAllowed: true };
}

const created = (id: number) => ({ id, queryCode: 'AB12CD34' }) as unknown as TicketCreated;
const offline = () => new ApiError({ code: 'COMMON.UNAVAILABLE', status: 0, message: '网络不可用' });

function sender(...answers: Array<TicketCreated | ApiError>) {
  const calls: Array<{ content: string; key: string }> = [];
  const send = jest.fn<OutboxSender>((b, key) => {
    calls.push({ content: b.content, key });
    const next = answers.shift();
    if (!next) throw new Error('unexpected send');
    return next instanceof ApiError ? Promise.reject(next) : Promise.resolve(next);
  });
  return { send, calls };
}

beforeEach(() => {
  reloadOutbox(); // storage was reset under it
});

describe('the outbox of comments written offline', () => {
  it('keeps a comment on the phone (storage), so a restart still has it', () => {
    enqueueComment({ key: KEY, ownerId: OWNER, body: body(), label: '李明' });

    expect(taro.setStorageSync).toHaveBeenCalled();
    reloadOutbox();
    expect(getOutbox()).toEqual([
      expect.objectContaining({ key: KEY, ownerId: OWNER, state: 'pending', label: '李明' }),
    ]);
  });

  it('sends it once when the network returns, with the key it was written with', async () => {
    enqueueComment({ key: KEY, ownerId: OWNER, body: body(), label: '' });
    const { send, calls } = sender(created(41));

    await expect(flushOutbox(OWNER, send)).resolves.toBe(1);
    await expect(flushOutbox(OWNER, send)).resolves.toBe(0);

    expect(calls).toEqual([{ content: body().content, key: KEY }]);
    expect(getOutbox()[0]).toMatchObject({ state: 'sent', ticketId: 41 });
  });

  it('shares one run between calls made at the same time', async () => {
    enqueueComment({ key: KEY, ownerId: OWNER, body: body(), label: '' });
    const { send } = sender(created(41));

    await Promise.all([flushOutbox(OWNER, send), flushOutbox(OWNER, send), flushOutbox(OWNER, send)]);

    expect(send).toHaveBeenCalledTimes(1);
  });

  it('goes back to 待发送 when the network is still down, and stops there; the retry uses the same key', async () => {
    enqueueComment({ key: KEY, ownerId: OWNER, body: body(), label: '' });
    enqueueComment({
      key: 'tsecond-offline-key-2',
      ownerId: OWNER,
      body: body('第二条：村口的桥栏杆松了，很危险'),
      label: '',
    });
    const first = sender(offline());

    await expect(flushOutbox(OWNER, first.send)).resolves.toBe(0);

    expect(first.send).toHaveBeenCalledTimes(1);
    expect(getOutbox().map((i) => i.state)).toEqual(['pending', 'pending']);
    const again = sender(created(41), created(42));
    await expect(flushOutbox(OWNER, again.send)).resolves.toBe(2);
    expect(again.calls.map((c) => c.key)).toEqual([KEY, 'tsecond-offline-key-2']);
  });

  it("keeps a refused comment as 发送失败 with the server's message, and does not send it again by itself", async () => {
    enqueueComment({ key: KEY, ownerId: OWNER, body: body(), label: '' });
    const refusal = new ApiError({
      code: 'TICKET.DUPLICATE',
      status: 409,
      message: '您已经提交过相同的留言',
    });
    const { send } = sender(refusal);

    await flushOutbox(OWNER, send);
    await flushOutbox(OWNER, send);

    expect(send).toHaveBeenCalledTimes(1);
    expect(getOutbox()[0]).toMatchObject({ state: 'failed', error: '您已经提交过相同的留言' });
    expect(getOutbox()[0]!.body.content).toBe(body().content);

    retryOutboxItem(KEY);
    const retried = sender(created(43));
    await flushOutbox(OWNER, retried.send);
    expect(getOutbox()[0]).toMatchObject({ state: 'sent', ticketId: 43 });
  });

  it("sends only the signed-in resident's comments", async () => {
    enqueueComment({ key: KEY, ownerId: 99, body: body(), label: '' });
    const { send } = sender();

    await expect(flushOutbox(OWNER, send)).resolves.toBe(0);

    expect(send).not.toHaveBeenCalled();
  });

  it('deletes a comment only when asked', () => {
    enqueueComment({ key: KEY, ownerId: OWNER, body: body(), label: '' });

    removeFromOutbox(KEY);

    expect(getOutbox()).toEqual([]);
  });
});
