import type { FindingKind, FindingState, SelfExamState, TicketState } from '../constants.js';
import type { Page } from './directory.js';
import type { DayPeriod, EntryUpdateKind, LeaveStatus, PlanStatus } from './journals.js';
import type { FlagColor, FlagPeriod } from './rankings.js';
import type { TicketFigures } from './tickets.js';

/**
 * 立体像: one official's whole record over a period, for the supervisors and admins whose scope covers
 * them. Every view is recorded, and the official sees who looked (GET /me/record-views).
 */
export const RECORD_LIMITS = {
  /** The longest period one record covers (days, inclusive). */
  maxDays: 366,
  /** Default period: the last three months up to today. */
  defaultMonths: 3,
  /** Items per list in the JSON (the newest); the PDF lists everything. */
  listCap: 50,
  viewsPageSize: 20,
} as const;

/** GET /supervision/records/:officialId?from=&to= (and …/pdf): YYYY-MM-DD, both optional. */
export interface RecordQuery {
  from?: string;
  to?: string;
}

/** A list capped in the JSON: `total` in the period, `items` the newest `listCap` of them. */
export interface RecordList<T> {
  total: number;
  items: T[];
}

export interface RecordUnit {
  id: number;
  name: string;
  /** The post held there during the period. */
  post: string;
}

export interface RecordEntryUpdate {
  kind: EntryUpdateKind;
  text: string;
  /** Upload ids of the photos (GET /uploads/:id). */
  photoIds: string[];
  at: string;
}

export interface RecordPlanEntry {
  id: number;
  startTime: string | null;
  endTime: string | null;
  period: DayPeriod | null;
  place: string | null;
  what: string;
  /** Withdrawn entries are listed too, marked. */
  withdrawn: boolean;
  updates: RecordEntryUpdate[];
}

export interface RecordPlanDay {
  date: string;
  status: PlanStatus;
  late: boolean;
  entries: RecordPlanEntry[];
}

export interface RecordPlans extends RecordList<RecordPlanDay> {
  entries: number;
  updates: number;
  photos: number;
  late: number;
}

/** Approved or pending leave overlapping the period (never the reason). */
export interface RecordLeave {
  startDate: string;
  endDate: string;
  status: LeaveStatus;
}

export interface RecordLateness {
  /** Day plans handed in after the deadline. */
  plans: number;
  /** Weekly reports handed in after the deadline. */
  weeklyReports: number;
  dates: Array<{ date: string; kind: 'plan' | 'weekly' }>;
}

export interface RecordFindingEvent {
  action: string;
  /** 本人 / 督查室 / 系统. */
  actor: string;
  note: string | null;
  at: string;
}

export interface RecordFinding {
  id: number;
  date: string;
  kind: FindingKind;
  state: FindingState;
  explanation: string | null;
  decisionNote: string | null;
  events: RecordFindingEvent[];
}

export interface RecordFindings extends RecordList<RecordFinding> {
  byState: Record<FindingState, number>;
}

export interface RecordSpotCheck {
  id: number;
  date: string;
  visitedAt: string;
  found: boolean;
  note: string;
  /** What the checked entry said. */
  what: string;
  place: string | null;
}

export interface RecordNotice {
  id: number;
  title: string;
  /** 督通字〔2026〕3号. */
  number: string;
  issueDate: string;
}

export interface RecordSelfExamination {
  id: number;
  noticeId: number;
  state: SelfExamState;
  dueAt: string;
  submittedAt: string | null;
}

/** A ticket as the record shows it: number, category and outcome; never the resident. */
export interface RecordTicket {
  id: number;
  queryCode: string;
  /** The matter's name, or 对日程留言 / 对干部留言. */
  category: string;
  status: TicketState;
  /** null: not rated. */
  satisfied: boolean | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface RecordTickets extends RecordList<RecordTicket> {
  figures: TicketFigures;
}

/** A 红旗 / 黄旗 of one of the official's units in a flag period overlapping the record's. */
export interface RecordFlag {
  unitId: number;
  unitName: string;
  color: FlagColor;
  period: FlagPeriod;
  from: string;
  to: string;
}

export interface RecordWeeklyReport {
  weekStart: string;
  late: boolean;
  submittedAt: string;
  results: string;
  nextWeekPlan: string;
}

export interface OfficialRecord {
  official: { id: number; name: string };
  units: RecordUnit[];
  period: { from: string; to: string };
  plans: RecordPlans;
  leaves: RecordList<RecordLeave>;
  lateness: RecordLateness;
  findings: RecordFindings;
  spotChecks: RecordList<RecordSpotCheck> & { found: number; absent: number };
  notices: RecordList<RecordNotice>;
  selfExaminations: RecordList<RecordSelfExamination>;
  tickets: RecordTickets;
  flags: RecordFlag[];
  weeklyReports: RecordList<RecordWeeklyReport>;
}

export type RecordViewFormat = 'json' | 'pdf';

/** One look at an official's record, as the official sees it: who (name and role), when, what. */
export interface RecordViewItem {
  id: number;
  viewerName: string;
  viewerRole: 'supervisor' | 'admin';
  from: string;
  to: string;
  format: RecordViewFormat;
  viewedAt: string;
}

/** GET /me/record-views?page= */
export type RecordViewPage = Page<RecordViewItem>;

export const RECORD_VIEWER_ROLE_LABELS: Record<RecordViewItem['viewerRole'], string> = {
  supervisor: '督查室',
  admin: '管理员',
};
