/** 指派: a supervisor chooses the official who handles the ticket. */
import { Text } from '@tarojs/components';
import type { OfficialRef } from '@jinri/shared';
import { useState } from 'react';

import { assignTicket } from '@/api/tickets.api';
import { FormSheet, SubmitRow, ReasonField, useSend, type ActionFormProps } from './FormShell';
import { OfficialPicker } from './OfficialPicker';

export function AssignForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [official, setOfficial] = useState<OfficialRef | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);

  const submit = () => {
    if (!official) {
      setError('请选择办理的干部');
      return;
    }
    void run(
      () =>
        assignTicket(ticket.id, {
          version: ticket.version,
          officialId: official.id,
          note: note.trim() || undefined,
        }),
      '已指派',
    );
  };

  return (
    <FormSheet
      title="指派办理人"
      testId="sheet-assign"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow busy={busy} label="确认指派" testId="assign-submit" onCancel={onClose} onSubmit={submit} />
      }
    >
      <Text className="st-label">办理的干部</Text>
      <OfficialPicker value={official} onChange={setOfficial} disabled={busy} />
      <ReasonField
        label="说明（可不填）"
        value={note}
        placeholder="如：请三日内到现场核实"
        busy={busy}
        testId="assign-note"
        onChange={setNote}
      />
    </FormSheet>
  );
}
