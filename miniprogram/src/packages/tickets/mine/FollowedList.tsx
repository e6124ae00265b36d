/** 我关注的: public tickets the resident follows (from "已有人反映过类似问题"), with their answers. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Page as PageOf, PublicTicket } from '@jinri/shared';
import { useCallback } from 'react';

import { getFollowedTickets, unfollowTicket } from '@/api/tickets.api';
import { toApiError } from '@/api/request';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { TicketStatusChip } from '@/components/TicketStatusChip';
import { usePaged } from '@/hooks/usePaged';
import { formatStamp } from '@/utils/date';

export function FollowedList({ userId }: { userId: number }) {
  const fetchPage = useCallback((page: number) => getFollowedTickets(page), []);
  const list = usePaged<PublicTicket, PageOf<PublicTicket>>(`tickets-following|${userId}`, fetchPage);
  const { view } = list;

  const unfollow = async (ticket: PublicTicket) => {
    const { confirm } = await Taro.showModal({
      title: '取消关注',
      content: '取消后不再收到这条留言的办理通知。',
      confirmText: '取消关注',
      cancelText: '保留',
    });
    if (!confirm) return;
    try {
      await unfollowTicket(ticket.id);
      void list.refresh();
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
  };

  if (view.kind === 'loading') return <LoadingCard text="正在读取您关注的留言…" />;
  if (view.kind === 'error')
    return <ErrorCard error={view.error} onRetry={list.retry} title="没有加载出来" />;
  if (view.items.length === 0)
    return (
      <View className="card" data-testid="following-empty">
        <EmptyState
          title="还没有关注的留言"
          description="写留言时如果看到“已有人反映过类似问题”，点“关注”就能在这里看办理进度。"
        />
      </View>
    );
  return (
    <View data-testid="ticket-following">
      {view.items.map((ticket) => (
        <View
          key={ticket.id}
          className="card"
          data-testid="followed-ticket"
          data-ticket-id={String(ticket.id)}
        >
          <View className="tk-head">
            <TicketStatusChip status={ticket.status} reader="resident" />
            <Text className="tk-meta st-grow">{formatStamp(ticket.createdAt)} 提交</Text>
            <View
              className="st-small-btn"
              role="button"
              data-testid="followed-unfollow"
              onClick={() => void unfollow(ticket)}
            >
              <Text>取消关注</Text>
            </View>
          </View>
          <Text className="tk-similar__text">{ticket.content}</Text>
          {ticket.reply ? <Text className="tk-meta">答复：{ticket.reply}</Text> : null}
          {ticket.resolution ? <Text className="tk-meta">办理结果：{ticket.resolution}</Text> : null}
        </View>
      ))}
      <PagedMore list={list} />
    </View>
  );
}
