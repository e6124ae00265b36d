/**
 * 批量填报: a clerk (信息员) fills one day's plans for every official of their unit on one screen,
 * with the same entry editor as the plan page, and submits them all at once (all or nothing).
 * Officials on approved leave are marked and skipped. Or: the spreadsheet round trip.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BatchPlansView, DayPlanView, JournalRules, MeResponse } from '@jinri/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { toApiError, type ApiError } from '../../../api/request';
import { getUnitPlans, saveUnitPlans } from '../../../api/batch.api';
import { fieldProblems } from '../../../api/error-details';
import { addDays, localToday, formatStamp } from '../../../utils/date';
import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';
import { onlyIf } from '../../../utils/props';
import { EntryEditor, entryDomId } from '../common/EntryEditor';
import {
  draftsOf,
  emptyEntry,
  isDraftEntry,
  mapEntryProblems,
  MAX_ENTRIES,
  signature,
  toInput,
  validateAll,
  type DraftEntry,
  type ErrorsByKey,
} from '../common/entries';
import { loadRules, useLoad, usePlanCheck } from '../common/hooks';
import { readStored, storageKeys, useAutosave } from '../common/storage';
import { Banner } from '../../../components/Banner';
import { Chip } from '../../../components/Chip';
import { StaffGate } from '../../../components/StaffGate';
import { ErrorCard, LoadingCard } from '../../../components/StateCard';
import { DaySwitcher } from '../common/DaySwitcher';
import { SheetImport } from './SheetImport';
import '../../../styles/kit.css';
import '../common/staff.css';

const PAST_DAYS = 7;
const FUTURE_DAYS = 30;

export default function BatchPage() {
  return (
    <Page name="batch" title="批量填报">
      <StaffGate roles={['clerk', 'admin']} deniedText="只有信息员可以为本单位干部批量填报。">
        {(me) => <BatchRoot me={me} />}
      </StaffGate>
    </Page>
  );
}

function BatchRoot({ me }: { me: MeResponse }) {
  // The clerk's unit(s); an admin may also use the page for their own unit.
  const units = useMemo(() => {
    const grants = me.grants.filter((g) => g.role === 'clerk' && g.unit);
    const usable = grants.length > 0 ? grants : me.grants.filter((g) => g.role === 'admin' && g.unit);
    const seen = new Set<number>();
    return usable
      .map((g) => g.unit!)
      .filter((u) => {
        if (seen.has(u.id)) return false;
        seen.add(u.id);
        return true;
      });
  }, [me]);
  const [unitId, setUnitId] = useState<number | null>(units[0]?.id ?? null);
  const unit = units.find((u) => u.id === unitId) ?? units[0];
  const rulesLoad = useCallback(
    () => (unit ? loadRules(unit.id) : Promise.reject(new Error('no unit'))),
    [unit],
  );
  const rules = useLoad(unit ? `rules:${unit.id}` : null, rulesLoad);

  if (!unit) {
    return (
      <View className="card">
        <EmptyState
          icon="!"
          title="没有可填报的单位"
          description="您的信息员身份没有对应的单位，请联系管理员。"
        />
      </View>
    );
  }
  return (
    <>
      {units.length > 1 ? (
        <View className="st-chips st-units">
          {units.map((u) => (
            <View
              key={u.id}
              className={`st-choice ${u.id === unit.id ? 'st-choice--on' : ''}`}
              role="button"
              onClick={() => setUnitId(u.id)}
            >
              <Text>{u.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {rules.state.kind === 'loading' ? <LoadingCard text="正在读取填报规则…" /> : null}
      {rules.state.kind === 'error' ? <ErrorCard error={rules.state.error} onRetry={rules.retry} /> : null}
      {rules.state.kind === 'ok' ? <Batch key={unit.id} unit={unit} rules={rules.state.value} /> : null}
    </>
  );
}

interface OfficialEdit {
  entries: DraftEntry[];
  baseVersion: number | undefined;
}

interface StoredBatchDraft {
  v: 1;
  /** officialId → entries and the version they started from. */
  edits: Record<string, { entries: DraftEntry[]; baseVersion: number | null }>;
  savedAt: string;
}

function isStoredBatchDraft(v: unknown): v is StoredBatchDraft {
  const d = v as StoredBatchDraft | null;
  return (
    !!d &&
    d.v === 1 &&
    typeof d.edits === 'object' &&
    d.edits !== null &&
    Object.values(d.edits).every(
      (e) =>
        !!e &&
        Array.isArray(e.entries) &&
        e.entries.every(isDraftEntry) &&
        (e.baseVersion === null || typeof e.baseVersion === 'number'),
    )
  );
}

