/**
 * 批量填报: a clerk (信息员) fills one day's plans for every official of their unit on one screen,
 * with the same entry editor as the plan page, and submits them all at once (all or nothing).
 * Officials on approved leave are marked and skipped. Or: the spreadsheet round trip.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BatchPlansView, JournalRules, MeResponse } from '@jinri/shared';
import { useCallback, useMemo, useState } from 'react';

import { getUnitPlans, saveUnitPlans } from '@/api/batch.api';
import { fieldProblems } from '@/api/error-details';
import { toApiError } from '@/api/request';
import { Banner } from '@/components/Banner';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { addDays, localToday } from '@/utils/date';
import { DayLoading, DaySwitcher, PLAN_FUTURE_DAYS, PLAN_PAST_DAYS } from '../common/DaySwitcher';
import { confirmDiscard, DraftRestoredBanner, SubmitBar } from '../common/EditBar';
import {
  mapEntryProblems,
  toInput,
  validateAll,
  type DraftEntry,
  type EntryErrors,
  type ErrorsByKey,
} from '../common/entries';
import { scrollToEntry } from '../common/EntryList';
import { useLoad } from '@/hooks/useLoad';
import { loadRules } from '../common/hooks';
import { readStored, storageKeys, useAutosave } from '../common/storage';
import { useDayDoc, useEntryErrors } from '../common/useDayDoc';
import { batchDraftOf, editsFrom, isDirty, isStoredBatchDraft, rebaseEdits, type BatchDoc } from './draft';
import { OfficialCard } from './OfficialCard';
import { SheetImport } from './SheetImport';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/staff.css';

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
  const rules = useLoad(unit ? `rules:${unit.id}` : null, rulesLoad, { cache: false });

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
      {rules.view.kind === 'loading' ? <LoadingCard text="正在读取填报规则…" /> : null}
      {rules.view.kind === 'error' ? <ErrorCard error={rules.view.error} onRetry={rules.retry} /> : null}
      {rules.view.kind === 'ok' ? <Batch key={unit.id} unit={unit} rules={rules.view.data} /> : null}
    </>
  );
}

function Batch({ unit, rules }: { unit: { id: number; name: string }; rules: JournalRules }) {
  const [date, setDate] = useState(() => addDays(localToday(), 1));
  const key = `${unit.id}/${date}`;
  const [expanded, setExpanded] = useState<Record<number, boolean>>({});
  const { errors, setErrors, clearError } = useEntryErrors<EntryErrors>();
  const [officialErrors, setOfficialErrors] = useState<Record<number, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState(false);

  const { current, setDoc, error, retry } = useDayDoc(
    key,
    async (): Promise<BatchDoc> => {
      const view = await getUnitPlans(unit.id, date);
      const draft = readStored(storageKeys.batchDraft(unit.id, date), isStoredBatchDraft);
      return { key, view, ...editsFrom(view, draft) };
    },
    () => {
      setErrors({});
      setOfficialErrors({});
      setGeneral(null);
      setConflict(false);
    },
  );

  const draftValue = useMemo(() => batchDraftOf(current), [current]);
  useAutosave(current ? storageKeys.batchDraft(unit.id, date) : null, draftValue);

  if (!current) {
    return (
      <DayLoading
        date={date}
        onChange={setDate}
        error={error}
        onRetry={retry}
        errorTitle="读取失败"
        loadingText="正在读取本单位干部的日程…"
      />
    );
  }

  const { view, edits } = current;
  const dirtyOfficials = view.officials.filter((o) => isDirty(o, edits[o.id]));

  const changeEntries = (officialId: number, update: (entries: DraftEntry[]) => DraftEntry[]) => {
    setDoc((d) =>
      d && d.key === key
        ? {
            ...d,
            edits: {
              ...d.edits,
              [officialId]: { ...d.edits[officialId], entries: update(d.edits[officialId].entries) },
            },
          }
        : d,
    );
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
      if (firstKey) scrollToEntry(firstKey, 100);
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
      setDoc({ key, view: latest, edits: rebaseEdits(latest, view, edits), restored: false });
      setConflict(false);
      void Taro.showToast({ title: '已载入最新，请核对后再提交', icon: 'none', duration: 3000 });
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    }
  };

  const discardAll = async () => {
    if (await confirmDiscard('本页所有干部未提交的修改都将丢弃。')) reset(view);
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
        pastDays={PLAN_PAST_DAYS}
        futureDays={PLAN_FUTURE_DAYS}
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
        <DraftRestoredBanner
          testId="batch-restored"
          text={`已恢复上次未提交的修改（${dirtyOfficials.map((o) => o.name).join('、')}）。`}
          onDiscard={() => void discardAll()}
        />
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
          onEntries={(update) => changeEntries(o.id, update)}
          onEntryEdited={clearError}
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

      <SubmitBar
        note={
          dirtyOfficials.length > 0
            ? `${dirtyOfficials.length} 位干部有未提交的修改，已自动保存在手机上`
            : '点干部姓名展开填写'
        }
        noteTestId="batch-dirty"
        label={submitting ? '正在提交…' : '全部提交'}
        testId="batch-submit"
        disabled={submitting || dirtyOfficials.length === 0}
        onSubmit={() => void submitAll()}
      />
    </View>
  );
}
