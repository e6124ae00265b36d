import type { TodayPlan, TodayResponse } from '@jinri/shared';
import {
  escapeHtml,
  FIRST_SCREEN_END,
  FIRST_SCREEN_START,
  formatDate,
  renderFirstScreen,
} from './first-screen';
import { FirstScreenCache } from './h5-static';

const WORKDAY = { date: '2026-12-07', isWorkday: true, name: null, nextWorkday: '2026-12-08' };

function plan(id: number, overrides: Partial<TodayPlan> = {}): TodayPlan {
  return {
    official: { id, name: `干部${id}`, post: '副镇长', unit: { id: 3, name: '城关街道' } },
    status: 'published',
    entries: [
      {
        id: id * 10,
        position: 1,
        startTime: '09:00',
        endTime: '11:30',
        period: null,
        place: '东村',
        placeUnit: null,
        what: '走访低保户',
        kind: 'visit',
        meetingName: null,
        matterIds: [],
        status: 'planned',
        modifiedAt: null,
        updates: [],
      },
    ] as unknown as TodayPlan['entries'],
    ...overrides,
  };
}

function day(overrides: Partial<TodayResponse> = {}): TodayResponse {
  return {
    date: '2026-12-07',
    day: WORKDAY,
    unit: { id: 3, name: '城关街道', kind: 'town' },
    plans: [plan(1), plan(2, { status: 'on_leave', entries: [] })],
    ...overrides,
  };
}

const render = (today: TodayResponse, nowMinutes = 10 * 60) =>
  renderFirstScreen({ today, nowMinutes, publicationTime: '08:00', maxQueryLength: 50 });

describe('the static first screen', () => {
  it("shows the heading, the ask box as a form and today's cards from the data", () => {
    const sut = render(day());
    expect(sut.startsWith(FIRST_SCREEN_START)).toBe(true);
    expect(sut.endsWith(FIRST_SCREEN_END)).toBe(true);
    expect(sut).toContain('<h1 class="fs-title" data-static="heading">今日工作</h1>');
    expect(sut).toContain('<header>');
    expect(sut).toContain('<main');
    expect(sut).toContain('办什么事？找谁办？');
    expect(sut).toMatch(
      /<form class="fs-form" action="\/find" method="get"><input[^>]*name="q"[^>]*aria-label="要办的事或干部姓名"/,
    );
    expect(sut).toContain(`<a class="fs-chip" href="/find?q=${encodeURIComponent('低保')}">低保</a>`);
    expect(sut).toContain('12月7日 星期一');
    expect(sut.match(/data-static="official-card"/g)).toHaveLength(2);
    expect(sut).toContain('href="/#/pages/official/index?id=1"');
    expect(sut).toContain('09:00–11:30');
    expect(sut).toContain('走访低保户');
    expect(sut).toContain('今日请假');
    expect(sut).toContain('共 2 人 · 已公示 1 · 请假 1');
  });

  it('escapes every text from the data, so a plan entry cannot add markup', () => {
    const hostile = '<script>alert(1)</script>"\'&';
    const entries = plan(1).entries.map((e) => ({
      ...e,
      what: hostile,
      place: `<img src=x onerror=alert(1)>`,
    }));
    const sut = render(
      day({
        unit: { id: 3, name: `<b>${hostile}`, kind: 'town' },
        plans: [
          plan(1, {
            entries,
            official: {
              id: 1,
              name: hostile,
              post: `"><svg onload=alert(1)>`,
              unit: { id: 9, name: hostile },
            },
          }),
          plan(2),
        ],
      }),
    );
    expect(sut).not.toContain('<script');
    expect(sut).not.toContain('<img');
    expect(sut).not.toContain('<svg');
    expect(sut).not.toContain('<b>');
    expect(sut).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it("gives a unit without officials the app's empty answer", () => {
    const sut = render(day({ plans: [] }));
    expect(sut).toContain('data-static="empty"');
    expect(sut).toContain('城关街道暂未登记干部，请选择其他单位');
    expect(sut).not.toContain('data-static="official-card"');
  });

  it('says when the plans will be published, before the publication time with nothing published', () => {
    const sut = render(day({ plans: [plan(1, { status: 'not_published', entries: [] })] }), 7 * 60);
    expect(sut).toContain('data-static="not-yet"');
    expect(sut).toContain('今日日程将于早上 08:00 公示');
    expect(render(day({ plans: [plan(1, { status: 'not_published', entries: [] })] }), 9 * 60)).toContain(
      '今日日程未公示',
    );
  });

  it('says it is a rest day and names the next working day, above the cards on duty', () => {
    const sut = render(
      day({
        day: { date: '2026-12-06', isWorkday: false, name: '周末', nextWorkday: '2026-12-07' },
        plans: [plan(1), plan(2, { status: 'rest_day', entries: [] })],
      }),
      7 * 60,
    );
    expect(sut).toContain('data-static="rest-day"');
    expect(sut).toContain('今日休息（周末）');
    expect(sut).toContain('下一个工作日：12月7日 星期一');
    expect(sut.match(/data-static="official-card"/g)).toHaveLength(2);
  });

  it('shows only the fields of the public today page, never anything else in the data', () => {
    const leaky = plan(1, {
      official: {
        id: 1,
        name: '张三',
        post: '镇长',
        unit: { id: 3, name: '城关街道' },
        phone: '13800138000',
        openid: 'wx-secret',
      } as never,
    });
    const sut = render(day({ plans: [leaky], reporter: { name: '李四', phone: '13900000000' } } as never));
    expect(sut).not.toMatch(/1380013|1390000|wx-secret|李四/);
  });

  it("shows the county's own leaders on the county page", () => {
    const county = day({
      unit: { id: 1, name: '示范县', kind: 'county' },
      plans: [
        plan(1, { official: { id: 1, name: '县长', post: '县长', unit: { id: 1, name: '示范县' } } }),
        plan(2),
      ],
    });
    const sut = render(county);
    expect(sut.match(/data-static="official-card"/g)).toHaveLength(1);
  });

  it('names dates as the app does', () => {
    expect(formatDate('2026-11-24')).toBe('11月24日 星期二');
  });
});

describe('the first screen cache', () => {
  const body = Buffer.from(JSON.stringify(day()));

  it('renders once per unit and answer within its time, again when the plans change or time passes', () => {
    let now = new Date('2026-12-07T02:00:00Z');
    const sut = new FirstScreenCache(() => now);
    const first = sut.get(3, '"a"', body);
    expect(first).toContain('干部1');
    expect(sut.get(3, '"a"', Buffer.from('not json'))).toBe(first); // cached: not rendered again
    expect(sut.get(3, '"b"', Buffer.from(JSON.stringify(day({ plans: [] }))))).toContain(
      'data-static="empty"',
    );
    now = new Date(now.getTime() + 31_000);
    expect(sut.get(3, '"a"', Buffer.from('not json'))).toBeNull();
  });
});
