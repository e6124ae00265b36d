import { DEFAULT_RULES, type FindingEvidence } from '@jinri/shared';
import { addDays, atLocal } from '../../common/time/local-time';
import { WorkCalendar } from '../calendar/work-calendar';
import {
  type DailyFacts,
  dailyFindings,
  earlierWorkingDays,
  type EarlierPlan,
  officialsWithRepeats,
  recentWarnings,
  type PlanFacts,
  publishedEntries,
  ticketOverdueFindings,
  ticketSummary,
  weeklyFindings,
} from './finding-checks';

const calendar = new WorkCalendar();
const WEDNESDAY = '2026-11-25';
const NOW = atLocal(WEDNESDAY, '08:00');
const A = { officialId: 1, unitId: 10 };
const B = { officialId: 2, unitId: 10 };
let entryIds = 100;

const entry = (what: string, place: string | null = null, kind = '下村/实地') => ({
  entryId: (entryIds += 1),
  what,
  place,
  kind,
});

function plan(officialId: number, date: string, whats: string[], submitted = '17:00'): PlanFacts {
  return {
    officialId,
    status: 'published',
    submittedAt: atLocal(addDays(date, -1), submitted),
    entries: whats.map((w) => entry(w)),
  };
}

function facts(overrides: Partial<DailyFacts> = {}): DailyFacts {
  return {
    date: WEDNESDAY,
    now: NOW,
    officials: [A],
    plans: [plan(A.officialId, WEDNESDAY, ['到魏庄村调解宅基地纠纷'])],
    leaves: [],
    earlier: [],
    rules: { planDueTime: DEFAULT_RULES.planDueTime },
    calendar,
    ...overrides,
  };
}

const kinds = (f: DailyFacts) => dailyFindings(f).map((x) => x.kind);
const evidenceOf = <K extends FindingEvidence['kind']>(f: DailyFacts, kind: K) =>
  dailyFindings(f).find((x) => x.kind === kind)?.evidence as
    Extract<FindingEvidence, { kind: K }> | undefined;

/** The same official's published plans on the `n` working days before `date`, each with `what(i)`. */
function history(officialId: number, date: string, n: number, what: (i: number) => string): EarlierPlan[] {
  return earlierWorkingDays(calendar, date, n).map((d, i) => ({
    officialId,
    date: d,
    entries: [entry(what(i))],
  }));
}

