/** 转办: to another official, or back to the unit's supervisors (督办) to assign. */
import { Text, View } from '@tarojs/components';
import type { OfficialRef } from '@jinri/shared';
import { useState } from 'react';

import { transferTicket } from '@/api/tickets.api';
import { FormSheet, SubmitRow, ReasonField, useSend, type ActionFormProps } from './FormShell';
import { OfficialPicker } from './OfficialPicker';

export function TransferForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [official, setOfficial] = useState<OfficialRef | null>(null);
  const [toQueue, setToQueue] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);
  const unit = ticket.assignee.unit;

  const submit = () => {
    const why = reason.trim();
    if (!official && !toQueue) {
      setError('请选择转给哪位干部，或退回督办');
      return;
    }
    if (!why) {
      setError('请填写转办原因');
      return;
    }
    void run(
      () =>
        transferTicket(ticket.id, {
          version: ticket.version,
          reason: why,
          ...(official && !toQueue ? { officialId: official.id } : { unitId: unit.id }),
        }),
      '已转办',
    );
  };

  return (
    <FormSheet
      title="转办"
      testId="sheet-transfer"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow
          busy={busy}
          label="确认转办"
          testId="transfer-submit"
          onCancel={onClose}
          onSubmit={submit}
        />
      }
    >
      <Text className="st-hint">不属于您办理的，转给负责的干部；不知道给谁，退回{unit.name}督办分派。</Text>
      <Text className="st-label">转给</Text>
      <OfficialPicker
        value={toQueue ? null : official}
        onChange={(o) => {
          setOfficial(o);
          if (o) setToQueue(false);
        }}
        disabled={busy}
      />
      <View
        className={`st-toggle ${toQueue ? 'st-toggle--on' : ''}`}
        role="switch"
        aria-checked={toQueue}
        data-testid="transfer-queue"
        onClick={() => !busy && setToQueue(!toQueue)}
      >
        <View className="st-toggle__box">
          <Text>{toQueue ? '✓' : ''}</Text>
        </View>
        <Text className="st-toggle__label">退回{unit.name}督办，由督办分派</Text>
      </View>
      <ReasonField
        label="转办原因"
        value={reason}
        placeholder="如：该路段由交通局负责养护"
        busy={busy}
        testId="transfer-reason"
        onChange={setReason}
      />
    </FormSheet>
  );
}
