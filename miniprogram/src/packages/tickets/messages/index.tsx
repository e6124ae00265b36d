/** 消息: the signed-in user's in-app messages (replies, results, new tickets, reminders), newest first. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { InAppMessagePage, InAppMessageView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { getMessages, markMessagesRead } from '@/api/messages.api';
import { toApiError } from '@/api/request';
import { EmptyState } from '@/components/EmptyState';
import { PagedMore } from '@/components/LoadMore';
import { Page } from '@/components/Page';
import { ListStates } from '@/components/StateCard';
import { usePaged } from '@/hooks/usePaged';
import { formatStamp, localToday } from '@/utils/date';
import { useListRefresh } from '@/hooks/useShowAgain';
import { SignedIn } from '../common/SignedIn';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/tickets.css';
import './index.css';

export default function MessagesPage() {
  return (
    <Page name="messages" title="消息">
      <Text className="page__title">消息</Text>
      <SignedIn why="登录后可以查看留言的答复、办理结果和工作提醒。">
        {(user) => <Messages key={user.id} userId={user.id} />}
      </SignedIn>
    </Page>
  );
}

/** The page a message opens ("packages/…" from the server), as an absolute mini-program url. */
function urlOf(page: string): string {
  return page.startsWith('/') ? page : `/${page}`;
}

function Messages({ userId }: { userId: number }) {
  const fetchPage = useCallback((page: number) => getMessages(page), []);
  const list = usePaged<InAppMessageView, InAppMessagePage>(`messages|${userId}`, fetchPage);
  const { view } = list;
  // Read here since the list was loaded (the list itself is not refetched for each tap).
  const [readHere, setReadHere] = useState<ReadonlySet<number>>(new Set());

  useListRefresh(list);

  const isRead = (m: InAppMessageView) => m.readAt !== null || readHere.has(m.id);

  const open = (m: InAppMessageView) => {
    if (!isRead(m)) {
      setReadHere((s) => new Set(s).add(m.id));
      void markMessagesRead({ ids: [m.id] }).catch(() =>
        setReadHere((s) => {
          const next = new Set(s);
          next.delete(m.id);
          return next;
        }),
      );
    }
    if (!m.page) return;
    const url = urlOf(m.page);
    // A tab page (我的) cannot be pushed: switch to it instead.
    void Taro.navigateTo({ url }).catch(() =>
      Taro.switchTab({ url: url.split('?')[0]! }).catch(() => undefined),
    );
  };

  const readAll = () => {
    markMessagesRead({ all: true }).then(
      () => void list.refresh(),
      (error: unknown) => void Taro.showToast({ title: toApiError(error).message, icon: 'none' }),
    );
  };

  const unread =
    view.kind === 'ok'
      ? Math.max(
          0,
          view.last.unread - view.items.filter((m) => readHere.has(m.id) && m.readAt === null).length,
        )
      : 0;
  const today = localToday();

  return (
    <View data-testid="messages" data-state={view.kind}>
      <View className="st-day__sub">
        <Text className="st-hint st-grow" data-testid="messages-unread">
          {view.kind === 'ok'
            ? unread > 0
              ? `${unread} 条未读`
              : '没有未读消息'
            : '留言的答复、办理结果和工作提醒'}
        </Text>
        {unread > 0 ? (
          <View className="st-link-btn" role="button" data-testid="messages-read-all" onClick={readAll}>
            <Text>全部标为已读</Text>
          </View>
        ) : null}
      </View>

      <ListStates
        view={view}
        loadingText="正在读取消息…"
        errorTitle="消息没有加载出来"
        onRetry={list.retry}
        emptyTestId="messages-empty"
      >
        <EmptyState title="暂无消息" description="您的留言有答复或办理结果时，会在这里通知您。">
          <Button
            className="btn btn-secondary"
            onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}
          >
            返回我的
          </Button>
        </EmptyState>
      </ListStates>
      {view.kind === 'ok'
        ? view.items.map((m) => (
            <View
              key={m.id}
              className={`card msg-row ${isRead(m) ? '' : 'msg-row--unread'}`}
              role="button"
              data-testid="message-row"
              data-read={isRead(m) ? '1' : '0'}
              data-page={m.page ?? ''}
              onClick={() => open(m)}
            >
              <View className="msg-row__head">
                {isRead(m) ? null : <Text className="msg-row__dot" aria-label="未读" />}
                <Text className="msg-row__title">{m.title}</Text>
                <Text className="msg-row__time">{formatStamp(m.createdAt, today)}</Text>
              </View>
              <Text className="msg-row__body">{m.body}</Text>
            </View>
          ))
        : null}
      <PagedMore list={list} testId="messages-more" />
    </View>
  );
}
