/** 举报审核: the supervisor reviews what three reports held (恢复公开 / 不予公开). */
import { Text } from '@tarojs/components';
import type { TicketView } from '@jinri/shared';
import { useState } from 'react';

import { moderateTicket } from '@/api/tickets.api';
import { DecisionRow, FormSheet, ReasonField, useSend, type ActionFormProps } from './FormShell';

/** Held after 举报 (the last 举报 event is a hold, not yet reviewed): the review replaces 审核/屏蔽. */
export function isHeldByReports(ticket: TicketView): boolean {
  const last = [...ticket.events]
    .reverse()
    .find((e) => ['reported_hidden', 'report_restored', 'report_upheld'].includes(e.type));
  return last?.type === 'reported_hidden';
}

export function ReportReviewForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useSend(onDone, onStale);

  const decide = (decision: 'approve' | 'hide') =>
    void run(
      () => moderateTicket(ticket.id, { version: ticket.version, decision, note: note.trim() || undefined }),
      decision === 'approve' ? '已恢复公开' : '已不予公开',
    );

  return (
    <FormSheet
      title="举报审核"
      testId="sheet-report-review"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <DecisionRow
          busy={busy}
          reject={{ label: '不予公开', testId: 'report-review-hide', onClick: () => decide('hide') }}
          approve={{ label: '恢复公开', testId: 'report-review-restore', onClick: () => decide('approve') }}
        />
      }
    >
      <Text className="st-hint">
        多位用户举报了这条留言或答复，已暂停公开。内容没有问题的请恢复公开；确属不当的不予公开（留言照常办理）。
      </Text>
      <ReasonField
        label="审核意见（可不填）"
        value={note}
        busy={busy}
        testId="report-review-note"
        onChange={setNote}
      />
    </FormSheet>
  );
}
