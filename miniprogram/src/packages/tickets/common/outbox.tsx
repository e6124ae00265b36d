/**
 * Comments kept on the phone until the network returns (src/api/offline-outbox.ts), as 我的留言
 * and the compose page show them: 待发送 → 发送中 → 已发送, or 发送失败 with the server's reason,
 * 重试, 修改 (back into the compose page) and 删除 (after asking).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

import { sendOutbox, useOutbox } from '@/api/offline';
import {
  outboxTarget,
  removeFromOutbox,
  retryOutboxItem,
  type OutboxItem,
  type OutboxState,
} from '@/api/offline-outbox';
import { newIdempotencyKey } from '@/api/tickets.api';
import { type ChipTone, ToneChip } from '@/components/StatusChip';
import { readStored, writeStored } from '@/hooks/useAutosave';
import { formatStamp, localToday } from '@/utils/date';
import { ticketUrls } from '@/utils/tickets';
import { draftKeys, isComposeDraft, isEmptyComposeDraft, type ComposeDraft } from './draft';
import './outbox.css';

const STATES: Record<OutboxState, { label: string; tone: ChipTone; hint: string }> = {
  pending: { label: '待发送', tone: 'warning', hint: '没有网络，已保存在手机上，联网后自动发送' },
  sending: { label: '发送中', tone: 'info', hint: '正在发送…' },
  sent: { label: '已发送', tone: 'success', hint: '已送达，干部会限时办理' },
  failed: { label: '发送失败', tone: 'danger', hint: '没有发出去，请修改后重试，或删除' },
};

export function OutboxStateChip({ state }: { state: OutboxState }) {
  const s = STATES[state];
  return <ToneChip tone={s.tone} label={s.label} status={state} testId="outbox-state" />;
}

/** One kept comment with its state and what the resident can do with it. */
export function OutboxRow({ item }: { item: OutboxItem }) {
  const state = STATES[item.state];
  return (
    <View className="card tk-outbox" data-testid="outbox-item" data-state={item.state} data-key={item.key}>
      <View className="st-label-row">
        <OutboxStateChip state={item.state} />
        <Text className="tk-meta">
          {formatStamp(new Date(item.createdAt).toISOString(), localToday())} 写
        </Text>
      </View>
      {item.label ? <Text className="tk-meta">留言对象 · {item.label}</Text> : null}
      <Text className="tk-outbox__text" data-testid="outbox-text">
        {item.body.content}
      </Text>
      <Text className="tk-meta" data-testid="outbox-hint">
        {item.state === 'failed' && item.error ? `${state.label}：${item.error}` : state.hint}
      </Text>
      <View className="st-actions-row">
        {item.state === 'pending' ? (
          <Link testId="outbox-send" onClick={() => void sendOutbox()}>
            立即发送
          </Link>
        ) : null}
        {item.state === 'failed' ? (
          <>
            <Link testId="outbox-retry" onClick={() => retry(item)}>
              重试
            </Link>
            <Link testId="outbox-edit" onClick={() => void edit(item)}>
              修改
            </Link>
            <Link testId="outbox-delete" danger onClick={() => void remove(item)}>
              删除
            </Link>
          </>
        ) : null}
        {item.state === 'sent' && item.ticketId !== undefined ? (
          <Link
            testId="outbox-open"
            onClick={() =>
              void Taro.navigateTo({ url: ticketUrls.detail(item.ticketId!) }).catch(() => undefined)
            }
          >
            查看办理进度
          </Link>
        ) : null}
      </View>
    </View>
  );
}

function Link({
  children,
  onClick,
  testId,
  danger,
}: {
  children: string;
  onClick: () => void;
  testId: string;
  danger?: boolean;
}) {
  return (
    <View
      className={`st-link-btn ${danger ? 'st-link-btn--danger' : ''}`}
      role="button"
      data-testid={testId}
      onClick={onClick}
    >
      <Text>{children}</Text>
    </View>
  );
}

function retry(item: OutboxItem) {
  retryOutboxItem(item.key);
  void sendOutbox();
}

