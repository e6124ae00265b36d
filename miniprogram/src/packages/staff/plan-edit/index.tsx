/**
 * 明日计划: an official writes the plan for a day (tomorrow by default). Entries are edited in
 * place, checked for vague wording while typing, kept as a draft on the phone until submitted,
 * and saved with the plan's version so two editors never overwrite each other silently.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { DayPlanView, MeResponse } from '@jinri/shared';
import { useEffect, useMemo, useState } from 'react';

import { demoPublish, isDemoServer } from '@/api/demo.api';
import { fieldProblems } from '@/api/error-details';
import { getPlan } from '@/api/journals.api';
import { savePlan } from '@/api/plans.api';
import { toApiError } from '@/api/request';
import { Banner } from '@/components/Banner';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { addDays, formatStamp, localToday } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { DayLoading, DaySwitcher, PLAN_FUTURE_DAYS, PLAN_PAST_DAYS } from '../common/DaySwitcher';
import { confirmDiscard, DraftRestoredBanner, SubmitBar } from '../common/EditBar';
import {
  copyEntry,
  countErrors,
  draftsOf,
  emptyEntry,
  mapEntryProblems,
  MAX_ENTRIES,
  rebaseEntries,
  signature,
  toInput,
  validateAll,
  type DraftEntry,
  type EntryErrors,
} from '../common/entries';
import { AddEntryButton, EntryList, scrollToEntry } from '../common/EntryList';
import { useOfficialContext, type OfficialContext } from '../common/hooks';
import { readStored, storageKeys, useAutosave } from '../common/storage';
import { useDayDoc, useEntryErrors } from '../common/useDayDoc';
import { entriesToCopy } from './copy';
import { docFrom, draftOf, initialDate, isStoredDraft } from './draft';
import { ConflictCard, PlanStatusCard, SubmitResultCard, type SubmitResult } from './PlanCards';
import { addTemplate, readTemplates, removeTemplate, TemplatesPanel } from './Templates';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/staff.css';

const SAME_AS_YESTERDAY = '与昨天完全相同，请写明明天的具体安排';

export default function PlanEditPage() {
  return (
    <Page name="plan-edit" title="明日计划">
      <StaffGate roles={['official', 'clerk', 'admin']} deniedText="只有干部本人或本单位信息员可以填写日程。">
        {(me) => <PlanEditRoot me={me} />}
      </StaffGate>
    </Page>
  );
}

function PlanEditRoot({ me }: { me: MeResponse }) {
  const { params } = useRouter();
  const paramId = Number(params.officialId);
  const officialId = Number.isInteger(paramId) && paramId > 0 ? paramId : (me.user.officialId ?? null);
  const context = useOfficialContext(officialId);

  if (officialId === null) {
    return (
      <View className="card">
        <EmptyState
          icon="!"
          title="您的账号没有绑定干部"
          description="信息员请在“我的 → 工作台 → 批量填报”中为本单位干部填写。"
        />
      </View>
    );
  }
  if (context.view.kind === 'loading') return <LoadingCard text="正在读取填报规则…" />;
  if (context.view.kind === 'error') return <ErrorCard error={context.view.error} onRetry={context.retry} />;
  return <PlanEditor key={officialId} ctx={context.view.data} self={officialId === me.user.officialId} />;
}

function PlanEditor({ ctx, self }: { ctx: OfficialContext; self: boolean }) {
  const { params } = useRouter();
  const { officialId, rules } = ctx;
  const [date, setDate] = useState(() => initialDate(params.date));
  const key = `${officialId}/${date}`;
  const { errors, setErrors, clearError } = useEntryErrors<EntryErrors>();
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [conflict, setConflict] = useState<{ latest: DayPlanView | null } | null>(null);
  const [templates, setTemplates] = useState<DraftEntry[]>(() => readTemplates(officialId));
  const [showTemplates, setShowTemplates] = useState(false);
  const [copying, setCopying] = useState(false);
  const [demo, setDemo] = useState(false);
  const [publishing, setPublishing] = useState(false);

  useEffect(() => {
    let active = true;
    void isDemoServer().then((on) => {
      if (active) setDemo(on);
    });
    return () => {
      active = false;
    };
  }, []);

  const { current, setDoc, error, retry } = useDayDoc(
    key,
    async () => {
      // Signed in: a plan submitted but not yet public is hidden from the public read, and the
      // editor must start from it (with its version), not from an empty day.
      const plan = await getPlan(officialId, date, 'signed-in');
      return docFrom(key, date, plan, readStored(storageKeys.planDraft(officialId, date), isStoredDraft));
    },
    () => {
      setErrors({});
      setGeneral(null);
      setResult(null);
      setConflict(null);
    },
  );

  const serverSignature = useMemo(() => signature(draftsOf(current?.plan?.entries)), [current?.plan]);
  const dirty = !!current && signature(current.entries) !== serverSignature;
  const draftValue = useMemo(() => draftOf(current, serverSignature), [current, serverSignature]);
  useAutosave(current ? storageKeys.planDraft(officialId, current.date) : null, draftValue);

  if (!current) {
    return (
      <DayLoading
        date={date}
        onChange={setDate}
        error={error}
        onRetry={retry}
        errorTitle="日程读取失败"
        loadingText="正在读取日程…"
      />
    );
  }

  const { plan, entries } = current;
  const published = plan?.status === 'published';

  // --- editing ---------------------------------------------------------------------------

  /** Applies a change to the entries (as an updater: safe after awaits and between renders). */
  const changeEntries = (
    update: (entries: DraftEntry[]) => DraftEntry[],
    options: { copied?: string | null } = {},
  ) => {
    const changedAt = new Date().toISOString();
    setDoc((d) =>
      d && d.key === key
        ? {
            ...d,
            entries: update(d.entries),
            changedAt,
            ...('copied' in options ? { copied: options.copied ?? null } : {}),
          }
        : d,
    );
    setResult(null);
  };

  const add = (entry: DraftEntry = emptyEntry()) => {
    if (entries.length >= MAX_ENTRIES) {
      void Taro.showToast({ title: `一天最多 ${MAX_ENTRIES} 项`, icon: 'none' });
      return;
    }
    changeEntries((list) => [...list, entry]);
    scrollToEntry(entry.key, 50);
  };

  const discardDraft = async () => {
    if (!(await confirmDiscard(plan ? '将恢复为已提交的日程。' : '已填写的内容将被清空。'))) return;
    setDoc(docFrom(key, date, plan, null));
    setErrors({});
    setGeneral(null);
  };

  const copyYesterday = async () => {
    if (copying) return;
    setCopying(true);
    try {
      const copied = await entriesToCopy(
        officialId,
        date,
        entries.some((e) => e.what.trim()),
      );
      if (!copied) return;
      changeEntries(() => copied, { copied: signature(copied) });
      setErrors({});
      void Taro.showToast({ title: '已复制，请按实际安排修改', icon: 'none', duration: 2500 });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setCopying(false);
    }
  };

  const saveTemplate = (entry: DraftEntry) => {
    const next = addTemplate(officialId, templates, entry);
    if (!next) {
      void Taro.showToast({ title: '已有相同的模板', icon: 'none' });
      return;
    }
    setTemplates(next);
    void Taro.showToast({ title: '已存为常用模板', icon: 'success' });
  };

  // --- submitting ------------------------------------------------------------------------

  const submit = async (override?: {
    entries: DraftEntry[];
    baseVersion: number | undefined;
    plan: DayPlanView | null;
  }) => {
    if (submitting) return;
    const sending = override?.entries ?? entries;
    setGeneral(null);
    if (sending.length === 0) {
      setGeneral('请至少填写一项工作');
      return;
    }
    const found = validateAll(sending, rules);
    if (countErrors(found) > 0) {
      setErrors(found);
      const first = sending.find((e) => found[e.key]);
      if (first) scrollToEntry(first.key);
      void Taro.showToast({
        title: `有 ${countErrors(found)} 处需要补充或修改`,
        icon: 'none',
        duration: 2500,
      });
      return;
    }
    if (!override && current.copied !== null && current.copied === signature(sending)) {
      const { confirm } = await Taro.showModal({
        title: '与昨天完全相同',
        content: `${SAME_AS_YESTERDAY}。确定仍按原样提交吗？`,
        confirmText: '仍然提交',
        cancelText: '返回修改',
      });
      if (!confirm) return;
    }
    const basePlan = override ? override.plan : plan;
    if (!override && basePlan?.status === 'published') {
      const { confirm } = await Taro.showModal({
        title: '修改已公示的日程',
        content: '这份日程已经公示，提交后群众会看到“已修改”，修改记录会保留。确定提交吗？',
        confirmText: '提交修改',
        cancelText: '再看看',
      });
      if (!confirm) return;
    }

    setSubmitting(true);
    setErrors({});
    try {
      const saved = await savePlan(officialId, date, {
        entries: sending.map(toInput),
        ...((override ? override.baseVersion : current.baseVersion) !== undefined
          ? { version: override ? override.baseVersion : current.baseVersion }
          : {}),
      });
      setDoc(docFrom(key, date, saved, null));
      setResult({ plan: saved, wasPublished: basePlan?.status === 'published' });
      setConflict(null);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 300 }).catch(() => undefined);
    } catch (err) {
      const error = toApiError(err);
      if (error.hasCode('PLAN.VERSION_CONFLICT')) {
        try {
          setConflict({ latest: await getPlan(officialId, date, 'signed-in') });
          setTimeout(() => {
            void Taro.pageScrollTo({ selector: '#plan-conflict', duration: 300 }).catch(() => undefined);
          }, 50);
        } catch {
          setGeneral('日程已被他人修改，但暂时读不到最新版本，请稍后重试。您填写的内容仍保存在手机上。');
        }
        return;
      }
      if (error.hasCode('PLAN.INVALID_ENTRY') || error.hasCode('PLAN.UNKNOWN_KIND')) {
        const mapped = mapEntryProblems(fieldProblems(error), sending);
        setErrors(mapped.byKey);
        setGeneral(mapped.general.length ? mapped.general.join('；') : error.message);
        const first = sending.find((e) => mapped.byKey[e.key]);
        if (first) scrollToEntry(first.key);
        return;
      }
      setGeneral(
        error.status === 0
          ? `${error.message}。您填写的内容已保存在手机上，网络恢复后再点提交即可。`
          : error.message,
      );
    } finally {
      setSubmitting(false);
    }
  };

  /** After a 409: keep what the person wrote, on top of the newest version, and send again. */
  const keepMine = () => {
    const latest = conflict?.latest ?? null;
    const rebased = rebaseEntries(entries, latest?.entries);
    setDoc({ ...current, plan: latest, entries: rebased, baseVersion: latest?.version, restored: null });
    setConflict(null);
    void submit({ entries: rebased, baseVersion: latest?.version, plan: latest });
  };

  const takeTheirs = async () => {
    const { confirm } = await Taro.showModal({
      title: '改用最新版本？',
      content: '您刚才填写的内容将被丢弃。',
      confirmText: '改用最新',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setDoc(docFrom(key, date, conflict?.latest ?? null, null));
    setConflict(null);
    setErrors({});
    setGeneral(null);
  };

  const publishNow = async () => {
    if (publishing) return;
    setPublishing(true);
    try {
      await demoPublish(date);
      const fresh = await getPlan(officialId, date, 'signed-in');
      if (fresh) {
        setDoc(docFrom(key, date, fresh, null));
        setResult({ plan: fresh, wasPublished: false });
      }
      void Taro.showToast({ title: fresh?.status === 'published' ? '已公示' : '已处理', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setPublishing(false);
    }
  };

  // --- view ------------------------------------------------------------------------------

  const today = localToday();

  return (
    <View className="st-with-bar">
      <DaySwitcher
        date={date}
        onChange={(d) => setDate(d)}
        pastDays={PLAN_PAST_DAYS}
        futureDays={PLAN_FUTURE_DAYS}
        disabled={submitting}
      />

      <PlanStatusCard ctx={ctx} self={self} date={date} plan={plan} />

      {result ? (
        <SubmitResultCard
          result={result}
          publicationTime={rules.publicationTime}
          demo={demo}
          publishing={publishing}
          onPublish={() => void publishNow()}
        />
      ) : null}

      {current.restored && dirty ? (
        <DraftRestoredBanner
          testId="draft-restored"
          discardTestId="discard-draft"
          text={`已恢复您上次未提交的修改${
            current.restored.savedAt ? `（${formatStamp(current.restored.savedAt)}）` : ''
          }。${current.restored.baseChanged ? '之后这份日程在别处被修改过，提交时会请您核对。' : ''}`}
          onDiscard={() => void discardDraft()}
        />
      ) : null}

      <ConflictCard conflict={conflict} keepMine={keepMine} takeTheirs={() => void takeTheirs()} />

      <View className="st-toolbar">
        <Button
          className={`btn btn-secondary st-toolbar__btn ${copying ? 'btn-disabled' : ''}`}
          disabled={onlyIf(copying || submitting)}
          data-testid="copy-yesterday"
          onClick={() => void copyYesterday()}
        >
          {copying ? '正在读取…' : '复制昨天'}
        </Button>
        <Button
          className="btn btn-secondary st-toolbar__btn"
          data-testid="toggle-templates"
          onClick={() => setShowTemplates((v) => !v)}
        >
          {showTemplates ? '收起模板' : `常用模板${templates.length ? `（${templates.length}）` : ''}`}
        </Button>
      </View>

      {showTemplates ? (
        <TemplatesPanel
          templates={templates}
          onInsert={(t) => {
            add(copyEntry(t));
            void Taro.showToast({ title: '已插入', icon: 'success' });
          }}
          onDelete={(k) => setTemplates(removeTemplate(officialId, templates, k))}
        />
      ) : null}

      {entries.length === 0 ? (
        <View className="card" data-testid="entries-empty">
          <EmptyState
            title={`还没有填写${date === addDays(today, 1) ? '明天' : '这一天'}的工作安排`}
            description="点下方“添加一项工作”开始填写，也可以复制昨天或插入常用模板后修改。"
          />
        </View>
      ) : (
        <EntryList
          officialId={officialId}
          date={date}
          rules={rules}
          entries={entries}
          errors={errors}
          disabled={submitting}
          onChange={changeEntries}
          onEdited={clearError}
          onSaveTemplate={saveTemplate}
        />
      )}

      <AddEntryButton
        count={entries.length}
        disabled={submitting}
        testId="add-entry"
        className="st-add"
        onAdd={() => add()}
      />

      {general ? (
        <Banner tone="danger" testId="submit-error">
          <Text className="st-banner__text">{general}</Text>
        </Banner>
      ) : null}

      <SubmitBar
        note={dirty ? '有未提交的修改，已自动保存在手机上' : plan ? '内容与已提交的一致' : '填写后点“提交”'}
        noteTestId="dirty-note"
        label={submitting ? '正在提交…' : published ? '提交修改' : plan ? '重新提交' : '提交'}
        testId="submit-plan"
        disabled={submitting || (!dirty && !!plan)}
        onSubmit={() => void submit()}
      />
    </View>
  );
}
