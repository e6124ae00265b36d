/**
 * Reading tickets (工单) as people do: what a state is called and how urgent it looks, how long is
 * left before a deadline, what a ticket is about and who has it, the 办理情况 figures. Pure
 * functions over the @jinri/shared views; no UI.
 */
import {
  TICKET_STATE_LABELS,
  type Role,
  type TicketAssignee,
  type TicketEventType,
  type TicketState,
  type TicketTarget,
} from '@jinri/shared';

import { formatMonthDay, localDateOf } from './date';

export type TicketTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** The colour of a state's chip; the word (TICKET_STATE_LABELS) always goes with it. */
export const TICKET_STATE_TONES: Record<TicketState, TicketTone> = {
  submitted: 'warning',
  assigned: 'warning',
  acknowledged: 'info',
  replied: 'info',
  resolved: 'success',
  closed: 'neutral',
  transferred: 'warning',
  reopened: 'danger',
  withdrawn: 'neutral',
  hidden: 'neutral',
};

export function ticketStateLabel(state: TicketState | string): string {
  return (TICKET_STATE_LABELS as Record<string, string>)[state] ?? state;
}

/**
 * Who is reading a ticket's state: staff (officials, clerks, the 督查室) keep the working terms of
 * TICKET_STATE_LABELS; residents read plain words; the author is the resident who wrote it (a
 * resolved ticket then waits for *their* rating).
 */
export type TicketReader = 'staff' | 'resident' | 'author';

/**
 * A ticket's state in a resident's words (issue #15): 已受理 (it reached someone), 处理中, 已答复,
 * 已解决 — and 待您评价 for its author once it is resolved.
 */
export const RESIDENT_TICKET_STATE_LABELS: Record<TicketState, string> = {
  submitted: '已受理',
  assigned: '已受理',
  transferred: '已受理',
  acknowledged: '处理中',
  reopened: '处理中',
  replied: '已答复',
  resolved: '已解决',
  closed: '已解决',
  withdrawn: '已撤回',
  hidden: '已屏蔽',
};

/** The state's word for this reader (unknown states as sent). */
export function ticketStateLabelFor(state: TicketState | string, reader: TicketReader): string {
  if (reader === 'staff') return ticketStateLabel(state);
  if (reader === 'author' && state === 'resolved') return '待您评价';
  return (RESIDENT_TICKET_STATE_LABELS as Record<string, string>)[state] ?? state;
}

/** A signed-in user with no staff role reads as a resident (a ticket they may open is their own). */
export function readerOf(roles: readonly Role[]): 'staff' | 'author' {
  return roles.some((role) => role !== 'resident') ? 'staff' : 'author';
}

/** Nothing more is expected of the staff (办结, closed, withdrawn, hidden): no deadline to show. */
export function isTicketDone(state: TicketState): boolean {
  return state === 'resolved' || state === 'closed' || state === 'withdrawn' || state === 'hidden';
}

/** Waiting to be acknowledged (受理): the acknowledgement deadline is the one that counts. */
export function awaitsAcknowledgement(state: TicketState): boolean {
  return state === 'submitted' || state === 'assigned' || state === 'transferred';
}

