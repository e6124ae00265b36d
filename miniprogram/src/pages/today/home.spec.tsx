import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type {
  MatterSummaryWithCount,
  OfficialRef,
  PopularHandlers,
  TodayResponse,
  UnitChildrenResponse,
} from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { setMyVillage, skipMyVillage } from '@/hooks/useMyVillage';
import FindPage from '../find/index';
import { takePendingQuery } from '../find/handoff';
import TodayPage from './index';
import { presenceWord } from './HomeAsk';
import { DEFAULT_CHIPS } from './popular';

const root: UnitChildrenResponse = {
  unit: { id: 1, name: '清河县', kind: 'county', parentId: null },
  ancestors: [],
  children: [{ id: 11, name: '城关镇', kind: 'town', parentId: 1, childCount: 2 }],
};
const town: UnitChildrenResponse = {
  unit: { id: 11, name: '城关镇', kind: 'town', parentId: 1 },
  ancestors: [root.unit],
  children: [
    { id: 111, name: '石桥村', kind: 'village', parentId: 11, childCount: 0 },
    { id: 112, name: '柳树村', kind: 'village', parentId: 11, childCount: 0 },
  ],
};

function todayAnswer(plans: TodayResponse['plans'] = [wangPlan()]): TodayResponse {
  return {
    date: '2026-12-09',
    day: { date: '2026-12-09', isWorkday: true, name: null, nextWorkday: '2026-12-10' },
    unit: { id: 11, name: '城关镇', kind: 'town' },
    plans,
  };
}

function wangPlan(): TodayResponse['plans'][number] {
  return {
    official: { id: 5, name: '王强', post: '镇长', unit: { id: 11, name: '城关镇' } },
    status: 'not_published',
    entries: [],
  };
}

const popular: MatterSummaryWithCount[] = [
  { id: 31, name: '低保申请', category: '社会救助' },
  { id: 32, name: '医保报销', category: '医疗' },
];

function handler(kind: OfficialRef['status']['kind'], place?: string): OfficialRef {
  return {
    id: 7,
    name: '李梅',
    post: '民政专干',
    unit: { id: 11, name: '城关镇' },
    status: { kind, text: '在办公室', place },
  };
}

const handlers: PopularHandlers = [
  {
    id: 31,
    name: '低保申请',
    category: '社会救助',
    department: { id: 2, name: '民政局' },
    officials: [handler('in_office')],
  },
  { id: 32, name: '医保报销', category: '医疗', department: { id: 3, name: '医保局' }, officials: [] },
];

type Answer = { status?: number; data: unknown } | 'pending';
type Routes = Partial<Record<'units' | 'town' | 'today' | 'popular' | 'handlers' | 'search', Answer>>;

/** Answers each request by its path; 'pending' never answers (the data has not arrived). */
function serve(routes: Routes) {
  const calls: string[] = [];
  taro.request.mockImplementation(((options: { url: string }) => {
    const url = options.url;
    calls.push(url);
    const route: keyof Routes = url.includes('/matters/popular/handlers')
      ? 'handlers'
      : url.includes('/matters/popular')
        ? 'popular'
        : url.includes('/today')
          ? 'today'
          : url.includes('/search')
            ? 'search'
            : url.includes('parentId=11')
              ? 'town'
              : 'units';
    const answer = routes[route] ?? { data: defaults[route] };
    if (answer === 'pending') return new Promise(() => undefined);
    const status = answer.status ?? 200;
    const data =
      status === 200 ? answer.data : { code: 'COMMON.INTERNAL', message: '服务器开小差了，请稍后再试' };
    return Promise.resolve({ statusCode: status, data, header: {} });
  }) as never);
  return calls;
}

const defaults: Record<keyof Routes, unknown> = {
  units: root,
  town,
  today: todayAnswer(),
  popular,
  handlers,
  search: { q: '低保', matters: [], officials: [] },
};

// The page's clock on the fixtures' day at 10:00 in the county: before the publication time (08:00)
// an unpublished list shows 日程将于早上 08:00 公示 instead of the cards, so a run between 16:00 and 24:00
// UTC failed.
const NOW = Date.parse('2026-12-09T02:00:00Z');

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  clearLoadCache();
  skipMyVillage(); // no village remembered (the store outlives a test)
});

// Answers that arrive after a test's last look (the deferred popular list) settle inside act.
afterEach(async () => {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  jest.restoreAllMocks();
});

