/** 审批延期: a supervisor approves or refuses the requested extension. */
import { Text } from '@tarojs/components';
import { useState } from 'react';

import { decideExtension } from '@/api/tickets.api';
import { formatDueDate } from '@/utils/tickets';
import { DecisionRow, FormSheet, ReasonField, useSend, type ActionFormProps } from './FormShell';

export function DecideExtensionForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useSend(onDone, onStale);
  const ext = ticket.extension;

  const decide = (approve: boolean) =>
    void run(
      () => decideExtension(ticket.id, { version: ticket.version, approve, note: note.trim() || undefined }),
      approve ? '已同意延期' : '已不同意延期',
    );

  return (
    <FormSheet
      title="审批延期申请"
      testId="sheet-decide-extension"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <DecisionRow
          busy={busy}
          reject={{ label: '不同意', testId: 'decide-reject', onClick: () => decide(false) }}
          approve={{ label: '同意延期', testId: 'decide-approve', onClick: () => decide(true) }}
        />
      }
    >
      {ext ? (
        <Text className="st-hint">
          申请延长 {ext.days} 个工作日，至 {formatDueDate(ext.newDueAt)}。理由：{ext.reason}
        </Text>
      ) : null}
      <ReasonField
        label="审批意见（可不填）"
        value={note}
        busy={busy}
        testId="decide-note"
        onChange={setNote}
      />
    </FormSheet>
  );
}
