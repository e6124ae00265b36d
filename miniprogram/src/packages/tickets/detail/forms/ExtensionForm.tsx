/** 申请延期: how many working days and why; once per ticket, before the deadline. */
import { Text, View } from '@tarojs/components';
import { TICKET_LIMITS } from '@jinri/shared';
import { useState } from 'react';

import { requestExtension } from '@/api/tickets.api';
import { formatDueDate } from '@/utils/tickets';
import { FormSheet, SubmitRow, ReasonField, useSend, type ActionFormProps } from './FormShell';

const DEFAULT_EXTENSION_DAYS = 3;

export function ExtensionForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const [days, setDays] = useState(DEFAULT_EXTENSION_DAYS);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSend(onDone, onStale);
  const max = TICKET_LIMITS.extensionDaysMax;

  const submit = () => {
    const why = reason.trim();
    if (!why) {
      setError('请填写延期理由');
      return;
    }
    void run(() => requestExtension(ticket.id, { version: ticket.version, reason: why, days }), '已申请延期');
  };

  const step = (delta: number) => !busy && setDays((d) => Math.min(max, Math.max(1, d + delta)));

  return (
    <FormSheet
      title="申请延期"
      testId="sheet-extension"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow
          busy={busy}
          label="提交申请"
          testId="extension-submit"
          onCancel={onClose}
          onSubmit={submit}
        />
      }
    >
      <Text className="st-hint">
        现办结期限 {formatDueDate(ticket.dueAt)}。每条留言只能申请一次，须在期限前申请，由督办审批。
      </Text>
      <Text className="st-label">延长工作日</Text>
      <View className="tk-stepper" data-testid="extension-days" data-days={String(days)}>
        <View
          className={`tk-stepper__btn ${days <= 1 ? 'tk-stepper__btn--off' : ''}`}
          role="button"
          aria-label="减少一天"
          onClick={() => step(-1)}
        >
          <Text>−</Text>
        </View>
        <Text className="tk-stepper__value">{days} 天</Text>
        <View
          className={`tk-stepper__btn ${days >= max ? 'tk-stepper__btn--off' : ''}`}
          role="button"
          aria-label="增加一天"
          onClick={() => step(1)}
        >
          <Text>＋</Text>
        </View>
      </View>
      <ReasonField
        label="延期理由"
        value={reason}
        placeholder="如：需等待供电公司排期施工"
        busy={busy}
        testId="extension-reason"
        onChange={setReason}
      />
    </FormSheet>
  );
}
