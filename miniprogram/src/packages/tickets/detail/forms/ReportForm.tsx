/**
 * 举报: a resident reports a public comment or its answer (a reason from a short list, optional
 * words, a confirmation). The page offers 举报 only when the server lists it in `ticket.actions`.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  TICKET_REPORT_REASON_LABELS,
  TICKET_REPORT_REASONS,
  TICKET_REPORT_THRESHOLD,
  type TicketReportReason,
  type TicketReportTarget,
  type TicketView,
} from '@jinri/shared';
import { useState } from 'react';

import { getTicket, reportTicket } from '@/api/tickets.api';
import { FormSheet, SubmitRow, ReasonField, useSend, type ActionFormProps } from './FormShell';

const TARGET_LABELS: Record<TicketReportTarget, string> = { comment: '留言', reply: '答复' };

/** What the viewer can still report: the comment, and the answer once one is shown. */
export function reportTargets(ticket: TicketView): TicketReportTarget[] {
  const all: TicketReportTarget[] = ticket.reply || ticket.resolution ? ['comment', 'reply'] : ['comment'];
  return all.filter((t) => !(ticket.reported ?? []).includes(t));
}

/** "已举报留言" under the ticket, once the viewer has reported something. */
export function ReportedNote({ ticket }: { ticket: TicketView }) {
  const reported = ticket.reported ?? [];
  if (reported.length === 0) return null;
  return (
    <View className="st-banner" data-testid="ticket-reported">
      <Text className="st-banner__text">
        已举报{reported.map((t) => TARGET_LABELS[t]).join('和')}。{TICKET_REPORT_THRESHOLD}
        位以上用户举报后将暂停公开，由督查人员审核。
      </Text>
    </View>
  );
}

export function ReportForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const targets = reportTargets(ticket);
  const [target, setTarget] = useState<TicketReportTarget>(targets[0] ?? 'comment');
  const [reason, setReason] = useState<TicketReportReason | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);

  const submit = async () => {
    if (busy) return;
    if (!reason) {
      setError('请选择举报理由');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: `举报这条${TARGET_LABELS[target]}？`,
      content: `理由：${TICKET_REPORT_REASON_LABELS[reason]}。请确认内容确有问题，恶意举报不会被采纳。`,
      confirmText: '举报',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    await run(async () => {
      await reportTicket(ticket.id, { target, reason, note: note.trim() || undefined });
      return getTicket(ticket.id).catch(() => ({
        ...ticket,
        actions: ticket.actions.filter((a) => a !== 'report' || targets.length > 1),
        reported: [...(ticket.reported ?? []), target],
      }));
    }, '已举报');
  };

  return (
    <FormSheet
      title="举报"
      testId="sheet-report"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow
          busy={busy}
          label="举报"
          danger
          testId="report-submit"
          onCancel={onClose}
          onSubmit={() => void submit()}
        />
      }
    >
      <Text className="st-hint">
        举报不会告知留言人。{TICKET_REPORT_THRESHOLD} 位以上用户举报后，内容暂停公开，由督查人员审核。
      </Text>
      {targets.length > 1 ? (
        <View className="tk-choices" role="radiogroup" aria-label="举报对象">
          {targets.map((t) => (
            <View
              key={t}
              className={`tk-choice ${target === t ? 'tk-choice--on' : ''}`}
              role="radio"
              aria-checked={target === t}
              data-testid="report-target"
              data-target={t}
              onClick={() => !busy && setTarget(t)}
            >
              <Text>举报{TARGET_LABELS[t]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="tk-more" role="radiogroup" aria-label="举报理由">
        {TICKET_REPORT_REASONS.map((r) => (
          <View
            key={r}
            className={`tk-pick ${reason === r ? 'tk-pick--on' : ''}`}
            role="radio"
            aria-checked={reason === r}
            data-testid="report-reason"
            data-reason={r}
            onClick={() => {
              if (busy) return;
              setReason(r);
              setError(null);
            }}
          >
            <Text className="tk-pick__name">{TICKET_REPORT_REASON_LABELS[r]}</Text>
          </View>
        ))}
      </View>
      <ReasonField
        label="补充说明（可不填）"
        value={note}
        busy={busy}
        testId="report-note"
        onChange={setNote}
      />
    </FormSheet>
  );
}
