/** 邀请与授权: issue invite codes (the code is shown once), revoke them; list and revoke role grants. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CreatedInvite, InviteStatus, InviteView, MeResponse, RoleGrantView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { listGrants, listInvites, revokeGrant, revokeInvite } from '@/api/admin.api';
import { toApiError } from '@/api/request';
import { formatStamp } from '@/utils/date';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { Segmented } from '@/components/Segmented';
import { roleLabel } from '@/utils/roles';
import { formatInviteCode } from '@/pages/me/inviteCode';
import { useLoad } from '@/hooks/useLoad';
import { Banner } from '@/components/Banner';
import { Chip, type ChipTone } from '@/components/Chip';
import { StaffGate } from '@/components/StaffGate';
import { ListStates } from '@/components/StateCard';
import { InviteForm } from './InviteForm';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';

export default function InvitesPage() {
  return (
    <Page name="admin-invites" title="邀请与授权">
      <StaffGate roles={['admin']} deniedText="只有管理员可以发放邀请码和管理授权。">
        {(me) => <Invites me={me} />}
      </StaffGate>
    </Page>
  );
}

type Tab = 'invites' | 'grants';

function Invites({ me }: { me: MeResponse }) {
  const [tab, setTab] = useState<Tab>('invites');
  return (
    <>
      <View className="ad-tabs">
        <Segmented<Tab>
          options={[
            { value: 'invites', label: '邀请码' },
            { value: 'grants', label: '授权' },
          ]}
          value={tab}
          onChange={setTab}
          testId="admin-tab"
          label="邀请码或授权"
        />
      </View>
      {tab === 'invites' ? <InviteList me={me} /> : <GrantList me={me} />}
    </>
  );
}

const STATUS: Record<InviteStatus, { label: string; tone: ChipTone }> = {
  pending: { label: '待使用', tone: 'info' },
  redeemed: { label: '已使用', tone: 'success' },
  revoked: { label: '已作废', tone: 'neutral' },
  expired: { label: '已过期', tone: 'warning' },
};

const byNewest = (a: { createdAt: string }, b: { createdAt: string }) =>
  b.createdAt.localeCompare(a.createdAt);

function InviteList({ me }: { me: MeResponse }) {
  const load = useCallback(() => listInvites().then((list) => [...list].sort(byNewest)), []);
  const { view, retry, setData } = useLoad('admin:invites', load, { cache: false });
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const onCreated = (invite: CreatedInvite) => {
    setCreated(invite);
    setFormOpen(false);
    const { code: _code, ...listed } = invite; // the list never keeps the code
    if (view.kind === 'ok') setData([listed, ...view.data]);
    else retry();
  };

  const revoke = async (invite: InviteView) => {
    if (busyId !== null) return;
    const { confirm } = await Taro.showModal({
      title: '作废这个邀请码？',
      content: `${roleLabel(invite.role)} · ${invite.unit.name}${invite.official ? ` · ${invite.official.name}` : ''}\n作废后对方将无法再使用它。`,
      confirmText: '作废',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusyId(invite.id);
    try {
      const updated = await revokeInvite(invite.id);
      if (view.kind === 'ok') setData(view.data.map((i) => (i.id === updated.id ? updated : i)));
      void Taro.showToast({ title: '已作废', icon: 'success' });
    } catch (err) {
      const error = toApiError(err);
      void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
      if (error.hasCode('INVITE.ALREADY_USED')) retry();
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      {created ? <CreatedCode invite={created} onDone={() => setCreated(null)} /> : null}

      {formOpen ? (
        <InviteForm me={me} onCreated={onCreated} onCancel={() => setFormOpen(false)} />
      ) : (
        <View
          className="btn btn-primary ad-block"
          role="button"
          data-testid="invite-new"
          onClick={() => {
            setCreated(null);
            setFormOpen(true);
          }}
        >
          <Text>＋ 新建邀请码</Text>
        </View>
      )}

      <View className="st-label-row">
        <Text className="st-section-title">已发放的邀请码</Text>
        <View className="st-link-btn" role="button" data-testid="invites-refresh" onClick={retry}>
          <Text>刷新</Text>
        </View>
      </View>
      <ListStates
        view={view}
        loadingText="正在读取邀请码…"
        errorTitle="邀请码读取失败"
        onRetry={retry}
        emptyTestId="invites-empty"
      >
        <EmptyState title="还没有发放邀请码" description="点击上方“新建邀请码”，邀请干部、信息员等加入。" />
      </ListStates>
      {view.kind === 'ok'
        ? view.data.map((invite) => (
            <View
              key={invite.id}
              className="st-item"
              data-testid="invite-item"
              data-invite-id={String(invite.id)}
              data-status={invite.status}
            >
              <View className="st-item__head">
                <Text className="st-item__title">
                  {roleLabel(invite.role)} · {invite.unit.name}
                </Text>
                <Chip tone={STATUS[invite.status].tone} testId="invite-status">
                  {STATUS[invite.status].label}
                </Chip>
              </View>
              {invite.official ? <Text className="st-item__line">干部：{invite.official.name}</Text> : null}
              {invite.note ? <Text className="st-item__line">备注：{invite.note}</Text> : null}
              <Text className="st-item__meta">
                {formatStamp(invite.createdAt)} 发放
                {invite.status === 'redeemed' && invite.redeemedAt
                  ? `，${formatStamp(invite.redeemedAt)} 已使用`
                  : `，有效期至 ${formatStamp(invite.expiresAt)}`}
              </Text>
              {invite.status === 'pending' ? (
                <View className="st-actions-row">
                  <View
                    className={`btn btn-danger ${busyId !== null ? 'btn-disabled' : ''}`}
                    role="button"
                    data-testid="invite-revoke"
                    onClick={() => void revoke(invite)}
                  >
                    <Text>{busyId === invite.id ? '正在作废…' : '作废'}</Text>
                  </View>
                </View>
              ) : null}
            </View>
          ))
        : null}
    </>
  );
}

/** The new code, big and grouped, with 复制: it is never shown again. */
function CreatedCode({ invite, onDone }: { invite: CreatedInvite; onDone: () => void }) {
  const code = formatInviteCode(invite.code.replace(/[^0-9A-Za-z]/g, '').toUpperCase());
  const copy = () => {
    Taro.setClipboardData({ data: code }).then(
      () => undefined,
      () => void Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none', duration: 3000 }),
    );
  };
  return (
    <View className="card" data-testid="invite-created">
      <Text className="st-card-title">邀请码已生成</Text>
      <Text className="st-hint">
        {roleLabel(invite.role)} · {invite.unit.name}
        {invite.official ? ` · ${invite.official.name}` : ''}，有效期至 {formatStamp(invite.expiresAt)}
      </Text>
      <Text className="ad-code" selectable userSelect data-testid="invite-code">
        {code}
      </Text>
      <Banner tone="warning" testId="invite-once">
        <Text>此邀请码只显示这一次，离开后无法再查看。请立即复制，发给对方本人。</Text>
      </Banner>
      <View className="st-actions-row">
        <View className="btn btn-secondary" role="button" data-testid="invite-done" onClick={onDone}>
          <Text>我已记下</Text>
        </View>
        <View className="btn btn-primary" role="button" data-testid="invite-copy" onClick={copy}>
          <Text>复制</Text>
        </View>
      </View>
    </View>
  );
}

