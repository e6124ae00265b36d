/**
 * 编辑事项: name, category, the everyday words residents type (synonyms), keywords, materials,
 * where to go, office hours, legal basis and the department. After saving, 试一试 searches with a
 * synonym and tells whether this matter comes first.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { MatterDetail, MeResponse } from '@jinri/shared';
import { useCallback, useState } from 'react';

import {
  getMatterDetail,
  saveMatter,
  searchMatters,
  type MatterInput,
  type SavedMatter,
} from '@/api/admin.api';
import { toApiError } from '@/api/request';
import { Page } from '@/components/Page';
import { useLoad } from '@/hooks/useLoad';
import { Banner } from '@/components/Banner';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { fieldMessages } from '../common/errors';
import { UnitPicker, type UnitRef } from '../common/UnitPicker';
import { TagEditor } from './TagEditor';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';

export default function MatterEditPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const matterId = Number.isInteger(id) && id > 0 ? id : null;
  return (
    <Page name="admin-matter-edit" title="编辑事项">
      <StaffGate roles={['admin']} deniedText="只有管理员可以维护事项。">
        {(me) => (matterId === null ? <Editor me={me} initial={null} /> : <Loader me={me} id={matterId} />)}
      </StaffGate>
    </Page>
  );
}

function Loader({ me, id }: { me: MeResponse; id: number }) {
  const load = useCallback(() => getMatterDetail(id), [id]);
  const { view, retry } = useLoad(`admin:matter:${id}`, load, { cache: false });
  if (view.kind === 'loading') return <LoadingCard text="正在读取事项…" />;
  if (view.kind === 'error') return <ErrorCard error={view.error} onRetry={retry} title="事项读取失败" />;
  return <Editor me={me} initial={view.data} />;
}

interface Draft {
  name: string;
  category: string;
  synonyms: string[];
  keywords: string[];
  materials: string[];
  whereToGo: string;
  officeHours: string;
  legalBasis: string;
  department: UnitRef | null;
  /** Working days for comments on this matter; '' = the defaults (1 to acknowledge, 5 to resolve). */
  ackWorkingDays: string;
  resolveWorkingDays: string;
}

function draftOf(m: MatterDetail | null): Draft {
  return {
    name: m?.name ?? '',
    category: m?.category ?? '',
    synonyms: m?.synonyms ?? [],
    keywords: m?.keywords ?? [],
    materials: m?.materials ?? [],
    whereToGo: m?.whereToGo ?? '',
    officeHours: m?.officeHours ?? '',
    legalBasis: m?.legalBasis ?? '',
    department: m ? m.department : null,
    ackWorkingDays: days(m?.ackWorkingDays),
    resolveWorkingDays: days(m?.resolveWorkingDays),
  };
}

/** The draft's plain texts (a box each). */
type TextKey =
  'name' | 'category' | 'whereToGo' | 'officeHours' | 'legalBasis' | 'ackWorkingDays' | 'resolveWorkingDays';

const days = (value: number | null | undefined) => (value ? String(value) : '');

/** '' → null (the default); otherwise a whole number of working days within [1, max]. */
function parseDays(text: string, max: number): number | null | 'invalid' {
  if (!text.trim()) return null;
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= max ? n : 'invalid';
}

function draftOfSaved(saved: SavedMatter, department: UnitRef): Draft {
  return {
    name: saved.name,
    category: saved.category,
    synonyms: saved.synonyms,
    keywords: saved.keywords,
    materials: saved.materials,
    whereToGo: saved.whereToGo,
    officeHours: saved.officeHours,
    legalBasis: saved.legalBasis ?? '',
    department,
    ackWorkingDays: days(saved.ackWorkingDays),
    resolveWorkingDays: days(saved.resolveWorkingDays),
  };
}

/** Local checks before sending (the server checks again; its answers show under the same fields). */
function check(d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.name.trim().length < 2) out.name = '请填写事项名称（至少 2 个字）';
  if (d.category.trim().length < 2) out.category = '请填写分类（至少 2 个字）';
  if (!d.department) out.departmentId = '请选择主管部门';
  if (parseDays(d.ackWorkingDays, 10) === 'invalid')
    out.ackWorkingDays = '请填写 1–10 的整数，或留空用默认 1 天';
  if (parseDays(d.resolveWorkingDays, 60) === 'invalid')
    out.resolveWorkingDays = '请填写 1–60 的整数，或留空用默认 5 天';
  return out;
}