interface Doc {
  key: string;
  view: BatchPlansView;
  edits: Record<number, OfficialEdit>;
  restored: boolean;
}

function editsFrom(
  view: BatchPlansView,
  draft: StoredBatchDraft | null,
): { edits: Record<number, OfficialEdit>; restored: boolean } {
  const edits: Record<number, OfficialEdit> = {};
  let restored = false;
  for (const o of view.officials) {
    const server = draftsOf(o.plan?.entries);
    const stored = draft?.edits[String(o.id)];
    if (stored && !o.onLeave && signature(stored.entries) !== signature(server)) {
      edits[o.id] = { entries: stored.entries, baseVersion: stored.baseVersion ?? undefined };
      restored = true;
    } else {
      edits[o.id] = { entries: server, baseVersion: o.plan?.version };
    }
  }
  return { edits, restored };
}

type Official = BatchPlansView['officials'][number];

function isDirty(o: Official, edit: OfficialEdit | undefined): boolean {
  return !!edit && !o.onLeave && signature(edit.entries) !== signature(draftsOf(o.plan?.entries));
}

function Batch({ unit, rules }: { unit: { id: number; name: string }; rules: JournalRules }) {
  const [date, setDate] = useState(() => addDays(localToday(), 1));
  const key = `${unit.id}/${date}`;
  const [attempt, setAttempt] = useState(0);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [loadError, setLoadError] = useState<{ key: string; error: ApiError } | null>(null);
  const [expanded, setExpanded] = useState<Record<number, boolean>>({});
  const [errors, setErrors] = useState<ErrorsByKey>({});
  const [officialErrors, setOfficialErrors] = useState<Record<number, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    let active = true;
    getUnitPlans(unit.id, date).then(
      (view) => {
        if (!active) return;
        const draft = readStored(storageKeys.batchDraft(unit.id, date), isStoredBatchDraft);
        setDoc({ key: `${unit.id}/${date}`, view, ...editsFrom(view, draft) });
        setErrors({});
        setOfficialErrors({});
        setGeneral(null);
        setConflict(false);
      },
      (error: unknown) => {
        if (active) setLoadError({ key: `${unit.id}/${date}#${attempt}`, error: toApiError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [unit.id, date, attempt]);

  const current = doc && doc.key === key ? doc : null;

  const draftValue = useMemo((): StoredBatchDraft | null => {
    if (!current) return null;
    const edits: StoredBatchDraft['edits'] = {};
    for (const o of current.view.officials) {
      const edit = current.edits[o.id];
      if (isDirty(o, edit))
        edits[String(o.id)] = { entries: edit.entries, baseVersion: edit.baseVersion ?? null };
    }
    return Object.keys(edits).length > 0 ? { v: 1, edits, savedAt: '' } : null;
  }, [current]);
  useAutosave(current ? storageKeys.batchDraft(unit.id, date) : null, draftValue);

  if (!current) {
    const error = loadError?.key === `${key}#${attempt}` ? loadError.error : null;
    return (
      <>
        <DaySwitcher date={date} onChange={setDate} pastDays={PAST_DAYS} futureDays={FUTURE_DAYS} />
        {error ? (
          <ErrorCard error={error} onRetry={() => setAttempt((n) => n + 1)} title="读取失败" />
        ) : (
          <LoadingCard text="正在读取本单位干部的日程…" />
        )}
      </>
    );
  }

  const { view, edits } = current;
  const dirtyOfficials = view.officials.filter((o) => isDirty(o, edits[o.id]));

  const setEntries = (officialId: number, entries: DraftEntry[]) => {
    setDoc((d) =>
      d && d.key === key
        ? { ...d, edits: { ...d.edits, [officialId]: { ...d.edits[officialId], entries } } }
        : d,
    );
  };

  const clearEntryError = (entryKey: string) => {
    if (!errors[entryKey]) return;
    const next = { ...errors };
    delete next[entryKey];
    setErrors(next);
  };

  const reset = (next: BatchPlansView) => {
    setDoc({ key, view: next, ...editsFrom(next, null) });
    setErrors({});
    setOfficialErrors({});
    setGeneral(null);
    setConflict(false);
  };

  const submitAll = async () => {
    if (submitting) return;
    setGeneral(null);
    setOfficialErrors({});
    if (dirtyOfficials.length === 0) {
      void Taro.showToast({ title: '没有需要提交的修改', icon: 'none' });
      return;
    }
    // Check every changed official first; expand those with problems.
    const found: ErrorsByKey = {};
    const perOfficial: Record<number, string> = {};
    for (const o of dirtyOfficials) {
      const entries = edits[o.id].entries;
      if (entries.length === 0 && !o.plan) perOfficial[o.id] = '请至少填写一项工作，或删除后不提交';
      Object.assign(found, validateAll(entries, rules));
    }
    const bad = dirtyOfficials.filter(
      (o) => perOfficial[o.id] || edits[o.id].entries.some((e) => found[e.key]),
    );
    if (bad.length > 0) {
      setErrors(found);
      setOfficialErrors(perOfficial);
      setExpanded((x) => ({ ...x, ...Object.fromEntries(bad.map((o) => [o.id, true])) }));
      void Taro.showToast({
        title: `${bad.map((o) => o.name).join('、')}的日程需要补充或修改`,
        icon: 'none',
        duration: 3000,
      });
      const firstKey = edits[bad[0].id].entries.find((e) => found[e.key])?.key;
      if (firstKey) {
        setTimeout(() => {
          void Taro.pageScrollTo({ selector: `#${entryDomId(firstKey)}`, duration: 300 }).catch(
            () => undefined,
          );
        }, 100);
      }
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '全部提交？',
      content: `将提交 ${dirtyOfficials.length} 位干部的日程：${dirtyOfficials.map((o) => o.name).join('、')}。${
        dirtyOfficials.some((o) => o.plan?.status === 'published') ? '其中已公示的日程修改后会留痕。' : ''
      }`,
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (!confirm) return;

    const sent = dirtyOfficials.map((o) => ({ official: o, entries: edits[o.id].entries }));
    setSubmitting(true);
    try {
      const saved = await saveUnitPlans(unit.id, {
        date,
        plans: sent.map(({ official, entries }) => ({
          officialId: official.id,
          entries: entries.map(toInput),
          ...(edits[official.id].baseVersion !== undefined
            ? { version: edits[official.id].baseVersion }
            : {}),
        })),
      });
      reset(saved);
      setExpanded({});
      void Taro.showToast({ title: `已提交 ${sent.length} 位干部的日程`, icon: 'success' });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 300 }).catch(() => undefined);
    } catch (err) {
      const error = toApiError(err);
      if (error.hasCode('PLAN.VERSION_CONFLICT')) {
        setConflict(true);
        return;
      }
      const problems = fieldProblems(error);
      if (problems.length > 0) {
        const byKey: ErrorsByKey = {};
        const perOff: Record<number, string> = {};
        const lines: string[] = [];
        for (const p of problems) {
          const m = /^plans\.(\d+)(?:\.(.*))?$/.exec(p.field);
          const item = m ? sent[Number(m[1])] : undefined;
          if (!m || !item) {
            lines.push(p.reasons[0] ?? error.message);
            continue;
          }
          const rest = m[2] ?? '';
          if (rest.startsWith('entries')) {
            const mapped = mapEntryProblems([{ field: rest, reasons: p.reasons }], item.entries);
            Object.assign(byKey, mapped.byKey);
            if (mapped.general.length) perOff[item.official.id] = mapped.general.join('；');
          } else {
            perOff[item.official.id] = p.reasons[0] ?? error.message;
          }
        }
        setErrors(byKey);
        setOfficialErrors(perOff);
        const badIds = new Set([
          ...Object.keys(perOff).map(Number),
          ...sent.filter((s) => s.entries.some((e) => byKey[e.key])).map((s) => s.official.id),
        ]);
        setExpanded((x) => ({ ...x, ...Object.fromEntries([...badIds].map((id) => [id, true])) }));
        setGeneral(`${error.message}。没有提交任何日程，请按提示修改后再全部提交。${lines.join('；')}`);
        return;
      }
      setGeneral(
        error.status === 0
          ? `${error.message}。填写的内容已保存在手机上，网络恢复后再提交。`
          : `${error.message}。没有提交任何日程。`,
      );
    } finally {
      setSubmitting(false);
    }
  };

  /** After a 409: load the newest plans, keep this page's edits on top of them. */
  const rebase = async () => {
    try {
      const latest = await getUnitPlans(unit.id, date);
      const nextEdits: Record<number, OfficialEdit> = {};
      for (const o of latest.officials) {
        const mine = edits[o.id];
        const old = view.officials.find((x) => x.id === o.id);
        if (mine && old && isDirty(old, mine)) {
          const activeIds = new Set(draftsOf(o.plan?.entries).map((e) => e.id));
          nextEdits[o.id] = {
            entries: mine.entries.map((e) =>
              e.id !== undefined && !activeIds.has(e.id) ? { ...e, id: undefined } : e,
            ),
            baseVersion: o.plan?.version,
          };
        } else {
          nextEdits[o.id] = { entries: draftsOf(o.plan?.entries), baseVersion: o.plan?.version };
        }
      }
      setDoc({ key, view: latest, edits: nextEdits, restored: false });
      setConflict(false);
      void Taro.showToast({ title: '已载入最新，请核对后再提交', icon: 'none', duration: 3000 });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    }
  };

  const discardAll = async () => {
    const { confirm } = await Taro.showModal({
      title: '放弃未提交的修改？',
      content: '本页所有干部未提交的修改都将丢弃。',
      confirmText: '放弃',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (confirm) reset(view);
  };

  const onLeave = view.officials.filter((o) => o.onLeave).length;
  const filled = view.officials.filter(
    (o) => !o.onLeave && o.plan && o.plan.entries.some((e) => e.status === 'active'),
  ).length;

  return (
    <View className="st-with-bar">
      <DaySwitcher
        date={date}
        onChange={setDate}
        pastDays={PAST_DAYS}
        futureDays={FUTURE_DAYS}
        disabled={submitting}
      />

      <View className="card st-status" data-testid="batch-summary">
        <Text className="st-card-title">{view.unit.name}</Text>
        <Text className="st-status__line">
          共 {view.officials.length} 位干部：已填报 {filled} 位，请假 {onLeave} 位，未填报{' '}
          {view.officials.length - filled - onLeave} 位
        </Text>
        <Text className="st-status__line">
          截止 {rules.planDueTime}（前一天），{rules.publicationTime} 公示
        </Text>
      </View>

      {current.restored && dirtyOfficials.length > 0 ? (
        <Banner tone="info" testId="batch-restored">
          <Text className="st-banner__text">
            已恢复上次未提交的修改（{dirtyOfficials.map((o) => o.name).join('、')}）。
          </Text>
          <View className="st-small-btn" role="button" onClick={() => void discardAll()}>
            <Text>放弃修改</Text>
          </View>
        </Banner>
      ) : null}

      {conflict ? (
        <Banner tone="warning" testId="batch-conflict">
          <Text className="st-banner__text">
            有干部的日程在您填写期间被别人（或干部本人）保存过，本次没有提交任何日程。您填写的内容还在。
          </Text>
          <View className="st-small-btn st-small-btn--primary" role="button" onClick={() => void rebase()}>
            <Text>载入最新并保留我的修改</Text>
          </View>
        </Banner>
      ) : null}

      {view.officials.length === 0 ? (
        <View className="card">
          <EmptyState title="本单位没有干部" description="只列出在本单位任职的干部（不含下级单位）。" />
        </View>
      ) : null}

      {view.officials.map((o) => (
        <OfficialCard
          key={o.id}
          official={o}
          date={date}
          rules={rules}
          edit={edits[o.id]}
          dirty={isDirty(o, edits[o.id])}
          open={!!expanded[o.id]}
          errors={errors}
          officialError={officialErrors[o.id]}
          disabled={submitting}
          onToggle={() => setExpanded((x) => ({ ...x, [o.id]: !x[o.id] }))}
          onEntries={(entries) => setEntries(o.id, entries)}
          onEntryEdited={clearEntryError}
        />
      ))}

      <SheetImport
        unitId={unit.id}
        date={date}
        dirty={dirtyOfficials.length > 0}
        onImported={(next) => {
          reset(next);
          setExpanded({});
        }}
      />

      {general ? (
        <Banner tone="danger" testId="batch-error">
          <Text className="st-banner__text">{general}</Text>
        </Banner>
      ) : null}

      <View className="st-bar">
        <Text className="st-bar__note" data-testid="batch-dirty">
          {dirtyOfficials.length > 0
            ? `${dirtyOfficials.length} 位干部有未提交的修改，已自动保存在手机上`
            : '点干部姓名展开填写'}
        </Text>
        <Button
          className={`btn btn-primary st-bar__btn ${submitting || dirtyOfficials.length === 0 ? 'btn-disabled' : ''}`}
          disabled={onlyIf(submitting || dirtyOfficials.length === 0)}
          data-testid="batch-submit"
          onClick={() => void submitAll()}
        >
          {submitting ? '正在提交…' : '全部提交'}
        </Button>
      </View>
    </View>
  );
}

function planChip(plan: DayPlanView | null, onLeave: boolean) {
  if (onLeave) return <Chip tone="neutral">请假</Chip>;
  if (!plan || plan.status === 'draft' || !plan.entries.some((e) => e.status === 'active')) {
    return <Chip tone="warning">未填报</Chip>;
  }
  if (plan.status === 'published') return <Chip tone="success">已公示</Chip>;
  return plan.late ? <Chip tone="danger">逾期提交</Chip> : <Chip tone="info">已提交</Chip>;
}

interface OfficialCardProps {
  official: Official;
  date: string;
  rules: JournalRules;
  edit: OfficialEdit | undefined;
  dirty: boolean;
  open: boolean;
  errors: ErrorsByKey;
  officialError?: string;
  disabled: boolean;
  onToggle: () => void;
  onEntries: (entries: DraftEntry[]) => void;
  onEntryEdited: (entryKey: string) => void;
}

function OfficialCard({
  official,
  date,
  rules,
  edit,
  dirty,
  open,
  errors,
  officialError,
  disabled,
  onToggle,
  onEntries,
  onEntryEdited,
}: OfficialCardProps) {
  const entries = useMemo(() => edit?.entries ?? [], [edit]);
  const hasErrors = !!officialError || entries.some((e) => errors[e.key]);
  return (
    <View
      className={`card st-official ${hasErrors ? 'st-official--invalid' : ''}`}
      data-testid="batch-official"
      data-official-id={String(official.id)}
      data-on-leave={official.onLeave ? 'true' : 'false'}
    >
      <View className="st-official__head" role="button" aria-expanded={open} onClick={onToggle}>
        <View className="st-grow">
          <Text className="st-item__title">{official.name}</Text>
          <Text className="st-item__meta">
            {official.post}
            {!official.onLeave ? ` · ${entries.length} 项` : ''}
            {official.plan?.submittedAt ? ` · 提交于 ${formatStamp(official.plan.submittedAt)}` : ''}
          </Text>
        </View>
        {dirty ? <Chip tone="info">有修改</Chip> : null}
        {planChip(official.plan, official.onLeave)}
        <Text className="st-official__arrow">{open ? '收起' : '展开'}</Text>
      </View>
      {officialError ? (
        <View className="st-field-error" role="alert">
          <Text>{officialError}</Text>
        </View>
      ) : null}
      {open ? (
        official.onLeave ? (
          <Text className="st-hint" data-testid="batch-on-leave">
            该干部当天请假（已批准），无需填报，提交时会跳过。
          </Text>
        ) : (
          <OfficialEntries
            officialId={official.id}
            date={date}
            rules={rules}
            entries={entries}
            errors={errors}
            disabled={disabled}
            onEntries={onEntries}
            onEntryEdited={onEntryEdited}
          />
        )
      ) : null}
    </View>
  );
}

interface OfficialEntriesProps {
  officialId: number;
  date: string;
  rules: JournalRules;
  entries: DraftEntry[];
  errors: ErrorsByKey;
  disabled: boolean;
  onEntries: (entries: DraftEntry[]) => void;
  onEntryEdited: (entryKey: string) => void;
}

/** The entries of one official, editable (mounted only while the card is open). */
function OfficialEntries({
  officialId,
  date,
  rules,
  entries,
  errors,
  disabled,
  onEntries,
  onEntryEdited,
}: OfficialEntriesProps) {
  const warnings = usePlanCheck(officialId, date, entries);
  const onChange = (entryKey: string, patch: Partial<DraftEntry>) => {
    onEntries(entries.map((e) => (e.key === entryKey ? { ...e, ...patch } : e)));
    onEntryEdited(entryKey);
  };
  const onMove = (entryKey: string, delta: -1 | 1) => {
    const i = entries.findIndex((e) => e.key === entryKey);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= entries.length) return;
    const next = [...entries];
    [next[i], next[j]] = [next[j], next[i]];
    onEntries(next);
  };
  return (
    <View className="st-official__body">
      {entries.length === 0 ? <Text className="st-hint">还没有填写，点下方“添加一项工作”。</Text> : null}
      {entries.map((entry, index) => (
        <EntryEditor
          key={entry.key}
          entry={entry}
          index={index}
          count={entries.length}
          kinds={rules.entryKinds}
          meetingNames={rules.meetingNames}
          warnings={warnings[entry.key]}
          errors={errors[entry.key]}
          disabled={disabled}
          onChange={onChange}
          onRemove={(k) => onEntries(entries.filter((e) => e.key !== k))}
          onMove={onMove}
        />
      ))}
      <Button
        className={`btn btn-secondary btn-block ${entries.length >= MAX_ENTRIES ? 'btn-disabled' : ''}`}
        disabled={onlyIf(disabled || entries.length >= MAX_ENTRIES)}
        data-testid="batch-add-entry"
        onClick={() => onEntries([...entries, emptyEntry()])}
      >
        ＋ 添加一项工作
      </Button>
    </View>
  );
}
