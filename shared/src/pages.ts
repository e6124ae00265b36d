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
} as const;

export type AppPage = (typeof APP_PAGES)[keyof typeof APP_PAGES];
