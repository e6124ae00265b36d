/**
 * 实绩公示栏 (issue #14): the printed weekly board of one unit, like the paper boards towns keep at
 * the market. Public: only published plans, approved leave, submitted weekly reports and counts.
 * GET /units/:id/board?week=2026-W48 is the PDF; GET /units/:id/board.json?week= (or ?format=json)
 * is the same data for a preview.
 */
import type { CurrentFlag } from './rankings.js';

/** An ISO week, "2026-W48" (Monday to Sunday, Asia/Shanghai). */
export type IsoWeek = string;

/**
 * How one day of one official reads on the board:
 * - published: the day's published plan (its lines);
 * - on_leave: 请假 (approved leave; never the reason);
 * - missing: 未报送 (a working day, past its publication, nothing published, no leave);
 * - pending: 待公示 (later in the week than now);
 * - rest: 休息 (a rest day the official has no plan for, shown because a colleague worked it);
 * - not_in_post: — (before the official took the post or after they left it).
 */
export type BoardDayStatus = 'published' | 'on_leave' | 'missing' | 'pending' | 'rest' | 'not_in_post';

/** The Chinese mark printed for a day without lines. */
export const BOARD_DAY_MARKS: Record<Exclude<BoardDayStatus, 'published'>, string> = {
  on_leave: '请假',
  missing: '未报送',
  pending: '待公示',
  rest: '休息',
  not_in_post: '—',
};

export interface BoardDay {
  /** YYYY-MM-DD. */
  date: string;
  status: BoardDayStatus;
  /** One short line per active entry of the published plan ("09:00 魏庄村 调度秋粮收购"), in order. */
  lines: string[];
}

export interface BoardNextWeek {
  /** weekly_report: the 周报's next-week plan; day_plans: next week's published day plans; none. */
  source: 'weekly_report' | 'day_plans' | 'none';
  lines: string[];
}

export interface BoardOfficial {
  id: number;
  name: string;
  /** The post held in this unit that week (the primary one when several). */
  title: string;
  /** One per day of the board (the board's `days`, same order). */
  days: BoardDay[];
  nextWeek: BoardNextWeek;
  /** Tickets assigned to the official and resolved in the week (still resolved or closed). */
  resolvedTickets: number;
}

export interface UnitBoard {
  unit: { id: number; name: string };
  week: IsoWeek;
  /** Monday and Sunday of the week. */
  from: string;
  to: string;
  /** The days printed: the week's working days, and any rest day someone published a plan for. */
  days: Array<{ date: string; label: string; workday: boolean }>;
  /** Members of the unit that week, ordered by post rank as the directory orders them. */
  officials: BoardOfficial[];
  /** Tickets of the unit resolved in the week (assigned to it; still resolved or closed). */
  resolvedTickets: number;
  /** The unit's current 红旗 / 黄旗, when it holds one. */
  flag: CurrentFlag | null;
  /** What the QR code opens: the H5 unit page (null when PUBLIC_H5_URL is not configured). */
  qr: { h5Url: string | null; weappPath: string | null };
  /** The previous and next weeks, for a week picker (next is null for the current week). */
  previousWeek: IsoWeek;
  nextWeek: IsoWeek | null;
  generatedAt: string;
}
