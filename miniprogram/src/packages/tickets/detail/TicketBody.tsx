/** One ticket, read-only: what was said, about what, who has it by when, the answers, the history. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TicketExtensionView, TicketView } from '@jinri/shared';

import { TicketMarkers, TicketStatusChip } from '@/components/TicketStatusChip';
import { formatStamp } from '@/utils/date';
import {
  assigneeLabel,
  awaitsAcknowledgement,
  formatDueDate,
  isTicketDone,
  targetLabel,
  timeLeft,
  type TicketReader,
} from '@/utils/tickets';
import { EventList } from '../common/EventList';
import { PhotoStrip } from '@/components/PhotoField';

const EXTENSION_LABELS: Record<TicketExtensionView['status'], string> = {
  pending: '待审批',
  approved: '已同意',
  rejected: '未同意',
};

function open(url: string) {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

interface TicketBodyProps {
  ticket: TicketView;
  now: number;
  /** staff keep their terms; the author (a resident) reads plain words (待您评价 once resolved). */
  reader?: TicketReader;
}

export function TicketBody({ ticket, now, reader = 'staff' }: TicketBodyProps) {
  const { target } = ticket;
  const targetUrl =
    target.kind === 'matter' && target.matter
      ? `/pages/matter/index?id=${target.matter.id}`
      : target.official
        ? `/pages/official/index?id=${target.official.id}`
        : null;

  return (
    <>
      <View
        className="card"
        data-testid="ticket-detail"
        data-ticket-id={String(ticket.id)}
        data-status={ticket.status}
        data-version={String(ticket.version)}
      >
        <View className="tk-head">
          <TicketStatusChip status={ticket.status} reader={reader} />
          {ticket.queryCode ? <Text className="tk-meta">查询码 {ticket.queryCode}</Text> : null}
        </View>
        <TicketMarkers
          overdue={ticket.overdue}
          escalated={ticket.escalated}
          moderation={ticket.moderation}
          reviewOverdue={ticket.reviewOverdue}
        />
        <Text className="tk-content" data-testid="ticket-content">
          {ticket.content}
        </Text>
        <PhotoStrip photos={ticket.photos} testId="ticket-photos" />
        <Text className="tk-meta">
          {ticket.author} · {formatStamp(ticket.createdAt)} 提交 ·{' '}
          {ticket.publicAllowed ? '同意公开' : '不公开'}
        </Text>
        {ticket.contactPhone ? (
          <Text className="tk-meta" data-testid="ticket-phone">
            联系电话：{ticket.contactPhone}
          </Text>
        ) : null}
        <View className="tk-field" data-testid="ticket-target">
          <Text className="tk-field__label">留言对象</Text>
          <Text className="tk-field__value">{targetLabel(target) || '—'}</Text>
          {targetUrl ? (
            <View className="st-link-btn tk-field__action" role="button" onClick={() => open(targetUrl)}>
              <Text>查看</Text>
            </View>
          ) : null}
        </View>
      </View>

      <Handling ticket={ticket} now={now} />

      {ticket.reply || ticket.resolution || ticket.rating ? (
        <View className="card" data-testid="ticket-answers">
          <Text className="tk-section-title">答复与结果</Text>
          {ticket.reply ? (
            <View className="tk-answer" data-testid="ticket-reply">
              <Text className="tk-meta">干部答复</Text>
              <Text className="tk-text">{ticket.reply}</Text>
            </View>
          ) : null}
          {ticket.resolution ? (
            <View className="tk-answer tk-answer--resolution" data-testid="ticket-resolution">
              <Text className="tk-meta">
                办理结果{ticket.resolvedAt ? ` · ${formatStamp(ticket.resolvedAt)}` : ''}
              </Text>
              <Text className="tk-text">{ticket.resolution}</Text>
              <PhotoStrip photos={ticket.resolutionPhotos} testId="ticket-resolution-photos" />
            </View>
          ) : null}
          {ticket.rating ? (
            <View
              className="tk-field"
              data-testid="ticket-rating"
              data-satisfied={String(ticket.rating.satisfied)}
            >
              <Text className="tk-field__label">群众评价</Text>
              <Text
                className={`tk-field__value ${ticket.rating.satisfied ? 'tk-field__value--strong' : 'tk-field__value--danger'}`}
              >
                {ticket.rating.satisfied ? '满意' : '不满意'}
                {ticket.rating.reason ? `：${ticket.rating.reason}` : ''}（{formatStamp(ticket.rating.at)}）
              </Text>
            </View>
          ) : null}
          {ticket.reopenCount > 0 ? (
            <Text className="tk-meta">因群众不满意，已重新办理 {ticket.reopenCount} 次</Text>
          ) : null}
        </View>
      ) : null}

      <View className="card">
        <Text className="tk-section-title">办理记录</Text>
        <EventList events={ticket.events} reader={reader} />
      </View>
    </>
  );
}