/** The deadline that matters now: 受理 before acknowledgement, 办结 after; null once done. */
export function currentDeadline(ticket: {
  status: TicketState;
  ackDueAt: string;
  dueAt: string;
}): { kind: 'ack' | 'resolve'; at: string } | null {
  if (isTicketDone(ticket.status)) return null;
  return awaitsAcknowledgement(ticket.status)
    ? { kind: 'ack', at: ticket.ackDueAt }
    : { kind: 'resolve', at: ticket.dueAt };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Time left until `deadline` as people say it: "剩 40 分钟", "剩 3 小时", "剩 2 天"; once past,
 * "已超期 5 小时", "已超期 2 天". Hours up to two days, so "剩 30 小时" is not rounded to a day.
 */
export function timeLeft(deadline: string, now: number = Date.now()): { text: string; overdue: boolean } {
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return { text: '', overdue: false };
  const diff = at - now;
  const span = Math.abs(diff);
  let amount: string;
  if (span < HOUR_MS) amount = `${Math.max(1, Math.floor(span / MINUTE_MS))} 分钟`;
  else if (span < 2 * DAY_MS) amount = `${Math.floor(span / HOUR_MS)} 小时`;
  else amount = `${Math.floor(span / DAY_MS)} 天`;
  return diff >= 0 ? { text: `剩 ${amount}`, overdue: false } : { text: `已超期 ${amount}`, overdue: true };
}

/** An ISO instant as the China date it falls on: "11月28日". */
export function formatDueDate(iso: string): string {
  const day = localDateOf(iso);
  return day ? formatMonthDay(day) : '';
}

/** What the comment is about, in a few words: "日程：到魏庄村调度…" / "干部：张三" / "事项：低保申请". */
export function targetLabel(target: TicketTarget): string {
  if (target.kind === 'entry' && target.entry) {
    const what = target.entry.what.length > 24 ? `${target.entry.what.slice(0, 24)}…` : target.entry.what;
    const who = target.official ? `${target.official.name} ` : '';
    return `${who}${formatMonthDay(target.entry.date)}日程：${what}`;
  }
  if (target.kind === 'official' && target.official) return `干部：${target.official.name}`;
  if (target.kind === 'matter' && target.matter) return `事项：${target.matter.name}`;
  return '';
}

/** Who has the ticket: "张三（党工委书记） · 城关街道" or "城关街道 督办队列". */
export function assigneeLabel(assignee: TicketAssignee): string {
  if (assignee.kind === 'official' && assignee.official) {
    const post = assignee.official.post ? `（${assignee.official.post}）` : '';
    return `${assignee.official.name}${post} · ${assignee.unit.name}`;
  }
  return `${assignee.unit.name} 督办队列`;
}

export const TICKET_EVENT_LABELS: Record<TicketEventType, string> = {
  submitted: '提交留言',
  assigned: '分派办理',
  acknowledged: '已受理',
  replied: '答复',
  resolved: '办结',
  closed: '关闭',
  transferred: '转办',
  reopened: '重新办理',
  withdrawn: '撤回',
  hidden: '屏蔽',
  approved: '审核通过',
  rated: '评价',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_rejected: '不同意延期',
  reminded: '催办提醒',
  escalated: '督办',
  scrubbed: '隐去个人信息',
  reported_hidden: '被多人举报，暂停公开',
  report_restored: '举报审核：恢复公开',
  report_upheld: '举报审核：不予公开',
};

export function ticketEventLabel(type: TicketEventType | string): string {
  return (TICKET_EVENT_LABELS as Record<string, string>)[type] ?? type;
}

/** 0.857 → "86%"; null → "—". */
export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${Math.round(rate * 100)}%`;
}

/** 5.25 → "5.3 小时"; 30 → "30 小时"; null → "—". */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '—';
  return `${hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours)} 小时`;
}

/** Who has a 工单 inbox: the officials tickets go to, and the supervisors (and admins) of the queues. */
export const INBOX_ROLES: Role[] = ['official', 'supervisor', 'admin'];

// --- pages --------------------------------------------------------------------------------

const TICKETS = '/packages/tickets';
/** What is commented on, as passed to the compose page (a page URL stays short). */
const LABEL_MAX = 40;

/** Where the 留言 pages are (subpackage packages/tickets: downloaded when first opened). */
export const ticketUrls = {
  /** 留言: `label` says what is commented on ("张三 · 到魏庄村调度…"). */
  compose(target: { planEntryId: number } | { officialId: number } | { matterId: number }, label?: string) {
    const [name, id] = Object.entries(target)[0] as [string, number];
    const short = label && label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
    const shown = short ? `&label=${encodeURIComponent(short)}` : '';
    return `${TICKETS}/compose/index?${name}=${id}${shown}`;
  },
  detail: (id: number) => `${TICKETS}/detail/index?id=${id}`,
  mine: () => `${TICKETS}/mine/index`,
  /** 消息: the in-app message centre (replies, results, new tickets, reminders). */
  messages: () => `${TICKETS}/messages/index`,
  lookup: (queryCode?: string) =>
    `${TICKETS}/lookup/index${queryCode ? `?code=${encodeURIComponent(queryCode)}` : ''}`,
  inbox: () => '/packages/staff/inbox/index',
};

/** A page parameter as written (weapp passes it still encoded, H5 may have decoded it). */
export function pageParam(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
