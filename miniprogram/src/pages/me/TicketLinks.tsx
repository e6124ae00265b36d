import { Text, View } from '@tarojs/components';
import { useCallback, useEffect } from 'react';

import { getUnreadCount } from '@/api/messages.api';
import { getMyTickets } from '@/api/tickets.api';
import { useLoad } from '@/hooks/useLoad';
import { ticketUrls } from '@/utils/tickets';
import { useShowAgain } from '@/hooks/useShowAgain';
import { setMeTabBadge } from './badge';
import { WorkbenchList, type WorkbenchItem } from './WorkbenchList';
import './Workbench.css';

const MESSAGES_LINK = {
  key: 'messages',
  title: '消息',
  hint: '留言的答复、办理结果和工作提醒',
  url: ticketUrls.messages(),
};

const LINKS = [
  { key: 'mine', title: '我的留言', hint: '您反映过的问题和办理进度', url: ticketUrls.mine() },
  {
    key: 'lookup',
    title: '查询留言进度',
    hint: '凭查询码查询，不用登录，可帮家人查',
    url: ticketUrls.lookup(),
  },
];

/**
 * 消息 (signed in), 我的留言 and 查询留言进度, for everyone (residents and staff alike). Signed in,
 * 消息 shows how many messages are unread, and 我的留言 how many answered comments wait for the
 * resident's rating: the loop closes when they rate. With `tabBadge` (users without a 工单 inbox,
 * whose 我的 tab shows the inbox count instead) the unread count is also the 我的 tab badge.
 */
export function TicketLinks({ userId, tabBadge = false }: { userId?: number; tabBadge?: boolean }) {
  const fetcher = useCallback(() => getMyTickets(1), []);
  const mine = useLoad(userId === undefined ? null : `tickets-mine-count|${userId}`, fetcher);
  const unreadFetcher = useCallback(() => getUnreadCount(), []);
  const messages = useLoad(userId === undefined ? null : `messages-unread|${userId}`, unreadFetcher);
  // Back from rating or reading on another page: count again.
  useShowAgain(() => {
    if (userId === undefined) return;
    void mine.refresh();
    void messages.refresh();
  });
  const toRate = mine.view.kind === 'ok' ? mine.view.data.toRate : 0;
  const unread = messages.view.kind === 'ok' ? messages.view.data.unread : 0;
  const unreadKnown = messages.view.kind === 'ok';
  useEffect(() => {
    if (tabBadge && unreadKnown) setMeTabBadge(unread);
  }, [tabBadge, unreadKnown, unread]);
  const links: WorkbenchItem[] = (userId === undefined ? LINKS : [MESSAGES_LINK, ...LINKS]).map((link) =>
    link.key === 'messages' && unread > 0
      ? {
          ...link,
          status: `${unread > 99 ? '99+' : unread} 条未读`,
          tone: 'danger',
          statusTestId: 'me-messages-unread',
        }
      : link.key === 'mine' && toRate > 0
        ? {
            ...link,
            status: `${toRate} 条留言已解决，待您评价`,
            tone: 'warning',
            statusTestId: 'me-tickets-to-rate',
          }
        : link,
  );
  return (
    <View className="card" data-testid="me-tickets">
      <Text className="me-card__title">留言</Text>
      <WorkbenchList items={links} itemTestId="me-ticket-link" />
    </View>
  );
}