describe('the first screen (今日)', () => {
  it('shows the search box, 我的村 and the common matters before any data arrives', () => {
    serve({ units: 'pending', today: 'pending', popular: 'pending' });
    render(<TodayPage />);

    const ask = screen.getByTestId('home-ask');
    expect(ask.getAttribute('role')).toBe('search');
    const box = within(ask).getByTestId('home-search');
    expect(box.getAttribute('aria-label')).toBe('要办的事或干部姓名');
    expect(within(ask).getByTestId('home-search-submit').textContent).toBe('查找');
    expect(within(ask).getByTestId('home-village-name').textContent).toBe('未选择');
    expect(within(ask).getByTestId('home-village-change').textContent).toBe('选择我的村');
    expect(
      within(ask)
        .getAllByTestId('home-chip')
        .map((c) => c.textContent),
    ).toEqual(DEFAULT_CHIPS.map((c) => c.name));
    expect(screen.getByTestId('today-list').getAttribute('data-state')).toBe('loading');
  });

  it('asks for the popular matters and my village’s handlers only after the list has settled', async () => {
    setMyVillage({ id: 11, name: '城关镇' }, { id: 111, name: '石桥村' });
    let answerToday: (value: unknown) => void = () => undefined;
    const calls: string[] = [];
    taro.request.mockImplementation(((options: { url: string }) => {
      calls.push(options.url);
      if (options.url.includes('/today'))
        return new Promise((resolve) => {
          answerToday = resolve;
        });
      const data = options.url.includes('/matters/popular/handlers')
        ? handlers
        : options.url.includes('/matters/popular')
          ? popular
          : root;
      return Promise.resolve({ statusCode: 200, data, header: {} });
    }) as never);
    render(<TodayPage />);
    await waitFor(() => expect(calls.some((u) => u.includes('/today'))).toBe(true));
    expect(calls.filter((u) => u.includes('/matters'))).toEqual([]);

    await act(async () => {
      answerToday({ statusCode: 200, data: todayAnswer(), header: {} });
      await Promise.resolve();
    });
    await screen.findByTestId('official-card');
    await waitFor(() => expect(screen.getAllByTestId('home-handler')).toHaveLength(2));
    expect(calls.some((u) => u.includes('/matters/popular/handlers') && u.includes('unitId=111'))).toBe(true);
  });

  it('shows, for my village, who handles the top matters and whether they are in today', async () => {
    setMyVillage({ id: 11, name: '城关镇' }, { id: 111, name: '石桥村' });
    serve({});
    render(<TodayPage />);

    expect(screen.getByTestId('home-village-name').textContent).toBe('石桥村');
    expect(screen.getByTestId('home-village-change').textContent).toBe('更换');
    const rows = await screen.findAllByTestId('home-handler');
    expect(rows[0]!.textContent).toContain('低保申请');
    expect(rows[0]!.textContent).toContain('李梅');
    expect(within(rows[0]!).getByTestId('home-presence').textContent).toBe('✓ 在岗');
    expect(rows[1]!.textContent).toContain('点开查看去哪里办');
    expect(screen.getByTestId('home-handlers').textContent).toContain('为石桥村办事的干部');

    fireEvent.click(rows[0]!);
    expect(taro.navigateTo.mock.calls).toContainEqual([{ url: '/pages/matter/index?id=31' }]);
  });

  it('names where an official is today in one word', () => {
    expect(presenceWord(handler('in_office').status)).toBe('在岗');
    expect(presenceWord(handler('out', '魏庄村').status)).toBe('下村');
    expect(presenceWord(handler('out', '县政府').status)).toBe('外出');
    expect(presenceWord(handler('on_leave').status)).toBe('请假');
    expect(presenceWord(handler('no_plan').status)).toBe('未公示');
  });

  it('replaces the default chips with the county’s most asked matters and keeps them for next time', async () => {
    serve({});
    const { unmount } = render(<TodayPage />);
    await waitFor(() =>
      expect(screen.getAllByTestId('home-chip').map((c) => c.textContent)).toEqual(['低保申请', '医保报销']),
    );
    fireEvent.click(screen.getAllByTestId('home-chip')[1]!);
    expect(taro.navigateTo.mock.calls).toContainEqual([{ url: '/pages/matter/index?id=32' }]);
    unmount();

    // The next first paint draws them before any answer.
    clearLoadCache();
    serve({ units: 'pending', today: 'pending', popular: 'pending' });
    render(<TodayPage />);
    expect(screen.getAllByTestId('home-chip').map((c) => c.textContent)).toEqual(['低保申请', '医保报销']);
  });

  it('remembers the village picked once (town, then village) on the phone', async () => {
    serve({});
    const { unmount } = render(<TodayPage />);
    await screen.findByTestId('official-card');

    fireEvent.click(screen.getByTestId('home-village-change'));
    const sheet = await screen.findByTestId('village-sheet');
    fireEvent.click(await within(sheet).findByText('城关镇'));
    fireEvent.click(await within(sheet).findByText('石桥村'));

    expect(screen.queryByTestId('village-sheet')).toBeNull();
    expect(screen.getByTestId('home-village-name').textContent).toBe('石桥村');
    expect(taro.setStorageSync.mock.calls).toContainEqual([
      'jinri.find.myVillage',
      {
        town: { id: 11, name: '城关镇' },
        village: { id: 111, name: '石桥村' },
      },
    ]);
    // The village's handlers follow at once.
    expect(await screen.findAllByTestId('home-handler')).toHaveLength(2);
    unmount();

    render(<TodayPage />);
    expect(screen.getByTestId('home-village-name').textContent).toBe('石桥村');
    expect(screen.getByTestId('home-village').getAttribute('data-unit-id')).toBe('111');
    await screen.findByTestId('official-card');
  });

  it('sends what was typed to 找人办事, which searches it for the remembered village', async () => {
    setMyVillage({ id: 11, name: '城关镇' }, { id: 111, name: '石桥村' });
    const calls = serve({});
    const { unmount } = render(<TodayPage />);
    fireEvent.input(screen.getByTestId('home-search'), { target: { value: '低保' } });
    fireEvent.click(screen.getByTestId('home-search-submit'));
    expect(taro.switchTab.mock.calls).toContainEqual([{ url: '/pages/find/index' }]);
    unmount();

    render(<FindPage />);
    expect((screen.getByPlaceholderText('事项或姓名，如：低保、dibao') as HTMLInputElement).value).toBe(
      '低保',
    );
    await waitFor(() =>
      expect(calls.some((u) => u.includes('/search?q=%E4%BD%8E%E4%BF%9D&unitId=111'))).toBe(true),
    );
    expect(takePendingQuery()).toBeNull(); // taken once
  });

  it('sends a default chip’s word to 找人办事', () => {
    serve({ units: 'pending', today: 'pending' });
    render(<TodayPage />);
    fireEvent.click(screen.getAllByTestId('home-chip')[0]!);
    expect(taro.switchTab.mock.calls).toContainEqual([{ url: '/pages/find/index' }]);
    expect(takePendingQuery()).toBe('低保');
  });

  it('still shows today’s list below, with its summary', async () => {
    serve({});
    render(<TodayPage />);
    const card = await screen.findByTestId('official-card');
    expect(card.textContent).toContain('王强');
    expect(screen.getByTestId('today-summary').textContent).toContain('共 1 人');
    // The ask comes first on the page.
    const ask = screen.getByTestId('home-ask');
    expect(
      ask.compareDocumentPosition(screen.getByTestId('today-list')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('keeps the ask usable when the list fails, and says what to do', async () => {
    serve({ today: { status: 500, data: null } });
    render(<TodayPage />);
    expect(await screen.findByText('暂时读不到日程')).toBeTruthy();
    expect(screen.getByTestId('home-search')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });

  it('says so when a unit has no officials', async () => {
    serve({ today: { data: todayAnswer([]) } });
    render(<TodayPage />);
    expect(await screen.findByText('这里还没有干部信息')).toBeTruthy();
    expect(screen.getByTestId('home-ask')).toBeTruthy();
  });

  it('offers 重试 when my village’s handlers did not load, and leaves the section out when there are none', async () => {
    setMyVillage({ id: 11, name: '城关镇' }, { id: 111, name: '石桥村' });
    serve({ handlers: { status: 500, data: null } });
    const { unmount } = render(<TodayPage />);
    const error = await screen.findByTestId('home-handlers-error');
    expect(error.textContent).toContain('重试');

    serve({});
    fireEvent.click(within(error).getByText('重试'));
    expect(await screen.findAllByTestId('home-handler')).toHaveLength(2);
    unmount();

    clearLoadCache();
    serve({ handlers: { data: [] } });
    render(<TodayPage />);
    await screen.findByTestId('official-card');
    await waitFor(() => expect(screen.queryByTestId('home-handlers')).toBeNull());
  });
});
