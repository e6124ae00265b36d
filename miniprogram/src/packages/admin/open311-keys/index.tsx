/**
 * Open311 接口密钥 (issue #17): the API keys integrators (12345 热线平台 and the like) file requests
 * with. An admin of the whole tree makes keys for the root county; an admin of a county for it.
 */
import type { MeResponse } from '@jinri/shared';
import { useCallback } from 'react';

import { getUnitChildren } from '@/api/admin.api';
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { useLoad } from '@/hooks/useLoad';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { adminRoots, type UnitRef } from '../common/UnitPicker';
import { Open311KeysScreen } from './Open311Keys';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';

export default function Open311KeysPage() {
  return (
    <Page name="admin-open311-keys" title="Open311 接口密钥">
      <StaffGate roles={['admin']} deniedText="只有管理员可以管理接口密钥。">
        {(me) => <Scoped key={me.user.id} me={me} />}
      </StaffGate>
    </Page>
  );
}

function Scoped({ me }: { me: MeResponse }) {
  const roots = adminRoots(me);
  const wholeTree = roots.includes(null);
  const loadRoot = useCallback(() => getUnitChildren().then((r): UnitRef[] => [r.unit]), []);
  const root = useLoad(wholeTree ? 'admin:root-unit' : null, loadRoot);
  if (!wholeTree) return <Open311KeysScreen counties={roots.filter((u): u is UnitRef => u !== null)} />;
  if (root.view.kind === 'error')
    return <ErrorCard error={root.view.error} onRetry={root.retry} title="辖区读取失败" />;
  if (root.view.kind !== 'ok') return <LoadingCard text="正在读取辖区…" />;
  return <Open311KeysScreen counties={root.view.data} />;
}
