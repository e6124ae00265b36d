/** 立体像: the page around RecordScreen — sign-in and role gate, the official's id from the link. */
import Taro, { useRouter } from '@tarojs/taro';

import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { NotFoundCard } from '@/components/StateCard';
import { idParam, SUPERVISOR_ROLES } from '@/packages/supervision/workbench/links';
import { RecordScreen } from './RecordScreen';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '@/packages/supervision/workbench/index.css';

const back = () => void Taro.navigateBack().catch(() => undefined);

export default function RecordPage() {
  const { params } = useRouter();
  const officialId = idParam(params.officialId);
  return (
    <Page name="supervision-record" title="立体像">
      <StaffGate roles={[...SUPERVISOR_ROLES]} deniedText="只有督查室、管理员可以查看干部立体像。">
        {(me) =>
          officialId === null ? (
            <NotFoundCard
              title="找不到这位干部"
              description="链接不完整，请从督查记录或工作台重新打开。"
              onBack={back}
              testId="record-bad-link"
            />
          ) : (
            <RecordScreen key={`${me.user.id}|${officialId}`} officialId={officialId} onBack={back} />
          )
        }
      </StaffGate>
    </Page>
  );
}
