/**
 * One ticket (?id=): what was said, who has it by when, the answers and the history; at the bottom
 * the actions the server allows this viewer (`ticket.actions`), one tap or a short form each.
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { TicketAction, TicketView } from '@jinri/shared';
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';

import { toApiError, type ApiError } from '@/api/request';
import { acknowledgeTicket, getTicket, withdrawTicket } from '@/api/tickets.api';
import { OfflineBanner } from '@/components/OfflineBanner';
import { Page } from '@/components/Page';
import { ErrorCard, LoadingCard, NotFoundCard } from '@/components/StateCard';
import { useNow } from '@/hooks/useNow';
import { readerOf, type TicketReader } from '@/utils/tickets';
import { SignedIn } from '../common/SignedIn';
import { ActionBar } from './ActionBar';
import {
  AssignForm,
  DecideExtensionForm,
  ExtensionForm,
  isHeldByReports,
  isStale,
  ModerateForm,
  RateForm,
  ReplyForm,
  ReportedNote,
  ReportForm,
  ReportReviewForm,
  ResolveForm,
  TransferForm,
  type ActionFormProps,
} from './forms';
import { TicketBody } from './TicketBody';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/tickets.css';

/** Actions that open a form; the others (受理, 撤回) are one tap. */
const FORMS: Partial<Record<TicketAction, ComponentType<ActionFormProps>>> = {
  reply: ReplyForm,
  resolve: ResolveForm,
  transfer: TransferForm,
  assign: AssignForm,
  request_extension: ExtensionForm,
  decide_extension: DecideExtensionForm,
  moderate: ModerateForm,
  rate: RateForm,
  report: ReportForm,
};

function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export default function TicketDetailPage() {
  const { params } = useRouter();
  const id = parseId(params.id);
  return (
    <Page name="ticket-detail" title="留言详情">
      {id === null ? (
        <NotFound />
      ) : (
        <SignedIn why="登录后可以查看留言的办理进度。也可以用查询码查询。">
          {(user) => <TicketDetail key={`${id}:${user.id}`} id={id} reader={readerOf(user.roles)} />}
        </SignedIn>
      )}
    </Page>
  );
}

function NotFound() {
  return (
    <NotFoundCard
      title="找不到这条留言"
      description="可能链接有误，或您没有查看这条留言的权限。"
      onBack={goBack}
      testId="ticket-missing"
    />
  );
}

function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/me/index' });
}

type LoadState =
  { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ok'; ticket: TicketView };

/** GET /tickets/:id, with `reload` (keeps showing the ticket) and `replace` (after an action). */
function useTicket(id: number) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const seq = useRef(0);

  const load = useCallback((): Promise<void> => {
    const mine = ++seq.current;
    return getTicket(id).then(
      (ticket) => {
        if (mine !== seq.current) return;
        // An action answered meanwhile with a newer version: keep it.
        setState((prev) =>
          prev.kind === 'ok' && prev.ticket.version > ticket.version ? prev : { kind: 'ok', ticket },
        );
      },
      (error: unknown) => {
        if (mine !== seq.current) return;
        setState((prev) => (prev.kind === 'ok' ? prev : { kind: 'error', error: toApiError(error) }));
      },
    );
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const retry = () => {
    setState({ kind: 'loading' });
    void load();
  };
  const replace = (ticket: TicketView) => {
    seq.current++; // a reload in flight is older than this
    setState({ kind: 'ok', ticket });
  };
  return { state, load, retry, replace };
}

function TicketDetail({ id, reader }: { id: number; reader: TicketReader }) {
  const { state, load, retry, replace } = useTicket(id);
  const now = useNow();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [sending, setSending] = useState<TicketAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (state.kind === 'loading') return <LoadingCard text="正在读取留言…" />;
  if (state.kind === 'error') {
    if (state.error.status === 404 || state.error.status === 403) return <NotFound />;
    return <ErrorCard error={state.error} onRetry={retry} title="留言没有加载出来" />;
  }
  const ticket = state.ticket;

  const done = (updated: TicketView, toast: string) => {
    replace(updated);
    setOpen(null);
    setNotice(null);
    void Taro.showToast({ title: toast, icon: 'success' });
  };

  const stale = (error: ApiError) => {
    setOpen(null);
    setNotice(`${error.message}（已刷新为最新状态）`);
    void load();
  };

  /** 受理 and 撤回: no form, sent from the bar. */
  const oneTap = async (action: 'acknowledge' | 'withdraw') => {
    if (sending) return;
    if (action === 'withdraw') {
      const { confirm } = await Taro.showModal({
        title: '撤回这条留言？',
        content: '撤回后干部将不再办理，撤回后不能恢复。',
        confirmText: '撤回',
        confirmColor: '#b42318',
        cancelText: '不撤回',
      });
      if (!confirm) return;
    }
    setSending(action);
    try {
      const updated =
        action === 'acknowledge'
          ? await acknowledgeTicket(ticket.id, { version: ticket.version })
          : await withdrawTicket(ticket.id, { version: ticket.version });
      done(updated, action === 'acknowledge' ? '已受理' : '已撤回');
    } catch (err) {
      const error = toApiError(err);
      if (isStale(error)) stale(error);
      else void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
    } finally {
      setSending(null);
    }
  };

  const onAction = (action: TicketAction) => {
    if (action === 'acknowledge' || action === 'withdraw') void oneTap(action);
    else if (FORMS[action]) setOpen(action);
  };

  const reportHeld = isHeldByReports(ticket);
  const Form = open === 'moderate' && reportHeld ? ReportReviewForm : open ? FORMS[open] : undefined;

  return (
    <View className={ticket.actions.length > 0 ? 'st-with-bar' : ''}>
      {notice ? (
        <View className="st-banner st-banner--warning" role="alert" data-testid="ticket-notice">
          <Text className="st-banner__text">{notice}</Text>
        </View>
      ) : null}
      <OfflineBanner views={[{ kind: 'ok', data: ticket }]} />
      <TicketBody ticket={ticket} now={now} reader={reader} />
      <ReportedNote ticket={ticket} />
      <ActionBar
        actions={ticket.actions}
        busy={sending}
        onAction={onAction}
        labels={{ moderate: reportHeld ? '举报审核' : ticket.moderation === 'held' ? '审核' : '屏蔽' }}
      />
      {Form ? (
        <Form
          key={`${open}:${ticket.version}`}
          ticket={ticket}
          onDone={done}
          onStale={stale}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </View>
  );
}
