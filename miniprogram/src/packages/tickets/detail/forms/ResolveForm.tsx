/** 办结: the result (note) and photos, draft kept per ticket. */
import { Text } from '@tarojs/components';
import { TICKET_LIMITS } from '@jinri/shared';
import { useState } from 'react';

import { resolveTicket } from '@/api/tickets.api';
import { readStored, useAutosave, writeStored } from '@/hooks/useAutosave';
import { draftKeys, isResolveDraft, type ResolveDraft } from '@/packages/tickets/common/draft';
import { PhotoField } from '@/components/PhotoField';
import { FormSheet, SubmitRow, TextField, useSend, type ActionFormProps } from './FormShell';

export function ResolveForm({ ticket, onDone, onStale, onClose }: ActionFormProps) {
  const key = draftKeys.resolve(ticket.id);
  const [draft, setDraft] = useState<ResolveDraft>(
    () => readStored(key, isResolveDraft) ?? { note: '', photos: [] },
  );
  const [uploading, setUploading] = useState(false);
  const { busy, error, setError, run } = useSend(onDone, onStale);
  useAutosave(key, draft.note.trim() || draft.photos.length ? draft : null);

  const submit = () => {
    const note = draft.note.trim();
    if (!note) {
      setError('请写明办理结果，群众会据此评价');
      return;
    }
    if (uploading) {
      setError('照片还在上传，请稍等');
      return;
    }
    void run(
      () =>
        resolveTicket(ticket.id, {
          version: ticket.version,
          note,
          photoIds: draft.photos.length ? draft.photos.map((p) => p.id) : undefined,
        }),
      '已办结',
      () => writeStored(key, null),
    );
  };

  return (
    <FormSheet
      title="办结"
      testId="sheet-resolve"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SubmitRow
          busy={busy || uploading}
          label="确认办结"
          testId="resolve-submit"
          onCancel={onClose}
          onSubmit={submit}
        />
      }
    >
      <Text className="st-hint">办结后群众会收到通知并评价；不满意会退回重新办理。</Text>
      <TextField
        fixed
        label="办理结果"
        value={draft.note}
        max={TICKET_LIMITS.replyMax}
        placeholder="如：已更换路灯 2 盏，经现场查看恢复照明"
        disabled={busy}
        testId="resolve-note"
        onChange={(value) => setDraft((d) => ({ ...d, note: value }))}
      />
      <Text className="st-label">现场照片（可不附，最多 {TICKET_LIMITS.photosMax} 张）</Text>
      <PhotoField
        photos={draft.photos}
        max={TICKET_LIMITS.photosMax}
        disabled={busy}
        testId="resolve-photos"
        onBusyChange={setUploading}
        onAdd={(photo) => setDraft((d) => ({ ...d, photos: [...d.photos, photo] }))}
        onRemove={(id) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }))}
      />
    </FormSheet>
  );
}
