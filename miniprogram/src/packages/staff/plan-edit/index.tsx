/**
 * 明日计划: an official writes the plan for a day (tomorrow by default). Entries are edited in
 * place, checked for vague wording while typing, kept as a draft on the phone until submitted,
 * and saved with the plan's version so two editors never overwrite each other silently.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { DayPlanView, MeResponse } from '@jinri/shared';
import { useEffect, useMemo, useState } from 'react';

import { toApiError, type ApiError } from '../../../api/request';
import { demoPublish, isDemoServer } from '../../../api/demo.api';
import { fieldProblems } from '../../../api/error-details';
import { getPlan, getTimeline } from '../../../api/journals.api';
import { savePlan } from '../../../api/plans.api';
import {
  addDays,
  localMinutes,
  localToday,
  daysBetween,
  formatDay,
  formatStamp,
  minutesOf,
} from '../../../utils/date';
import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';
import { onlyIf } from '../../../utils/props';
import { EntryEditor, entryDomId } from '../common/EntryEditor';
import {
  copyEntry,
  countErrors,
  draftsOf,
  emptyEntry,
  isDraftEntry,
  mapEntryProblems,
  MAX_ENTRIES,
  signature,
  toInput,
  validateAll,
  viewTimeLabel,
  type DraftEntry,
  type ErrorsByKey,
} from '../common/entries';
import { useOfficialContext, usePlanCheck, type OfficialContext } from '../common/hooks';
import { readStored, storageKeys, useAutosave } from '../common/storage';
import { Banner } from '../../../components/Banner';
import { Chip } from '../../../components/Chip';
import { StaffGate } from '../../../components/StaffGate';
import { ErrorCard, LoadingCard } from '../../../components/StateCard';
import { DaySwitcher } from '../common/DaySwitcher';
import { addTemplate, readTemplates, removeTemplate, TemplatesPanel } from './Templates';
import '../../../styles/kit.css';
import '../common/staff.css';

/** The server accepts plans from 7 days back to 30 days ahead. */
const PAST_DAYS = 7;
const FUTURE_DAYS = 30;
const SAME_AS_YESTERDAY = '与昨天完全相同，请写明明天的具体安排';
/** 复制昨天 looks back this many days for the latest plan. */
const COPY_LOOKBACK_DAYS = 7;

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
  if (context.state.kind === 'loading') return <LoadingCard text="正在读取填报规则…" />;
  if (context.state.kind === 'error')
    return <ErrorCard error={context.state.error} onRetry={context.retry} />;
  return <PlanEditor key={officialId} ctx={context.state.value} self={officialId === me.user.officialId} />;
}

interface StoredDraft {
  v: 1;
  entries: DraftEntry[];
  /** The plan version the draft started from (null: no plan then). */
  baseVersion: number | null;
  /** Signature of entries copied from yesterday, untouched since. */
  copied: string | null;
  savedAt: string;
}

function isStoredDraft(v: unknown): v is StoredDraft {
  const d = v as StoredDraft | null;
  return (
    !!d &&
    d.v === 1 &&
    Array.isArray(d.entries) &&
    d.entries.every(isDraftEntry) &&
    (d.baseVersion === null || typeof d.baseVersion === 'number') &&
    (d.copied === null || typeof d.copied === 'string') &&
    typeof d.savedAt === 'string'
  );
}

/** The plan of one date as being edited. */
interface Doc {
  /** `${officialId}/${date}` this belongs to. */
  key: string;
  date: string;
  plan: DayPlanView | null;
  entries: DraftEntry[];
  baseVersion: number | undefined;
  copied: string | null;
  /** When the person last changed something (ISO), for the draft. */
  changedAt: string;
  restored: { savedAt: string; baseChanged: boolean } | null;
}

function docFrom(key: string, date: string, plan: DayPlanView | null, draft: StoredDraft | null): Doc {
  const serverEntries = draftsOf(plan?.entries);
  if (draft && signature(draft.entries) !== signature(serverEntries)) {
    return {
      key,
      date,
      plan,
      entries: draft.entries,
      baseVersion: draft.baseVersion ?? undefined,
      copied: draft.copied,
      changedAt: draft.savedAt,
      restored: {
        savedAt: draft.savedAt,
        baseChanged: (draft.baseVersion ?? null) !== (plan?.version ?? null),
      },
    };
  }
  return {
    key,
    date,
    plan,
    entries: serverEntries,
    baseVersion: plan?.version,
    copied: null,
    changedAt: '',
    restored: null,
  };
}

interface SubmitResult {
  plan: DayPlanView;
  /** Saved before the save (published plans: a public revision). */
  wasPublished: boolean;
}

