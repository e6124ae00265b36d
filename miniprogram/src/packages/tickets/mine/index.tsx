/** 我的留言: the signed-in resident's tickets, newest first, a page at a time. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Page as PageOf, TicketSummary } from '@jinri/shared';
import { useCallback, useMemo, useState } from 'react';

import { getMyTickets } from '@/api/tickets.api';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Page } from '@/components/Page';
import { Segmented } from '@/components/Segmented';
import { ListStates } from '@/components/StateCard';
import { TicketRow } from '@/components/TicketRow';
import { useNow } from '@/hooks/useNow';
import { usePaged } from '@/hooks/usePaged';
import { ticketUrls } from '@/utils/tickets';
import { useListRefresh } from '@/hooks/useShowAgain';
import { OutboxList } from '../common/outbox';
import { SignedIn } from '../common/SignedIn';
import { FollowedList } from './FollowedList';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/tickets.css';

export default function MyTicketsPage() {
  return (
    <Page name="ticket-mine" title="我的留言">
      <Text className="page__title">我的留言</Text>
      <SignedIn why="登录后可以查看您反映过的问题和办理进度。">
        {(user) => <Tabs key={user.id} userId={user.id} />}
      </SignedIn>
    </Page>
  );
}

type Tab = 'mine' | 'following';
const TABS = [
  { value: 'mine', label: '我提交的' },
  { value: 'following', label: '我关注的' },
] as const;

function Tabs({ userId }: { userId: number }) {
  const [tab, setTab] = useState<Tab>('mine');
  return (
    <>
      <Segmented options={TABS} value={tab} onChange={setTab} testId="mine-tabs" label="选择列表" />
      {tab === 'mine' ? <MyTickets userId={userId} /> : <FollowedList userId={userId} />}
    </>
  );
}

function open(url: string) {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

function MyTickets({ userId }: { userId: number }) {
  const now = useNow();
  const fetchPage = useCallback((page: number) => getMyTickets(page), []);
  const list = usePaged<TicketSummary, PageOf<TicketSummary>>(`tickets-mine|${userId}`, fetchPage);
  const { view } = list;

  // Back from a ticket (rated, withdrawn): show what changed.
  useListRefresh(list);

  const openTicket = useCallback((id: number) => open(ticketUrls.detail(id)), []);
  const shownIds = useMemo(() => new Set(view.kind === 'ok' ? view.items.map((t) => t.id) : []), [view]);
  const { refresh } = list;
  const reload = useCallback(() => void refresh(), [refresh]);

  return (
    <View data-testid="ticket-mine" data-state={view.kind}>
      <OfflineBanner views={[view]} />
      <OutboxList userId={userId} shownIds={shownIds} onSent={reload} />
      <View className="st-day__sub">
        <Text className="st-hint st-grow">
          {view.kind === 'ok' ? `共 ${view.last.total} 条` : '您反映过的问题和办理进度'}
        </Text>
        <View
          className="st-link-btn"
          role="button"
          data-testid="mine-lookup"
          onClick={() => open(ticketUrls.lookup())}
        >
          <Text>用查询码查询</Text>
        </View>
      </View>

      <ListStates
        view={view}
        loadingText="正在读取您的留言…"
        errorTitle="留言没有加载出来"
        onRetry={list.retry}
        emptyTestId="mine-empty"
      >
        <EmptyState
          title="您还没有留言"
          description="在干部主页、今日日程或办事事项页面点“留言”，就能反映问题，干部会限时办理并答复。"
        >
          <Button
            className="btn btn-secondary"
            onClick={() => void Taro.switchTab({ url: '/pages/today/index' })}
          >
            去看今日工作
          </Button>
        </EmptyState>
      </ListStates>
      {view.kind === 'ok'
        ? view.items.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} now={now} viewer="resident" onOpen={openTicket} />
          ))
        : null}
      <PagedMore list={list} testId="mine-more" />
    </View>
  );
}
