/** 排名: the page around Rankings — sign-in and role gate, the scope's units, ?unitId=&level= from the link. */
import { useRouter } from '@tarojs/taro';
import type { MeResponse } from '@jinri/shared';

import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { useScopeUnits } from '@/packages/supervision/notices/scope';
import { SUPERVISOR_ROLES } from '@/packages/supervision/workbench/links';
import { parseRankingsLink, type RankingsLink } from './links';
import { Rankings } from './Rankings';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '@/packages/supervision/workbench/index.css';
import './index.css';

export default function RankingsPage() {
  const { params } = useRouter();
  const initial = parseRankingsLink(params);
  return (
    <Page name="supervision-rankings" title="排名">
      <StaffGate roles={[...SUPERVISOR_ROLES]} deniedText="只有督查室、管理员可以查看排名。">
        {(me) => <ScopedRankings key={me.user.id} me={me} initial={initial} />}
      </StaffGate>
    </Page>
  );
}

function ScopedRankings({ me, initial }: { me: MeResponse; initial: RankingsLink }) {
  const scope = useScopeUnits(me);
  return <Rankings scope={scope} initial={initial} />;
}
