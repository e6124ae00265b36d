/** 抽签详情 (public): one lottery, ?id= */
import Taro, { useRouter } from '@tarojs/taro';

import { Page } from '@/components/Page';
import { NotFoundCard } from '@/components/StateCard';
import { LotteryScreen } from './LotteryScreen';
import '@/styles/kit.css';
import '../lottery.css';

export default function LotteryPage() {
  const id = Number(useRouter().params.id);
  return (
    <Page name="public-lottery" title="抽签详情">
      {Number.isInteger(id) && id > 0 ? (
        <LotteryScreen id={id} />
      ) : (
        <NotFoundCard
          title="找不到该期抽签"
          description="链接不完整，请从抽签晒列表进入。"
          onBack={() => void Taro.navigateBack()}
        />
      )}
    </Page>
  );
}
