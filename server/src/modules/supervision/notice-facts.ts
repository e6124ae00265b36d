import type { FindingEvidence, FindingKind, LocalDate, NoticeFact } from '@jinri/shared';

/** A confirmed finding as a notice cites it: who, where, when, what it rests on. */
export interface CitedFinding {
  id: number;
  date: LocalDate;
  kind: FindingKind;
  evidence: FindingEvidence;
  unit: { id: number; name: string };
  official: { id: number; name: string; post: string };
}

/** Entry texts quoted in a fact: at most this many, each cut to this length. */
const QUOTES = 3;
const QUOTE_CHARS = 20;

/**
 * The facts of a notice: the findings grouped by unit, then by person, one short sentence per
 * finding ("11月24日 日程内容笼统（“日常工作”）"). Units by id, people by id, findings by date.
 */
export function noticeFacts(findings: CitedFinding[]): NoticeFact[] {
  const sorted = [...findings].sort(
    (a, b) =>
      a.unit.id - b.unit.id || a.official.id - b.official.id || a.date.localeCompare(b.date) || a.id - b.id,
  );
  const facts: NoticeFact[] = [];
  for (const finding of sorted) {
    let unit = facts.at(-1);
    if (!unit || unit.unit.id !== finding.unit.id) {
      unit = { unit: { ...finding.unit }, people: [] };
      facts.push(unit);
    }
    let person = unit.people.at(-1);
    if (!person || person.official.id !== finding.official.id) {
      person = { official: { ...finding.official }, findings: [] };
      unit.people.push(person);
    }
    person.findings.push({ id: finding.id, date: finding.date, kind: finding.kind, text: factText(finding) });
  }
  return facts;
}

/** One finding as one sentence of a notice, from its kind and evidence only. */
export function factText(finding: Pick<CitedFinding, 'date' | 'kind' | 'evidence'>): string {
  const day = monthDay(finding.date);
  const evidence = finding.evidence;
  switch (evidence.kind) {
    case 'missing':
      return `${day} 未按时报送今日工作日程`;
    case 'late':
      return `${day} 日程迟报（晚${duration(evidence.minutesLate)}）`;
    case 'vague':
      return `${day} 日程内容笼统（${quotes(evidence.entries.map((e) => e.what))}）`;
    case 'repeated': {
      const streak = evidence.streakDays > 1 ? `，连续${evidence.streakDays}个工作日` : '';
      return `${day} 日程内容与此前重复（${quotes(evidence.entries.map((e) => e.what))}${streak}）`;
    }
    case 'weekly_missing':
      return `${monthDay(evidence.weekStart)}当周 未按时报送工作周报`;
    case 'weekly_late':
      return `${monthDay(evidence.weekStart)}当周 工作周报迟报（晚${duration(evidence.minutesLate)}）`;
    case 'ticket_overdue':
      return `${day} 群众诉求工单超期未办结（${quotes([evidence.summary])}）`;
    case 'absent': {
      const place = evidence.place ? `，地点${evidence.place}` : '';
      return `${day} 抽查时不在岗（日程为${quotes([evidence.what])}${place}）`;
    }
    case 'self_exam_overdue':
      return `${day} 未按期提交书面检查（${evidence.noticeNumber}）`;
  }
}

/** "2026-11-24" → "11月24日". */
export function monthDay(date: LocalDate): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** "2026-11-23" → "2026年11月23日". */
export function fullDate(date: LocalDate): string {
  return `${date.slice(0, 4)}年${monthDay(date)}`;
}

/** "2026年11月23日至12月4日" (the year once when both ends share it), or one day. */
export function periodText(from: LocalDate, to: LocalDate): string {
  if (from === to) return fullDate(from);
  return `${fullDate(from)}至${from.slice(0, 4) === to.slice(0, 4) ? monthDay(to) : fullDate(to)}`;
}

function quotes(texts: string[]): string {
  const distinct = [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
  const shown = distinct
    .slice(0, QUOTES)
    .map((t) => `“${t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS)}…` : t}”`);
  return distinct.length > QUOTES ? `${shown.join('、')}等` : shown.join('、');
}

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours}小时${rest}分钟` : `${hours}小时`;
}
