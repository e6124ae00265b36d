import { atLocal } from '../../common/time/local-time';
import {
  boardDay,
  boardDays,
  type BoardFacts,
  type BoardMember,
  entryLine,
  LINE_MAX_CHARS,
  nextWeekOf,
  truncate,
  weeklyPlanLines,
} from './board-content';

const member: BoardMember = {
  officialId: 1,
  name: '王建国',
  title: '党委书记',
  tenures: [{ startDate: '2026-01-01', endDate: null }],
};
const workday = (date: string) => ({ date, workday: true });
const facts = (overrides: Partial<BoardFacts> = {}): BoardFacts => ({
  days: [],
  now: atLocal('2026-11-30', '10:00'),
  plans: new Map(),
  leaves: new Map(),
  weeklyNextPlans: new Map(),
  nextWeekPlans: new Map(),
  resolvedByOfficial: new Map(),
  ...overrides,
});
const entry = (what: string, extra: Partial<Parameters<typeof entryLine>[0]> = {}) => ({
  startTime: '09:00',
  period: null,
  place: '魏庄村',
  what,
  ...extra,
});

describe('what the weekly board says', () => {
  it('writes an entry as one short line: time, place (unless the text names it), what', () => {
    expect(entryLine(entry('调度秋粮收购'))).toBe('09:00 魏庄村 调度秋粮收购');
    expect(entryLine(entry('到魏庄村调度秋粮收购'))).toBe('09:00 到魏庄村调度秋粮收购');
    expect(entryLine(entry('值班', { startTime: null, period: 'allday', place: null }))).toBe('全天 值班');
    expect(entryLine(entry('走访\n低保户', { startTime: null, place: null }))).toBe('走访 低保户');
  });

  it('cuts a long entry and marks the cut', () => {
    const line = entryLine(entry('调'.repeat(200)));
    expect([...line]).toHaveLength(LINE_MAX_CHARS);
    expect(line.endsWith('…')).toBe(true);
    expect(truncate('短句', 5)).toBe('短句');
  });

  it('marks leave as 请假, a working day without a plan as 未报送, and a later day as 待公示', () => {
    const sut = boardDay;
    const withLeave = facts({ leaves: new Map([[1, [{ startDate: '2026-11-24', endDate: '2026-11-25' }]]]) });
    expect(sut(member, workday('2026-11-24'), withLeave)).toEqual({
      date: '2026-11-24',
      status: 'on_leave',
      lines: [],
    });
    expect(sut(member, workday('2026-11-26'), withLeave).status).toBe('missing');
    expect(sut(member, workday('2026-12-01'), withLeave).status).toBe('pending');
    const beforeEight = facts({ now: atLocal('2026-11-30', '07:30') });
    expect(sut(member, workday('2026-11-30'), beforeEight).status).toBe('pending');
    expect(sut(member, workday('2026-11-30'), facts()).status).toBe('missing');
    expect(sut(member, { date: '2026-11-28', workday: false }, facts()).status).toBe('rest');
  });

  it('prints the published plan of a day, even on a rest day or a day of leave', () => {
    const plans = new Map([[1, new Map([['2026-11-28', [entry('防汛值班')]]])]]);
    const onLeave = new Map([[1, [{ startDate: '2026-11-28', endDate: '2026-11-28' }]]]);
    expect(
      boardDay(member, { date: '2026-11-28', workday: false }, facts({ plans, leaves: onLeave })),
    ).toEqual({
      date: '2026-11-28',
      status: 'published',
      lines: ['09:00 魏庄村 防汛值班'],
    });
  });

  it('marks the days outside the official’s tenure with a dash, not 未报送', () => {
    const newcomer = { ...member, tenures: [{ startDate: '2026-11-25', endDate: null }] };
    expect(boardDay(newcomer, workday('2026-11-24'), facts()).status).toBe('not_in_post');
    expect(boardDay(newcomer, workday('2026-11-25'), facts()).status).toBe('missing');
  });

  it('takes next week’s plan from the weekly report, one line per item', () => {
    const report = '1. 推进魏庄村道路硬化；2. 开展冬季防火巡查\n（3）召开联席会议。';
    expect(weeklyPlanLines(report)).toEqual(['推进魏庄村道路硬化', '开展冬季防火巡查', '召开联席会议。']);
    const plans = new Map([[1, new Map([['2026-11-30', [entry('调度秋粮收购')]]])]]);
    expect(
      nextWeekOf(1, facts({ weeklyNextPlans: new Map([[1, report]]), nextWeekPlans: plans })),
    ).toMatchObject({
      source: 'weekly_report',
      lines: ['推进魏庄村道路硬化', '开展冬季防火巡查', '召开联席会议。'],
    });
  });

  it('falls back to next week’s published day plans, then to nothing', () => {
    const plans = new Map([
      [
        1,
        new Map([
          ['2026-12-01', [entry('走访低保户', { startTime: '14:30' })]],
          ['2026-11-30', [entry('调度秋粮收购')]],
        ]),
      ],
    ]);
    expect(nextWeekOf(1, facts({ nextWeekPlans: plans }))).toEqual({
      source: 'day_plans',
      lines: ['周一 09:00 魏庄村 调度秋粮收购', '周二 14:30 魏庄村 走访低保户'],
    });
    expect(nextWeekOf(1, facts({ weeklyNextPlans: new Map([[1, '  \n ']]) }))).toEqual({
      source: 'none',
      lines: [],
    });
  });

  it('prints the working days of the week, 调休 Saturdays and rest days someone worked', () => {
    const workdays = new Set([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
    const days = boardDays('2026-11-23', (d) => workdays.has(d), new Set(['2026-11-29']));
    expect(days.map((d) => `${d.label}${d.workday ? '' : '(休)'}`)).toEqual([
      '周一',
      '周二',
      '周三',
      '周四',
      '周五',
      '周六',
      '周日(休)',
    ]);
  });
});
