import type { OfficialRecord } from '@jinri/shared';

/** A record as GET /supervision/records/:id answers (lists newest first). */
export function recordFixture(overrides: Partial<OfficialRecord> = {}): OfficialRecord {
  return {
    official: { id: 25, name: '张跃' },
    units: [{ id: 20, name: '东关镇', post: '党委书记' }],
    period: { from: '2026-09-02', to: '2026-12-01' },
    plans: {
      total: 60,
      entries: 130,
      updates: 2,
      photos: 3,
      late: 1,
      items: [
        {
          date: '2026-11-03',
          status: 'published',
          late: true,
          entries: [
            {
              id: 2,
              startTime: '09:00',
              endTime: '11:30',
              period: null,
              place: '魏庄村',
              what: '到魏庄村调度秋粮收购进度',
              withdrawn: false,
              updates: [
                {
                  kind: 'progress',
                  text: '收购进度过半',
                  photoIds: ['a1', 'a2'],
                  at: '2026-11-03T03:00:00.000Z',
                },
              ],
            },
          ],
        },
      ],
    },
    leaves: { total: 1, items: [{ startDate: '2026-10-12', endDate: '2026-10-13', status: 'approved' }] },
    lateness: { plans: 1, weeklyReports: 0, dates: [{ date: '2026-11-03', kind: 'plan' }] },
    findings: {
      total: 2,
      byState: { open: 0, explained: 0, confirmed: 1, dismissed: 1 },
      items: [
        {
          id: 7,
          date: '2026-11-04',
          kind: 'missing',
          state: 'confirmed',
          explanation: null,
          decisionNote: '认定属实',
          events: [],
        },
        {
          id: 8,
          date: '2026-11-05',
          kind: 'late',
          state: 'dismissed',
          explanation: '在村里调解纠纷',
          decisionNote: '不予通报',
          events: [],
        },
      ],
    },
    spotChecks: {
      total: 1,
      found: 0,
      absent: 1,
      items: [
        {
          id: 3,
          date: '2026-11-02',
          visitedAt: '2026-11-02T07:10:00.000Z',
          found: false,
          note: '到敬老院未见本人',
          what: '检查敬老院冬季消防安全',
          place: '镇敬老院',
        },
      ],
    },
    notices: {
      total: 1,
      items: [
        { id: 4, title: '关于日程报送情况的通报', number: '督通字〔2026〕7号', issueDate: '2026-11-20' },
      ],
    },
    selfExaminations: {
      total: 1,
      items: [{ id: 5, noticeId: 4, state: 'pending', dueAt: '2026-11-25T15:59:00.000Z', submittedAt: null }],
    },
    tickets: {
      total: 3,
      figures: {
        total: 3,
        responseRate: 0.667,
        resolutionRate: 0.667,
        satisfactionRate: 1,
        medianHoursToAcknowledge: 2,
        medianHoursToResolve: 6,
        open: 1,
        overdue: 1,
      },
      items: [
        {
          id: 9,
          queryCode: 'K7M2Q9XA',
          category: '对干部留言',
          status: 'closed',
          satisfied: true,
          createdAt: '2026-11-02T01:00:00.000Z',
          resolvedAt: '2026-11-02T04:00:00.000Z',
        },
      ],
    },
    flags: [
      { unitId: 20, unitName: '东关镇', color: 'red', period: 'month', from: '2026-10-01', to: '2026-10-31' },
    ],
    weeklyReports: {
      total: 1,
      items: [
        {
          weekStart: '2026-11-02',
          late: false,
          submittedAt: '2026-11-06T09:00:00.000Z',
          results: '完成秋粮收购调度',
          nextWeekPlan: '冬季防火检查',
        },
      ],
    },
    ...overrides,
  };
}
