/** 实绩公示栏 (public): one unit's weekly board, ?id= (the unit) and optionally &week=2026-W48. */
import Taro, { useRouter } from '@tarojs/taro';

import { Page } from '@/components/Page';
import { NotFoundCard } from '@/components/StateCard';
import { BoardScreen } from './BoardScreen';
import '@/styles/kit.css';
import './index.css';

export default function BoardPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const week =
    typeof params.week === 'string' && /^\d{4}-W\d{2}$/.test(params.week) ? params.week : undefined;
  return (
    <Page name="public-board" title="实绩公示栏">
      {Number.isInteger(id) && id > 0 ? (
        <BoardScreen unitId={id} initialWeek={week} />
      ) : (
        <NotFoundCard
          title="没有找到这个单位"
          description="链接不完整，请从单位页面进入。"
          onBack={() => void Taro.navigateBack()}
        />
      )}
    </Page>
  );
}
