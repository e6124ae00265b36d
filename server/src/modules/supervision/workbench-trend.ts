import { addDays, weekStart } from '../../common/time/local-time';

/** One official's plans in one week, as the grouped query counts them (owed working days only). */
export interface WeekPlanCounts {
  officialId: number;
  weekStart: string;
  /** Plans handed in (submitted or published) for an owed day. */
  submitted: number;
  /** Of those, handed in before the deadline. */
  onTime: number;
  /** Plans published (what residents saw). */
  published: number;
  /** Days with a vague or repeated finding. */
  flaggedDays: number;
}

export interface TrendInput {
  /** The Mondays of the weeks, oldest first. */
  weeks: string[];
  /** Days after this one are not owed yet (today). */
  lastDay: string;
  isWorkday: (date: string) => boolean;
  /** Each official of the scope and the group (child unit) they count in. */
  officials: Array<{ officialId: number; groupId: number }>;
  /** Approved leave: its working days are excused. */
  leaves: Array<{ officialId: number; startDate: string; endDate: string }>;
  counts: WeekPlanCounts[];
}

export interface TrendPoint {
  weekStart: string;
  submission: number | null;
  onTime: number | null;
  vagueOrRepeated: number | null;
}

/** The Mondays of the `count` weeks ending with the week of `today`, oldest first. */
export function trendWeeks(today: string, count: number): string[] {
  const last = weekStart(today);
  return Array.from({ length: count }, (_, i) => addDays(last, 7 * (i - count + 1)));
}

/** The owed days of a week: its working days up to `lastDay`. */
export function owedDays(week: string, lastDay: string, isWorkday: (date: string) => boolean): string[] {
  const days: string[] = [];
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(week, i);
    if (day <= lastDay && isWorkday(day)) days.push(day);
  }
  return days;
}

/** A share from 0 to 1 (rounded to 3 places, capped at 1); null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round(Math.min(1, part / whole) * 1000) / 1000;
}

/**
 * Per group (child unit) and week: submission = plans handed in / official working days owed (days
 * of approved leave excused), onTime = handed in on time / handed in, vagueOrRepeated = days with a
 * vague or repeated finding / plans published. A week without an owed day (a holiday week, a future
 * week) answers null, not 0: nobody fell short.
 */
export function trendPoints(input: TrendInput): Map<number, TrendPoint[]> {
  const days = new Map(input.weeks.map((w) => [w, owedDays(w, input.lastDay, input.isWorkday)]));
  const leaveByOfficial = new Map<number, TrendInput['leaves']>();
  for (const leave of input.leaves)
    leaveByOfficial.set(leave.officialId, [...(leaveByOfficial.get(leave.officialId) ?? []), leave]);
  const groupOf = new Map(input.officials.map((o) => [o.officialId, o.groupId]));

  type Sum = { owed: number; submitted: number; onTime: number; published: number; flagged: number };
  const sums = new Map<string, Sum>();
  const sum = (groupId: number, week: string): Sum => {
    const key = `${groupId}|${week}`;
    let found = sums.get(key);
    if (!found) sums.set(key, (found = { owed: 0, submitted: 0, onTime: 0, published: 0, flagged: 0 }));
    return found;
  };
  for (const official of input.officials) {
    const leaves = leaveByOfficial.get(official.officialId) ?? [];
    for (const week of input.weeks) {
      const owed = (days.get(week) ?? []).filter(
        (day) => !leaves.some((l) => l.startDate <= day && day <= l.endDate),
      ).length;
      sum(official.groupId, week).owed += owed;
    }
  }
  for (const row of input.counts) {
    const groupId = groupOf.get(row.officialId);
    if (groupId === undefined || !days.has(row.weekStart)) continue;
    const s = sum(groupId, row.weekStart);
    s.submitted += row.submitted;
    s.onTime += row.onTime;
    s.published += row.published;
    s.flagged += row.flaggedDays;
  }

  const result = new Map<number, TrendPoint[]>();
  for (const groupId of new Set(input.officials.map((o) => o.groupId))) {
    result.set(
      groupId,
      input.weeks.map((week) => {
        const s = sum(groupId, week);
        return {
          weekStart: week,
          submission: rate(s.submitted, s.owed),
          onTime: rate(s.onTime, s.submitted),
          vagueOrRepeated: rate(s.flagged, s.published),
        };
      }),
    );
  }
  return result;
}
