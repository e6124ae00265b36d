/**
 * A finding as its official reads it: what it rests on in one plain sentence, and whether (and
 * until when) they may still explain it (申辩).
 */
import type { FindingEvidence, FindingView, SelfExamView } from '@jinri/shared';

import { formatClock, formatMonthDay, localDateOf } from '@/utils/date';

/** "70 分钟" / "2 小时 5 分钟". */
function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

/** An ISO instant as "12月7日 17:00". */
function stamp(iso: string): string {
  const day = localDateOf(iso);
  return day ? `${formatMonthDay(day)} ${formatClock(iso)}` : iso;
}

/** What the finding rests on, in one sentence. */
export function evidenceText(evidence: FindingEvidence): string {
  switch (evidence.kind) {
    case 'missing':
      return `截至 ${stamp(evidence.dueAt)} 未报送当日计划。`;
    case 'late':
      return `计划应在 ${stamp(evidence.dueAt)} 前报送，${stamp(evidence.submittedAt)} 才报送（晚了 ${duration(evidence.minutesLate)}）。`;
    case 'vague':
      return evidence.entries
        .map((e) => `“${e.what}”${e.warnings.length ? `：${e.warnings.join('、')}` : ''}`)
        .join('；');
    case 'repeated':
      return `${evidence.entries.map((e) => `“${e.what}”`).join('、')} 与此前的日程几乎相同，已连续 ${evidence.streakDays} 个工作日。`;
    case 'weekly_missing':
      return `${formatMonthDay(evidence.weekStart)}这一周的周报截至 ${stamp(evidence.dueAt)} 未提交。`;
    case 'weekly_late':
      return `${formatMonthDay(evidence.weekStart)}这一周的周报晚交 ${duration(evidence.minutesLate)}（${stamp(evidence.submittedAt)} 提交）。`;
    case 'ticket_overdue':
      return `工单“${evidence.summary}”${evidence.queryCode ? `（${evidence.queryCode}）` : ''}已超过办理期限 ${stamp(evidence.dueAt)}。`;
    case 'absent':
      return `督查 ${formatClock(evidence.visitedAt)} 到“${evidence.place ?? evidence.what}”抽查未见到人（计划：${evidence.planned} ${evidence.what}）。${evidence.note ? `现场情况：${evidence.note}` : ''}`;
    case 'self_exam_overdue':
      return `${evidence.noticeNumber}要求的书面检查在 ${stamp(evidence.dueAt)} 前未提交。`;
    default:
      return '';
  }
}

/** Whether the official may still explain it at `now`: open and before explainDueAt. */
export function canExplain(finding: Pick<FindingView, 'state' | 'explainDueAt'>, now: number): boolean {
  const due = Date.parse(finding.explainDueAt);
  return finding.state === 'open' && !Number.isNaN(due) && now < due;
}

/** "申辩截止：12月8日 17:00" or, once passed, "申辩期限已过（12月8日 17:00）". */
export function explainDeadlineText(finding: Pick<FindingView, 'explainDueAt'>, now: number): string {
  const due = Date.parse(finding.explainDueAt);
  return now < due
    ? `申辩截止：${stamp(finding.explainDueAt)}`
    : `申辩期限已过（${stamp(finding.explainDueAt)}）`;
}

/** The official may submit (again) a pending or returned self-examination. */
export function canSubmitSelfExam(exam: Pick<SelfExamView, 'state'>): boolean {
  return exam.state === 'pending' || exam.state === 'returned';
}
