/**
 * 留言敏感词: the words that make a resident's comment be refused (checked before WeChat's own
 * content check), per unit; a unit's words apply to comments routed inside it. One word per line.
 */
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeResponse } from '@jinri/shared';
import { useCallback, useMemo, useState } from 'react';

import { listSensitiveWords, saveSensitiveWords } from '@/api/admin.api';
import { toApiError } from '@/api/request';
import { Page } from '@/components/Page';
import { useLoad } from '@/hooks/useLoad';
import { Banner } from '@/components/Banner';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { adminRoots, type UnitRef, UnitPicker } from '../common/UnitPicker';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';

const MAX_WORDS = 2000;

export default function WordsPage() {
  return (
    <Page name="admin-words" title="留言敏感词">
      <StaffGate roles={['admin']} deniedText="只有管理员可以维护敏感词。">
        {(me) => <Words me={me} />}
      </StaffGate>
    </Page>
  );
}

const lines = (text: string) => [
  ...new Set(
    text
      .split(/\n+/)
      .map((w) => w.trim())
      .filter(Boolean),
  ),
];

function Words({ me }: { me: MeResponse }) {
  const [unit, setUnit] = useState<UnitRef | null>(() => adminRoots(me)[0] ?? null);
  const load = useCallback(() => listSensitiveWords(), []);
  const { view, retry } = useLoad('admin:sensitive-words', load, { cache: false });
  // Unsaved edits per unit; without one, the box shows the unit's saved words.
  const [edits, setEdits] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const saved = useMemo(
    () =>
      view.kind === 'ok' && unit
        ? view.data
            .filter((w) => w.unitId === unit.id)
            .map((w) => w.word)
            .join('\n')
        : '',
    [view, unit],
  );
  const text = unit ? (edits[unit.id] ?? saved) : '';
  const setText = (value: string) => unit && setEdits((e) => ({ ...e, [unit.id]: value }));

  if (view.kind === 'loading') return <LoadingCard text="正在读取敏感词…" />;
  if (view.kind === 'error') return <ErrorCard error={view.error} onRetry={retry} title="敏感词读取失败" />;

  const words = lines(text);
  const dirty = text.trim() !== saved.trim();
  const save = async () => {
    if (!unit || saving) return;
    if (words.length > MAX_WORDS) {
      setFailure(`最多 ${MAX_WORDS} 个词`);
      return;
    }
    const tooLong = words.find((w) => w.length > 50);
    if (tooLong) {
      setFailure(`“${tooLong.slice(0, 10)}…”太长（每个词最多 50 个字）`);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await saveSensitiveWords(unit.id, words);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setEdits((e) => {
        const next = { ...e };
        delete next[unit.id];
        return next;
      });
      retry();
    } catch (err) {
      setFailure(toApiError(err).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <View className="card">
        <UnitPicker me={me} value={unit} label="适用单位" testId="words-unit" onChange={setUnit} />
        <Text className="st-hint">
          该单位及下属村（社区）收到的留言含有这些词时，留言照常受理，但先转督查室审核，审核通过前不公开。微信内容安全检查另行进行。
        </Text>
      </View>
      <View className="card">
        <Text className="st-label">敏感词（每行一个，已有 {words.length} 个）</Text>
        <Textarea
          className="st-textarea"
          value={text}
          maxlength={-1}
          autoHeight
          placeholder="每行一个词"
          placeholderClass="st-placeholder"
          data-testid="words-text"
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      {failure ? (
        <Banner tone="danger" testId="words-error">
          {failure}
        </Banner>
      ) : null}
      <Button
        className="btn btn-primary btn-block"
        data-testid="words-save"
        disabled={!unit || !dirty || saving}
        loading={saving}
        onClick={() => void save()}
      >
        {dirty ? '保存' : '已保存'}
      </Button>
    </>
  );
}