/** 办理: who, the two deadlines (met, pending with time left, or 已超期), extension. */
function Handling({ ticket, now }: { ticket: TicketView; now: number }) {
  const done = isTicketDone(ticket.status);
  const ackLeft =
    !ticket.acknowledgedAt && awaitsAcknowledgement(ticket.status) ? timeLeft(ticket.ackDueAt, now) : null;
  // A reopened ticket keeps its first resolvedAt: it counts as resolved only while resolved or closed.
  const resolved = ticket.resolvedAt && (ticket.status === 'resolved' || ticket.status === 'closed');
  const dueLeft = !done ? timeLeft(ticket.dueAt, now) : null;
  const dueOverdue = ticket.overdue || !!dueLeft?.overdue;
  return (
    <View className="card" data-testid="ticket-handling">
      <Text className="tk-section-title">办理情况</Text>
      <View className="tk-field">
        <Text className="tk-field__label">办理人</Text>
        <Text className="tk-field__value tk-field__value--strong" data-testid="ticket-assignee">
          {assigneeLabel(ticket.assignee)}
        </Text>
      </View>
      <View className="tk-field" data-testid="ticket-ack-due">
        <Text className="tk-field__label">受理期限</Text>
        <Text className={`tk-field__value ${ackLeft?.overdue ? 'tk-field__value--danger' : ''}`}>
          {ticket.acknowledgedAt
            ? `已于 ${formatStamp(ticket.acknowledgedAt)} 受理`
            : done
              ? '未受理'
              : `${formatStamp(ticket.ackDueAt)} 前${ackLeft ? `（${ackLeft.text}）` : ''}`}
        </Text>
      </View>
      <View className="tk-field" data-testid="ticket-due">
        <Text className="tk-field__label">办结期限</Text>
        <Text className={`tk-field__value ${dueOverdue && !done ? 'tk-field__value--danger' : ''}`}>
          {resolved && ticket.resolvedAt
            ? `已于 ${formatStamp(ticket.resolvedAt)} 办结`
            : done
              ? '未办结'
              : `${formatDueDate(ticket.dueAt)} 前${dueLeft ? `（${dueLeft.text}）` : ''}`}
          {dueOverdue && !done ? ' 已超期' : ''}
          {ticket.escalated ? ' · 已督办' : ''}
        </Text>
      </View>
      {ticket.extension ? (
        <View className="tk-field" data-testid="ticket-extension" data-status={ticket.extension.status}>
          <Text className="tk-field__label">延期申请</Text>
          <Text className="tk-field__value">
            {EXTENSION_LABELS[ticket.extension.status] ?? ticket.extension.status}：延长{' '}
            {ticket.extension.days} 个工作日至 {formatDueDate(ticket.extension.newDueAt)}。理由：
            {ticket.extension.reason}
          </Text>
        </View>
      ) : null}
      {ticket.closedAt ? <Text className="tk-meta">已于 {formatStamp(ticket.closedAt)} 关闭</Text> : null}
    </View>
  );
}
