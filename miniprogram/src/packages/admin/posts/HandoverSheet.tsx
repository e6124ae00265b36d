/**
 * 交接 one post: choose who takes it (an existing official found by name, or a new one), the first
 * day, confirm. The previous holder's membership ends the day before; duties stay with the post.
 */
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OfficialRef } from '@jinri/shared';
import { useState } from 'react';

import { createOfficial, handoverPost, searchMatters, type UnitMember } from '@/api/admin.api';
import { toApiError } from '@/api/request';
import { addDays, localToday, formatDay } from '@/utils/date';
import { FormActions } from '../common/FormActions';

type Choice =
  | { kind: 'existing'; id: number; name: string; detail: string }
  | { kind: 'new'; name: string; gender: 'male' | 'female' | null };

type Found =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; list: OfficialRef[] };

export function HandoverSheet({
  member,
  postId,
  onDone,
  onCancel,
}: {
  member: UnitMember;
  postId: number;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const today = localToday();
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'idle' });
  const [choice, setChoice] = useState<Choice | null>(null);
  const [startDate, setStartDate] = useState(today);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const name = typed.trim();
  const find = () => {
    if (name.length < 1) return;
    setFound({ kind: 'loading' });
    searchMatters(name).then(
      (res) => setFound({ kind: 'ok', list: res.officials.filter((o) => o.id !== member.officialId) }),
      (err: unknown) => setFound({ kind: 'error', message: toApiError(err).message }),
    );
  };

  const confirm = async () => {
    if (sending) return;
    if (!choice) {
      setError('请先选择接任的干部');
      return;
    }
    const { confirm: ok } = await Taro.showModal({
      title: '确认交接？',
      content: `${member.unit.name} ${member.title}：自 ${formatDay(startDate)} 起由 ${choice.name}${
        choice.kind === 'new' ? '（新建）' : ''
      } 担任；${member.name} 的任职到 ${formatDay(addDays(startDate, -1))} 结束。职责随职务保留。`,
      confirmText: '确认交接',
      cancelText: '取消',
    });
    if (!ok) return;
    setSending(true);
    setError(null);
    try {
      const officialId =
        choice.kind === 'existing'
          ? choice.id
          : (await createOfficial({ name: choice.name, gender: choice.gender ?? undefined })).id;
      // A new official is kept even if the handover then fails: pick them by name next time.
      if (choice.kind === 'new')
        setChoice({ kind: 'existing', id: officialId, name: choice.name, detail: '刚新建' });
      await handoverPost(postId, { officialId, startDate });
      onDone(`${member.title}已交接给 ${choice.name}，自 ${formatDay(startDate)} 起生效`);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="ad-sheet" data-testid="handover-sheet">
      <Text className="st-label">第一步：谁来接任</Text>
      <View className="ad-search">
        <Input
          className="st-input"
          value={typed}
          maxlength={50}
          confirmType="search"
          placeholder="输入接任干部的姓名"
          placeholderClass="st-placeholder"
          data-testid="handover-name"
          onInput={(e) => {
            setTyped(e.detail.value);
            setFound({ kind: 'idle' });
            if (choice?.kind === 'new') setChoice(null);
          }}
          onConfirm={find}
        />
        <View
          className="st-small-btn st-small-btn--primary"
          role="button"
          data-testid="handover-find"
          onClick={find}
        >
          <Text>查找</Text>
        </View>
      </View>
      {found.kind === 'loading' ? <Text className="st-hint">正在查找…</Text> : null}
      {found.kind === 'error' ? <Text className="st-field-error">{found.message}</Text> : null}
      {found.kind === 'ok' ? (
        <>
          {found.list.length === 0 ? <Text className="st-hint">没有找到叫“{name}”的在任干部。</Text> : null}
          {found.list.map((o) => (
            <View
              key={o.id}
              className={`ad-pick ${choice?.kind === 'existing' && choice.id === o.id ? 'ad-pick--on' : ''}`}
              role="radio"
              aria-checked={choice?.kind === 'existing' && choice.id === o.id}
              data-testid="handover-candidate"
              onClick={() =>
                setChoice({ kind: 'existing', id: o.id, name: o.name, detail: `${o.unit.name} ${o.post}` })
              }
            >
              <View className="st-grow">
                <Text className="st-item__title">{o.name}</Text>
                <Text className="ad-member__meta">
                  现任：{o.unit.name} {o.post}
                </Text>
              </View>
            </View>
          ))}
          {name.length >= 2 ? (
            <View
              className={`ad-pick ${choice?.kind === 'new' ? 'ad-pick--on' : ''}`}
              role="radio"
              aria-checked={choice?.kind === 'new'}
              data-testid="handover-new"
              onClick={() => setChoice({ kind: 'new', name, gender: null })}
            >
              <View className="st-grow">
                <Text className="st-item__title">新建干部“{name}”</Text>
                <Text className="ad-member__meta">系统里还没有此人（如新调入的干部）</Text>
              </View>
            </View>
          ) : (
            <Text className="st-hint">新建干部需要填写完整姓名（至少 2 个字）。</Text>
          )}
          {choice?.kind === 'new' ? (
            <View className="st-chips">
              {(
                [
                  ['male', '男'],
                  ['female', '女'],
                ] as const
              ).map(([g, label]) => (
                <View
                  key={g}
                  className={`st-choice ${choice.gender === g ? 'st-choice--on' : ''}`}
                  role="radio"
                  aria-checked={choice.gender === g}
                  onClick={() => setChoice({ ...choice, gender: choice.gender === g ? null : g })}
                >
                  <Text>{label}</Text>
                </View>
              ))}
              <Text className="st-hint">性别（选填）</Text>
            </View>
          ) : null}
        </>
      ) : null}

      <Text className="st-label">第二步：从哪天起接任</Text>
      <Picker
        mode="date"
        value={startDate}
        start={addDays(today, -365)}
        end={addDays(today, 365)}
        onChange={(e) => setStartDate(String(e.detail.value))}
      >
        <View className="ad-pick" role="button" data-testid="handover-date" data-date={startDate}>
          <Text className="st-grow">{formatDay(startDate)}</Text>
          <Text className="ad-unit-row__arrow">更改</Text>
        </View>
      </Picker>
      <Text className="st-hint">
        {member.name} 的任职到 {formatDay(addDays(startDate, -1))} 结束。
      </Text>

      <FormActions
        error={error}
        errorTestId="handover-error"
        label="确认交接"
        busyLabel="正在交接…"
        busy={sending}
        off={!choice}
        testId="handover-confirm"
        onCancel={onCancel}
        onSubmit={() => void confirm()}
      />
    </View>
  );
}
