/**
 * A draft's words and settings: title, preface, requirement, issuer, the working days for a
 * written self-examination. What is typed stays here when a save fails or the notice was changed
 * by someone else meanwhile (the page reloads it; this form keeps the text).
 */
import { Button, Input, Text, View } from '@tarojs/components';
import {
  SUPERVISION_LIMITS,
  SUPERVISION_RULES,
  type NoticeView,
  type UpdateNoticeRequest,
} from '@jinri/shared';

import { TextField } from '@/components/TextField';
import { onlyIf } from '@/utils/props';

export interface NoticeFields {
  title: string;
  preface: string;
  requirement: string;
  issuer: string;
  selfExamWorkingDays: number;
}

export const SELF_EXAM_DAY_CHOICES = [0, 1, 2, 3, 5] as const;

export function fieldsOf(notice: NoticeView): NoticeFields {
  return {
    title: notice.title,
    preface: notice.preface,
    requirement: notice.requirement,
    issuer: notice.issuer,
    selfExamWorkingDays: notice.selfExamWorkingDays,
  };
}

/** Only what changed, with the version (a PUT body); null when nothing changed. */
export function changedFields(notice: NoticeView, fields: NoticeFields): UpdateNoticeRequest | null {
  const body: UpdateNoticeRequest = { version: notice.version };
  let changed = false;
  for (const key of ['title', 'preface', 'requirement', 'issuer'] as const) {
    if (fields[key] !== notice[key]) {
      body[key] = fields[key];
      changed = true;
    }
  }
  if (fields.selfExamWorkingDays !== notice.selfExamWorkingDays) {
    body.selfExamWorkingDays = fields.selfExamWorkingDays;
    changed = true;
  }
  return changed ? body : null;
}

/** Why the fields cannot be saved ("" when they can). */
export function fieldsProblem(fields: NoticeFields): string {
  if (!fields.title.trim()) return '请填写通报标题';
  if (!fields.issuer.trim()) return '请填写落款单位';
  if (fields.title.length > SUPERVISION_LIMITS.titleMax)
    return `标题不能超过 ${SUPERVISION_LIMITS.titleMax} 字`;
  if (fields.preface.length > SUPERVISION_LIMITS.prefaceMax)
    return `导语不能超过 ${SUPERVISION_LIMITS.prefaceMax} 字`;
  if (fields.requirement.length > SUPERVISION_LIMITS.requirementMax)
    return `工作要求不能超过 ${SUPERVISION_LIMITS.requirementMax} 字`;
  if (fields.issuer.length > SUPERVISION_LIMITS.issuerMax)
    return `落款不能超过 ${SUPERVISION_LIMITS.issuerMax} 字`;
  return '';
}

export function DraftEditor({
  fields,
  onChange,
  dirty,
  busy,
  error,
  onSave,
}: {
  fields: NoticeFields;
  onChange: (fields: NoticeFields) => void;
  dirty: boolean;
  busy: boolean;
  error: string | null;
  onSave: () => void;
}) {
  const set = <K extends keyof NoticeFields>(key: K, value: NoticeFields[K]) =>
    onChange({ ...fields, [key]: value });
  return (
    <View className="card no-print" data-testid="notice-editor">
      <Text className="st-card-title">修改草稿</Text>
      <View className="st-label-row">
        <Text className="st-label">标题</Text>
        <Text className="st-counter">
          {fields.title.length}/{SUPERVISION_LIMITS.titleMax}
        </Text>
      </View>
      <Input
        className="st-input"
        value={fields.title}
        maxlength={SUPERVISION_LIMITS.titleMax}
        disabled={onlyIf(busy)}
        data-testid="notice-title"
        onInput={(e) => set('title', e.detail.value)}
      />
      <TextField
        label="导语"
        value={fields.preface}
        max={SUPERVISION_LIMITS.prefaceMax}
        disabled={busy}
        testId="notice-preface"
        onChange={(v) => set('preface', v)}
      />
      <TextField
        label="工作要求"
        value={fields.requirement}
        max={SUPERVISION_LIMITS.requirementMax}
        disabled={busy}
        testId="notice-requirement"
        onChange={(v) => set('requirement', v)}
      />
      <View className="st-label-row">
        <Text className="st-label">落款</Text>
      </View>
      <Input
        className="st-input"
        value={fields.issuer}
        maxlength={SUPERVISION_LIMITS.issuerMax}
        placeholder="如：县委县政府督查室"
        disabled={onlyIf(busy)}
        data-testid="notice-issuer"
        onInput={(e) => set('issuer', e.detail.value)}
      />
      <View className="st-label-row">
        <Text className="st-label">书面检查</Text>
      </View>
      <View
        className="st-chips"
        role="radiogroup"
        aria-label="书面检查期限"
        data-testid="notice-self-exam-days"
      >
        {SELF_EXAM_DAY_CHOICES.map((days) => (
          <View
            key={days}
            className={`st-choice ${fields.selfExamWorkingDays === days ? 'st-choice--on' : ''}`}
            role="radio"
            aria-checked={fields.selfExamWorkingDays === days}
            data-value={String(days)}
            onClick={() => !busy && set('selfExamWorkingDays', days)}
          >
            <Text>
              {days === 0 ? '不要求' : `${days} 个工作日内`}
              {days === SUPERVISION_RULES.selfExamWorkingDays ? '（常用）' : ''}
            </Text>
          </View>
        ))}
      </View>
      {error ? (
        <View className="st-banner st-banner--danger" role="alert" data-testid="notice-save-error">
          <Text className="st-banner__text">{error}</Text>
        </View>
      ) : null}
      <Button
        className={`btn btn-primary btn-block ${busy || !dirty ? 'btn-disabled' : ''}`}
        disabled={onlyIf(busy || !dirty)}
        data-testid="notice-save"
        onClick={onSave}
      >
        {busy ? '正在保存…' : dirty ? '保存修改' : '已保存'}
      </Button>
    </View>
  );
}
