/** 答复: templates, draft kept per ticket. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REPLY_TEMPLATES, TICKET_LIMITS } from '@jinri/shared';
import { useState } from 'react';

import { replyTicket } from '@/api/tickets.api';
import { readStored, useAutosave, writeStored } from '@/hooks/useAutosave';
import { draftKeys, isString } from '@/packages/tickets/common/draft';
import { FormSheet, SubmitRow, TextField, useSend, type ActionFormProps } from './FormShell';

export function ReplyForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const key = draftKeys.reply(ticket.id);
  const [text, setText] = useState(() => readStored(key, isString) ?? '');
  const { busy, error, setError, run } = useSend(onDone, onStale);
  useAutosave(key, text.trim() ? text : null);

  const applyTemplate = async (template: string) => {
    if (text.trim() && text.trim() !== template) {
      const { confirm } = await Taro.showModal({
        title: '使用这条模板？',
        content: '已写的答复将被模板替换。',
        confirmText: '替换',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setText(template);
    setError(null);
  };

  const submit = () => {
    const content = text.trim();
    if (!content) {
      setError('请填写答复内容，可以先选一条模板再修改');
      return;
    }
    void run(
      () => replyTicket(ticket.id, { version: ticket.version, content }),
      '已答复',
      () => writeStored(key, null),
    );
  };

  return (
    <FormSheet
      title="答复群众"
      testId="sheet-reply"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow busy={busy} label="发送答复" testId="reply-submit" onCancel={onClose} onSubmit={submit} />
      }
    >
      <Text className="st-hint">选一条模板后可修改。草稿会自动保存，关掉也不会丢。</Text>
      <View className="tk-templates" data-testid="reply-templates">
        {REPLY_TEMPLATES.map((template, index) => (
          <View
            key={template}
            className="tk-template"
            role="button"
            hoverClass="tk-template--pressed"
            data-testid="reply-template"
            data-index={String(index)}
            onClick={() => void applyTemplate(template)}
          >
            <Text>{template}</Text>
          </View>
        ))}
      </View>
      <TextField
        fixed
        label="答复内容"
        value={text}
        max={TICKET_LIMITS.replyMax}
        placeholder="写明已做了什么、还要做什么、何时有结果"
        disabled={busy}
        testId="reply-content"
        onChange={(value) => setText(value)}
      />
    </FormSheet>
  );
}
