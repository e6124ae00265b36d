import { type CitedFinding, factText, noticeFacts, periodText } from './notice-facts';

const town = { id: 7, name: '白石镇' };
const county = { id: 3, name: '县发展改革局' };
const li = { id: 21, name: '李明', post: '副镇长' };
const wang = { id: 20, name: '王芳', post: '党委委员' };

const finding = (over: Partial<CitedFinding> & Pick<CitedFinding, 'id'>): CitedFinding => ({
  date: '2026-11-24',
  kind: 'missing',
  evidence: { kind: 'missing', dueAt: '2026-11-23T10:00:00.000Z', onLeave: false },
  unit: town,
  official: li,
  ...over,
});

describe('noticeFacts', () => {
  it('groups the findings by unit, then by person, each finding one sentence in date order', () => {
    const sut = noticeFacts([
      finding({ id: 3, date: '2026-11-26' }),
      finding({ id: 1, official: wang }),
      finding({ id: 2, date: '2026-11-25' }),
      finding({ id: 4, unit: county, official: { id: 30, name: '赵强', post: '局长' } }),
    ]);
    expect(sut.map((u) => u.unit.name)).toEqual(['县发展改革局', '白石镇']);
    expect(sut[1]!.people.map((p) => p.official.name)).toEqual(['王芳', '李明']);
    expect(sut[1]!.people[1]!.findings.map((f) => [f.id, f.date])).toEqual([
      [2, '2026-11-25'],
      [3, '2026-11-26'],
    ]);
    expect(sut[1]!.people[1]!.findings[0]!.text).toBe('11月25日 未按时报送今日工作日程');
  });

  it('answers no facts for no findings', () => {
    expect(noticeFacts([])).toEqual([]);
  });
});

describe('factText', () => {
  it('quotes the vague entry as it was published', () => {
    const sut = factText({
      date: '2026-11-24',
      kind: 'vague',
      evidence: {
        kind: 'vague',
        entries: [{ entryId: 1, what: '日常工作', place: null, warnings: ['vague'] }],
      },
    });
    expect(sut).toBe('11月24日 日程内容笼统（“日常工作”）');
  });

  it('says how late a late plan was, in hours and minutes', () => {
    const sut = factText({
      date: '2026-11-24',
      kind: 'late',
      evidence: { kind: 'late', dueAt: 'x', submittedAt: 'y', minutesLate: 95 },
    });
    expect(sut).toBe('11月24日 日程迟报（晚1小时35分钟）');
  });

  it('names the streak of a repeated entry and the place of an absence', () => {
    expect(
      factText({
        date: '2026-11-24',
        kind: 'repeated',
        evidence: {
          kind: 'repeated',
          entries: [{ entryId: 1, what: '走访群众', similarTo: [] }],
          streakDays: 4,
        },
      }),
    ).toBe('11月24日 日程内容与此前重复（“走访群众”，连续4个工作日）');
    expect(
      factText({
        date: '2026-11-24',
        kind: 'absent',
        evidence: {
          kind: 'absent',
          spotCheckId: 1,
          entryId: 2,
          what: '到村督导秸秆禁烧',
          place: '柳河村',
          planned: '09:00-11:00',
          visitedAt: 'x',
          note: '',
        },
      }),
    ).toBe('11月24日 抽查时不在岗（日程为“到村督导秸秆禁烧”，地点柳河村）');
  });

  it('cuts long quotes and lists at most three', () => {
    const sut = factText({
      date: '2026-11-24',
      kind: 'vague',
      evidence: {
        kind: 'vague',
        entries: ['甲', '乙', '丙', '丁'].map((what, i) => ({ entryId: i, what, place: null, warnings: [] })),
      },
    });
    expect(sut).toBe('11月24日 日程内容笼统（“甲”、“乙”、“丙”等）');
  });

  it('dates weekly findings by their week and cites the notice of an overdue self-examination', () => {
    expect(
      factText({
        date: '2026-11-23',
        kind: 'weekly_missing',
        evidence: { kind: 'weekly_missing', weekStart: '2026-11-23', dueAt: 'x' },
      }),
    ).toBe('11月23日当周 未按时报送工作周报');
    expect(
      factText({
        date: '2026-12-09',
        kind: 'self_exam_overdue',
        evidence: {
          kind: 'self_exam_overdue',
          selfExamId: 1,
          noticeId: 1,
          noticeNumber: '督通字〔2026〕1号',
          dueAt: 'x',
        },
      }),
    ).toBe('12月9日 未按期提交书面检查（督通字〔2026〕1号）');
  });
});

describe('periodText', () => {
  it('writes the year once within a year, twice across years, and one day alone', () => {
    expect(periodText('2026-11-23', '2026-12-04')).toBe('2026年11月23日至12月4日');
    expect(periodText('2026-12-28', '2027-01-08')).toBe('2026年12月28日至2027年1月8日');
    expect(periodText('2026-11-23', '2026-11-23')).toBe('2026年11月23日');
  });
});
