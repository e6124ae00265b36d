/** 人员交接: pick a unit, see who holds which post (and who has bound WeChat), hand a post over. */
import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { listUnitMembers, type UnitMember } from '@/api/admin.api';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { useLoad } from '@/hooks/useLoad';
import { Banner } from '@/components/Banner';
import { Chip } from '@/components/Chip';
import { StaffGate } from '@/components/StaffGate';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { UnitPicker, type UnitRef } from '../common/UnitPicker';
import { DeputySheet } from './DeputySheet';
import { HandoverSheet } from './HandoverSheet';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';

export default function PostsPage() {
  return (
    <Page name="admin-posts" title="人员交接">
      <StaffGate roles={['admin']} deniedText="只有管理员可以办理人员交接。">
        {(me) => <Posts me={me} />}
      </StaffGate>
    </Page>
  );
}

const memberKey = (m: UnitMember) => `${m.postId ?? `${m.unit.id}:${m.title}`}:${m.officialId}`;

function Posts({ me }: { me: MeResponse }) {
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const load = useCallback(() => listUnitMembers(unit!.id), [unit]);
  const { view, retry } = useLoad(unit ? `admin:members:${unit.id}` : null, load, { cache: false });
  const [open, setOpen] = useState<string | null>(null);
  const [deputyOpen, setDeputyOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const members = view.kind === 'ok' ? view.data : [];
  const noPostIds = members.length > 0 && members.some((m) => typeof m.postId !== 'number');

  return (
    <>
      <Text className="st-hint">
        选择单位，查看各职务的在任干部。干部调动时在这里交接：职责随职务保留，历史任职不删除。
      </Text>
      <UnitPicker
        me={me}
        value={unit}
        label="查看哪个单位"
        testId="posts-unit"
        onChange={(u) => {
          setUnit(u);
          setOpen(null);
          setDone(null);
        }}
      />

      {done ? (
        <Banner tone="success" testId="handover-done">
          <Text>{done}</Text>
        </Banner>
      ) : null}
      {noPostIds ? (
        <Banner tone="warning" testId="needs-server-update">
          <Text>需要更新服务器：当前服务器没有返回职务编号，暂时不能在这里交接。</Text>
        </Banner>
      ) : null}

      {unit && view.kind === 'loading' ? <LoadingCard text="正在读取在任干部…" /> : null}
      {view.kind === 'error' ? (
        <ErrorCard error={view.error} onRetry={retry} title="在任干部读取失败" />
      ) : null}
      {view.kind === 'ok' && members.length === 0 ? (
        <View className="card" data-testid="members-empty">
          <EmptyState title="该单位没有在任干部" description="可以选择其下级单位查看。" />
        </View>
      ) : null}
      {members.map((m) => {
        const key = memberKey(m);
        const postId = m.postId;
        return (
          <View
            key={key}
            className="st-item"
            data-testid="member-item"
            data-official-id={String(m.officialId)}
          >
            <View className="st-item__head">
              <Text className="st-item__title">{m.name}</Text>
              <Chip tone={m.wechatBound ? 'success' : 'neutral'} testId="member-wechat">
                {m.wechatBound ? '已绑定微信' : '未绑定微信'}
              </Chip>
            </View>
            <Text className="st-item__line">
              {m.unit.name} {m.title}
            </Text>
            {m.phoneMasked ? <Text className="st-item__meta">电话 {m.phoneMasked}</Text> : null}
            {m.deputyOfficialId ? (
              <Text className="st-item__meta" data-testid="member-deputy">
                代理人：
                {members.find((x) => x.officialId === m.deputyOfficialId)?.name ??
                  `干部 ${m.deputyOfficialId}`}
              </Text>
            ) : null}
            {deputyOpen === key && typeof postId === 'number' ? (
              <DeputySheet
                member={m}
                postId={postId}
                members={members.filter((x) => x.unit.id === m.unit.id)}
                onCancel={() => setDeputyOpen(null)}
                onDone={(message) => {
                  setDeputyOpen(null);
                  setDone(message);
                  retry();
                }}
              />
            ) : null}
            {open === key && typeof postId === 'number' ? (
              <HandoverSheet
                member={m}
                postId={postId}
                onCancel={() => setOpen(null)}
                onDone={(message) => {
                  setOpen(null);
                  setDone(message);
                  retry();
                }}
              />
            ) : (
              <View className="st-actions-row">
                <View
                  className={`btn btn-secondary ${typeof postId === 'number' ? '' : 'btn-disabled'}`}
                  role="button"
                  data-testid="member-handover"
                  onClick={() => {
                    if (typeof postId !== 'number') return;
                    setDone(null);
                    setDeputyOpen(null);
                    setOpen(key);
                  }}
                >
                  <Text>{typeof postId === 'number' ? '交接' : '交接（需要更新服务器）'}</Text>
                </View>
                {typeof postId === 'number' && m.deputyOfficialId !== undefined ? (
                  <View
                    className="btn btn-secondary"
                    role="button"
                    data-testid="member-deputy-edit"
                    onClick={() => {
                      setDone(null);
                      setOpen(null);
                      setDeputyOpen(key);
                    }}
                  >
                    <Text>代理人</Text>
                  </View>
                ) : null}
              </View>
            )}
          </View>
        );
      })}
    </>
  );
}