describe('dailyFindings', () => {
  it('finds nothing for a specific plan handed in on time', () => {
    expect(dailyFindings(facts())).toEqual([]);
  });

  it('records a missing plan on a working day, due at 18:00 the day before', () => {
    const sut = dailyFindings(facts({ plans: [] }));
    expect(sut).toHaveLength(1);
    expect(sut[0]).toMatchObject({ officialId: 1, unitId: 10, date: WEDNESDAY, kind: 'missing' });
    expect(sut[0]!.evidence).toEqual({
      kind: 'missing',
      dueAt: atLocal('2026-11-24', '18:00').toISOString(),
      onLeave: false,
    });
  });

  it('gives the official until the end of the next working day to explain', () => {
    const [sut] = dailyFindings(facts({ plans: [] }));
    expect(sut!.explainDueAt.toISOString()).toBe(
      new Date(atLocal('2026-11-26', '23:59').getTime() + 59_000).toISOString(),
    );
  });

  it('records nothing for an official whose approved leave covers the day', () => {
    const leaves = [{ officialId: 1, startDate: '2026-11-24', endDate: '2026-11-26' }];
    expect(kinds(facts({ plans: [], leaves }))).toEqual([]);
  });

  it('still records a missing plan when the leave ended the day before', () => {
    const leaves = [{ officialId: 1, startDate: '2026-11-20', endDate: '2026-11-24' }];
    expect(kinds(facts({ plans: [], leaves }))).toEqual(['missing']);
  });

  it('records nothing on a Sunday', () => {
    expect(kinds(facts({ date: '2026-11-29', plans: [] }))).toEqual([]);
  });

  it('records nothing on National Day (2026-10-01), even for a vague plan', () => {
    expect(kinds(facts({ date: '2026-10-01', plans: [] }))).toEqual([]);
    expect(kinds(facts({ date: '2026-10-01', plans: [plan(1, '2026-10-01', ['日常工作'])] }))).toEqual([]);
  });

  it('counts the make-up Saturday 2026-02-14 as a working day', () => {
    expect(calendar.isWorkday('2026-02-14')).toBe(true);
    expect(kinds(facts({ date: '2026-02-14', plans: [] }))).toEqual(['missing']);
  });

  it('records a plan handed in at 18:01 the day before as one minute late', () => {
    const evidence = evidenceOf(
      facts({ plans: [plan(1, WEDNESDAY, ['到魏庄村调解宅基地纠纷'], '18:01')] }),
      'late',
    );
    expect(evidence).toEqual({
      kind: 'late',
      dueAt: atLocal('2026-11-24', '18:00').toISOString(),
      submittedAt: atLocal('2026-11-24', '18:01').toISOString(),
      minutesLate: 1,
    });
  });

  it('does not call a plan handed in at 17:59 the day before late', () => {
    expect(kinds(facts({ plans: [plan(1, WEDNESDAY, ['到魏庄村调解宅基地纠纷'], '17:59')] }))).toEqual([]);
  });

  it('reads the deadline from the jurisdiction rules', () => {
    const sut = facts({
      plans: [plan(1, WEDNESDAY, ['到魏庄村调解宅基地纠纷'], '18:30')],
      rules: { planDueTime: '20:00' },
    });
    expect(kinds(sut)).toEqual([]);
  });

  it('counts a submitted plan not yet published as handed in, without judging its entries', () => {
    const submitted: PlanFacts = { ...plan(1, WEDNESDAY, []), status: 'submitted' };
    expect(kinds(facts({ plans: [submitted] }))).toEqual([]);
  });

  it('lists every vague or too short entry in one vague finding', () => {
    const sut = facts({
      plans: [plan(1, WEDNESDAY, ['日常工作', '到魏庄村调解宅基地纠纷', '开会', '下村走访'])],
    });
    const evidence = evidenceOf(sut, 'vague')!;
    expect(evidence.entries.map((e) => e.what)).toEqual(['日常工作', '开会', '下村走访']);
    expect(evidence.entries[0]!.warnings).toContain('vague');
    expect(evidence.entries[1]!.warnings).toEqual(expect.arrayContaining(['vague', 'too_short']));
    expect(kinds(sut)).toEqual(['vague']);
  });

  it('does not flag a specific entry with a village and a matter', () => {
    expect(kinds(facts({ plans: [plan(1, WEDNESDAY, ['到魏庄村调解宅基地纠纷'])] }))).toEqual([]);
  });

  it('records a near-copy of the day before with small edits as repeated', () => {
    const sut = facts({
      plans: [plan(1, WEDNESDAY, ['检查城东拆迁项目进度'])],
      earlier: [{ officialId: 1, date: '2026-11-24', entries: [entry('检查城东拆迁项目')] }],
    });
    const evidence = evidenceOf(sut, 'repeated')!;
    expect(evidence.entries).toHaveLength(1);
    expect(evidence.entries[0]!.what).toBe('检查城东拆迁项目进度');
    expect(evidence.entries[0]!.similarTo[0]).toMatchObject({ date: '2026-11-24', what: '检查城东拆迁项目' });
    expect(evidence.entries[0]!.similarTo[0]!.similarity).toBeGreaterThanOrEqual(0.75);
    expect(evidence.streakDays).toBe(2);
  });

  it('counts the streak of a month of weekdays with the same entry, up to the look-back', () => {
    const earlier = history(1, WEDNESDAY, 25, (i) => (i % 2 ? '检查城东拆迁项目' : '检查城东拆迁项目进度'));
    const sut = facts({ plans: [plan(1, WEDNESDAY, ['检查城东拆迁项目'])], earlier });
    const evidence = evidenceOf(sut, 'repeated')!;
    expect(evidence.streakDays).toBe(21);
    expect(evidence.entries[0]!.similarTo).toHaveLength(5);
    expect(evidence.entries[0]!.similarTo[0]!.similarity).toBe(1);
  });

  it('ends the streak at the first working day without a near-copy', () => {
    const earlier = history(1, WEDNESDAY, 6, (i) =>
      i === 2 ? '到魏庄村调解宅基地纠纷' : '检查城东拆迁项目',
    );
    const evidence = evidenceOf(
      facts({ plans: [plan(1, WEDNESDAY, ['检查城东拆迁项目'])], earlier }),
      'repeated',
    )!;
    expect(evidence.streakDays).toBe(3);
  });

  it('skips the weekend in between when comparing Monday with Friday', () => {
    const monday = '2026-11-30';
    const sut = facts({
      date: monday,
      plans: [plan(1, monday, ['检查城东拆迁项目进度'])],
      earlier: [{ officialId: 1, date: '2026-11-27', entries: [entry('检查城东拆迁项目')] }],
    });
    expect(evidenceOf(sut, 'repeated')?.streakDays).toBe(2);
  });

  it('does not call different work in another village a repeat', () => {
    const sut = facts({
      plans: [plan(1, WEDNESDAY, ['到魏庄村调解宅基地纠纷'])],
      earlier: [{ officialId: 1, date: '2026-11-24', entries: [entry('到李集村督导秸秆禁烧工作')] }],
    });
    expect(kinds(sut)).toEqual([]);
  });

  it("never compares one official's entries with another's", () => {
    const sut = facts({
      officials: [A, B],
      plans: [plan(1, WEDNESDAY, ['检查城东拆迁项目']), plan(2, WEDNESDAY, ['到魏庄村调解宅基地纠纷'])],
      earlier: [{ officialId: 2, date: '2026-11-24', entries: [entry('检查城东拆迁项目')] }],
    });
    expect(dailyFindings(sut)).toEqual([]);
  });

  it('judges a plan withdrawn after publication by what was published', () => {
    const published = publishedEntries(
      [
        {
          id: 7,
          startTime: null,
          endTime: null,
          period: null,
          place: null,
          what: '日常工作',
          kind: '其他',
          status: 'active',
        },
      ],
      [
        {
          id: 7,
          what: '日常工作',
          place: null,
          kind: '其他',
          status: 'withdrawn',
          modifiedAt: atLocal(WEDNESDAY, '09:00'),
        },
      ],
      atLocal(WEDNESDAY, '08:00'),
    );
    const sut = facts({ plans: [{ ...plan(1, WEDNESDAY, []), entries: published }] });
    expect(evidenceOf(sut, 'vague')?.entries).toEqual([
      { entryId: 7, what: '日常工作', place: null, warnings: expect.arrayContaining(['vague']) },
    ]);
  });

  it('records findings for each official of the scope with their own unit', () => {
    const sut = dailyFindings(facts({ officials: [A, { officialId: 3, unitId: 11 }], plans: [] }));
    expect(sut.map((f) => [f.officialId, f.unitId])).toEqual([
      [1, 10],
      [3, 11],
    ]);
  });
});

