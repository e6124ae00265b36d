/**
 * The keys of the admin's counties: 新建 (name, county, hourly limit) shows the key once with 复制
 * and a warning; 停用 asks first, then the key stops working at once.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { OPEN311_LIMITS, type Open311KeyCreated, type Open311KeyView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { createOpen311Key, listOpen311Keys, revokeOpen311Key } from '@/api/open311.api';
import { toApiError } from '@/api/request';
import { Banner } from '@/components/Banner';
import { Chip } from '@/components/Chip';
import { EmptyState } from '@/components/EmptyState';
import { ListStates } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { formatStamp } from '@/utils/date';
import { FormActions } from '../common/FormActions';
import type { UnitRef } from '../common/UnitPicker';

const byNewest = (a: { createdAt: string }, b: { createdAt: string }) =>
  b.createdAt.localeCompare(a.createdAt);

export function Open311KeysScreen({ counties }: { counties: UnitRef[] }) {
  const load = useCallback(() => listOpen311Keys().then((list) => [...list].sort(byNewest)), []);
  const { view, retry, setData } = useLoad('admin:open311-keys', load, { cache: false });
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<Open311KeyCreated | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const countyName = (id: number) => counties.find((c) => c.id === id)?.name ?? `单位 ${id}`;

  const onCreated = (key: Open311KeyCreated) => {
    setCreated(key);
    setFormOpen(false);
    const { apiKey: _apiKey, ...listed } = key; // the list never keeps the key
    if (view.kind === 'ok') setData([listed, ...view.data]);
    else retry();
  };

  const revoke = async (key: Open311KeyView) => {
    if (busyId !== null) return;
    const { confirm } = await Taro.showModal({
      title: '停用这个接口密钥？',
      content: `${key.name} · ${countyName(key.jurisdictionUnitId)}（${key.prefix}…）\n停用后对方用它提交会被拒绝，且无法恢复；如需继续对接，请新建密钥。`,
      confirmText: '停用',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusyId(key.id);
    try {
      const updated = await revokeOpen311Key(key.id);
      if (view.kind === 'ok') setData(view.data.map((k) => (k.id === updated.id ? updated : k)));
      void Taro.showToast({ title: '已停用', icon: 'success' });
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 3000 });
      retry();
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <Text className="st-hint">
        12345 热线平台等系统通过 Open311 接口提交群众诉求时使用的密钥。每个密钥只能在一个县提交，按小时限次。
      </Text>
      {created ? <CreatedKey apiKey={created} onDone={() => setCreated(null)} /> : null}

      {formOpen ? (
        <KeyForm counties={counties} onCreated={onCreated} onCancel={() => setFormOpen(false)} />
      ) : (
        <View
          className="btn btn-primary ad-block"
          role="button"
          data-testid="open311-key-new"
          onClick={() => {
            setCreated(null);
            setFormOpen(true);
          }}
        >
          <Text>＋ 新建接口密钥</Text>
        </View>
      )}

      <View className="st-label-row">
        <Text className="st-section-title">已发放的密钥</Text>
        <View className="st-link-btn" role="button" data-testid="open311-keys-refresh" onClick={retry}>
          <Text>刷新</Text>
        </View>
      </View>
      <ListStates
        view={view}
        loadingText="正在读取接口密钥…"
        errorTitle="接口密钥读取失败"
        onRetry={retry}
        emptyTestId="open311-keys-empty"
      >
        <EmptyState title="还没有接口密钥" description="点击上方“新建接口密钥”，为对接的平台发放一个。" />
      </ListStates>
      {view.kind === 'ok'
        ? view.data.map((key) => (
            <View
              key={key.id}
              className="st-item"
              data-testid="open311-key-item"
              data-key-id={String(key.id)}
              data-status={key.revokedAt ? 'revoked' : 'active'}
            >
              <View className="st-item__head">
                <Text className="st-item__title">{key.name}</Text>
                <Chip tone={key.revokedAt ? 'neutral' : 'success'} testId="open311-key-status">
                  {key.revokedAt ? '已停用' : '使用中'}
                </Chip>
              </View>
              <Text className="st-item__line">
                {countyName(key.jurisdictionUnitId)}（jurisdiction_id：{key.jurisdictionId}）
              </Text>
              <Text className="st-item__line">
                密钥开头 {key.prefix}… · 每小时最多 {key.ratePerHour} 次
              </Text>
              <Text className="st-item__meta">
                {formatStamp(key.createdAt)} 发放
                {key.lastUsedAt ? `，最近使用 ${formatStamp(key.lastUsedAt)}` : '，尚未使用'}
                {key.revokedAt ? `，${formatStamp(key.revokedAt)} 停用` : ''}
              </Text>
              {key.revokedAt ? null : (
                <View className="st-actions-row">
                  <View
                    className={`btn btn-danger ${busyId !== null ? 'btn-disabled' : ''}`}
                    role="button"
                    data-testid="open311-key-revoke"
                    onClick={() => void revoke(key)}
                  >
                    <Text>{busyId === key.id ? '正在停用…' : '停用'}</Text>
                  </View>
                </View>
              )}
            </View>
          ))
        : null}
    </>
  );
}

/** 新建接口密钥: the integrator's name, the county, requests per hour (default 600). */
function KeyForm({
  counties,
  onCreated,
  onCancel,
}: {
  counties: UnitRef[];
  onCreated: (key: Open311KeyCreated) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [countyId, setCountyId] = useState<number | null>(counties.length === 1 ? counties[0]!.id : null);
  const [rate, setRate] = useState(String(OPEN311_LIMITS.ratePerHourDefault));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ratePerHour = Number(rate);
  const missing = !name.trim()
    ? '请填写对接平台的名称'
    : countyId === null
      ? '请选择县'
      : !Number.isInteger(ratePerHour) || ratePerHour < 1 || ratePerHour > OPEN311_LIMITS.ratePerHourMax
        ? `每小时次数为 1 到 ${OPEN311_LIMITS.ratePerHourMax} 的整数`
        : null;

  const submit = async () => {
    if (sending) return;
    if (missing) {
      setError(missing);
      return;
    }
    setSending(true);
    setError(null);
    try {
      onCreated(await createOpen311Key({ name: name.trim(), jurisdictionUnitId: countyId!, ratePerHour }));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="card" data-testid="open311-key-form">
      <Text className="st-card-title">新建接口密钥</Text>
      <Text className="st-label">对接平台</Text>
      <Input
        className="st-input"
        value={name}
        maxlength={OPEN311_LIMITS.keyNameMax}
        placeholder="如：12345 热线平台"
        placeholderClass="st-placeholder"
        data-testid="open311-key-name"
        onInput={(e) => {
          setName(e.detail.value);
          setError(null);
        }}
      />
      <Text className="st-label">可提交的县</Text>
      <View className="st-chips">
        {counties.map((c) => (
          <View
            key={c.id}
            className={`st-choice ${countyId === c.id ? 'st-choice--on' : ''}`}
            role="radio"
            aria-checked={countyId === c.id}
            data-testid="open311-key-county"
            onClick={() => {
              setCountyId(c.id);
              setError(null);
            }}
          >
            <Text>{c.name}</Text>
          </View>
        ))}
      </View>
      <Text className="st-label">每小时最多提交（次）</Text>
      <Input
        className="st-input"
        type="number"
        value={rate}
        data-testid="open311-key-rate"
        onInput={(e) => {
          setRate(e.detail.value);
          setError(null);
        }}
      />
      <FormActions
        error={error}
        errorTestId="open311-key-error"
        label="生成密钥"
        busyLabel="正在生成…"
        busy={sending}
        testId="open311-key-submit"
        onCancel={onCancel}
        onSubmit={() => void submit()}
      />
    </View>
  );
}

/** The new key, with 复制: it is never shown again. */
function CreatedKey({ apiKey, onDone }: { apiKey: Open311KeyCreated; onDone: () => void }) {
  const copy = () => {
    Taro.setClipboardData({ data: apiKey.apiKey }).then(
      () => undefined,
      () => void Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none', duration: 3000 }),
    );
  };
  return (
    <View className="card" data-testid="open311-key-created">
      <Text className="st-card-title">接口密钥已生成</Text>
      <Text className="st-hint">
        {apiKey.name}，jurisdiction_id：{apiKey.jurisdictionId}，每小时最多 {apiKey.ratePerHour} 次
      </Text>
      <Text className="ad-code" selectable userSelect data-testid="open311-key-value">
        {apiKey.apiKey}
      </Text>
      <Banner tone="warning" testId="open311-key-once">
        <Text>
          此密钥只显示这一次，离开后无法再查看。请立即复制，通过安全渠道交给对接平台；不要发到群里。
        </Text>
      </Banner>
      <View className="st-actions-row">
        <View className="btn btn-secondary" role="button" data-testid="open311-key-done" onClick={onDone}>
          <Text>我已保存</Text>
        </View>
        <View className="btn btn-primary" role="button" data-testid="open311-key-copy" onClick={copy}>
          <Text>复制</Text>
        </View>
      </View>
    </View>
  );
}
