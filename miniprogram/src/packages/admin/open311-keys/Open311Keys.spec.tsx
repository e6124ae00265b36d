import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Open311KeyCreated, Open311KeyView } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { Open311KeysScreen } from './Open311Keys';

const COUNTY = { id: 1, name: '岚川县' };
const ACTIVE: Open311KeyView = {
  id: 3,
  name: '12345 热线平台',
  prefix: 'a1b2c3d4e5f6',
  jurisdictionUnitId: 1,
  jurisdictionId: 'county',
  ratePerHour: 600,
  createdAt: '2026-12-01T02:00:00.000Z',
  revokedAt: null,
  lastUsedAt: '2026-12-05T03:00:00.000Z',
};
const REVOKED: Open311KeyView = {
  ...ACTIVE,
  id: 2,
  name: '旧平台',
  createdAt: '2026-11-01T02:00:00.000Z',
  revokedAt: '2026-11-20T02:00:00.000Z',
  lastUsedAt: null,
};
const NEW_KEY = 'o311_0123456789ab0123456789abcdef0123456789ab';

/** Answers by method, recording [method, url, body]. */
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

describe('the Open311 keys screen', () => {
  it('lists the keys, newest first, with their county, prefix, limit and state, never a whole key', async () => {
    const asked = serve({ GET: [[200, [REVOKED, ACTIVE]]] });
    render(<Open311KeysScreen counties={[COUNTY]} />);
    const items = await screen.findAllByTestId('open311-key-item');
    expect(asked[0]![1]).toContain('/admin/open311/keys');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['active', 'revoked']);
    expect(items[0]!.textContent).toContain('岚川县（jurisdiction_id：county）');
    expect(items[0]!.textContent).toContain('密钥开头 a1b2c3d4e5f6… · 每小时最多 600 次');
    expect(items[0]!.textContent).toContain('最近使用');
    expect(items[1]!.textContent).toContain('已停用');
    expect(screen.getAllByTestId('open311-key-revoke')).toHaveLength(1);
  });

  it('says so when there is no key yet', async () => {
    serve({ GET: [[200, []]] });
    render(<Open311KeysScreen counties={[COUNTY]} />);
    expect((await screen.findByTestId('open311-keys-empty')).textContent).toContain('还没有接口密钥');
  });

  it('creates a key and shows it once, with a copy button and a warning, keeping it out of the list', async () => {
    const created: Open311KeyCreated = {
      ...ACTIVE,
      id: 4,
      name: '市级平台',
      ratePerHour: 120,
      createdAt: '2026-12-06T02:00:00.000Z',
      lastUsedAt: null,
      apiKey: NEW_KEY,
    };
    const asked = serve({ GET: [[200, [ACTIVE]]], POST: [[201, created]] });
    render(<Open311KeysScreen counties={[COUNTY]} />);
    await screen.findAllByTestId('open311-key-item');
    fireEvent.click(screen.getByTestId('open311-key-new'));
    // Nothing is sent without a name; the one county is already chosen.
    fireEvent.click(screen.getByTestId('open311-key-submit'));
    expect(screen.getByTestId('open311-key-error').textContent).toContain('请填写对接平台的名称');
    type('open311-key-name', ' 市级平台 ');
    type('open311-key-rate', '0');
    fireEvent.click(screen.getByTestId('open311-key-submit'));
    expect(screen.getByTestId('open311-key-error').textContent).toContain('1 到 100000');
    type('open311-key-rate', '120');
    fireEvent.click(screen.getByTestId('open311-key-submit'));

    expect((await screen.findByTestId('open311-key-value')).textContent).toBe(NEW_KEY);
    const post = asked.find(([m]) => m === 'POST')!;
    expect(post[1]).toContain('/admin/open311/keys');
    expect(post[2]).toEqual({ name: '市级平台', jurisdictionUnitId: 1, ratePerHour: 120 });
    expect(screen.getByTestId('open311-key-once').textContent).toContain('只显示这一次');
    fireEvent.click(screen.getByTestId('open311-key-copy'));
    expect((taro.setClipboardData.mock.calls[0]![0] as unknown as { data: string }).data).toBe(NEW_KEY);
    const items = screen.getAllByTestId('open311-key-item');
    expect(items.map((i) => i.getAttribute('data-key-id'))).toEqual(['4', '3']);
    expect(items[0]!.textContent).not.toContain(NEW_KEY);

    fireEvent.click(screen.getByTestId('open311-key-done'));
    expect(screen.queryByTestId('open311-key-created')).toBeNull();
    expect(document.body.textContent).not.toContain(NEW_KEY);
  });

  it('asks which county when the admin has several', async () => {
    const asked = serve({ GET: [[200, []]], POST: [[201, { ...ACTIVE, apiKey: NEW_KEY }]] });
    render(<Open311KeysScreen counties={[COUNTY, { id: 9, name: '青山县' }]} />);
    await screen.findByTestId('open311-keys-empty');
    fireEvent.click(screen.getByTestId('open311-key-new'));
    type('open311-key-name', '12345 热线平台');
    fireEvent.click(screen.getByTestId('open311-key-submit'));
    expect(screen.getByTestId('open311-key-error').textContent).toContain('请选择县');
    fireEvent.click(screen.getAllByTestId('open311-key-county')[1]!);
    fireEvent.click(screen.getByTestId('open311-key-submit'));
    await screen.findByTestId('open311-key-created');
    expect(asked.find(([m]) => m === 'POST')![2]).toMatchObject({ jurisdictionUnitId: 9 });
  });

  it('revokes a key only after a confirmation that names it', async () => {
    const asked = serve({
      GET: [[200, [ACTIVE]]],
      POST: [[200, { ...ACTIVE, revokedAt: '2026-12-06T03:00:00.000Z' }]],
    });
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never);
    render(<Open311KeysScreen counties={[COUNTY]} />);
    await screen.findAllByTestId('open311-key-item');
    fireEvent.click(screen.getByTestId('open311-key-revoke'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    const modal = taro.showModal.mock.calls[0]![0] as unknown as { title: string; content: string };
    expect(modal.title).toBe('停用这个接口密钥？');
    expect(modal.content).toContain('12345 热线平台 · 岚川县（a1b2c3d4e5f6…）');
    expect(asked.some(([m]) => m === 'POST')).toBe(false);

    taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false } as never);
    fireEvent.click(screen.getByTestId('open311-key-revoke'));
    await waitFor(() =>
      expect(screen.getByTestId('open311-key-item').getAttribute('data-status')).toBe('revoked'),
    );
    expect(asked.find(([m]) => m === 'POST')![1]).toContain('/admin/open311/keys/3/revoke');
    expect(screen.queryByTestId('open311-key-revoke')).toBeNull();
  });
});