function initialDate(param: string | undefined): string {
  const today = localToday();
  if (param && /^\d{4}-\d{2}-\d{2}$/.test(param)) {
    const offset = daysBetween(today, param);
    if (offset >= -PAST_DAYS && offset <= FUTURE_DAYS) return param;
  }
  return addDays(today, 1);
}

function PlanEditor({ ctx, self }: { ctx: OfficialContext; self: boolean }) {
  const { params } = useRouter();
  const { officialId, rules } = ctx;
  const [date, setDate] = useState(() => initialDate(params.date));
  const key = `${officialId}/${date}`;
  const [attempt, setAttempt] = useState(0);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [loadError, setLoadError] = useState<{ key: string; error: ApiError } | null>(null);
  const [errors, setErrors] = useState<ErrorsByKey>({});
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

  useEffect(() => {
    let active = true;
    getPlan(officialId, date, 'signed-in').then(
      (plan) => {
        if (!active) return;
        const draft = readStored(storageKeys.planDraft(officialId, date), isStoredDraft);
        setDoc(docFrom(`${officialId}/${date}`, date, plan, draft));
        setErrors({});
        setGeneral(null);
        setResult(null);
        setConflict(null);
      },
      (error: unknown) => {
        if (active) setLoadError({ key: `${officialId}/${date}#${attempt}`, error: toApiError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [officialId, date, attempt]);

  const current = doc && doc.key === key ? doc : null;
  const serverSignature = useMemo(() => signature(draftsOf(current?.plan?.entries)), [current?.plan]);
  const dirty = !!current && signature(current.entries) !== serverSignature;

  const draftValue = useMemo((): StoredDraft | null => {
    if (!current || signature(current.entries) === serverSignature) return null;
    return {
      v: 1,
      entries: current.entries,
      baseVersion: current.baseVersion ?? null,
      copied: current.copied,
      savedAt: current.changedAt,
    };
  }, [current, serverSignature]);
  useAutosave(current ? storageKeys.planDraft(officialId, current.date) : null, draftValue);

  const warnings = usePlanCheck(officialId, date, current?.entries ?? []);

  if (!current) {
    const error = loadError?.key === `${key}#${attempt}` ? loadError.error : null;
    return (
      <>
        <DaySwitcher date={date} onChange={setDate} pastDays={PAST_DAYS} futureDays={FUTURE_DAYS} />
        {error ? (
          <ErrorCard error={error} onRetry={() => setAttempt((n) => n + 1)} title="日程读取失败" />
        ) : (
          <LoadingCard text="正在读取日程…" />
        )}
      </>
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

  const onChange = (entryKey: string, patch: Partial<DraftEntry>) => {
    changeEntries((list) => list.map((e) => (e.key === entryKey ? { ...e, ...patch } : e)));
    if (errors[entryKey]) {
      const next = { ...errors };
      delete next[entryKey];
      setErrors(next);
    }
  };

  const onRemove = (entryKey: string) => changeEntries((list) => list.filter((e) => e.key !== entryKey));

  const onMove = (entryKey: string, delta: -1 | 1) =>
    changeEntries((list) => {
      const i = list.findIndex((e) => e.key === entryKey);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= list.length) return list;
      const next = [...list];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });

  const add = (entry: DraftEntry = emptyEntry()) => {
    if (entries.length >= MAX_ENTRIES) {
      void Taro.showToast({ title: `一天最多 ${MAX_ENTRIES} 项`, icon: 'none' });
      return;
    }
    changeEntries((list) => [...list, entry]);
    setTimeout(() => {
      void Taro.pageScrollTo({ selector: `#${entryDomId(entry.key)}`, duration: 300 }).catch(() => undefined);
    }, 50);
  };

  const discardDraft = async () => {
    const { confirm } = await Taro.showModal({
      title: '放弃未提交的修改？',
      content: plan ? '将恢复为已提交的日程。' : '已填写的内容将被清空。',
      confirmText: '放弃',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setDoc(docFrom(key, date, plan, null));
    setErrors({});
    setGeneral(null);
  };

  /**
   * 复制昨天: the day before the plan's date; when that day has no plan (a weekend, leave), the
   * latest plan of the week before it, named in the confirmation.
   */
  const copyYesterday = async () => {
    if (copying) return;
    const yesterday = addDays(date, -1);
    setCopying(true);
    try {
      const timeline = await getTimeline(
        officialId,
        addDays(date, -COPY_LOOKBACK_DAYS),
        yesterday,
        'signed-in',
      );
      const day = [...timeline.days]
        .sort((a, b) => (a.date < b.date ? 1 : -1))
        .find((d) => draftsOf(d.plan?.entries).length > 0);
      const source = draftsOf(day?.plan?.entries);
      if (!day || source.length === 0) {
        void Taro.showToast({
          title: `前 ${COPY_LOOKBACK_DAYS} 天都没有日程可复制`,
          icon: 'none',
          duration: 2500,
        });
        return;
      }
      const from = day.date === yesterday ? `前一天（${formatDay(day.date)}）` : `${formatDay(day.date)}`;
      if (day.date !== yesterday || entries.some((e) => e.what.trim())) {
        const { confirm } = await Taro.showModal({
          title: '复制日程？',
          content: `${day.date === yesterday ? '' : `${formatDay(yesterday)}没有日程。`}将复制${from}的 ${source.length} 项${
            entries.some((e) => e.what.trim()) ? '，替换当前填写的内容' : ''
          }。`,
          confirmText: '复制',
          cancelText: '取消',
        });
        if (!confirm) return;
      }
      const copied = source.map(copyEntry);
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

  const scrollToEntry = (entryKey: string) => {
    void Taro.pageScrollTo({ selector: `#${entryDomId(entryKey)}`, duration: 300 }).catch(() => undefined);
  };

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
    const activeIds = new Set(draftsOf(latest?.entries).map((e) => e.id));
    const rebased = entries.map((e) =>
      e.id !== undefined && !activeIds.has(e.id) ? { ...e, id: undefined } : e,
    );
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
  const dueDay = addDays(date, -1);
  const pastDue =
    daysBetween(dueDay, today) > 0 || (today === dueDay && localMinutes() > minutesOf(rules.planDueTime));
  const publishedOnSave =
    daysBetween(date, today) > 0 || (today === date && localMinutes() >= minutesOf(rules.publicationTime));

  return (
    <View className="st-with-bar">
      <DaySwitcher
        date={date}
        onChange={(d) => setDate(d)}
        pastDays={PAST_DAYS}
        futureDays={FUTURE_DAYS}
        disabled={submitting}
      />

      <View className="card st-status" data-testid="plan-status" data-status={plan?.status ?? 'none'}>
        <View className="st-status__row">
          <Text className="st-card-title">{self ? '我的日程' : `${ctx.name}的日程`}</Text>
          <PlanStatusChip plan={plan} />
        </View>
        <Text className="st-status__line">
          {ctx.unit.name} · {ctx.post}
        </Text>
        {published ? (
          <Text className="st-status__line st-status__line--strong" data-testid="published-note">
            已公示，修改会留痕
            {plan && plan.revision > 0 ? `（已修改 ${plan.revision} 次）` : ''}
          </Text>
        ) : plan ? (
          <Text className="st-status__line">
            {plan.submittedAt ? `提交于 ${formatStamp(plan.submittedAt)}，` : ''}将于 {formatDay(date)}{' '}
            {rules.publicationTime} 公示
          </Text>
        ) : (
          <Text className={`st-status__line ${pastDue ? 'st-status__line--danger' : ''}`}>
            {pastDue
              ? `已过截止时间（${formatDay(dueDay)} ${rules.planDueTime}），现在提交将记为逾期`
              : `请在 ${formatDay(dueDay)} ${rules.planDueTime} 前提交`}
          </Text>
        )}
        {!published && publishedOnSave ? (
          <Text className="st-status__line">已过 {rules.publicationTime}，提交后立即公示</Text>
        ) : null}
      </View>

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
        <Banner tone="info" testId="draft-restored">
          <Text className="st-banner__text">
            已恢复您上次未提交的修改
            {current.restored.savedAt ? `（${formatStamp(current.restored.savedAt)}）` : ''}。
            {current.restored.baseChanged ? '之后这份日程在别处被修改过，提交时会请您核对。' : ''}
          </Text>
          <View
            className="st-small-btn"
            role="button"
            data-testid="discard-draft"
            onClick={() => void discardDraft()}
          >
            <Text>放弃修改</Text>
          </View>
        </Banner>
      ) : null}

      {conflictView(conflict, keepMine, () => void takeTheirs())}

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
        entries.map((entry, index) => (
          <EntryEditor
            key={entry.key}
            entry={entry}
            index={index}
            count={entries.length}
            kinds={rules.entryKinds}
            meetingNames={rules.meetingNames}
            warnings={warnings[entry.key]}
            errors={errors[entry.key]}
            disabled={submitting}
            onChange={onChange}
            onRemove={onRemove}
            onMove={onMove}
            onSaveTemplate={saveTemplate}
          />
        ))
      )}

      <Button
        className={`btn btn-secondary btn-block st-add ${entries.length >= MAX_ENTRIES ? 'btn-disabled' : ''}`}
        disabled={onlyIf(submitting || entries.length >= MAX_ENTRIES)}
        data-testid="add-entry"
        onClick={() => add()}
      >
        ＋ 添加一项工作
      </Button>

      {general ? (
        <Banner tone="danger" testId="submit-error">
          <Text className="st-banner__text">{general}</Text>
        </Banner>
      ) : null}

      <View className="st-bar">
        <Text className="st-bar__note" data-testid="dirty-note">
          {dirty ? '有未提交的修改，已自动保存在手机上' : plan ? '内容与已提交的一致' : '填写后点“提交”'}
        </Text>
        <Button
          className={`btn btn-primary st-bar__btn ${submitting || (!dirty && !!plan) ? 'btn-disabled' : ''}`}
          disabled={onlyIf(submitting || (!dirty && !!plan))}
          data-testid="submit-plan"
          onClick={() => void submit()}
        >
          {submitting ? '正在提交…' : published ? '提交修改' : plan ? '重新提交' : '提交'}
        </Button>
      </View>
    </View>
  );
}

function conflictView(
  conflict: { latest: DayPlanView | null } | null,
  keepMine: () => void,
  takeTheirs: () => void,
) {
  if (conflict === null) return null;
  const theirs = draftsOf(conflict.latest?.entries);
  return (
    <View id="plan-conflict" className="card st-conflict" data-testid="conflict">
      <Text className="st-card-title">日程刚被别人修改过</Text>
      <Text className="st-hint">
        在您填写期间，这份日程已被他人（或您在其他设备上）保存。您填写的内容还在，没有丢失。下面是对方保存的版本：
      </Text>
      {theirs.length === 0 ? (
        <Text className="st-hint">（对方的版本没有任何事项）</Text>
      ) : (
        theirs.map((e, i) => (
          <Text key={e.key} className="st-conflict__line">
            {i + 1}. {[timeOf(e), e.kind, e.place].filter(Boolean).join(' · ')}：{e.what}
          </Text>
        ))
      )}
      <Button
        className="btn btn-primary btn-block st-conflict__btn"
        data-testid="conflict-keep"
        onClick={keepMine}
      >
        保留我的内容并提交
      </Button>
      <Button
        className="btn btn-secondary btn-block st-conflict__btn"
        data-testid="conflict-reload"
        onClick={takeTheirs}
      >
        放弃我的修改，改用最新版本
      </Button>
    </View>
  );
}

function timeOf(e: DraftEntry): string {
  return viewTimeLabel({ startTime: e.startTime || null, endTime: e.endTime || null, period: e.period });
}

function PlanStatusChip({ plan }: { plan: DayPlanView | null }) {
  if (!plan || plan.status === 'draft')
    return (
      <Chip tone="warning" testId="plan-status-chip">
        未提交
      </Chip>
    );
  if (plan.status === 'published') {
    return (
      <Chip tone="success" testId="plan-status-chip">
        {plan.revision > 0 ? '已公示 · 已修改' : '已公示'}
      </Chip>
    );
  }
  return plan.late ? (
    <Chip tone="danger" testId="plan-status-chip">
      逾期提交
    </Chip>
  ) : (
    <Chip tone="info" testId="plan-status-chip">
      已提交
    </Chip>
  );
}

interface SubmitResultCardProps {
  result: SubmitResult;
  publicationTime: string;
  demo: boolean;
  publishing: boolean;
  onPublish: () => void;
}

function SubmitResultCard({ result, publicationTime, demo, publishing, onPublish }: SubmitResultCardProps) {
  const { plan, wasPublished } = result;
  const published = plan.status === 'published';
  let title: string;
  let line: string;
  if (published) {
    title = wasPublished ? '修改已公示' : '已公示';
    line = wasPublished
      ? '群众看到的日程已更新，并显示“已修改”，修改记录会保留。'
      : '群众现在就能看到这份日程。修改会留痕。';
  } else {
    title = plan.late ? '已提交（逾期提交）' : '已按时提交';
    line = `将于 ${formatDay(plan.date)} ${publicationTime} 公示。公示前可以随时修改。`;
  }
  return (
    <Banner tone={published || !plan.late ? 'success' : 'warning'} testId="submit-result">
      <View className="st-result" data-status={plan.status} data-late={plan.late ? 'true' : 'false'}>
        <Text className="st-result__title">{title}</Text>
        <Text className="st-banner__text">{line}</Text>
        {plan.late && !published ? (
          <Text className="st-banner__text">提交时间已过截止时间，记为逾期提交。</Text>
        ) : null}
        {demo && plan.status === 'submitted' ? (
          <Button
            className={`btn btn-secondary st-result__demo ${publishing ? 'btn-disabled' : ''}`}
            disabled={onlyIf(publishing)}
            data-testid="demo-publish"
            onClick={onPublish}
          >
            {publishing ? '正在公示…' : '演示：立即公示'}
          </Button>
        ) : null}
      </View>
    </Banner>
  );
}
