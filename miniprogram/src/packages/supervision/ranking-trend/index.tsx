/** 趋势: the page around RankingTrend — sign-in and role gate, ?unitId=&unitName=&period= from the link. */
import Taro, { useRouter } from '@tarojs/taro';

import { Page } from '@/components/Page';
import { StaffGate } from '@/components/StaffGate';
import { NotFoundCard } from '@/components/StateCard';
import { parseTrendLink } from '@/packages/supervision/rankings/links';
import { SUPERVISOR_ROLES } from '@/packages/supervision/workbench/links';
import { RankingTrend } from './RankingTrend';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '@/packages/supervision/workbench/index.css';
import '@/packages/supervision/rankings/index.css';

export default function RankingTrendPage() {
  const { params } = useRouter();
  const link = parseTrendLink(params);
  return (
    <Page name="supervision-ranking-trend" title="排名趋势">
      <StaffGate roles={[...SUPERVISOR_ROLES]} deniedText="只有督查室、管理员可以查看排名趋势。">
        {(me) =>
          link.unitId === null ? (
            <NotFoundCard
              title="没有指定单位"
              description="请从排名表中点开一个单位查看趋势。"
              onBack={() => void Taro.navigateBack().catch(() => undefined)}
            />
          ) : (
            <RankingTrend
              key={`${me.user.id}|${link.unitId}`}
              unitId={link.unitId}
              unitName={link.unitName}
              initialPeriod={link.period}
            />
          )
        }
      </StaffGate>
    </Page>
  );
}
