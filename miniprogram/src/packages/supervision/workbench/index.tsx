/** 督查工作台: the page around Workbench — sign-in and role gate, ?unitId= (and its name) from the link. */
import { useRouter } from '@tarojs/taro';

import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { SUPERVISOR_ROLES, unitParam } from './links';
import { Workbench } from './Workbench';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import './index.css';

export default function WorkbenchPage() {
  const { params } = useRouter();
  const unit = unitParam(params);
  return (
    <Page name="supervision-workbench" title="督查工作台">
      <StaffGate roles={[...SUPERVISOR_ROLES]} deniedText="只有督查室、管理员可以使用督查工作台。">
        {(me) => <Workbench key={`${me.user.id}|${unit.id ?? ''}`} unitId={unit.id} unitName={unit.name} />}
      </StaffGate>
    </Page>
  );
}
