/**
 * One 督察通报. A draft (supervisors, admins): edit its words, remove a cited finding, then 印发
 * (numbered, cannot be undone: confirmed first, with the number it will take). Issued: read-only,
 * with the written self-examinations it asked for (通过 / 退回). Always: the notice laid out like the
 * paper form, 导出Word, and in a browser 打印 (only the paper is printed). Officials cited in it
 * may read it (from 我的督查).
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { FINDING_KIND_LABELS, type MeResponse, type NoticeDetail, type SelfExamView } from '@jinri/shared';
import { useState } from 'react';

import { downloadNoticeDocx, getNotice, issueNotice, updateNotice } from '@/api/notices.api';
import { toApiError, type ApiError } from '@/api/request';
import { goBackOrHome } from '@/components/BackBar';
import { Banner } from '@/components/Banner';
import { Chip } from '@/components/Chip';
import { FreshLine } from '@/components/FreshLine';
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard, NotFoundCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { useSheetTransfer } from '@/hooks/useSheetTransfer';
import { useListRefresh } from '@/hooks/useShowAgain';
import { formatDay } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { changedFields, DraftEditor, fieldsOf, fieldsProblem, type NoticeFields } from './DraftEditor';
import { issueConfirmText, selfExamSentence, withoutFinding } from './format';
import { NoticePaper } from './NoticePaper';
import { SelfExamReview } from './SelfExamReview';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import './index.css';

export default function NoticePage() {
  return (
    <Page name="supervision-notice" title="督察通报">
      <StaffGate
        roles={['supervisor', 'admin', 'official']}
        deniedText="只有督查室、管理员和被通报的干部可以查看通报。"
      >
        {(me) => <NoticeScreen me={me} />}
      </StaffGate>
    </Page>
  );
}

function NoticeScreen({ me }: { me: MeResponse }) {
  const id = Number(useRouter().params.id);
  const valid = Number.isInteger(id) && id > 0;
  const load = useLoad(valid ? `notice:${id}` : null, () => getNotice(id), { cache: false });
  useListRefresh(load);
  const manage = me.user.roles.includes('supervisor') || me.user.roles.includes('admin');

  if (!valid) {
    return (
      <NotFoundCard
        title="找不到这份通报"
        description="链接不完整，请从通报列表打开。"
        onBack={goBackOrHome}
        testId="notice-not-found"
      />
    );
  }
  const { view } = load;
  if (view.kind === 'loading') return <LoadingCard text="正在读取通报…" />;
  if (view.kind === 'error') {
    if (view.error.hasCode('NOTICE.NOT_FOUND'))
      return (
        <NotFoundCard
          title="找不到这份通报"
          description="通报不存在，或不在您可查看的范围内。"
          onBack={goBackOrHome}
          testId="notice-not-found"
        />
      );
    return <ErrorCard error={view.error} onRetry={load.retry} title="通报读取失败" />;
  }
  return (
    <NoticeBody
      notice={view.data}
      manage={manage}
      loadedAt={view.loadedAt}
      updating={view.updating}
      staleError={view.staleError}
      onRefresh={load.refresh}
      setNotice={load.setData}
    />
  );
}

function NoticeBody({
  notice,
  manage,
  loadedAt,
  updating,
  staleError,
  onRefresh,
  setNotice,
}: {
  notice: NoticeDetail;
  manage: boolean;
  loadedAt: number;
  updating: boolean;
  staleError: ApiError | null;
  onRefresh: () => Promise<void>;
  setNotice: (notice: NoticeDetail) => void;
}) {
  const draft = notice.state === 'draft';
  const editable = draft && manage;
  const [fields, setFields] = useState<NoticeFields>(() => fieldsOf(notice));
  const [busy, setBusy] = useState<'save' | 'remove' | 'issue' | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const transfer = useSheetTransfer<never>();
  const dirty = editable && changedFields(notice, fields) !== null;

  /** The notice moved on since it was loaded: reload; what was typed stays in the form. */
  const stale = (error: ApiError) => {
    void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
    void onRefresh();
  };
  const isStale = (e: ApiError) => e.hasCode('NOTICE.VERSION_CONFLICT') || e.hasCode('NOTICE.ALREADY_ISSUED');

  const save = async () => {
    if (busy) return;
    const problem = fieldsProblem(fields);
    if (problem) {
      setSaveError(problem);
      return;
    }
    const body = changedFields(notice, fields);
    if (!body) return;
    setBusy('save');
    setSaveError(null);
    try {
      setNotice(await updateNotice(notice.id, body));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      const e = toApiError(err);
      if (e.hasCode('NOTICE.VERSION_CONFLICT')) {
        setSaveError('通报已被他人修改，已重新读取。您填写的内容还在，请核对后再保存。');
        void onRefresh();
      } else if (isStale(e)) stale(e);
      else setSaveError(e.message);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (findingId: number, label: string) => {
    if (busy) return;
    if (notice.findingIds.length <= 1) {
      void Taro.showToast({ title: '通报至少要引用一条督查记录', icon: 'none' });
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '移除这条记录？',
      content: `${label}\n移除后不在本通报中出现，可在以后的通报中引用。`,
      confirmText: '移除',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy('remove');
    try {
      setNotice(
        await updateNotice(notice.id, {
          version: notice.version,
          findingIds: withoutFinding(notice.findingIds, findingId),
        }),
      );
      void Taro.showToast({ title: '已移除', icon: 'success' });
    } catch (err) {
      const e = toApiError(err);
      if (isStale(e)) stale(e);
      else void Taro.showToast({ title: e.message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(null);
    }
  };

  const issue = async () => {
    if (busy) return;
    if (dirty) {
      void Taro.showToast({ title: '请先保存修改，再印发', icon: 'none' });
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '印发通报？',
      content: issueConfirmText(notice),
      confirmText: '印发',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy('issue');
    try {
      const issued = await issueNotice(notice.id, notice.version);
      setNotice(issued);
      void Taro.showToast({ title: `已印发 ${issued.number ?? ''}`, icon: 'success' });
    } catch (err) {
      const e = toApiError(err);
      if (isStale(e)) stale(e);
      else void Taro.showToast({ title: e.message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(null);
    }
  };

  const exportWord = () =>
    void transfer.download(
      () => downloadNoticeDocx(notice.id, `${notice.number ?? '通报草稿'}.docx`),
      '通报已下载',
      (error) => void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 }),
    );

  const replaceExam = (exam: SelfExamView) =>
    setNotice({
      ...notice,
      selfExaminations: notice.selfExaminations.map((e) => (e.id === exam.id ? exam : e)),
    });

  // The paper shows what is typed (a draft's preview), the saved notice once issued.
  const shown = editable ? { ...notice, ...fields } : notice;

  return (
    <>
      <View className="no-print">
        <FreshLine
          label="更新于"
          loadedAt={loadedAt}
          updating={updating}
          staleError={staleError?.message ?? null}
          onRefresh={() => void onRefresh()}
        />
        <View className="card">
          <View className="st-item__head">
            <Text className="st-card-title st-grow">{notice.number ?? '通报草稿'}</Text>
            {draft ? <Chip tone="warning">草稿</Chip> : <Chip tone="success">已印发</Chip>}
          </View>
          <Text className="st-hint">
            {notice.unit.name} · {formatDay(notice.periodFrom)} 至 {formatDay(notice.periodTo)}
          </Text>
          {draft && !manage ? <Banner tone="info">这份通报还在起草，尚未印发。</Banner> : null}
          <View className="notice-actions">
            {manage || !draft ? (
              <Button
                className={`btn btn-secondary ${transfer.downloading ? 'btn-disabled' : ''}`}
                disabled={onlyIf(transfer.downloading)}
                data-testid="notice-export"
                onClick={exportWord}
              >
                {transfer.downloading ? '正在导出…' : '导出Word'}
              </Button>
            ) : null}
            {process.env.TARO_ENV === 'h5' ? (
              <Button className="btn btn-secondary" data-testid="notice-print" onClick={() => window.print()}>
                打印
              </Button>
            ) : null}
            {editable ? (
              <Button
                className={`btn btn-danger ${busy ? 'btn-disabled' : ''}`}
                disabled={onlyIf(busy !== null)}
                data-testid="notice-issue"
                onClick={() => void issue()}
              >
                {busy === 'issue' ? '正在印发…' : '印发'}
              </Button>
            ) : null}
          </View>
          {editable ? (
            <Text className="st-hint">
              印发后不能修改。{selfExamSentence(fields.selfExamWorkingDays) || '本通报不要求书面检查。'}
            </Text>
          ) : null}
        </View>
      </View>

      <NoticePaper notice={shown} />

      {editable ? (
        <>
          <DraftEditor
            fields={fields}
            onChange={setFields}
            dirty={dirty}
            busy={busy === 'save'}
            error={saveError}
            onSave={() => void save()}
          />
          <View className="card no-print" data-testid="notice-facts">
            <Text className="st-card-title">引用的督查记录（{notice.findingIds.length} 条）</Text>
            {notice.facts.map((fact) => (
              <View key={fact.unit.id}>
                <Text className="st-section-title">{fact.unit.name}</Text>
                {fact.people.map((person) => (
                  <View key={person.official.id} className="notice-fact">
                    <Text className="st-item__title">
                      {person.official.name}（{person.official.post}）
                    </Text>
                    {person.findings.map((f) => {
                      // The server's text names the day; the kind leads, as the supervisor scans by kind.
                      const label = FINDING_KIND_LABELS[f.kind] ?? f.kind;
                      return (
                        <View key={f.id} className="notice-fact__row" data-testid="notice-fact">
                          <Text className="st-grow st-item__line">
                            {label}：{f.text || formatDay(f.date)}
                          </Text>
                          <View
                            className={`st-small-btn st-small-btn--danger ${busy ? 'st-icon-btn--off' : ''}`}
                            role="button"
                            data-testid="notice-fact-remove"
                            onClick={() => void remove(f.id, `${person.official.name} ${label}`)}
                          >
                            <Text>移除</Text>
                          </View>
                        </View>
                      );
                    })}
                  </View>
                ))}
              </View>
            ))}
          </View>
        </>
      ) : null}

      {!draft && manage ? (
        <SelfExamReview exams={notice.selfExaminations} onDecided={replaceExam} onStale={stale} />
      ) : null}
    </>
  );
}
