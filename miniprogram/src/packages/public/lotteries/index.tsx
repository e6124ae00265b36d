/** 抽签晒 (public): the weekly lotteries, no sign-in. */
import { Page } from '@/components/Page';
import { Lotteries } from './Lotteries';
import '@/styles/kit.css';

export default function LotteriesPage() {
  return (
    <Page name="public-lotteries" title="抽签晒">
      <Lotteries />
    </Page>
  );
}
