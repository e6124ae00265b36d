/**
 * 工单: the tickets the signed-in official (or supervisor) must act on, most urgent first as the
 * server sorts them, with a tab per filter and its count. Each row opens the ticket
 * (packages/tickets/detail), where the actions are.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { InboxFilter, TicketInbox, TicketSummary } from '@jinri/shared';
import { useCallback, useEffect, useState } from 'react';

import { getInbox } from '@/api/tickets.api';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { Page } from '@/components/Page';
import { TicketRow } from '@/components/TicketRow';
import { useNow } from '@/hooks/useNow';
import { usePaged } from '@/hooks/usePaged';
import { askSubscribe, canAskSubscribe, prefetchSubscribeTemplates } from '@/utils/subscribe';
import { INBOX_ROLES, ticketUrls } from '@/utils/tickets';
import { StaffGate } from '@/components/StaffGate';
import { ListStates } from '@/components/StateCard';
import { useListRefresh } from '@/hooks/useShowAgain';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/staff.css';

interface Tab {
  filter: InboxFilter;
  label: string;
  count?: (counts: TicketInbox['counts']) => number;
  empty: string;
}

const TABS: Tab[] = [
  { filter: 'open', label: '待办', count: (c) => c.open, empty: '没有待办的工单' },
  { filter: 'overdue', label: '已超期', count: (c) => c.overdue, empty: '没有超期的工单' },
  { filter: 'held', label: '待审核', count: (c) => c.held, empty: '没有待审核的留言' },
  { filter: 'extensions', label: '延期申请', count: (c) => c.extensions, empty: '没有待审批的延期申请' },
  { filter: 'done', label: '已办结', empty: '还没有办结的工单' },
];

export default function InboxPage() {
  return (
    <Page name="ticket-inbox" title="工单">
      <StaffGate roles={INBOX_ROLES} deniedText="只有干部、督查、管理员可以办理工单。">
        {(me) => <Inbox key={me.user.id} />}
      </StaffGate>
    </Page>
  );
}

function Inbox() {
  const [filter, setFilter] = useState<InboxFilter>('open');
  const now = useNow();
  const fetchPage = useCallback((page: number) => getInbox(filter, page), [filter]);
  const list = usePaged<TicketSummary, TicketInbox>(`inbox|${filter}`, fetchPage);
  const { view } = list;
  const [counts, setCounts] = useState<TicketInbox['counts'] | null>(null);
  const shownCounts = view.kind === 'ok' ? view.last.counts : counts;
  // Keep the last counts for the tabs while another tab loads.
  if (view.kind === 'ok' && view.last.counts !== counts) setCounts(view.last.counts);

  useEffect(prefetchSubscribeTemplates, []);
  /** 微信提醒: one tap asks WeChat to deliver new, reopened and overdue tickets (and the 17:00 reminder). */
  const subscribe = () => {
    void askSubscribe('staff').then((accepted) =>
      Taro.showToast({
        title: accepted.length > 0 ? '已开启微信提醒' : '未开启提醒，可在右上角设置中打开',
        icon: 'none',
      }),
    );
  };

  // Back from a ticket (acted on): the lists and counts moved.
  useListRefresh(list);

  const openTicket = useCallback((id: number) => {
    void Taro.navigateTo({ url: ticketUrls.detail(id) }).catch(() => undefined);
  }, []);
  const tab = TABS.find((t) => t.filter === filter) ?? TABS[0];

  return (
    <View data-testid="inbox" data-filter={filter} data-state={view.kind}>
      <View className="st-chips" role="tablist" data-testid="inbox-tabs">
        {TABS.map((t) => {
          const on = t.filter === filter;
          const count = t.count && shownCounts ? t.count(shownCounts) : null;
          return (
            <View
              key={t.filter}
              className={`st-choice ${on ? 'st-choice--on' : ''}`}
              role="tab"
              aria-selected={on}
              data-testid="inbox-tab"
              data-filter={t.filter}
              data-count={count === null ? '' : String(count)}
              onClick={() => !on && setFilter(t.filter)}
            >
              <Text>
                {t.label}
                {count !== null ? ` ${count}` : ''}
              </Text>
            </View>
          );
        })}
      </View>
      <View className="st-day__sub">
        <Text className="st-hint st-grow">
          {filter === 'done' ? '最近办结的工单。' : '按剩余时间排列，最急的在最上面。'}
          {shownCounts && shownCounts.dueToday > 0 && filter !== 'done'
            ? `今天到期 ${shownCounts.dueToday} 件。`
            : ''}
        </Text>
        {canAskSubscribe() ? (
          <View className="st-link-btn" role="button" data-testid="inbox-subscribe" onClick={subscribe}>
            <Text>微信提醒</Text>
          </View>
        ) : null}
        <View
          className="st-link-btn"
          role="button"
          data-testid="inbox-refresh"
          onClick={() => void list.refresh()}
        >
          <Text>{view.kind === 'ok' && view.updating ? '正在刷新…' : '刷新'}</Text>
        </View>
      </View>

      <ListStates
        view={view}
        loadingText="正在读取工单…"
        errorTitle="工单读取失败"
        onRetry={list.retry}
        emptyTestId="inbox-empty"
      >
        <EmptyState
          title={tab.empty}
          description={filter === 'open' ? '群众的新留言会出现在这里，请及时受理。' : undefined}
        />
      </ListStates>
      {view.kind === 'ok'
        ? view.items.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} now={now} viewer="staff" onOpen={openTicket} />
          ))
        : null}
      <PagedMore list={list} testId="inbox-more" />
    </View>
  );
}
