/**
 * 我的督查: an official's own supervision records — the findings about them (with 申辩 while the
 * deadline has not passed), the written self-examinations asked of them (submit; a returned one
 * shows why), and the issued notices citing them. Deep link: ?findingId=N opens that finding's
 * 申辩 form.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  APP_PAGES,
  FINDING_KIND_LABELS,
  FINDING_STATE_LABELS,
  SELF_EXAM_STATE_LABELS,
  type FindingView,
  type NoticeView,
  type SelfExamView,
} from '@jinri/shared';
import { useEffect, useRef, useState } from 'react';

import { getMySupervision } from '@/api/my-supervision.api';
import type { ApiError } from '@/api/request';
import { Chip, type ChipTone } from '@/components/Chip';
import { EmptyState } from '@/components/EmptyState';
import { FreshLine } from '@/components/FreshLine';
import { Page } from '@/components/Page';
import { PhotoStrip } from '@/components/PhotoField';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { useNow } from '@/hooks/useNow';
import { useListRefresh } from '@/hooks/useShowAgain';
import { formatDay, formatStamp } from '@/utils/date';
import { canExplain, canSubmitSelfExam, evidenceText, explainDeadlineText } from './evidence';
import { ExplainForm } from './ExplainForm';
import { SelfExamForm } from './SelfExamForm';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import './index.css';

export default function MySupervisionPage() {
  return (
    <Page name="supervision-mine" title="我的督查">
      <StaffGate roles={['official']} deniedText="只有干部本人可以查看自己的督查记录。">
        {(me) => <Mine userId={me.user.id} />}
      </StaffGate>
    </Page>
  );
}

const FINDING_TONES: Record<FindingView['state'], ChipTone> = {
  open: 'warning',
  explained: 'info',
  confirmed: 'danger',
  dismissed: 'neutral',
};

const SELF_EXAM_TONES: Record<SelfExamView['state'], ChipTone> = {
  pending: 'warning',
  submitted: 'info',
  accepted: 'success',
  returned: 'danger',
};

type Sheet = { kind: 'explain'; finding: FindingView } | { kind: 'self-exam'; exam: SelfExamView } | null;

function Mine({ userId }: { userId: number }) {
  const params = useRouter().params;
  const linkedFindingId = Number(params.findingId) || null;
  const list = useLoad(`my-supervision:${userId}`, getMySupervision, { cache: false });
  const { view, retry, refresh, setData } = list;
  useListRefresh(list);
  const now = useNow();
  // ?findingId=N: its 申辩 form is open once the records are here, until closed or sent.
  const [chosen, setSheet] = useState<Sheet | 'link'>(linkedFindingId === null ? null : 'link');
  const linked =
    linkedFindingId !== null && view.kind === 'ok'
      ? (view.data.findings.find((f) => f.id === linkedFindingId) ?? null)
      : null;
  const sheet: Sheet =
    chosen === 'link'
      ? linked && canExplain(linked, now)
        ? { kind: 'explain', finding: linked }
        : null
      : chosen;
  const toldLink = useRef(false);

  // …or say why it is not.
  useEffect(() => {
    if (toldLink.current || chosen !== 'link' || linkedFindingId === null || view.kind !== 'ok') return;
    toldLink.current = true;
    if (!linked) void Taro.showToast({ title: '找不到这条督查记录', icon: 'none' });
    else if (!canExplain(linked, Date.now()))
      void Taro.showToast({
        title: linked.state === 'open' ? '申辩期限已过' : `该记录${FINDING_STATE_LABELS[linked.state]}`,
        icon: 'none',
      });
  }, [chosen, linked, linkedFindingId, view.kind]);

  if (view.kind === 'loading') return <LoadingCard text="正在读取您的督查记录…" />;
  if (view.kind === 'error') return <ErrorCard error={view.error} onRetry={retry} title="督查记录读取失败" />;
  const data = view.data;

  const replaceFinding = (updated: FindingView) =>
    setData({
      ...data,
      findings: data.findings.map((f) => (f.id === updated.id ? { ...f, ...updated } : f)),
    });
  const replaceExam = (updated: SelfExamView) =>
    setData({
      ...data,
      selfExaminations: data.selfExaminations.map((e) => (e.id === updated.id ? updated : e)),
    });
  const reloadWith = (error: ApiError) => {
    setSheet(null);
    void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
    void refresh();
  };

  const empty = data.findings.length === 0 && data.selfExaminations.length === 0 && data.notices.length === 0;

  return (
    <>
      <FreshLine
        label="更新于"
        loadedAt={view.loadedAt}
        updating={view.updating}
        staleError={view.staleError?.message ?? null}
        onRefresh={() => void refresh()}
      />
      <View
        className="card st-item"
        role="button"
        data-testid="mine-record-views"
        onClick={() =>
          void Taro.navigateTo({ url: `/${APP_PAGES.supervisionRecordViews}` }).catch(() => undefined)
        }
      >
        <Text className="st-item__title">谁查看了我的立体像 ›</Text>
        <Text className="st-item__meta">督查室、管理员每次查看或导出您的立体像都有记录</Text>
      </View>
      {empty ? (
        <View className="card" data-testid="mine-empty">
          <EmptyState title="没有督查记录" description="督查室发现的问题、要求的书面检查会显示在这里。" />
        </View>
      ) : null}

      {data.selfExaminations.length ? (
        <View className="card" data-testid="mine-self-exams">
          <Text className="st-card-title">书面检查</Text>
          {data.selfExaminations.map((exam) => (
            <SelfExamRow key={exam.id} exam={exam} onWrite={() => setSheet({ kind: 'self-exam', exam })} />
          ))}
        </View>
      ) : null}

      {data.findings.length ? (
        <View className="card" data-testid="mine-findings">
          <Text className="st-card-title">督查发现的问题</Text>
          <Text className="st-hint">对“待处理”的记录有异议的，可在截止前申辩，附上说明和照片。</Text>
          {data.findings.map((finding) => (
            <FindingRow
              key={finding.id}
              finding={finding}
              now={now}
              highlighted={finding.id === linkedFindingId}
              onExplain={() => setSheet({ kind: 'explain', finding })}
            />
          ))}
        </View>
      ) : null}

      {data.notices.length ? (
        <View className="card" data-testid="mine-notices">
          <Text className="st-card-title">通报</Text>
          {data.notices.map((notice) => (
            <NoticeRow key={notice.id} notice={notice} />
          ))}
        </View>
      ) : null}

      {sheet?.kind === 'explain' ? (
        <ExplainForm
          finding={sheet.finding}
          now={now}
          onExplained={(updated) => {
            setSheet(null);
            replaceFinding(updated);
            void Taro.showToast({ title: '已提交申辩', icon: 'success' });
          }}
          onClosed={reloadWith}
          onClose={() => setSheet(null)}
        />
      ) : null}
      {sheet?.kind === 'self-exam' ? (
        <SelfExamForm
          exam={sheet.exam}
          onSubmitted={(updated) => {
            setSheet(null);
            replaceExam(updated);
            void Taro.showToast({ title: '已提交检查', icon: 'success' });
          }}
          onFinal={reloadWith}
          onClose={() => setSheet(null)}
        />
      ) : null}
    </>
  );
}

function FindingRow({
  finding,
  now,
  highlighted,
  onExplain,
}: {
  finding: FindingView;
  now: number;
  highlighted: boolean;
  onExplain: () => void;
}) {
  const open = canExplain(finding, now);
  return (
    <View
      className={`st-item ${highlighted ? 'mine-item--linked' : ''}`}
      data-testid="mine-finding"
      data-finding-id={String(finding.id)}
    >
      <View className="st-item__head">
        <Text className="st-item__title st-grow">
          {formatDay(finding.date)} {FINDING_KIND_LABELS[finding.kind] ?? finding.kind}
        </Text>
        <Chip tone={FINDING_TONES[finding.state]}>{FINDING_STATE_LABELS[finding.state]}</Chip>
      </View>
      <Text className="st-item__line">{evidenceText(finding.evidence)}</Text>
      {finding.explanation ? (
        <>
          <Text className="st-item__meta">
            我的申辩（{formatStamp(finding.explanation.at)}）：{finding.explanation.text}
          </Text>
          <PhotoStrip photos={finding.explanation.photos} testId="finding-explain-photos" />
        </>
      ) : null}
      {finding.decision ? (
        <Text className="st-item__meta">
          督查室{finding.decision.state === 'confirmed' ? '认定' : '撤销'}（{formatStamp(finding.decision.at)}
          ）{finding.decision.note ? `：${finding.decision.note}` : ''}
        </Text>
      ) : null}
      {finding.notice ? (
        <Text className="st-item__meta">
          已被通报{finding.notice.number ? `：${finding.notice.number}` : ''}
        </Text>
      ) : null}
      {finding.state === 'open' ? (
        <Text className={`st-item__meta ${open ? '' : 'st-field-error'}`} data-testid="finding-deadline">
          {explainDeadlineText(finding, now)}
        </Text>
      ) : null}
      {open ? (
        <View className="st-item__actions">
          <View
            className="st-small-btn st-small-btn--primary"
            role="button"
            data-testid="finding-explain"
            onClick={onExplain}
          >
            <Text>申辩</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}

function SelfExamRow({ exam, onWrite }: { exam: SelfExamView; onWrite: () => void }) {
  return (
    <View className="st-item" data-testid="mine-self-exam" data-state={exam.state}>
      <View className="st-item__head">
        <Text className="st-item__title st-grow">
          {exam.notice.number ?? ''} {exam.notice.title}
        </Text>
        <Chip tone={SELF_EXAM_TONES[exam.state]}>{SELF_EXAM_STATE_LABELS[exam.state]}</Chip>
      </View>
      <Text className={`st-item__meta ${exam.overdue ? 'st-field-error' : ''}`}>
        提交期限：{formatStamp(exam.dueAt)}
        {exam.overdue ? '（已逾期）' : ''}
      </Text>
      {exam.state === 'returned' && exam.decisionNote ? (
        <Text className="st-item__line" data-testid="self-exam-returned-note">
          退回意见：{exam.decisionNote}
        </Text>
      ) : null}
      {exam.text && exam.state !== 'pending' ? (
        <Text className="st-item__meta">
          我的检查{exam.submittedAt ? `（${formatStamp(exam.submittedAt)}）` : ''}：{exam.text}
        </Text>
      ) : null}
      <View className="st-item__actions">
        <View
          className="st-small-btn"
          role="button"
          onClick={() =>
            void Taro.navigateTo({ url: `/${APP_PAGES.supervisionNotice}?id=${exam.notice.id}` })
          }
        >
          <Text>看通报</Text>
        </View>
        {canSubmitSelfExam(exam) ? (
          <View
            className="st-small-btn st-small-btn--primary"
            role="button"
            data-testid="self-exam-write"
            onClick={onWrite}
          >
            <Text>{exam.state === 'returned' ? '重新提交' : '写检查'}</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}

function NoticeRow({ notice }: { notice: NoticeView }) {
  return (
    <View
      className="st-item"
      role="button"
      data-testid="mine-notice"
      onClick={() => void Taro.navigateTo({ url: `/${APP_PAGES.supervisionNotice}?id=${notice.id}` })}
    >
      <View className="st-item__head">
        <Text className="st-item__title st-grow">{notice.title}</Text>
        <Text className="st-item__meta">›</Text>
      </View>
      <Text className="st-item__meta">
        {notice.number ?? ''} · {notice.issuedAt ? formatStamp(notice.issuedAt) : ''}
      </Text>
    </View>
  );
}
