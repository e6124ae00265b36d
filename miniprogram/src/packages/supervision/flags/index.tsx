/**
 * 红黄旗: the page around Flags — sign-in and role gate. It sends the root of the caller's scope; the
 * server takes a unit under a county for its county, and tells a town's supervisor that flags are
 * county-wide. Only supervisors award: an admin without a supervisor grant sees it read-only.
 */
import { View } from '@tarojs/components';
import type { MeResponse } from '@jinri/shared';

import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { useScopeUnits } from '@/packages/supervision/notices/scope';
import { SUPERVISOR_ROLES } from '@/packages/supervision/workbench/links';
import { Flags } from './Flags';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '@/packages/supervision/workbench/index.css';
import '@/packages/supervision/rankings/index.css';

export default function FlagsPage() {
  return (
    <Page name="supervision-flags" title="红黄旗">
      <StaffGate
        roles={[...SUPERVISOR_ROLES]}
        deniedText="红黄旗由督查室评定，只有督查室和管理员可以查看本页。"
      >
        {(me) => <ScopedFlags key={me.user.id} me={me} />}
      </StaffGate>
    </Page>
  );
}

function ScopedFlags({ me }: { me: MeResponse }) {
  const scope = useScopeUnits(me);
  if (scope !== null && scope.length === 0) {
    return (
      <View className="card">
        <EmptyState title="没有可评旗的范围" description="您的督查权限没有对应的县（辖区）。" />
      </View>
    );
  }
  const readOnly = !me.grants.some((g) => g.role === 'supervisor');
  return <Flags jurisdiction={scope?.[0] ?? null} readOnly={readOnly} />;
}
