import { addDays, localDate, weekStart } from '../../src/common/time/local-time';

/** One request per route of the policy table, valid enough to reach the guard and the handler. */
export interface Sample {
  path: string;
  body?: unknown;
}

/**
 * The sample request of every route, by policy key ("METHOD /path"), with the ids of the matrix's
 * town X (official A, its town, an invite of the county admin). A new route must be added here too.
 */
export function sampleRequests(ids: {
  officialA: number;
  townX: number;
  inviteId: number;
}): Record<string, Sample> {
  const { officialA, townX } = ids;
  const tomorrow = addDays(localDate(new Date()), 1);
  const monday = weekStart(localDate(new Date()));
  return {
    'GET /api/v1/health': { path: '/health' },
    'GET /api/v1/health/live': { path: '/health/live' },
    'GET /api/v1/health/ready': { path: '/health/ready' },
    'GET /metrics': { path: '/metrics' },
    'POST /api/v1/auth/wechat': { path: '/auth/wechat', body: { code: 'invalid' } },
    'POST /api/v1/auth/demo': { path: '/auth/demo', body: { role: 'resident' } },
    'GET /api/v1/demo/personas': { path: '/demo/personas' },
    'POST /api/v1/auth/refresh': { path: '/auth/refresh', body: { refreshToken: 'not-a-token' } },
    'POST /api/v1/auth/logout': { path: '/auth/logout', body: { refreshToken: 'not-a-token' } },
    'GET /api/v1/me': { path: '/me' },
    'POST /api/v1/me/invites/redeem': { path: '/me/invites/redeem', body: { code: 'AAAA-BBBB-CCCC' } },
    'POST /api/v1/me/phone': { path: '/me/phone', body: { code: 'nonsense' } },
    'GET /api/v1/me/messages': { path: '/me/messages' },
    'GET /api/v1/me/messages/unread-count': { path: '/me/messages/unread-count' },
    'POST /api/v1/me/messages/read': { path: '/me/messages/read', body: { all: true } },
    'GET /api/v1/officials/:id': { path: `/officials/${officialA}` },
    'PATCH /api/v1/officials/:id': { path: `/officials/${officialA}`, body: { photoUrl: null } },
    'GET /api/v1/units/:id/members': { path: `/units/${townX}/members` },
    'GET /api/v1/admin/invites': { path: '/admin/invites' },
    'POST /api/v1/admin/invites': { path: '/admin/invites', body: { role: 'clerk', unitId: townX } },
    'DELETE /api/v1/admin/invites/:id': { path: `/admin/invites/${ids.inviteId}` },
    'GET /api/v1/admin/grants': { path: '/admin/grants' },
    'DELETE /api/v1/admin/grants/:id': { path: '/admin/grants/999999' },
    'GET /api/v1/today': { path: `/today?unitId=${townX}` },
    'GET /api/v1/admin/directory/export.xlsx': { path: '/admin/directory/export.xlsx' },
    'GET /api/v1/calendar/:year': { path: '/calendar/2026' },
    'PUT /api/v1/admin/calendar/:date': {
      path: '/admin/calendar/2099-01-01',
      body: { isWorkday: false, name: '测试' },
    },
    'GET /api/v1/calendar/status': { path: '/calendar/status' },
    'DELETE /api/v1/admin/calendar/:date': { path: '/admin/calendar/2099-01-01' },
    'PUT /api/v1/admin/calendar-years/:year': { path: '/admin/calendar-years/2099' },
    'POST /api/v1/admin/directory/import': { path: '/admin/directory/import', body: {} },
    'GET /api/v1/units': { path: `/units?parentId=${townX}` },
    'GET /api/v1/search': { path: '/search?q=dibao' },
    'POST /api/v1/admin/matters': { path: '/admin/matters', body: {} },
    'PUT /api/v1/admin/matters/:id': { path: '/admin/matters/999999', body: {} },
    'PUT /api/v1/admin/matters/:id/pin': { path: '/admin/matters/999999/pin', body: { rank: 1 } },
    'POST /api/v1/admin/officials': { path: '/admin/officials', body: {} },
    'POST /api/v1/admin/posts/:id/handover': {
      path: '/admin/posts/999999/handover',
      body: { officialId: 1, startDate: '2026-01-01' },
    },
    'PUT /api/v1/admin/posts/:id/deputy': {
      path: '/admin/posts/999999/deputy',
      body: { officialId: null },
    },
    'PUT /api/v1/admin/duties': {
      path: '/admin/duties',
      body: { postId: 999999, matterId: 1, coveredUnitIds: [] },
    },
    'GET /api/v1/popolo/persons': { path: '/popolo/persons?limit=5' },
    'GET /api/v1/popolo/organizations': { path: '/popolo/organizations?limit=5' },
    'GET /api/v1/popolo/posts': { path: '/popolo/posts?limit=5' },
    'GET /api/v1/popolo/memberships': { path: '/popolo/memberships?limit=5' },
    'GET /api/v1/popolo/jurisdictions/:jurisdiction': { path: '/popolo/jurisdictions/county' },
    'GET /api/v1/matters/popular': { path: '/matters/popular' },
    'GET /api/v1/matters/popular/handlers': { path: `/matters/popular/handlers?unitId=${townX}` },
    'GET /api/v1/matters/:id': { path: '/matters/1' },
    'POST /api/v1/demo/publish': { path: '/demo/publish', body: { date: '2000-01-01' } },
    'GET /api/v1/plans/:officialId/:date': { path: `/plans/${officialA}/${tomorrow}` },
    'PUT /api/v1/plans/:officialId/:date': {
      path: `/plans/${officialA}/${tomorrow}`,
      body: {
        entries: [{ startTime: '09:00', place: '魏庄村', what: '到魏庄村调度拆迁工作', kind: '下村/实地' }],
      },
    },
    'GET /api/v1/plans/:officialId/:date/revisions': { path: `/plans/${officialA}/${tomorrow}/revisions` },
    'POST /api/v1/plans/check': { path: '/plans/check', body: { entries: [{ what: '日常工作' }] } },
    'GET /api/v1/officials/:id/timeline': { path: `/officials/${officialA}/timeline` },
    'POST /api/v1/entries/:id/updates': {
      path: '/entries/999999/updates',
      body: { kind: 'progress', text: '进展' },
    },
    'GET /api/v1/journal-rules': { path: `/journal-rules?unitId=${townX}` },
    'PUT /api/v1/admin/journal-rules/:unitId': {
      path: `/admin/journal-rules/${townX}`,
      body: {
        planDueTime: '18:00',
        publicationTime: '08:00',
        weeklyReportDueWeekday: 7,
        weeklyReportDueTime: '12:00',
        reminderTime: '17:00',
        entryKinds: ['会议', '下村/实地', '其他'],
        meetingNames: ['周例会'],
      },
    },
    'POST /api/v1/uploads': { path: '/uploads', body: {} },
    'POST /api/v1/leaves': {
      path: '/leaves',
      body: { startDate: '2099-01-05', endDate: '2099-01-06', reason: '事假' },
    },
    'GET /api/v1/leaves': { path: '/leaves' },
    'POST /api/v1/leaves/:id/approve': { path: '/leaves/999999/approve' },
    'POST /api/v1/leaves/:id/reject': { path: '/leaves/999999/reject' },
    'POST /api/v1/leaves/:id/cancel': { path: '/leaves/999999/cancel' },
    'PUT /api/v1/weekly-reports/:officialId/:weekStart': {
      path: `/weekly-reports/${officialA}/${monday}`,
      body: { results: '完成三项工作', nextWeekPlan: '推进两项工作' },
    },
    'GET /api/v1/weekly-reports/:officialId/:weekStart': { path: `/weekly-reports/${officialA}/${monday}` },
    'GET /api/v1/units/:unitId/plans': { path: `/units/${townX}/plans?date=${tomorrow}` },
    'PUT /api/v1/units/:unitId/plans': {
      path: `/units/${townX}/plans`,
      body: { date: tomorrow, plans: [] },
    },
    'GET /api/v1/units/:unitId/plans/template.xlsx': {
      path: `/units/${townX}/plans/template.xlsx?date=${tomorrow}`,
    },
    'POST /api/v1/units/:unitId/plans/import': {
      path: `/units/${townX}/plans/import?date=${tomorrow}`,
      body: {},
    },
    'POST /api/v1/tickets': {
      path: '/tickets',
      body: { officialId: officialA, content: '村口路灯坏了，请修理', publicAllowed: false },
    },
    'GET /api/v1/tickets/similar': { path: `/tickets/similar?officialId=${officialA}&content=路灯` },
    'GET /api/v1/tickets/mine': { path: '/tickets/mine' },
    'GET /api/v1/notifications/templates': { path: '/notifications/templates' },
    'GET /api/v1/tickets/following': { path: '/tickets/following' },
    'POST /api/v1/tickets/:id/follow': { path: '/tickets/999999/follow' },
    'DELETE /api/v1/tickets/:id/follow': { path: '/tickets/999999/follow' },
    'GET /api/v1/tickets/inbox': { path: '/tickets/inbox' },
    'GET /api/v1/tickets/public': { path: `/tickets/public?officialId=${officialA}` },
    'GET /api/v1/tickets/lookup/:queryCode': { path: '/tickets/lookup/ABCDEFGH' },
    'GET /api/v1/tickets/:id': { path: '/tickets/999999' },
    'POST /api/v1/tickets/:id/acknowledge': { path: '/tickets/999999/acknowledge', body: { version: 1 } },
    'POST /api/v1/tickets/:id/reply': {
      path: '/tickets/999999/reply',
      body: { version: 1, content: '已处理' },
    },
    'POST /api/v1/tickets/:id/resolve': {
      path: '/tickets/999999/resolve',
      body: { version: 1, note: '已修好' },
    },
    'POST /api/v1/tickets/:id/extension': {
      path: '/tickets/999999/extension',
      body: { version: 1, reason: '需协调', days: 2 },
    },
    'POST /api/v1/tickets/:id/transfer': {
      path: '/tickets/999999/transfer',
      body: { version: 1, unitId: townX, reason: '不属本人职责' },
    },
    'POST /api/v1/tickets/:id/assign': {
      path: '/tickets/999999/assign',
      body: { version: 1, officialId: officialA },
    },
    'POST /api/v1/tickets/:id/extension/decide': {
      path: '/tickets/999999/extension/decide',
      body: { version: 1, approve: true },
    },
    'POST /api/v1/tickets/:id/moderate': {
      path: '/tickets/999999/moderate',
      body: { version: 1, decision: 'approve' },
    },
    'POST /api/v1/tickets/:id/rate': {
      path: '/tickets/999999/rate',
      body: { version: 1, satisfied: true },
    },
    'POST /api/v1/tickets/:id/withdraw': { path: '/tickets/999999/withdraw', body: { version: 1 } },
    'POST /api/v1/tickets/:id/report': {
      path: '/tickets/999999/report',
      body: { target: 'comment', reason: 'abuse' },
    },
    'GET /api/v1/officials/:id/ticket-figures': { path: `/officials/${officialA}/ticket-figures` },
    'GET /api/v1/units/:id/ticket-figures': { path: `/units/${townX}/ticket-figures` },
    'GET /api/v1/admin/sensitive-words': { path: '/admin/sensitive-words' },
    'PUT /api/v1/admin/sensitive-words': {
      path: '/admin/sensitive-words',
      body: { unitId: townX, words: [] },
    },
    // -- rankings and 红黄旗 (issue #14)
    'GET /api/v1/rankings': { path: `/rankings?unitId=${townX}&level=department&period=week` },
    'GET /api/v1/rankings/trend': { path: `/rankings/trend?unitId=${townX}&period=month` },
    'GET /api/v1/rankings/settings': { path: '/rankings/settings' },
    'PUT /api/v1/rankings/settings': {
      path: '/rankings/settings',
      body: {
        weights: {
          submission: 1,
          onTime: 1,
          quality: 1,
          weeklyOnTime: 1,
          response: 1,
          resolution: 1,
          satisfaction: 1,
        },
        minSample: 10,
        flagCount: 3,
      },
    },
    'GET /api/v1/flags/proposal': { path: '/flags/proposal?level=town&period=week' },
    'POST /api/v1/flags': {
      path: '/flags',
      body: { jurisdictionId: 999999, level: 'town', period: 'week', from: monday, red: [], yellow: [] },
    },
    'GET /api/v1/flags': { path: `/flags?unitId=${townX}` },
    // -- supervision: findings
    'GET /api/v1/supervision/findings': { path: `/supervision/findings?unitId=${townX}` },
    'GET /api/v1/supervision/findings/:id': { path: '/supervision/findings/999999' },
    'POST /api/v1/supervision/findings/:id/explain': {
      path: '/supervision/findings/999999/explain',
      body: { text: '当天在县里参加防汛会议' },
    },
    'POST /api/v1/supervision/findings/:id/confirm': {
      path: '/supervision/findings/999999/confirm',
      body: { version: 1 },
    },
    'POST /api/v1/supervision/findings/:id/dismiss': {
      path: '/supervision/findings/999999/dismiss',
      body: { version: 1, note: '已核实有会议通知' },
    },
    // -- supervision: workbench
    'GET /api/v1/supervision/summary': { path: `/supervision/summary?unitId=${townX}` },
    'GET /api/v1/supervision/trend': { path: `/supervision/trend?unitId=${townX}&weeks=2` },
    // -- supervision: spot checks
    'GET /api/v1/supervision/spot-check-candidates': {
      path: `/supervision/spot-check-candidates?unitId=${townX}`,
    },
    'POST /api/v1/supervision/spot-check-samples': {
      path: '/supervision/spot-check-samples',
      body: { unitId: townX, size: 3, seed: 'matrix' },
    },
    'GET /api/v1/supervision/spot-check-samples/:id': { path: '/supervision/spot-check-samples/999999' },
    'POST /api/v1/supervision/spot-checks': {
      path: '/supervision/spot-checks',
      body: { entryId: 999999, visitedAt: new Date().toISOString(), found: true, note: '在岗' },
    },
    'GET /api/v1/supervision/spot-checks': { path: `/supervision/spot-checks?unitId=${townX}` },
    'GET /api/v1/supervision/spot-checks/:id': { path: '/supervision/spot-checks/999999' },
    // -- supervision: notices and self-examinations
    'POST /api/v1/supervision/notices': {
      path: '/supervision/notices',
      body: { unitId: townX, from: '2020-01-06', to: '2020-01-10' },
    },
    'GET /api/v1/supervision/notices': { path: `/supervision/notices?unitId=${townX}` },
    'GET /api/v1/supervision/notices/:id': { path: '/supervision/notices/999999' },
    'PUT /api/v1/supervision/notices/:id': {
      path: '/supervision/notices/999999',
      body: { version: 1, title: '关于督查情况的通报' },
    },
    'POST /api/v1/supervision/notices/:id/issue': {
      path: '/supervision/notices/999999/issue',
      body: { version: 1 },
    },
    'GET /api/v1/supervision/notices/:id/notice.docx': { path: '/supervision/notices/999999/notice.docx' },
    'GET /api/v1/supervision/self-examinations': { path: `/supervision/self-examinations?unitId=${townX}` },
    'GET /api/v1/supervision/self-examinations/:id': { path: '/supervision/self-examinations/999999' },
    'POST /api/v1/supervision/self-examinations/:id/submit': {
      path: '/supervision/self-examinations/999999/submit',
      body: { text: '本人对日程报送不及时的问题深刻反省，今后按时报送。' },
    },
    'POST /api/v1/supervision/self-examinations/:id/accept': {
      path: '/supervision/self-examinations/999999/accept',
      body: { version: 1 },
    },
    'POST /api/v1/supervision/self-examinations/:id/return': {
      path: '/supervision/self-examinations/999999/return',
      body: { version: 1, note: '检查不够深刻，请重写' },
    },
    'GET /api/v1/me/supervision': { path: '/me/supervision' },
    // 立体像 (issue #14): town X's head's record over the default period; the official's view log.
    'GET /api/v1/supervision/records/:officialId': { path: `/supervision/records/${officialA}` },
    'GET /api/v1/supervision/records/:officialId/pdf': { path: `/supervision/records/${officialA}/pdf` },
    'GET /api/v1/me/record-views': { path: '/me/record-views' },
    // 抽签晒 (issue #14): public reads; an unknown id answers 404 LOTTERY.NOT_FOUND to everyone.
    'GET /api/v1/lotteries': { path: '/lotteries' },
    'GET /api/v1/lotteries/:id': { path: '/lotteries/999999' },
    // 实绩公示栏 (issue #14): public; the PDF and its data for town X's last completed week.
    'GET /api/v1/units/:id/board': { path: `/units/${townX}/board` },
    'GET /api/v1/units/:id/board.json': { path: `/units/${townX}/board.json` },
    // Open311 (issue #17): .json and .xml; POST checks its api_key itself (a body without one: 400).
    'GET /open311/v2/discovery.:format': { path: '/open311/v2/discovery.json' },
    'GET /open311/v2/services.:format': { path: '/open311/v2/services.json' },
    'GET /open311/v2/services/:code.:format': { path: '/open311/v2/services/no-such-service.xml' },
    'POST /open311/v2/requests.:format': { path: '/open311/v2/requests.json', body: {} },
    'GET /open311/v2/requests.:format': { path: '/open311/v2/requests.xml' },
    'GET /open311/v2/requests/:id.:format': { path: '/open311/v2/requests/999999.json' },
    'GET /api/v1/admin/open311/keys': { path: '/admin/open311/keys' },
    'POST /api/v1/admin/open311/keys': { path: '/admin/open311/keys', body: {} },
    'POST /api/v1/admin/open311/keys/:keyId/revoke': { path: '/admin/open311/keys/999999/revoke' },
  };
}
