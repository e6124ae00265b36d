/** What an official is writing (申辩, 书面检查), kept on the phone until it is sent. */
import { isUploadedPhoto, type UploadedPhoto } from '@/components/PhotoField';

const PREFIX = 'jinri.supervision.';

export interface TextDraft {
  text: string;
  photos: UploadedPhoto[];
}

export const supervisionDraftKeys = {
  explain: (findingId: number) => `${PREFIX}explain.${findingId}`,
  selfExam: (selfExamId: number) => `${PREFIX}self-exam.${selfExamId}`,
};

export function isTextDraft(v: unknown): v is TextDraft {
  const d = v as TextDraft | null;
  return !!d && typeof d.text === 'string' && Array.isArray(d.photos) && d.photos.every(isUploadedPhoto);
}

/** Kept only when there is something in it. */
export function keptDraft(draft: TextDraft): TextDraft | null {
  return draft.text.trim() || draft.photos.length ? draft : null;
}
