/**
 * 依据: what a finding rests on, per kind, in plain words a supervisor can check — the deadline
 * and when the plan came, the entry texts as published (with what is wrong with them), the near
 * copies and their dates, the ticket, the spot check's visit.
 */
import { Text, View } from '@tarojs/components';
import type { FindingEvidence } from '@jinri/shared';
import type { ReactNode } from 'react';

import { formatClock, formatMonthDay, formatStamp } from '@/utils/date';
import { ticketStateLabel } from '@/utils/tickets';

const WARNING_LABELS: Record<string, string> = {
  vague: '用词笼统，看不出具体做什么',
  too_short: '内容过短',
  repeated: '与此前几乎相同',
};

/** "70 分钟" / "2 小时 5 分钟". */
export function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="sv-field">
      <Text className="sv-field__label">{label}</Text>
      <Text className="sv-field__value">{children}</Text>
    </View>
  );
}

function Quote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Text className="sv-quote" data-testid={testId}>
      {children}
    </Text>
  );
}

export function Evidence({ evidence }: { evidence: FindingEvidence }) {
  return (
    <View data-testid="evidence" data-kind={evidence.kind}>
      <EvidenceBody evidence={evidence} />
    </View>
  );
}

function EvidenceBody({ evidence: e }: { evidence: FindingEvidence }) {
  switch (e.kind) {
    case 'missing':
      return (
        <>
          <Text className="st-hint">到截止时间仍未报送当天的工作计划，也没有批准的请假。</Text>
          <Field label="截止时间">{formatStamp(e.dueAt)}</Field>
        </>
      );
    case 'late':
      return (
        <>
          <Text className="st-hint">计划在截止时间之后才报送。</Text>
          <Field label="截止时间">{formatStamp(e.dueAt)}</Field>
          <Field label="报送时间">{formatStamp(e.submittedAt)}</Field>
          <Field label="晚了">{duration(e.minutesLate)}</Field>
        </>
      );
    case 'vague':
      return (
        <>
          <Text className="st-hint">以下日程（公示时的原文）写得不够具体：</Text>
          {e.entries.map((entry) => (
            <View key={entry.entryId} data-testid="evidence-entry">
              <Quote>
                {entry.what}
                {entry.place ? `（${entry.place}）` : ''}
              </Quote>
              <Text className="st-hint">
                {entry.warnings.map((w) => WARNING_LABELS[w] ?? w).join('；') || '内容笼统'}
              </Text>
            </View>
          ))}
        </>
      );
    case 'repeated':
      return (
        <>
          <Text className="st-hint">
            以下日程与此前几乎一样，已连续 {e.streakDays} 个工作日出现相同内容：
          </Text>
          {e.entries.map((entry) => (
            <View key={entry.entryId} data-testid="evidence-entry">
              <Quote>{entry.what}</Quote>
              {entry.similarTo.map((s) => (
                <Text key={`${s.date}|${s.what}`} className="st-hint">
                  {formatMonthDay(s.date)}：“{s.what}”（相似度 {Math.round(s.similarity * 100)}%）
                </Text>
              ))}
            </View>
          ))}
        </>
      );
    case 'weekly_missing':
      return (
        <>
          <Text className="st-hint">到截止时间仍未提交这一周的周报。</Text>
          <Field label="周">{formatMonthDay(e.weekStart)}起一周</Field>
          <Field label="截止时间">{formatStamp(e.dueAt)}</Field>
        </>
      );
    case 'weekly_late':
      return (
        <>
          <Text className="st-hint">周报在截止时间之后才提交。</Text>
          <Field label="周">{formatMonthDay(e.weekStart)}起一周</Field>
          <Field label="截止时间">{formatStamp(e.dueAt)}</Field>
          <Field label="提交时间">{formatStamp(e.submittedAt)}</Field>
          <Field label="晚了">{duration(e.minutesLate)}</Field>
        </>
      );
    case 'ticket_overdue':
      return (
        <>
          <Text className="st-hint">群众留言的工单超过办理期限仍未办结。</Text>
          <Quote>{e.summary}</Quote>
          {e.queryCode ? <Field label="查询码">{e.queryCode}</Field> : null}
          <Field label="办理期限">{formatStamp(e.dueAt)}</Field>
          <Field label="当时状态">{ticketStateLabel(e.state)}</Field>
        </>
      );
    case 'absent':
      return (
        <>
          <Text className="st-hint">督查人员按公示的日程到现场，没有见到本人。</Text>
          <Quote>
            {e.planned} {e.what}
            {e.place ? `（${e.place}）` : ''}
          </Quote>
          <Field label="到场时间">{formatClock(e.visitedAt)}</Field>
          {e.note ? <Field label="现场情况">{e.note}</Field> : null}
        </>
      );
    case 'self_exam_overdue':
      return (
        <>
          <Text className="st-hint">通报要求的书面检查到期仍未提交。</Text>
          <Field label="通报">{e.noticeNumber}</Field>
          <Field label="截止时间">{formatStamp(e.dueAt)}</Field>
        </>
      );
    default:
      return <Text className="st-hint">（无法显示这类依据）</Text>;
  }
}
