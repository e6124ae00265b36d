/** 新建邀请码: role, unit (drill-down), the official himself when role = 干部, expiry, note. */
import { Input, Text, View } from '@tarojs/components';
import type { CreatedInvite, CreateInviteRequest, MeResponse } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { createInvite, listUnitMembers } from '@/api/admin.api';
import { toApiError } from '@/api/request';
import { LoadingState } from '@/components/LoadingState';
import { roleLabel } from '@/utils/roles';
import { useLoad } from '@/hooks/useLoad';
import { FormActions } from '../common/FormActions';
import { Chip } from '@/components/Chip';
import { UnitPicker, type UnitRef } from '../common/UnitPicker';

type InviteRole = CreateInviteRequest['role'];

const ROLES: Array<{ value: InviteRole; hint: string }> = [
  { value: 'official', hint: '干部本人绑定微信，填写日程、晒进展' },
  { value: 'clerk', hint: '为本单位干部代填日程' },
  { value: 'supervisor', hint: '查看辖区情况、审批请假' },
  { value: 'admin', hint: '管理邀请码、事项和人员' },
];

const EXPIRY: Array<{ hours: number; label: string }> = [
  { hours: 24, label: '1 天' },
  { hours: 72, label: '3 天' },
  { hours: 168, label: '7 天' },
  { hours: 720, label: '30 天' },
];

const MAX_NOTE = 100;

export function InviteForm({
  me,
  onCreated,
  onCancel,
}: {
  me: MeResponse;
  onCreated: (invite: CreatedInvite) => void;
  onCancel: () => void;
}) {
  const [role, setRole] = useState<InviteRole>('clerk');
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [officialId, setOfficialId] = useState<number | null>(null);
  const [hours, setHours] = useState(72);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const needsOfficial = role === 'official';
  const loadMembers = useCallback(() => listUnitMembers(unit!.id), [unit]);
  const members = useLoad(needsOfficial && unit ? `members:${unit.id}` : null, loadMembers, { cache: false });

  const missing = !unit ? '请选择单位' : needsOfficial && officialId === null ? '请选择干部本人' : null;

  const submit = async () => {
    if (sending) return;
    if (missing) {
      setError(missing);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const created = await createInvite({
        role,
        unitId: unit!.id,
        officialId: needsOfficial ? officialId! : undefined,
        expiresInHours: hours,
        note: note.trim() || undefined,
      });
      onCreated(created);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSending(false);
    }
  };

  // One row per official (someone may hold two posts in the subtree).
  const officials =
    members.view.kind === 'ok' ? [...new Map(members.view.data.map((m) => [m.officialId, m])).values()] : [];

  return (
    <View className="card" data-testid="invite-form">
      <Text className="st-card-title">新建邀请码</Text>
      <Text className="st-hint">对方在“我的”页面输入邀请码后，即获得所选身份。</Text>

      <Text className="st-label">身份</Text>
      <View className="st-chips">
        {ROLES.map((r) => (
          <View
            key={r.value}
            className={`st-choice ${role === r.value ? 'st-choice--on' : ''}`}
            role="radio"
            aria-checked={role === r.value}
            data-testid="invite-role"
            data-role={r.value}
            onClick={() => {
              setRole(r.value);
              setError(null);
            }}
          >
            <Text>{roleLabel(r.value)}</Text>
          </View>
        ))}
      </View>
      <Text className="st-hint">{ROLES.find((r) => r.value === role)?.hint}</Text>

      <Text className="st-label">单位</Text>
      <UnitPicker
        me={me}
        value={unit}
        label="邀请到哪个单位"
        testId="invite-unit"
        onChange={(u) => {
          setUnit(u);
          setOfficialId(null);
          setError(null);
        }}
      />

      {needsOfficial ? (
        <>
          <Text className="st-label">干部本人</Text>
          {!unit ? <Text className="st-hint">先选择单位，再选择干部。</Text> : null}
          {members.view.kind === 'loading' && unit ? <LoadingState text="正在读取干部…" /> : null}
          {members.view.kind === 'error' ? (
            <Text className="st-field-error">{members.view.error.message}</Text>
          ) : null}
          {members.view.kind === 'ok' && officials.length === 0 ? (
            <Text className="st-hint">该单位没有在任干部。</Text>
          ) : null}
          {officials.map((m) => (
            <View
              key={m.officialId}
              className={`ad-pick ${officialId === m.officialId ? 'ad-pick--on' : ''}`}
              role="radio"
              aria-checked={officialId === m.officialId}
              data-testid="invite-official"
              onClick={() => {
                setOfficialId(m.officialId);
                setError(null);
              }}
            >
              <View className="st-grow">
                <Text className="st-item__title">{m.name}</Text>
                <Text className="ad-member__meta">
                  {m.unit.name} {m.title}
                </Text>
              </View>
              <Chip tone={m.wechatBound ? 'success' : 'neutral'}>
                {m.wechatBound ? '已绑定微信' : '未绑定微信'}
              </Chip>
            </View>
          ))}
        </>
      ) : null}

      <Text className="st-label">有效期</Text>
      <View className="st-chips">
        {EXPIRY.map((e) => (
          <View
            key={e.hours}
            className={`st-choice ${hours === e.hours ? 'st-choice--on' : ''}`}
            role="radio"
            aria-checked={hours === e.hours}
            data-testid="invite-expiry"
            onClick={() => setHours(e.hours)}
          >
            <Text>{e.label}</Text>
          </View>
        ))}
      </View>

      <Text className="st-label">备注（选填）</Text>
      <Input
        className="st-input"
        value={note}
        maxlength={MAX_NOTE}
        placeholder="如：给党政办王主任"
        placeholderClass="st-placeholder"
        data-testid="invite-note"
        onInput={(e) => setNote(e.detail.value)}
      />

      <FormActions
        error={error}
        errorTestId="invite-error"
        label="生成邀请码"
        busyLabel="正在生成…"
        busy={sending}
        testId="invite-submit"
        onCancel={onCancel}
        onSubmit={() => void submit()}
      />
    </View>
  );
}
