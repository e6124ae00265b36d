/** 督查记录 list: the page around Findings — sign-in and role gate, the filters from the link. */
import { useRouter } from '@tarojs/taro';

import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { parseFindingsLink, SUPERVISOR_ROLES } from '@/packages/supervision/workbench/links';
import { Findings } from './Findings';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '@/packages/supervision/workbench/index.css';

export default function FindingsPage() {
  const { params } = useRouter();
  const initial = parseFindingsLink(params);
  return (
    <Page name="supervision-findings" title="督查记录">
      <StaffGate roles={[...SUPERVISOR_ROLES]} deniedText="只有督查室、管理员可以查看督查记录。">
        {(me) => <Findings key={me.user.id} initial={initial} />}
      </StaffGate>
    </Page>
  );
}
