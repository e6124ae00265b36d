/** 已有人反映过类似问题: open public tickets on the same target with near-duplicate text (no links). */
import { Text, View } from '@tarojs/components';
import type { SimilarTicket } from '@jinri/shared';

import { TicketStatusChip } from '../../../components/TicketStatusChip';
import { formatStamp } from '../../../utils/date';

export function SimilarList({ items }: { items: readonly SimilarTicket[] }) {
  if (items.length === 0) return null;
  return (
    <View className="tk-similar" data-testid="similar-tickets" role="status">
      <Text className="tk-similar__title">已有人反映过类似问题（{items.length} 条）</Text>
      <Text className="tk-meta">如果说的是同一件事，不必重复留言，办理结果会公开；也可以继续提交。</Text>
      {items.map((item) => (
        <View key={item.id} className="tk-similar__item" data-testid="similar-ticket">
          <View className="tk-head">
            <TicketStatusChip status={item.status} />
            <Text className="tk-meta">{formatStamp(item.createdAt)} 提交</Text>
          </View>
          <Text className="tk-similar__text">{item.excerpt}</Text>
        </View>
      ))}
    </View>
  );
}
