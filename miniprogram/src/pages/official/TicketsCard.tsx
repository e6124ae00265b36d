/**
 * 群众留言 on an official's page: 给他/她留言, the 办理情况 figures (响应率 / 解决率 / 满意率 and the
 * median hours) and the latest public tickets with their answers.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PublicTicket, TicketFigures } from '@jinri/shared';

import { getOfficialTicketFigures, getPublicTickets } from '@/api/tickets.api';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { TicketStatusChip } from '@/components/TicketStatusChip';
import { useLoad } from '@/hooks/useLoad';
import { formatStamp } from '@/utils/date';
import { formatHours, formatRate, ticketUrls } from '@/utils/tickets';

/** Public tickets shown here; the rest are a 留言 away. */
const SHOWN = 5;
const EXCERPT = 80;

interface TicketsCardProps {
  officialId: number;
  /** The official's name, for 给他/她留言 (empty while the profile loads). */
  name: string;
}

export function TicketsCard({ officialId, name }: TicketsCardProps) {
  const figures = useLoad(`ticket-figures|official|${officialId}`, () =>
    getOfficialTicketFigures(officialId),
  );
  const tickets = useLoad(`public-tickets|official|${officialId}`, () => getPublicTickets({ officialId }));

  const compose = () =>
    void Taro.navigateTo({ url: ticketUrls.compose({ officialId }, name || undefined) }).catch(
      () => undefined,
    );

  return (
    <View className="card" data-testid="official-tickets">
      <View className="official-today__head">
        <Text className="official-section__title official-today__title">群众留言</Text>
      </View>
      <Text className="official-history__hint">
        有问题可以直接给他/她留言，限时受理和办结，结果请您评价。
      </Text>
      <Button className="btn btn-primary btn-block" data-testid="official-comment" onClick={compose}>
        给他/她留言
      </Button>

      <Text className="official-tickets__subtitle">办理情况</Text>
      {figures.view.kind === 'loading' ? <LoadingState text="正在读取办理情况…" /> : null}
      {figures.view.kind === 'error' ? (
        <EmptyState
          tone="danger"
          icon="!"
          title="办理情况没有加载出来"
          description={figures.view.error.message}
        >
          <Button className="btn btn-secondary" onClick={figures.retry}>
            重试
          </Button>
        </EmptyState>
      ) : null}
      {figures.view.kind === 'ok' ? <Figures figures={figures.view.data} /> : null}

      <Text className="official-tickets__subtitle">公开的留言</Text>
      {tickets.view.kind === 'loading' ? <LoadingState text="正在读取留言…" /> : null}
      {tickets.view.kind === 'error' ? (
        <EmptyState tone="danger" icon="!" title="留言没有加载出来" description={tickets.view.error.message}>
          <Button className="btn btn-secondary" onClick={tickets.retry}>
            重试
          </Button>
        </EmptyState>
      ) : null}
      {tickets.view.kind === 'ok' && tickets.view.data.items.length === 0 ? (
        <Text className="official-today__note" data-testid="public-tickets-empty">
          还没有公开的留言
        </Text>
      ) : null}
      {tickets.view.kind === 'ok'
        ? tickets.view.data.items
            .slice(0, SHOWN)
            .map((ticket) => <PublicTicketRow key={ticket.id} ticket={ticket} />)
        : null}
      {tickets.view.kind === 'ok' && tickets.view.data.total > SHOWN ? (
        <Text className="official-history__hint">
          共 {tickets.view.data.total} 条公开留言，显示最近 {SHOWN} 条
        </Text>
      ) : null}
    </View>
  );
}

function Figures({ figures }: { figures: TicketFigures }) {
  if (figures.total === 0) {
    return (
      <Text className="official-today__note" data-testid="ticket-figures" data-total="0">
        暂无工单
      </Text>
    );
  }
  return (
    <View data-testid="ticket-figures" data-total={String(figures.total)}>
      <View className="official-figures">
        <Figure label="响应率" value={formatRate(figures.responseRate)} />
        <Figure label="解决率" value={formatRate(figures.resolutionRate)} />
        <Figure label="满意率" value={formatRate(figures.satisfactionRate)} />
      </View>
      <Text className="official-history__hint">
        共 {figures.total} 件 · 在办 {figures.open} 件
        {figures.overdue > 0 ? ` · 超期 ${figures.overdue} 件` : ''}
      </Text>
      <Text className="official-history__hint">
        受理用时中位数 {formatHours(figures.medianHoursToAcknowledge)} · 办结用时中位数{' '}
        {formatHours(figures.medianHoursToResolve)}
      </Text>
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className="official-figure" data-testid="ticket-figure" data-label={label}>
      <Text className="official-figure__value">{value}</Text>
      <Text className="official-figure__label">{label}</Text>
    </View>
  );
}

function PublicTicketRow({ ticket }: { ticket: PublicTicket }) {
  const content = ticket.content.length > EXCERPT ? `${ticket.content.slice(0, EXCERPT)}…` : ticket.content;
  const answer = ticket.resolution ?? ticket.reply;
  return (
    <View
      className="official-ticket"
      data-testid="public-ticket"
      data-status={ticket.status}
      // The ticket's own page: its steps, and 举报 for a signed-in resident when the server allows it.
      onClick={() => void Taro.navigateTo({ url: ticketUrls.detail(ticket.id) })}
    >
      <View className="official-ticket__head">
        <TicketStatusChip status={ticket.status} reader="resident" />
        <Text className="official-ticket__meta">
          {ticket.author} · {formatStamp(ticket.createdAt)}
        </Text>
      </View>
      <Text className="official-ticket__text">{content}</Text>
      {answer ? (
        <Text className="official-ticket__answer">
          {ticket.resolution ? '办理结果：' : '答复：'}
          {answer}
        </Text>
      ) : null}
    </View>
  );
}
