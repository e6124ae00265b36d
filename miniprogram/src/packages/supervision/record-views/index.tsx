/** 谁查看了我的立体像: the page around RecordViews (officials only: their own views). */
import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { RecordViews } from './RecordViews';
import '@/styles/kit.css';

export default function RecordViewsPage() {
  return (
    <Page name="supervision-record-views" title="谁查看了我的立体像">
      <StaffGate roles={['official']} deniedText="只有干部本人可以查看自己的立体像被谁查看过。">
        {(me) => <RecordViews userId={me.user.id} />}
      </StaffGate>
    </Page>
  );
}
