/** After sending: the 查询码 (copyable), who has it, by when; then the ticket itself. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TicketCreated } from '@jinri/shared';

import { TicketStatusChip } from '@/components/TicketStatusChip';
import { assigneeLabel, formatDueDate, ticketUrls } from '@/utils/tickets';

interface ComposeResultProps {
  created: TicketCreated;
  onAnother: () => void;
}

export function ComposeResult({ created, onAnother }: ComposeResultProps) {
  const copy = () => {
    Taro.setClipboardData({ data: created.queryCode }).then(
      () => void Taro.showToast({ title: '查询码已复制', icon: 'success' }),
      () => void Taro.showToast({ title: '没有复制成功，请抄下查询码', icon: 'none' }),
    );
  };

  return (
    <View className="card" data-testid="compose-result" data-ticket-id={String(created.id)}>
      <View className="tk-head">
        <TicketStatusChip status={created.status} reader="author" />
      </View>
      <Text className="st-card-title">留言已提交</Text>
      <Text className="tk-subtitle">凭查询码可随时查看办理进度（他人代查也可以）。</Text>
      <View className="tk-code">
        <Text className="tk-code__value" userSelect data-testid="compose-query-code">
          {created.queryCode}
        </Text>
        <Button className="btn btn-secondary tk-code__copy" data-testid="compose-copy" onClick={copy}>
          复制
        </Button>
      </View>
      <View className="tk-field">
        <Text className="tk-field__label">交给</Text>
        <Text className="tk-field__value tk-field__value--strong" data-testid="compose-assignee">
          {assigneeLabel(created.assignee)}
        </Text>
      </View>
      <View className="tk-field">
        <Text className="tk-field__label">办理期限</Text>
        <Text className="tk-field__value" data-testid="compose-due">
          {formatDueDate(created.dueAt)} 前办结（{formatDueDate(created.ackDueAt)} 前受理）
        </Text>
      </View>
      {created.moderation === 'held' ? (
        <Text className="tk-meta" data-testid="compose-held">
          督查室审核通过后留言才会公开显示（一般 1 个工作日内），审核期间照常办理。
        </Text>
      ) : null}
      <View className="st-actions-row">
        <Button className="btn btn-secondary" data-testid="compose-another" onClick={onAnother}>
          再写一条
        </Button>
        <Button
          className="btn btn-primary"
          data-testid="compose-open-detail"
          onClick={() => void Taro.redirectTo({ url: ticketUrls.detail(created.id) })}
        >
          查看办理进度
        </Button>
      </View>
    </View>
  );
}
