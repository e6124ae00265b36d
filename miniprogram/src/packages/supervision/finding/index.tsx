/** 督查记录 (one finding): the page around FindingScreen — sign-in and role gate, the id from the link. */
import Taro, { useRouter } from '@tarojs/taro';

import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { NotFoundCard } from '@/components/StateCard';
import { idParam, SUPERVISOR_ROLES } from '@/packages/supervision/workbench/links';
import { FindingScreen } from './FindingScreen';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '@/packages/supervision/workbench/index.css';

export default function FindingPage() {
  const { params } = useRouter();
  const id = idParam(params.id);
  return (
    <Page name="supervision-finding" title="督查记录">
      <StaffGate roles={[...SUPERVISOR_ROLES]} deniedText="只有督查室、管理员可以处理督查记录。">
        {(me) =>
          id === null ? (
            <NotFoundCard
              title="找不到这条督查记录"
              description="链接不完整，请从督查工作台重新打开。"
              onBack={() => void Taro.navigateBack().catch(() => undefined)}
              testId="finding-bad-link"
            />
          ) : (
            <FindingScreen key={`${me.user.id}|${id}`} id={id} />
          )
        }
      </StaffGate>
    </Page>
  );
}
