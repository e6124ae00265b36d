/**
 * 已有人反映过类似问题: open public tickets on the same target with near-duplicate text. 关注 one
 * instead of repeating it: its reply and result are sent to the follower too.
 */
import { Text, View } from '@tarojs/components';
import type { SimilarTicket } from '@jinri/shared';

import { TicketStatusChip } from '@/components/TicketStatusChip';
import { formatStamp } from '@/utils/date';

interface SimilarListProps {
  items: readonly SimilarTicket[];
  followed: ReadonlySet<number>;
  /** Absent while signed out (following needs an account). */
  onFollow?: (id: number) => void;
}

export function SimilarList({ items, followed, onFollow }: SimilarListProps) {
  if (items.length === 0) return null;
  return (
    <View className="tk-similar" data-testid="similar-tickets" role="status">
      <Text className="tk-similar__title">已有人反映过类似问题（{items.length} 条）</Text>
      <Text className="tk-meta">
        如果说的是同一件事，可以点“关注”，不必重复留言，办理结果会通知您；也可以继续提交。
      </Text>
      {items.map((item) => (
        <View key={item.id} className="tk-similar__item" data-testid="similar-ticket">
          <View className="tk-head">
            <TicketStatusChip status={item.status} reader="resident" />
            <Text className="tk-meta st-grow">{formatStamp(item.createdAt)} 提交</Text>
            {onFollow ? (
              followed.has(item.id) ? (
                <Text className="tk-meta" data-testid="similar-followed">
                  已关注
                </Text>
              ) : (
                <View
                  className="st-small-btn"
                  role="button"
                  data-testid="similar-follow"
                  onClick={() => onFollow(item.id)}
                >
                  <Text>关注</Text>
                </View>
              )
            ) : null}
          </View>
          <Text className="tk-similar__text">{item.excerpt}</Text>
        </View>
      ))}
    </View>
  );
}