function GrantList({ me }: { me: MeResponse }) {
  const load = useCallback(() => listGrants().then((list) => [...list].sort(byNewest)), []);
  const { view, retry, setData } = useLoad('admin:grants', load, { cache: false });
  const [busyId, setBusyId] = useState<number | null>(null);
  const ownIds = new Set(me.grants.map((g) => g.id));

  const revoke = async (grant: RoleGrantView) => {
    if (busyId !== null) return;
    const own = ownIds.has(grant.id);
    const { confirm } = await Taro.showModal({
      title: '撤销这项授权？',
      content: `${grantTitle(grant)}${grant.official ? ` · ${grant.official.name}` : ''}\n${
        own ? '这是您自己的授权，撤销后您将失去这项权限。' : '撤销后对方立即失去这项权限。'
      }`,
      confirmText: '撤销',
      confirmColor: '#b42318',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusyId(grant.id);
    try {
      await revokeGrant(grant.id);
      if (view.kind === 'ok') setData(view.data.filter((g) => g.id !== grant.id));
      void Taro.showToast({ title: '已撤销', icon: 'success' });
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 3000 });
      retry();
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <View className="st-label-row">
        <Text className="st-hint st-grow">您辖区内有效的身份授权（通过邀请码获得）。</Text>
        <View className="st-link-btn" role="button" data-testid="grants-refresh" onClick={retry}>
          <Text>刷新</Text>
        </View>
      </View>
      <ListStates
        view={view}
        loadingText="正在读取授权…"
        errorTitle="授权读取失败"
        onRetry={retry}
        emptyTestId="grants-empty"
      >
        <EmptyState title="没有有效的授权" />
      </ListStates>
      {view.kind === 'ok'
        ? view.data.map((grant) => (
            <View
              key={grant.id}
              className="st-item"
              data-testid="grant-item"
              data-grant-id={String(grant.id)}
            >
              <View className="st-item__head">
                <Text className="st-item__title">{grantTitle(grant)}</Text>
                {ownIds.has(grant.id) ? <Chip tone="info">本人</Chip> : null}
              </View>
              {grant.official ? <Text className="st-item__line">干部：{grant.official.name}</Text> : null}
              <Text className="st-item__meta">{formatStamp(grant.createdAt)} 授权</Text>
              <View className="st-actions-row">
                <View
                  className={`btn btn-danger ${busyId !== null ? 'btn-disabled' : ''}`}
                  role="button"
                  data-testid="grant-revoke"
                  onClick={() => void revoke(grant)}
                >
                  <Text>{busyId === grant.id ? '正在撤销…' : '撤销授权'}</Text>
                </View>
              </View>
            </View>
          ))
        : null}
    </>
  );
}

function grantTitle(grant: RoleGrantView): string {
  return `${roleLabel(grant.role)} · ${grant.unit?.name ?? '全部单位'}`;
}
