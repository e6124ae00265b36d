import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

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

/** 我的留言 and 查询留言进度, for everyone (residents and staff alike). */
export function TicketLinks() {
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
            </View>
            <Text className="me-workbench__arrow">›</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
