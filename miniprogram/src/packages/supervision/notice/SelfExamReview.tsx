/**
 * The written self-examinations an issued notice asked for, with their states; a submitted one is
 * accepted (通过, a note optional) or returned (退回, a note required: what to redo).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SELF_EXAM_STATE_LABELS, SUPERVISION_LIMITS, type SelfExamView } from '@jinri/shared';
import { useState } from 'react';

import { toApiError, type ApiError } from '@/api/request';
import { acceptSelfExam, returnSelfExam } from '@/api/self-exams.api';
import { Chip, type ChipTone } from '@/components/Chip';
import { PhotoStrip } from '@/components/PhotoField';
import { TextField } from '@/components/TextField';
import { formatStamp } from '@/utils/date';
import { SheetButtons, SheetForm } from '@/packages/supervision/mine/SheetForm';

const TONES: Record<SelfExamView['state'], ChipTone> = {
  pending: 'warning',
  submitted: 'info',
  accepted: 'success',
  returned: 'danger',
};

type Decision = 'accept' | 'return';

export function SelfExamReview({
  exams,
  onDecided,
  onStale,
}: {
  exams: SelfExamView[];
  onDecided: (exam: SelfExamView) => void;
  onStale: (error: ApiError) => void;
}) {
  const [deciding, setDeciding] = useState<{ exam: SelfExamView; decision: Decision } | null>(null);
  return (
    <View className="card no-print" data-testid="notice-self-exams">
      <Text className="st-card-title">书面检查</Text>
      {exams.length === 0 ? <Text className="st-hint">本通报不要求书面检查。</Text> : null}
      {exams.map((exam) => (
        <View key={exam.id} className="st-item" data-testid="notice-self-exam" data-state={exam.state}>
          <View className="st-item__head">
            <Text className="st-item__title st-grow">
              {exam.official.name}（{exam.official.post}）
            </Text>
            <Chip tone={TONES[exam.state]}>{SELF_EXAM_STATE_LABELS[exam.state]}</Chip>
          </View>
          <Text className={`st-item__meta ${exam.overdue ? 'st-field-error' : ''}`}>
            期限 {formatStamp(exam.dueAt)}
            {exam.overdue ? '（已逾期）' : ''}
            {exam.submittedAt ? ` · 提交于 ${formatStamp(exam.submittedAt)}` : ''}
          </Text>
          {exam.text ? <Text className="st-item__line">{exam.text}</Text> : null}
          <PhotoStrip photos={exam.photos} testId="self-exam-photos" />
          {exam.decisionNote ? (
            <Text className="st-item__meta">
              {exam.state === 'returned' ? '退回意见' : '审核意见'}：{exam.decisionNote}
            </Text>
          ) : null}
          {exam.state === 'submitted' ? (
            <View className="st-item__actions">
              <View
                className="st-small-btn st-small-btn--danger"
                role="button"
                data-testid="self-exam-return"
                onClick={() => setDeciding({ exam, decision: 'return' })}
              >
                <Text>退回</Text>
              </View>
              <View
                className="st-small-btn st-small-btn--primary"
                role="button"
                data-testid="self-exam-accept"
                onClick={() => setDeciding({ exam, decision: 'accept' })}
              >
                <Text>通过</Text>
              </View>
            </View>
          ) : null}
        </View>
      ))}
      {deciding ? (
        <DecideSheet
          exam={deciding.exam}
          decision={deciding.decision}
          onDone={(exam) => {
            setDeciding(null);
            onDecided(exam);
            void Taro.showToast({
              title: deciding.decision === 'accept' ? '已通过' : '已退回',
              icon: 'success',
            });
          }}
          onStale={(error) => {
            setDeciding(null);
            onStale(error);
          }}
          onClose={() => setDeciding(null)}
        />
      ) : null}
    </View>
  );
}

function DecideSheet({
  exam,
  decision,
  onDone,
  onStale,
  onClose,
}: {
  exam: SelfExamView;
  decision: Decision;
  onDone: (exam: SelfExamView) => void;
  onStale: (error: ApiError) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = decision === 'accept';

  const submit = async () => {
    if (busy) return;
    const text = note.trim();
    if (!accept && !text) {
      setError('请写明退回的原因，干部会据此重新检查');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = accept
        ? await acceptSelfExam(exam.id, { version: exam.version, note: text || undefined })
        : await returnSelfExam(exam.id, { version: exam.version, note: text });
      setBusy(false);
      onDone(updated);
    } catch (err) {
      setBusy(false);
      const apiError = toApiError(err);
      if (
        apiError.hasCode('SELF_EXAM.INVALID_TRANSITION') ||
        apiError.hasCode('SELF_EXAM.VERSION_CONFLICT') ||
        apiError.hasCode('SELF_EXAM.NOT_FOUND')
      )
        onStale(apiError);
      else setError(apiError.message);
    }
  };

  return (
    <SheetForm
      title={accept ? '通过书面检查' : '退回书面检查'}
      testId="self-exam-decide"
      busy={busy}
      error={error}
      onClose={onClose}
      actions={
        <SheetButtons
          busy={busy}
          label={accept ? '确认通过' : '确认退回'}
          testId="self-exam-decide-submit"
          onCancel={onClose}
          onSubmit={() => void submit()}
        />
      }
    >
      <Text className="st-hint">
        {exam.official.name}的书面检查。{accept ? '通过后不再需要修改。' : '退回后干部需重新提交。'}
      </Text>
      <TextField
        fixed
        label={accept ? '审核意见（可不填）' : '退回原因'}
        value={note}
        max={SUPERVISION_LIMITS.noteMax}
        disabled={busy}
        testId="self-exam-decide-note"
        onChange={setNote}
      />
    </SheetForm>
  );
}
