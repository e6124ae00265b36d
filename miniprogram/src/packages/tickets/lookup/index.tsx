/**
 * 查询留言进度: anyone holding a 查询码 (the resident, or a neighbour who helped) reads the status,
 * without signing in. `?code=` fills it in and looks it up at once.
 */
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { TicketStatusView } from '@jinri/shared';
import { useEffect, useRef, useState } from 'react';

import { toApiError, type ApiError } from '@/api/request';
import { lookupTicket, normalizeQueryCode } from '@/api/tickets.api';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { TicketMarkers, TicketStatusChip } from '@/components/TicketStatusChip';
import { useNow } from '@/hooks/useNow';
import { formatStamp } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import {
  assigneeLabel,
  formatDueDate,
  isTicketDone,
  pageParam,
  targetLabel,
  timeLeft,
} from '@/utils/tickets';
import { EventList } from '../common/EventList';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/tickets.css';

type Result =
  | { kind: 'idle' }
  /** 查询 with nothing typed. */
  | { kind: 'blank' }
  | { kind: 'loading'; code: string }
  | { kind: 'error'; code: string; error: ApiError }
  | { kind: 'ok'; code: string; view: TicketStatusView };

const CODE_MAX = 32;

export default function LookupPage() {
  const { params } = useRouter();
  const initial = normalizeQueryCode(pageParam(params.code)).slice(0, CODE_MAX);
  const [code, setCode] = useState(initial);
  const [result, setResult] = useState<Result>({ kind: 'idle' });
  const seq = useRef(0);
  const now = useNow();

  const search = (raw: string) => {
    const wanted = normalizeQueryCode(raw);
    if (!wanted) {
      setResult({ kind: 'blank' });
      return;
    }
    const mine = ++seq.current;
    setResult({ kind: 'loading', code: wanted });
    lookupTicket(wanted).then(
      (view) => {
        if (mine === seq.current) setResult({ kind: 'ok', code: wanted, view });
      },
      (error: unknown) => {
        if (mine === seq.current) setResult({ kind: 'error', code: wanted, error: toApiError(error) });
      },
    );
  };

  // Opened with ?code=: look it up once.
  const searched = useRef(false);
  useEffect(() => {
    if (searched.current || !initial) return;
    searched.current = true;
    const mine = ++seq.current;
    lookupTicket(initial).then(
      (view) => {
        if (mine === seq.current) setResult({ kind: 'ok', code: initial, view });
      },
      (error: unknown) => {
        if (mine === seq.current) setResult({ kind: 'error', code: initial, error: toApiError(error) });
      },
    );
  }, [initial]);

  const busy = result.kind === 'loading';
  const shownLoading = busy || (!!initial && result.kind === 'idle');

  return (
    <Page name="ticket-lookup" title="查询留言进度">
      <Text className="page__title">查询留言进度</Text>
      <View className="card">
        <Text className="st-label">查询码</Text>
        <Input
          className="st-input"
          type="text"
          value={code}
          maxlength={CODE_MAX}
          confirmType="search"
          placeholder="留言提交后显示的查询码"
          placeholderClass="st-placeholder"
          data-testid="lookup-code"
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={() => search(code)}
        />
        <Text className="tk-meta">不用登录。查询码只显示办理进度，不显示留言内容和个人信息。</Text>
        <Button
          className={`btn btn-primary btn-block st-submit ${busy ? 'btn-disabled' : ''}`}
          disabled={onlyIf(busy)}
          data-testid="lookup-submit"
          onClick={() => search(code)}
        >
          {busy ? '正在查询…' : '查询'}
        </Button>
      </View>

      {shownLoading ? <LoadingCard text="正在查询…" /> : null}
      {result.kind === 'blank' ? (
        <View className="card" data-testid="lookup-empty">
          <EmptyState
            icon="!"
            title="请输入查询码"
            description="查询码在留言提交成功后显示，也可在“我的留言”中找到。"
          />
        </View>
      ) : null}
      {result.kind === 'error' && result.error.status === 404 ? (
        <View className="card" data-testid="lookup-not-found">
          <EmptyState icon="?" title="没有找到这个查询码" description="请核对后重新输入（不区分大小写）。" />
        </View>
      ) : null}
      {result.kind === 'error' && result.error.status !== 404 ? (
        <ErrorCard error={result.error} onRetry={() => search(result.code)} title="暂时查不到" />
      ) : null}
      {result.kind === 'ok' ? <StatusView view={result.view} now={now} /> : null}
    </Page>
  );
}

function StatusView({ view, now }: { view: TicketStatusView; now: number }) {
  const left = isTicketDone(view.status) ? null : timeLeft(view.dueAt, now);
  return (
    <>
      <View className="card" data-testid="lookup-result" data-status={view.status}>
        <View className="tk-head">
          <TicketStatusChip status={view.status} reader="resident" />
          <Text className="tk-meta">查询码 {view.queryCode}</Text>
        </View>
        <TicketMarkers overdue={view.overdue} escalated={false} />
        <View className="tk-field">
          <Text className="tk-field__label">留言对象</Text>
          <Text className="tk-field__value">{targetLabel(view.target) || '—'}</Text>
        </View>
        <View className="tk-field">
          <Text className="tk-field__label">办理人</Text>
          <Text className="tk-field__value tk-field__value--strong">{assigneeLabel(view.assignee)}</Text>
        </View>
        <View className="tk-field">
          <Text className="tk-field__label">办结期限</Text>
          <Text
            className={`tk-field__value ${view.overdue || left?.overdue ? 'tk-field__value--danger' : ''}`}
          >
            {formatDueDate(view.dueAt)} 前{left ? `（${left.text}）` : ''}
          </Text>
        </View>
        <Text className="tk-meta">
          {formatStamp(view.createdAt)} 提交 · {formatStamp(view.updatedAt)} 更新
        </Text>
      </View>
      <View className="card">
        <Text className="tk-section-title">办理记录</Text>
        <EventList events={view.events} reader="resident" />
      </View>
    </>
  );
}