function Editor({ me, initial }: { me: MeResponse; initial: MatterDetail | null }) {
  const [matterId, setMatterId] = useState<number | null>(initial?.id ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [savedDraft, setSavedDraft] = useState<Draft | null>(() => (initial ? draftOf(initial) : null));
  const [justSaved, setJustSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const dirty = savedDraft === null || JSON.stringify(draft) !== JSON.stringify(savedDraft);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setJustSaved(false);
    setErrors((e) => {
      const field = key === 'department' ? 'departmentId' : key;
      if (!(field in e)) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  };

  const save = async () => {
    if (saving) return;
    const local = check(draft);
    setErrors(local);
    if (Object.keys(local).length) {
      setFailure('请先改正标红的内容');
      return;
    }
    const body: MatterInput = {
      name: draft.name.trim(),
      category: draft.category.trim(),
      keywords: draft.keywords,
      synonyms: draft.synonyms,
      materials: draft.materials,
      whereToGo: draft.whereToGo.trim(),
      officeHours: draft.officeHours.trim(),
      legalBasis: draft.legalBasis.trim() || null,
      departmentId: draft.department!.id,
      ackWorkingDays: parseDays(draft.ackWorkingDays, 10) as number | null,
      resolveWorkingDays: parseDays(draft.resolveWorkingDays, 60) as number | null,
    };
    setSaving(true);
    setFailure(null);
    try {
      const saved = await saveMatter(matterId, body);
      const next = draftOfSaved(saved, draft.department!);
      setMatterId(saved.id);
      setDraft(next);
      setSavedDraft(next);
      setJustSaved(true);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      const error = toApiError(err);
      const fields = fieldMessages(error);
      setErrors(fields);
      setFailure(
        Object.keys(fields).length
          ? `${error.message}：请改正标红的内容`
          : error.message || '保存失败，请重试',
      );
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (field: string) =>
    errors[field] ? (
      <Text className="st-field-error" data-testid="field-error" data-field={field}>
        {errors[field]}
      </Text>
    ) : null;

  /** A labelled one-line (or, `multiline`, growing) text box for one of the draft's texts, with its error. */
  const textField = (
    key: TextKey,
    label: string,
    box: { max: number; placeholder: string; testId: string; multiline?: boolean; numeric?: boolean },
  ) => {
    const common = {
      value: draft[key],
      maxlength: box.max,
      placeholder: box.placeholder,
      placeholderClass: 'st-placeholder',
      'data-testid': box.testId,
      onInput: (e: { detail: { value: string } }) => set(key, e.detail.value),
    };
    const invalid = errors[key] ? 'st-input--invalid' : '';
    return (
      <>
        <Text className="st-label">{label}</Text>
        {box.multiline ? (
          <Textarea className={`st-textarea ${invalid}`} autoHeight {...common} />
        ) : (
          <Input className={`st-input ${invalid}`} type={box.numeric ? 'number' : undefined} {...common} />
        )}
        {fieldError(key)}
      </>
    );
  };

  /** A labelled list of words (TagEditor, at most 30) for one of the draft's lists, with its error. */
  const tagField = (
    key: 'synonyms' | 'keywords' | 'materials',
    label: string,
    words: { hint?: string; maxLength: number; placeholder: string; layout?: 'lines' },
  ) => (
    <>
      <Text className="st-label">{label}</Text>
      {words.hint ? <Text className="st-hint">{words.hint}</Text> : null}
      <TagEditor
        values={draft[key]}
        onChange={(v) => set(key, v)}
        maxItems={30}
        maxLength={words.maxLength}
        placeholder={words.placeholder}
        testId={key}
        layout={words.layout}
      />
      {fieldError(key)}
    </>
  );

  return (
    <>
      <View className="card" data-testid="matter-form" data-matter-id={matterId ? String(matterId) : ''}>
        <Text className="st-card-title">{matterId ? draft.name || '事项' : '新建事项'}</Text>

        {textField('name', '事项名称', { max: 100, placeholder: '如：宅基地审批', testId: 'matter-name' })}

        {textField('category', '分类', {
          max: 50,
          placeholder: '如：自然资源、社会保障',
          testId: 'matter-category',
        })}

        {tagField('synonyms', '群众的说法（同义词）', {
          hint: '群众搜索时常用的大白话，如“盖房子”，添加后搜这些词也能找到本事项。',
          maxLength: 30,
          placeholder: '如：盖房子、建新房',
        })}

        {tagField('keywords', '关键词', {
          hint: '规范叫法和相关词，也用于搜索。',
          maxLength: 30,
          placeholder: '如：宅基地、建房',
        })}

        {tagField('materials', '需要带的材料', {
          maxLength: 100,
          placeholder: '如：户口本复印件',
          layout: 'lines',
        })}

        {textField('whereToGo', '去哪里办', {
          max: 500,
          placeholder: '如：镇便民服务中心 2 号窗口',
          testId: 'matter-where',
          multiline: true,
        })}

        {textField('officeHours', '办理时间', {
          max: 200,
          placeholder: '如：工作日 8:30-17:30',
          testId: 'matter-hours',
        })}

        {textField('legalBasis', '政策依据（选填）', {
          max: 500,
          placeholder: '如：《中华人民共和国土地管理法》第六十二条',
          testId: 'matter-legal',
          multiline: true,
        })}

        {textField('ackWorkingDays', '留言受理期限（工作日，选填）', {
          max: 2,
          placeholder: '留空为默认 1 个工作日',
          testId: 'matter-ack-days',
          numeric: true,
        })}

        {textField('resolveWorkingDays', '留言办结期限（工作日，选填）', {
          max: 2,
          placeholder: '留空为默认 5 个工作日',
          testId: 'matter-resolve-days',
          numeric: true,
        })}

        <Text className="st-label">主管部门</Text>
        <UnitPicker
          me={me}
          value={draft.department}
          label="主管部门"
          testId="matter-department"
          onChange={(u) => set('department', u)}
        />
        {fieldError('departmentId')}
      </View>

      {failure ? (
        <Banner tone="danger" testId="matter-save-error">
          <Text>{failure}</Text>
        </Banner>
      ) : null}
      {justSaved && !dirty ? (
        <Banner tone="success" testId="matter-saved">
          <Text>已保存。群众现在搜索就能用上新的说法。</Text>
        </Banner>
      ) : null}

      <View
        className={`btn btn-primary ad-block ${saving || !dirty ? 'btn-disabled' : ''}`}
        role="button"
        data-testid="matter-save"
        onClick={() => void save()}
      >
        <Text>{saving ? '正在保存…' : dirty ? '保存' : '已保存'}</Text>
      </View>

      {matterId !== null && savedDraft ? (
        <TryIt matterId={matterId} name={savedDraft.name} words={savedDraft.synonyms} />
      ) : null}
    </>
  );
}

type TryResult =
  | { kind: 'loading'; word: string }
  | { kind: 'error'; word: string; message: string }
  | { kind: 'done'; word: string; rank: number; first: string | null };

/** 试一试: search as a resident would, with one of the saved synonyms. */
function TryIt({ matterId, name, words }: { matterId: number; name: string; words: string[] }) {
  const [result, setResult] = useState<TryResult | null>(null);

  const run = (word: string) => {
    setResult({ kind: 'loading', word });
    searchMatters(word).then(
      (res) => {
        const rank = res.matters.findIndex((m) => m.id === matterId) + 1;
        setResult({ kind: 'done', word, rank, first: res.matters[0]?.name ?? null });
      },
      (err: unknown) => setResult({ kind: 'error', word, message: toApiError(err).message }),
    );
  };

  return (
    <View className="card ad-try" data-testid="try-it">
      <Text className="st-card-title">试一试</Text>
      <Text className="st-hint">
        {words.length
          ? '点一个说法，像群众一样搜索，看看本事项是否排在第一个。'
          : '还没有群众的说法：在上方添加并保存后再来试。'}
      </Text>
      <View className="st-chips">
        {words.map((w) => (
          <View
            key={w}
            className={`st-choice ${result?.word === w ? 'st-choice--on' : ''}`}
            role="button"
            data-testid="try-word"
            data-word={w}
            onClick={() => run(w)}
          >
            <Text>搜“{w}”</Text>
          </View>
        ))}
      </View>
      {result?.kind === 'loading' ? <Text className="ad-try__result">正在搜索“{result.word}”…</Text> : null}
      {result?.kind === 'error' ? (
        <Text className="ad-try__result st-field-error" data-testid="try-result" data-rank="error">
          搜索失败：{result.message}
        </Text>
      ) : null}
      {result?.kind === 'done' ? (
        <View data-testid="try-result" data-rank={String(result.rank)} data-first={result.first ?? ''}>
          {result.rank === 1 ? (
            <Banner tone="success">
              <Text>
                ✓ 搜“{result.word}”，第一个就是“{name}”。
              </Text>
            </Banner>
          ) : result.rank > 1 ? (
            <Banner tone="warning">
              <Text>
                搜“{result.word}”能找到“{name}”，但排在第 {result.rank} 位（第一个是“{result.first}
                ”）。可以换个更具体的说法。
              </Text>
            </Banner>
          ) : (
            <Banner tone="danger">
              <Text>
                搜“{result.word}”没有找到“{name}”{result.first ? `，排在第一个的是“${result.first}”` : ''}
                。请检查说法是否已保存。
              </Text>
            </Banner>
          )}
        </View>
      ) : null}
    </View>
  );
}
