/** 申辩: the official explains a finding about them, with photos, before its explainDueAt. */
import { Text } from '@tarojs/components';
import { FINDING_KIND_LABELS, SUPERVISION_LIMITS, type FindingDetail, type FindingView } from '@jinri/shared';

import { explainFinding } from '@/api/my-supervision.api';
import type { ApiError } from '@/api/request';
import { formatDay } from '@/utils/date';
import { supervisionDraftKeys } from './drafts';
import { evidenceText, explainDeadlineText } from './evidence';
import { TextPhotoForm } from './TextPhotoForm';

/** Answers that will not change on retry: the deadline passed, or the finding was decided. */
export function isExplainClosed(error: ApiError): boolean {
  return (
    error.hasCode('FINDING.EXPLAIN_CLOSED') ||
    error.hasCode('FINDING.INVALID_TRANSITION') ||
    error.hasCode('FINDING.NOT_FOUND')
  );
}

export function ExplainForm({
  finding,
  now,
  onExplained,
  onClosed,
  onClose,
}: {
  finding: FindingView;
  now: number;
  onExplained: (finding: FindingDetail) => void;
  /** Too late or already decided: the page says so and reloads. */
  onClosed: (error: ApiError) => void;
  onClose: () => void;
}) {
  return (
    <TextPhotoForm<FindingDetail>
      title="申辩"
      testId="explain"
      draftKey={supervisionDraftKeys.explain(finding.id)}
      label="申辩理由"
      max={SUPERVISION_LIMITS.explanationMax}
      placeholder="如：当天上午临时参加县里会议，已报备，附会议通知照片"
      emptyText="请写明申辩理由"
      submitLabel="提交申辩"
      intro={
        <>
          <Text className="st-item__title">
            {formatDay(finding.date)} {FINDING_KIND_LABELS[finding.kind] ?? finding.kind}
          </Text>
          <Text className="st-hint">{evidenceText(finding.evidence)}</Text>
          <Text className="st-hint" data-testid="explain-deadline">
            {explainDeadlineText(finding, now)}。督查室看过申辩后决定认定或撤销。
          </Text>
        </>
      }
      send={(body) => explainFinding(finding.id, body)}
      onSent={onExplained}
      isFinal={isExplainClosed}
      onFinal={onClosed}
      onClose={onClose}
    />
  );
}
