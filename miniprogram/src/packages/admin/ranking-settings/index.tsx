/**
 * 排名设置: the county's composite weights, minimum sample and N flags (an admin). An admin of the
 * whole tree sets the root county's; an admin of a county unit sets that county's; an admin whose
 * grant is on a town or department is told that these are set county-wide.
 */
import type { MeResponse } from '@jinri/shared';

import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { adminRoots } from '../common/UnitPicker';
import { RankingSettingsScreen } from './RankingSettingsForm';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/admin.css';
import './index.css';

export default function RankingSettingsPage() {
  return (
    <Page name="admin-ranking-settings" title="排名设置">
      <StaffGate roles={['admin']} deniedText="只有管理员可以修改排名设置。">
        {(me) => <Scoped key={me.user.id} me={me} />}
      </StaffGate>
    </Page>
  );
}

function Scoped({ me }: { me: MeResponse }) {
  const first = adminRoots(me)[0];
  return (
    <RankingSettingsScreen jurisdictionId={first ? first.id : undefined} scopeName={first?.name ?? '全县'} />
  );
}
