/** 评价: the resident rates the result; 不满意 with a reason reopens the ticket once. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { rateTicket } from '@/api/tickets.api';
import { FormSheet, SubmitRow, ReasonField, useSend, type ActionFormProps } from './FormShell';

export function RateForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);

  const submit = () => {
    if (satisfied === null) {
      setError('请选择满意或不满意');
      return;
    }
    const why = reason.trim();
    if (!satisfied && !why) {
      setError('请写下不满意的原因，干部会据此重新办理');
      return;
    }
    void run(
      () => rateTicket(ticket.id, { version: ticket.version, satisfied, reason: why || undefined }),
      satisfied ? '感谢您的评价' : ticket.reopenCount === 0 ? '已退回重新办理' : '已记录您的评价',
    );
  };

  const choose = (value: boolean) => {
    if (busy) return;
    setSatisfied(value);
    setError(null);
  };

  return (
    <FormSheet
      title="评价办理结果"
      testId="sheet-rate"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow busy={busy} label="提交评价" testId="rate-submit" onCancel={onClose} onSubmit={submit} />
      }
    >
      <Text className="st-hint">
        {ticket.reopenCount === 0
          ? '选择“不满意”并写明原因，留言会退回重新办理一次。'
          : '已重新办理过一次，您的评价会如实记录。'}
      </Text>
      <View className="tk-choices">
        <View
          className={`tk-choice tk-choice--good ${satisfied === true ? 'tk-choice--on' : ''}`}
          role="radio"
          aria-checked={satisfied === true}
          data-testid="rate-satisfied"
          onClick={() => choose(true)}
        >
          <Text>满意</Text>
        </View>
        <View
          className={`tk-choice tk-choice--bad ${satisfied === false ? 'tk-choice--on' : ''}`}
          role="radio"
          aria-checked={satisfied === false}
          data-testid="rate-unsatisfied"
          onClick={() => choose(false)}
        >
          <Text>不满意</Text>
        </View>
      </View>
      {satisfied === false ? (
        <ReasonField
          label="不满意的原因（必填）"
          value={reason}
          placeholder="如：路灯只修了一盏，另一盏还是不亮"
          busy={busy}
          testId="rate-reason"
          onChange={setReason}
        />
      ) : null}
    </FormSheet>
  );
}
