/** 书面检查: the official writes the self-examination an issued notice asks of them. */
import { Text } from '@tarojs/components';
import { SUPERVISION_LIMITS, type SelfExamView } from '@jinri/shared';

import type { ApiError } from '@/api/request';
import { submitSelfExam } from '@/api/self-exams.api';
import { formatStamp } from '@/utils/date';
import { Banner } from '@/components/Banner';
import { supervisionDraftKeys } from './drafts';
import { TextPhotoForm } from './TextPhotoForm';

export function isSelfExamFinal(error: ApiError): boolean {
  return error.hasCode('SELF_EXAM.INVALID_TRANSITION') || error.hasCode('SELF_EXAM.NOT_FOUND');
}

export function SelfExamForm({
  exam,
  onSubmitted,
  onFinal,
  onClose,
}: {
  exam: SelfExamView;
  onSubmitted: (exam: SelfExamView) => void;
  onFinal: (error: ApiError) => void;
  onClose: () => void;
}) {
  return (
    <TextPhotoForm<SelfExamView>
      title="书面检查"
      testId="self-exam"
      draftKey={supervisionDraftKeys.selfExam(exam.id)}
      label="检查内容"
      max={SUPERVISION_LIMITS.selfExamMax}
      placeholder="写明问题、原因和整改措施"
      emptyText="请填写检查内容"
      submitLabel={exam.state === 'returned' ? '重新提交' : '提交检查'}
      intro={
        <>
          <Text className="st-item__title">
            {exam.notice.number ?? ''} {exam.notice.title}
          </Text>
          <Text className="st-hint">请在 {formatStamp(exam.dueAt)} 前提交。</Text>
          {exam.state === 'returned' && exam.decisionNote ? (
            <Banner tone="warning">退回意见：{exam.decisionNote}</Banner>
          ) : null}
        </>
      }
      send={(body) => submitSelfExam(exam.id, body)}
      onSent={onSubmitted}
      isFinal={isSelfExamFinal}
      onFinal={onFinal}
      onClose={onClose}
    />
  );
}
