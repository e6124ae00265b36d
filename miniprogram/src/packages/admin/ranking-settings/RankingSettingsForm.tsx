/**
 * 排名设置: a county's composite weights (seven rates, in percent, each one's normalised share shown),
 * the minimum sample below which a unit is 样本不足, and N, the 红旗 and 黄旗 per level and period.
 * Checked here in Chinese before anything is sent; saved after a confirmation (an admin of the county).
 */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  DEFAULT_FLAG_COUNT,
  DEFAULT_RANKING_MIN_SAMPLE,
  RATE_KEYS,
  RATE_LABELS,
  type RankingSettings,
} from '@jinri/shared';
import { useCallback, useState } from 'react';

import { getRankingSettings, putRankingSettings } from '@/api/rankings.api';
import { toApiError } from '@/api/request';
import { EmptyState } from '@/components/EmptyState';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { formatStamp } from '@/utils/date';
import { FormActions } from '../common/FormActions';
import { fieldMessages } from '../common/errors';
import {
  checkDraft,
  DEFAULT_DRAFT,
  type DraftField,
  draftOf,
  type SettingsDraft,
  shares,
  shareText,
} from './draft';

interface RankingSettingsScreenProps {
  /** The county; undefined: the root county (an admin of the whole tree). */
  jurisdictionId: number | undefined;
  /** The admin's scope, named when it is not a county. */
  scopeName: string;
}

export function RankingSettingsScreen({ jurisdictionId, scopeName }: RankingSettingsScreenProps) {
  const load = useCallback(() => getRankingSettings(jurisdictionId), [jurisdictionId]);
  const { view, retry } = useLoad(`ranking-settings|${jurisdictionId ?? 'root'}`, load, { cache: false });
  if (view.kind === 'loading') return <LoadingCard text="正在读取排名设置…" />;
  if (view.kind === 'error') {
    if (view.error.serverCode === 'RANKING.NOT_JURISDICTION')
      return (
        <View className="card" data-testid="settings-not-county">
          <EmptyState
            title="排名设置按县设置"
            description={`您的管理范围是${scopeName}。权重、最少样本和红黄旗名额由县级管理员按全县统一设置。`}
          />
        </View>
      );
    return <ErrorCard error={view.error} onRetry={retry} title="排名设置读取失败" />;
  }
  return (
    <RankingSettingsForm
      key={view.data.updatedAt ?? 'default'}
      settings={view.data}
      jurisdictionId={jurisdictionId}
    />
  );
}

export function RankingSettingsForm({
  settings,
  jurisdictionId,
}: {
  settings: RankingSettings;
  jurisdictionId: number | undefined;
}) {
  const [saved, setSaved] = useState(settings);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const share = shares(draft);

  const edit = (change: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setFailure(null);
  };

  const save = async () => {
    if (busy) return;
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure('请先改正标红的项');
      return;
    }
    setErrors({});
    setFailure(null);
    const { request } = checked;
    const normalised = shares(draftOf(request));
    const { confirm } = await Taro.showModal({
      title: '保存排名设置？',
      content:
        `${saved.jurisdiction.name}：` +
        RATE_KEYS.filter((k) => request.weights[k] > 0)
          .map((k) => `${RATE_LABELS[k]} ${shareText(normalised[k])}`)
          .join('，') +
        `；样本少于 ${request.minSample} 的单位列为样本不足；每期红旗、黄旗各 ${request.flagCount} 面。` +
        '保存后立即用于本县的排名和评旗建议，修改记录留存。',
      confirmText: '保存',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      const next = await putRankingSettings(jurisdictionId, request);
      setSaved(next);
      setDraft(draftOf(next));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      const fields = fieldMessages(err);
      const perField: Partial<Record<DraftField, string>> = {};
      for (const [field, text] of Object.entries(fields))
        if (field === 'minSample' || field === 'flagCount') perField[field] = text;
      setErrors(perField);
      setFailure(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const numberBox = (value: string, testId: string, invalid: boolean, onInput: (v: string) => void) => (
    <Input
      className={`st-input ${invalid ? 'st-input--invalid' : ''}`}
      type="digit"
      value={value}
      maxlength={6}
      data-testid={testId}
      onInput={(e) => onInput(e.detail.value)}
    />
  );
  const fieldError = (field: DraftField) =>
    errors[field] ? (
      <Text className="st-field-error" data-testid={`settings-error-${field}`}>
        {errors[field]}
      </Text>
    ) : null;

  return (
    <View data-testid="ranking-settings">
      <View className="card">
        <Text className="st-card-title">{saved.jurisdiction.name} · 排名设置</Text>
        <Text className="st-hint" data-testid="settings-updated">
          {saved.updatedAt
            ? `${saved.updatedBy ?? '管理员'} 于 ${formatStamp(saved.updatedAt)} 修改`
            : '目前使用默认设置'}
        </Text>
      </View>

      <View className="card" data-testid="settings-weights">
        <Text className="st-card-title">综合得分权重</Text>
        <Text className="st-hint">
          每项填 0–100（按百分数填写，不必合计 100）；实际占比按合计折算，显示在右侧。权重为 0
          的项不计入综合得分。
        </Text>
        {RATE_KEYS.map((key) => (
          <View key={key} className="rs-row" data-testid="weight-row" data-key={key}>
            <Text className="st-label rs-label">{RATE_LABELS[key]}</Text>
            <View className="rs-box">
              {numberBox(draft.weights[key], `weight-${key}`, !!errors[key] || !!errors.total, (v) =>
                edit({ weights: { ...draft.weights, [key]: v } }),
              )}
            </View>
            <Text className="rs-share" data-testid={`share-${key}`}>
              占 {shareText(share[key])}
            </Text>
            {fieldError(key)}
          </View>
        ))}
        {fieldError('total')}
      </View>

      <View className="card">
        <Text className="st-label">最少样本（默认 {DEFAULT_RANKING_MIN_SAMPLE}）</Text>
        <Text className="st-hint">
          单位在期间内应报的工作日数少于此数时，列为“样本不足”，不参加排名和评旗。
        </Text>
        {numberBox(draft.minSample, 'min-sample', !!errors.minSample, (v) => edit({ minSample: v }))}
        {fieldError('minSample')}
        <Text className="st-label">每期红旗、黄旗名额（默认各 {DEFAULT_FLAG_COUNT} 面）</Text>
        <Text className="st-hint">每个层级（乡镇、部门）每期评定的红旗和黄旗各几面。</Text>
        {numberBox(draft.flagCount, 'flag-count', !!errors.flagCount, (v) => edit({ flagCount: v }))}
        {fieldError('flagCount')}
        <View
          className="btn btn-secondary btn-block"
          role="button"
          data-testid="settings-defaults"
          onClick={() => {
            setDraft(DEFAULT_DRAFT);
            setErrors({});
            setFailure(null);
          }}
        >
          <Text>恢复默认值</Text>
        </View>
      </View>

      <FormActions
        error={failure}
        errorTestId="settings-failure"
        label="保存"
        busyLabel="正在保存…"
        busy={busy}
        testId="settings-save"
        onCancel={() => {
          setDraft(draftOf(saved));
          setErrors({});
          setFailure(null);
        }}
        onSubmit={() => void save()}
      />
    </View>
  );
}
