/**
 * A text with photos sent in a sheet: 申辩 (ExplainForm) and 书面检查 (SelfExamForm). The draft is
 * kept on the phone while typing and after a failed send, and cleared once the server has it.
 */
import { Text } from '@tarojs/components';
import { SUPERVISION_LIMITS } from '@jinri/shared';
import { useState, type ReactNode } from 'react';

import { toApiError, type ApiError } from '@/api/request';
import { PhotoField } from '@/components/PhotoField';
import { TextField } from '@/components/TextField';
import { readStored, useAutosave, writeStored } from '@/hooks/useAutosave';
import { isTextDraft, keptDraft, type TextDraft } from './drafts';
import { SheetButtons, SheetForm } from './SheetForm';

export interface TextPhotoFormProps<R> {
  title: string;
  testId: string;
  draftKey: string;
  label: string;
  max: number;
  placeholder: string;
  emptyText: string;
  submitLabel: string;
  /** Above the text box: the deadline, what the returned one lacked… */
  intro?: ReactNode;
  send: (body: { text: string; photoIds?: string[] }) => Promise<R>;
  onSent: (result: R) => void;
  /** A refusal that will not change on retry (closed, moved on): the page reloads. */
  isFinal?: (error: ApiError) => boolean;
  onFinal?: (error: ApiError) => void;
  onClose: () => void;
}

export function TextPhotoForm<R>({
  title,
  testId,
  draftKey,
  label,
  max,
  placeholder,
  emptyText,
  submitLabel,
  intro,
  send,
  onSent,
  isFinal,
  onFinal,
  onClose,
}: TextPhotoFormProps<R>) {
  const [draft, setDraft] = useState<TextDraft>(
    () => readStored(draftKey, isTextDraft) ?? { text: '', photos: [] },
  );
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useAutosave(draftKey, keptDraft(draft));

  const submit = async () => {
    if (busy) return;
    const text = draft.text.trim();
    if (!text) {
      setError(emptyText);
      return;
    }
    if (uploading) {
      setError('照片还在上传，请稍等');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await send({
        text,
        photoIds: draft.photos.length ? draft.photos.map((p) => p.id) : undefined,
      });
      writeStored(draftKey, null);
      setBusy(false);
      onSent(result);
    } catch (err) {
      setBusy(false);
      // The text stays in the box and, at once, on the phone: nothing typed is lost.
      writeStored(draftKey, keptDraft(draft));
      const apiError = toApiError(err);
      if (isFinal?.(apiError) && onFinal) onFinal(apiError);
      else setError(apiError.message);
    }
  };

  return (
    <SheetForm
      title={title}
      testId={testId}
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SheetButtons
          busy={busy || uploading}
          label={submitLabel}
          testId={`${testId}-submit`}
          onCancel={onClose}
          onSubmit={() => void submit()}
        />
      }
    >
      {intro}
      <TextField
        fixed
        tall
        label={label}
        value={draft.text}
        max={max}
        placeholder={placeholder}
        disabled={busy}
        testId={`${testId}-text`}
        onChange={(value) => setDraft((d) => ({ ...d, text: value }))}
      />
      <Text className="st-label">照片（可不附，最多 {SUPERVISION_LIMITS.photosMax} 张）</Text>
      <PhotoField
        photos={draft.photos}
        max={SUPERVISION_LIMITS.photosMax}
        disabled={busy}
        testId={`${testId}-photos`}
        onBusyChange={setUploading}
        onAdd={(photo) => setDraft((d) => ({ ...d, photos: [...d.photos, photo] }))}
        onRemove={(id) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }))}
      />
    </SheetForm>
  );
}
