/** One day that differs from a plain week: a holiday on a weekday, a worked weekend, or an admin entry. */
export interface CalendarDayView {
  date: string;
  isWorkday: boolean;
  name: string;
  /** Entered by an admin (can be removed); otherwise from the packaged State Council calendar. */
  entered: boolean;
}

/** GET /calendar/:year */
export interface CalendarYear {
  year: number;
  /** The packaged calendar covers the year, or an admin confirmed it as complete. */
  known: boolean;
  /** The packaged State Council calendar (chinese-days) covers the year. */
  packaged: boolean;
  /** When a county admin confirmed the year's entries as complete (ISO time), or null. */
  confirmedAt: string | null;
  days: CalendarDayView[];
  /** From December 1, a warning when next year's calendar is not known. */
  warning: string | null;
}

/** GET /calendar/status: what admins and supervisors are warned about. */
export interface CalendarStatus {
  /** Today (Asia/Shanghai). */
  today: string;
  nextYear: number;
  nextYearKnown: boolean;
  /** 「2027 年节假日安排尚未录入，工作日计算可能不准确」 from December 1 while next year is not known. */
  warning: string | null;
}
