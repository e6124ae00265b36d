/**
 * How a notice reads on paper (督察通报): the numbered facts by unit and person, the dates in
 * Chinese ("2026年12月7日"), the self-examination sentence. Pure: the print view, the editor and
 * the tests share it.
 */
import {
  FINDING_KIND_LABELS,
  type LocalDate,
  type NoticeDetail,
  type NoticeFact,
  type NoticeView,
} from '@jinri/shared';

import { addDays, mondayOf, weekdayOf } from '@/utils/date';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "2026-12-07" → "2026年12月7日" (the date of an issued document). */
export function paperDate(date: LocalDate): string {
  const m = DATE_RE.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** "2026-11-30" → "11月30日". */
function monthDay(date: LocalDate): string {
  const m = DATE_RE.exec(date);
  return m ? `${Number(m[2])}月${Number(m[3])}日` : date;
}

/** The period as a sentence says it: "11月30日至12月4日" (the year when the ends differ in year). */
export function periodText(from: LocalDate, to: LocalDate): string {
  if (from === to) return paperDate(from);
  return from.slice(0, 4) === to.slice(0, 4)
    ? `${monthDay(from)}至${monthDay(to)}`
    : `${paperDate(from)}至${paperDate(to)}`;
}

/** 1 → "一", 10 → "十", 12 → "十二", 20 → "二十" (section numbers of a document). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
  }
  return String(n);
}

/** The number line of the paper: the issued number, or what a draft shows instead. */
export function numberLine(notice: Pick<NoticeView, 'number' | 'state'>): string {
  return notice.number ?? '（印发时编号）';
}

/** One unit's section heading: "一、城关镇". */
export function unitHeading(index: number, fact: NoticeFact): string {
  return `${chineseNumeral(index + 1)}、${fact.unit.name}`;
}

/**
 * One person's line: "张三（副镇长）：12月1日 日程迟报（晚1小时10分）；12月2日 日程内容笼统（“下村”）。"
 * The server's fact text already names the day and what happened; without one, the day and the kind.
 */
export function personLine(person: NoticeFact['people'][number]): string {
  const items = person.findings.map(
    (f) => f.text || `${monthDay(f.date)}${FINDING_KIND_LABELS[f.kind] ?? f.kind}`,
  );
  return `${person.official.name}（${person.official.post}）：${items.join('；')}。`;
}

/** How many findings (and people) the facts cite. */
export function factCounts(facts: readonly NoticeFact[]): { findings: number; people: number } {
  let findings = 0;
  let people = 0;
  for (const unit of facts) {
    for (const person of unit.people) {
      people += 1;
      findings += person.findings.length;
    }
  }
  return { findings, people };
}

/** The self-examination sentence after the requirement ("" when none is required). */
export function selfExamSentence(days: number): string {
  return days > 0 ? `请以上被通报人员在通报印发后${days}个工作日内向督查室提交书面检查。` : '';
}

/** The findings a draft cites, without one (the 移除 of a cited finding). */
export function withoutFinding(findingIds: readonly number[], id: number): number[] {
  return findingIds.filter((x) => x !== id);
}

/**
 * A draft's default period: the last full working week, Monday to Friday, seen from `today` — on a
 * Saturday or Sunday the week that just ended, on a weekday the one before.
 */
export function lastWeekRange(today: LocalDate): { from: LocalDate; to: LocalDate } {
  const weekend = [0, 6].includes(weekdayOf(today));
  const from = addDays(mondayOf(today), weekend ? 0 : -7);
  return { from, to: addDays(from, 4) };
}

/** What the 印发 confirmation says: irreversible, the number it takes, who must self-examine. */
export function issueConfirmText(
  notice: Pick<NoticeDetail, 'facts' | 'nextNumber' | 'selfExamWorkingDays'>,
): string {
  const { people, findings } = factCounts(notice.facts);
  const number = notice.nextNumber ? `编号为 ${notice.nextNumber}` : '按年度顺序编号';
  const selfExam =
    notice.selfExamWorkingDays > 0
      ? `被通报的 ${people} 人需在 ${notice.selfExamWorkingDays} 个工作日内提交书面检查。`
      : '';
  return `本通报将${number}，引用 ${findings} 条督查记录。印发后不能修改或撤回。${selfExam}`;
}
