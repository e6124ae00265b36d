import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef } from 'react';

import { getMyTickets } from '../../api/tickets.api';
import { useLoad } from '../../hooks/useLoad';
import { ticketUrls } from '../../utils/tickets';
import './Workbench.css';

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
 * 我的留言 and 查询留言进度, for everyone (residents and staff alike). Signed in, 我的留言 says how
 * many answered comments wait for the resident's rating: the loop closes when they rate.
 */
export function TicketLinks({ userId }: { userId?: number }) {
  const fetcher = useCallback(() => getMyTickets(1), []);
  const mine = useLoad(userId === undefined ? null : `tickets-mine-count|${userId}`, fetcher);
  // Back from rating on another page: count again. (The first show is the mount itself.)
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && userId !== undefined) void mine.refresh();
    shown.current = true;
  });
  const toRate = mine.view.kind === 'ok' ? mine.view.data.toRate : 0;
  return (
    <View className="card" data-testid="me-tickets">
      <Text className="me-card__title">留言</Text>
      <View className="me-workbench">
        {LINKS.map((link) => (
          <View
            key={link.key}
            className="me-workbench__item"
            role="button"
            data-testid="me-ticket-link"
            data-key={link.key}
            onClick={() => void Taro.navigateTo({ url: link.url })}
          >
            <View className="me-workbench__body">
              <Text className="me-workbench__title">{link.title}</Text>
              <Text className="me-workbench__hint">{link.hint}</Text>
              {link.key === 'mine' && toRate > 0 ? (
                <Text
                  className="me-workbench__status me-workbench__status--warning"
                  data-testid="me-tickets-to-rate"
                >
                  {toRate} 条已办结，请评价是否满意
                </Text>
              ) : null}
            </View>
            <Text className="me-workbench__arrow">›</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
