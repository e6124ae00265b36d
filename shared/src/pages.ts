/**
 * Mini-program pages the server links to (in-app messages, WeChat subscribe messages), as routes of
 * miniprogram/src/app.config.ts (no leading slash, no query). The mini-program navigates to the
 * same paths; its test suite checks that each one is declared in app.config.ts.
 */
export const APP_PAGES = {
  today: 'pages/today/index',
  me: 'pages/me/index',
  planEdit: 'packages/staff/plan-edit/index',
  batch: 'packages/staff/batch/index',
  staffInbox: 'packages/staff/inbox/index',
  ticket: 'packages/tickets/detail/index',
  /** 督查: the supervisor's morning, one finding, notices (draft, issue, print), spot checks. */
  supervisionWorkbench: 'packages/supervision/workbench/index',
  supervisionFinding: 'packages/supervision/finding/index',
  supervisionNotice: 'packages/supervision/notice/index',
  supervisionSpotCheck: 'packages/supervision/spot-check/index',
  /** An official's own findings, notices and self-examinations (申辩, 书面检查). */
  supervisionMine: 'packages/supervision/mine/index',
  /** 排名与红黄旗 (issue #14): the ranking table, awarding flags, one unit's rates over 12 periods. */
  supervisionRankings: 'packages/supervision/rankings/index',
  supervisionFlags: 'packages/supervision/flags/index',
  supervisionRankingTrend: 'packages/supervision/ranking-trend/index',
  /** 排名设置 (issue #14, an admin): the county's composite weights, minimum sample and N flags. */
  adminRankingSettings: 'packages/admin/ranking-settings/index',
  /** 立体像 (issue #14): one official's whole record; the official's list of who looked at theirs. */
  supervisionRecord: 'packages/supervision/record/index',
  supervisionRecordViews: 'packages/supervision/record-views/index',
  /** 抽签晒 (issue #14, public): the weekly draws, one draw with its commitment, seed and result. */
  publicLotteries: 'packages/public/lotteries/index',
  publicLottery: 'packages/public/lottery/index',
  /** 实绩公示栏 (issue #14, public): one unit's weekly board, a week picker and the PDF. */
  publicBoard: 'packages/public/board/index',
} as const;

export type AppPage = (typeof APP_PAGES)[keyof typeof APP_PAGES];