describe('publishedEntries', () => {
  const publishedAt = atLocal(WEDNESDAY, '08:00');
  const before = atLocal('2026-11-24', '17:00');
  const after = atLocal(WEDNESDAY, '10:00');
  const row = (id: number, extra: Record<string, unknown>) => ({
    id,
    what: `条目${id}`,
    place: null,
    kind: '会议',
    status: 'active' as const,
    createdAt: before,
    modifiedAt: null,
    ...extra,
  });

  it("uses the published revision's active entries, whatever the plan says now", () => {
    const snapshot = [
      {
        id: 1,
        startTime: null,
        endTime: null,
        period: null,
        place: '魏庄村',
        what: '走访低保户',
        kind: '下村/实地',
        status: 'active' as const,
      },
      {
        id: 2,
        startTime: null,
        endTime: null,
        period: null,
        place: null,
        what: '撤回的',
        kind: '会议',
        status: 'withdrawn' as const,
      },
    ];
    expect(
      publishedEntries(snapshot, [row(1, { what: '改过的内容', modifiedAt: after })], publishedAt),
    ).toEqual([{ entryId: 1, what: '走访低保户', place: '魏庄村', kind: '下村/实地' }]);
  });

  it('without a revision, keeps the entries there at publication and drops later additions and earlier withdrawals', () => {
    const sut = publishedEntries(
      null,
      [
        row(1, {}),
        row(2, { status: 'withdrawn', modifiedAt: after }),
        row(3, { status: 'withdrawn' }),
        row(4, { createdAt: after, modifiedAt: after }),
      ],
      publishedAt,
    );
    expect(sut.map((e) => e.entryId)).toEqual([1, 2]);
  });

  it('without a revision, keeps untouched entries stored after publication (seeded plans)', () => {
    expect(publishedEntries(null, [row(1, { createdAt: after })], publishedAt).map((e) => e.entryId)).toEqual(
      [1],
    );
  });
});