/** Back into the compose page as a draft (with a new key: the server refused the old attempt). */
async function edit(item: OutboxItem) {
  const target = outboxTarget(item);
  if (!target) return;
  const key = draftKeys.compose(target);
  const existing = readStored(key, isComposeDraft);
  if (existing && !isEmptyComposeDraft(existing)) {
    const { confirm } = await Taro.showModal({
      title: '替换未写完的留言？',
      content: '您给同一对象还有一条没写完的留言，修改这条会替换它。',
      confirmText: '替换',
      cancelText: '取消',
    });
    if (!confirm) return;
  }
  const draft: ComposeDraft = {
    content: item.body.content,
    photos: item.photos,
    publicAllowed: item.body.publicAllowed ?? true,
    contactPhone: item.body.contactPhone ?? '',
    idempotencyKey: newIdempotencyKey(),
  };
  writeStored(key, draft);
  removeFromOutbox(item.key);
  void Taro.navigateTo({ url: ticketUrls.compose(target, item.label || undefined) }).catch(() => undefined);
}

async function remove(item: OutboxItem) {
  const { confirm } = await Taro.showModal({
    title: '删除这条留言？',
    content: '这条留言还没有发出去，删除后不能恢复。',
    confirmText: '删除',
    confirmColor: '#b42318',
    cancelText: '保留',
  });
  if (confirm) removeFromOutbox(item.key);
}

/**
 * 我的留言's kept comments, above the list from the server. One sent while the page is open stays
 * (已发送) until the page is left; one sent before is shown only until the list has it. `onSent`
 * reloads the list when one has just been sent.
 */
export function OutboxList({
  userId,
  shownIds,
  onSent,
}: {
  userId: number;
  shownIds: ReadonlySet<number>;
  onSent: () => void;
}) {
  const all = useOutbox(userId);
  const [sentBefore] = useState(() => new Set(all.filter((i) => i.state === 'sent').map((i) => i.key)));
  const items = all.filter(
    (i) => !sentBefore.has(i.key) || i.ticketId === undefined || !shownIds.has(i.ticketId),
  );
  const sentCount = items.filter((i) => i.state === 'sent').length;
  const seenSent = useRef(sentCount);
  useEffect(() => {
    if (sentCount > seenSent.current) onSent();
    seenSent.current = sentCount;
  }, [sentCount, onSent]);
  if (items.length === 0) return null;
  return (
    <View data-testid="outbox">
      <Text className="st-hint">手机上保存的留言</Text>
      {[...items].reverse().map((item) => (
        <OutboxRow key={item.key} item={item} />
      ))}
    </View>
  );
}

/** The compose page after a comment was kept for later: its live state, and what happens next. */
export function QueuedResult({
  itemKey,
  userId,
  onAnother,
}: {
  itemKey: string;
  userId: number | null;
  onAnother: () => void;
}) {
  const item = useOutbox(userId).find((i) => i.key === itemKey);
  const sent = item?.state === 'sent';
  return (
    <View className="card" data-testid="compose-queued" data-state={item?.state ?? 'gone'}>
      <Text className="st-card-title">{sent ? '留言已发送' : '留言已保存在手机上'}</Text>
      {item ? <OutboxRow item={item} /> : null}
      <Text className="tk-subtitle">
        {sent
          ? '干部会限时办理，结果会通知您，也可以在“我的留言”里查看。'
          : '现在网络不通。联网后会自动发送，不会重复提交；可在“我的留言”里查看发送情况。'}
      </Text>
      <View className="st-actions-row">
        <View
          className="st-link-btn"
          role="button"
          data-testid="compose-queued-mine"
          onClick={() => void Taro.navigateTo({ url: ticketUrls.mine() }).catch(() => undefined)}
        >
          <Text>查看我的留言</Text>
        </View>
        <View className="st-link-btn" role="button" data-testid="compose-another" onClick={onAnother}>
          <Text>再写一条</Text>
        </View>
      </View>
    </View>
  );
}
