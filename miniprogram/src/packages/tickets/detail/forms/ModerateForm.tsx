/** 审核: a supervisor approves a held comment or hides an improper one. */
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { moderateTicket } from '@/api/tickets.api';
import { DecisionRow, FormSheet, ReasonField, useSend, type ActionFormProps } from './FormShell';

export function ModerateForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const held = ticket.moderation === 'held';
  const [note, setNote] = useState('');
  const { busy, error, run } = useSend(onDone, onStale);

  const decide = async (decision: 'approve' | 'hide') => {
    if (decision === 'hide') {
      const { confirm } = await Taro.showModal({
        title: '屏蔽这条留言？',
        content: '屏蔽后不再公开显示，也不再办理。请确认内容确属不当。',
        confirmText: '屏蔽',
        confirmColor: '#b42318',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    await run(
      () => moderateTicket(ticket.id, { version: ticket.version, decision, note: note.trim() || undefined }),
      decision === 'hide' ? '已屏蔽' : '已通过审核',
    );
  };

  return (
    <FormSheet
      title={held ? '审核留言' : '屏蔽留言'}
      testId="sheet-moderate"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <DecisionRow
          busy={busy}
          reject={{ label: '屏蔽', testId: 'moderate-hide', onClick: () => void decide('hide') }}
          approve={
            held
              ? { label: '通过审核', testId: 'moderate-approve', onClick: () => void decide('approve') }
              : undefined
          }
        />
      }
    >
      <Text className="st-hint">
        {held
          ? '这条留言被系统暂缓公开。通过后按群众意愿公开；确属不当的可以屏蔽。'
          : '这条留言已通过内容检查。确属不当（辱骂、广告、违法信息）的可以屏蔽，屏蔽后不再公开，也不再办理。'}
      </Text>
      <ReasonField
        label="审核意见（可不填）"
        value={note}
        busy={busy}
        testId="moderate-note"
        onChange={setNote}
      />
    </FormSheet>
  );
}