describe('officialsWithRepeats', () => {
  it('names only the officials who copy one of the last three working days', () => {
    const plans = [plan(1, WEDNESDAY, ['检查城东拆迁项目']), plan(2, WEDNESDAY, ['检查城东拆迁项目'])];
    const earlier = [
      { officialId: 1, date: '2026-11-20', entries: [entry('检查城东拆迁项目')] },
      { officialId: 2, date: '2026-11-19', entries: [entry('检查城东拆迁项目')] },
    ];
    expect(officialsWithRepeats(recentWarnings(WEDNESDAY, plans, earlier, calendar))).toEqual([1]);
  });
});

describe('weeklyFindings', () => {
  const MONDAY = '2026-11-23';
  const due = atLocal('2026-11-29', '12:00');
  const weekly = (overrides: Partial<Parameters<typeof weeklyFindings>[0]> = {}) =>
    weeklyFindings({
      weekStart: MONDAY,
      now: atLocal('2026-11-29', '12:00'),
      officials: [A],
      reports: [],
      leaves: [],
      rules: { weeklyReportDueWeekday: 7, weeklyReportDueTime: '12:00' },
      calendar,
      ...overrides,
    });

  it('records a missing weekly report, due Sunday 12:00, dated the Monday', () => {
    const [sut] = weekly();
    expect(sut).toMatchObject({ date: MONDAY, kind: 'weekly_missing' });
    expect(sut!.evidence).toEqual({ kind: 'weekly_missing', weekStart: MONDAY, dueAt: due.toISOString() });
  });

  it('records a report handed in after the deadline as late', () => {
    const [sut] = weekly({ reports: [{ officialId: 1, submittedAt: atLocal('2026-11-29', '12:30') }] });
    expect(sut!.evidence).toMatchObject({ kind: 'weekly_late', minutesLate: 30 });
  });

  it('records nothing for a report on time', () => {
    expect(weekly({ reports: [{ officialId: 1, submittedAt: atLocal('2026-11-29', '11:59') }] })).toEqual([]);
  });

  it('records nothing for an official on leave for every working day of the week', () => {
    expect(weekly({ leaves: [{ officialId: 1, startDate: '2026-11-23', endDate: '2026-11-27' }] })).toEqual(
      [],
    );
  });

  it('still expects the report when the leave left one working day', () => {
    expect(
      weekly({ leaves: [{ officialId: 1, startDate: '2026-11-23', endDate: '2026-11-26' }] }),
    ).toHaveLength(1);
  });

  it('records nothing when leave covers every working day of the National Day week, make-up Saturday included', () => {
    const leaves = [{ officialId: 1, startDate: '2026-10-08', endDate: '2026-10-10' }];
    expect(weekly({ weekStart: '2026-10-05', leaves })).toEqual([]);
  });

  it('still expects the report when the leave leaves out the make-up Saturday 2026-10-10', () => {
    const leaves = [{ officialId: 1, startDate: '2026-10-08', endDate: '2026-10-09' }];
    expect(weekly({ weekStart: '2026-10-05', leaves })).toHaveLength(1);
  });
});

describe('ticketOverdueFindings', () => {
  const now = atLocal('2026-11-25', '10:00');
  const ticket = {
    id: 42,
    queryCode: 'ABCD2345',
    assigneeOfficialId: 1,
    assigneeUnitId: 10,
    status: 'acknowledged',
    dueAt: atLocal('2026-11-24', '23:59'),
    target: '道路照明设施维修',
  };

  it('records one finding per overdue ticket, dated the day of its deadline', () => {
    const [sut] = ticketOverdueFindings(now, [ticket], new Map(), calendar);
    expect(sut).toMatchObject({
      officialId: 1,
      unitId: 10,
      date: '2026-11-24',
      kind: 'ticket_overdue',
      subject: 'ticket:42',
    });
    expect(sut!.evidence).toMatchObject({
      ticketId: 42,
      queryCode: 'ABCD2345',
      summary: '道路照明设施维修',
      state: 'acknowledged',
    });
  });

  it('records nothing for a ticket not yet due', () => {
    expect(
      ticketOverdueFindings(now, [{ ...ticket, dueAt: atLocal('2026-11-26', '23:59') }], new Map(), calendar),
    ).toEqual([]);
  });

  it('masks phone numbers and cuts long subjects', () => {
    expect(ticketSummary('联系13812345678处理村口路灯')).toBe('联系***处理村口路灯');
    expect(Array.from(ticketSummary('很'.repeat(50)))).toHaveLength(30);
    expect(ticketSummary(null)).toBe('群众留言');
  });
});
