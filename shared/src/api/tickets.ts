/** Tickets (工单): every resident comment, tracked until the resident is satisfied. */
import type { TicketState } from '../constants.js';
import type { Page } from './directory.js';

/**
 * Where moderation stands. Nothing is public until a supervisor approves publication: `held` waits
 * in the 待审核 queue (every comment the author allows to be public, and any comment with a listed
 * word or flagged by WeChat); `passed` is a private comment with nothing flagged (never public);
 * `approved` is public; `hidden` is not.
 */
export type ModerationStatus = 'passed' | 'held' | 'approved' | 'hidden';

/** Kinds of event in a ticket's append-only history. */
export const TICKET_EVENT_TYPES = [
  'submitted',
  'assigned',
  'acknowledged',
  'replied',
  'resolved',
  'closed',
  'transferred',
  'reopened',
  'withdrawn',
  'hidden',
  'approved',
  'rated',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  'reminded',
  'escalated',
  'scrubbed',
  /** 3 different users reported the comment or the reply: hidden pending review (note: which). */
  'reported_hidden',
  /** The supervisor reviewed the reports: restored, or kept hidden. */
  'report_restored',
  'report_upheld',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** What the caller may do to a ticket now (computed by the server for each viewer). */
export type TicketAction =
  | 'acknowledge'
  | 'reply'
  | 'resolve'
  | 'transfer'
  | 'assign'
  | 'request_extension'
  | 'decide_extension'
  | 'moderate'
  | 'rate'
  | 'withdraw'
  /** 举报 a public comment or its reply (any signed-in user but the author; see `reported`). */
  | 'report';

/** Chinese labels of the states, for every screen. */
export const TICKET_STATE_LABELS: Record<TicketState, string> = {
  submitted: '已提交',
  assigned: '待受理',
  acknowledged: '已受理',
  replied: '已答复',
  resolved: '已办结待评价',
  closed: '已关闭',
  transferred: '已转办',
  reopened: '重新办理',
  withdrawn: '已撤回',
  hidden: '已屏蔽',
};

/** POST /tickets (header `Idempotency-Key`): exactly one of planEntryId, officialId, matterId. */
export interface TicketCreateRequest {
  planEntryId?: number;
  officialId?: number;
  matterId?: number;
  /** The resident's village or unit (routing by matter; shown masked as "金乡街道 村民 王**"). */
  unitId?: number;
  content: string;
  /** Upload ids (POST /uploads), at most 3. */
  photoIds?: string[];
  /** May the comment and its reply be shown publicly (after moderation)? */
  publicAllowed: boolean;
  /** For a call back; encrypted, seen masked by the assigned official, in full by admins. */
  contactPhone?: string;
  /** How the author wants to be called publicly ("王" → "王**"); optional. */
  authorName?: string;
}

export interface TicketAssignee {
  /** official: one person; queue: the supervisor queue of a unit (routing found nobody). */
  kind: 'official' | 'queue';
  official: { id: number; name: string; post: string } | null;
  unit: { id: number; name: string };
}

export interface TicketCreated {
  id: number;
  queryCode: string;
  status: TicketState;
  assignee: TicketAssignee;
  /** Resolution deadline (ISO). */
  dueAt: string;
  /** Acknowledgement deadline (ISO). */
  ackDueAt: string;
  moderation: ModerationStatus;
}

export interface TicketTarget {
  kind: 'entry' | 'official' | 'matter';
  entry: { id: number; what: string; date: string } | null;
  official: { id: number; name: string } | null;
  matter: { id: number; name: string } | null;
}

export interface TicketEventView {
  id: number;
  type: TicketEventType;
  from: TicketState | null;
  to: TicketState | null;
  /** "村民" / "张三（干部）" / "督查室" / "系统" — never a resident's name. */
  actor: string;
  note: string | null;
  at: string;
}

export interface TicketExtensionView {
  status: 'pending' | 'approved' | 'rejected';
  reason: string;
  days: number;
  /** The resolution deadline if approved. */
  newDueAt: string;
}

/** One line of a list (我的留言, the inbox). */
export interface TicketSummary {
  id: number;
  queryCode: string;
  status: TicketState;
  /** The first 60 characters. */
  excerpt: string;
  target: TicketTarget;
  assignee: TicketAssignee;
  ackDueAt: string;
  dueAt: string;
  /** Past its deadline and not resolved. */
  overdue: boolean;
  /** Escalated to the supervisor (a visible marker). */
  escalated: boolean;
  moderation: ModerationStatus;
  /** While `held`: when the publication review is due (working days, TICKET_REVIEW_WORKING_DAYS). */
  reviewDueAt: string | null;
  /** Held past its review deadline. */
  reviewOverdue: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /tickets/:id — for the author, the assignee and the staff in scope. */
export interface TicketView extends TicketSummary {
  content: string;
  photos: Array<{ id: string; url: string; thumbUrl: string }>;
  publicAllowed: boolean;
  /** Masked: "金乡街道 村民 王**". */
  author: string;
  /** Only for the assignee (masked) and admins (full); null otherwise. */
  contactPhone: string | null;
  reply: string | null;
  resolution: string | null;
  resolutionPhotos: Array<{ id: string; url: string; thumbUrl: string }>;
  rating: { satisfied: boolean; reason: string | null; at: string } | null;
  reopenCount: number;
  extension: TicketExtensionView | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Send it back with every change (optimistic locking: a stale version → 409 TICKET.VERSION_CONFLICT). */
  version: number;
  actions: TicketAction[];
  events: TicketEventView[];
  /** What the viewer has already reported (已举报); absent for the author and the staff. */
  reported?: TicketReportTarget[];
}

/** GET /tickets/lookup/:queryCode — what a neighbour who helped may see. */
export interface TicketStatusView {
  queryCode: string;
  status: TicketState;
  target: TicketTarget;
  assignee: TicketAssignee;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  events: Array<Omit<TicketEventView, 'note'>>;
}

/** A public ticket (publicAllowed and moderation passed): no contact data, the author masked. */
export interface PublicTicket {
  id: number;
  status: TicketState;
  content: string;
  author: string;
  target: TicketTarget;
  reply: string | null;
  resolution: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /tickets/similar — open public tickets on the same target with near-duplicate text. */
export interface SimilarTicket {
  id: number;
  status: TicketState;
  excerpt: string;
  createdAt: string;
  similarity: number;
}

/**
 * GET /notifications/templates — the subscribe-message template ids the mini-program asks the user
 * to accept (wx.requestSubscribeMessage, at most 3 per tap): a resident when sending a comment,
 * staff from the 工单 inbox.
 */
export interface SubscribeTemplates {
  resident: string[];
  staff: string[];
}

/** POST/DELETE /tickets/:id/follow — following a public ticket someone else sent. */
export interface TicketFollowState {
  following: boolean;
  followers: number;
}

/** GET /tickets/mine — the resident's tickets, and how many wait for their rating (resolved). */
export interface MyTickets extends Page<TicketSummary> {
  toRate: number;
}

export interface TicketInbox {
  items: TicketSummary[];
  counts: {
    open: number;
    overdue: number;
    dueToday: number;
    held: number;
    /** Held comments past their review deadline. */
    heldOverdue: number;
    extensions: number;
  };
  total: number;
  page: number;
  pageSize: number;
}

export type InboxFilter = 'open' | 'overdue' | 'held' | 'extensions' | 'done';

/** Bodies of the actions; every one carries the version the caller saw. */
export interface TicketVersioned {
  version: number;
}
export interface TicketReplyRequest extends TicketVersioned {
  content: string;
}
export interface TicketResolveRequest extends TicketVersioned {
  note: string;
  photoIds?: string[];
}
export interface TicketTransferRequest extends TicketVersioned {
  /** To another official, or (without) back to the supervisor queue of unitId. */
  officialId?: number;
  unitId?: number;
  reason: string;
}
export interface TicketAssignRequest extends TicketVersioned {
  officialId: number;
  note?: string;
}
export interface TicketExtensionRequest extends TicketVersioned {
  reason: string;
  /** Extra working days, 1–10. */
  days: number;
}
export interface TicketExtensionDecision extends TicketVersioned {
  approve: boolean;
  note?: string;
}
export interface TicketRateRequest extends TicketVersioned {
  satisfied: boolean;
  /** Required when not satisfied. */
  reason?: string;
}
export interface TicketWithdrawRequest extends TicketVersioned {
  reason?: string;
}
export interface TicketModerateRequest extends TicketVersioned {
  decision: 'approve' | 'hide';
  note?: string;
}

/** 举报: what is reported — the resident's comment, or the official's public answer (答复/办理结果). */
export type TicketReportTarget = 'comment' | 'reply';
export const TICKET_REPORT_REASONS = ['abuse', 'privacy', 'false', 'ad', 'illegal', 'other'] as const;
export type TicketReportReason = (typeof TICKET_REPORT_REASONS)[number];
export const TICKET_REPORT_REASON_LABELS: Record<TicketReportReason, string> = {
  abuse: '辱骂、人身攻击',
  privacy: '泄露他人隐私',
  false: '虚假、不实信息',
  ad: '广告、无关内容',
  illegal: '违法违规内容',
  other: '其他',
};
/** After this many reports from different users the target is hidden until a supervisor reviews it. */
export const TICKET_REPORT_THRESHOLD = 3;

/** POST /tickets/:id/report — idempotent per user and target. */
export interface TicketReportRequest {
  target: TicketReportTarget;
  reason: TicketReportReason;
  /** Optional words, up to 200 characters. */
  note?: string;
}
export interface TicketReportResult {
  target: TicketReportTarget;
  /** Always true: a second report of the same target by the same user is not counted again. */
  reported: true;
  /** The targets this user has reported on this ticket. */
  reportedTargets: TicketReportTarget[];
}

/** 响应率, 解决率, 满意率 and medians, per official or unit. Rates are 0–1, null with no tickets. */
export interface TicketFigures {
  total: number;
  /** Acknowledged within the deadline, among tickets due to be acknowledged. */
  responseRate: number | null;
  /** Resolved and not rated unsatisfied, among tickets past their resolution deadline or resolved. */
  resolutionRate: number | null;
  /** Satisfied among rated. */
  satisfactionRate: number | null;
  medianHoursToAcknowledge: number | null;
  medianHoursToResolve: number | null;
  open: number;
  overdue: number;
}

/** Reply templates an official can pick (the text is editable). */
export const REPLY_TEMPLATES = [
  '您好，您反映的问题已收到，我们正在核实处理，请耐心等待。',
  '您好，已安排工作人员到现场查看，处理结果会及时告知您。',
  '您好，该事项需提供相关材料，请于工作日到便民服务中心办理。',
  '您好，问题已协调相关部门处理完毕，如仍有问题请再次留言。',
] as const;

/** Limits shared by the form and the server. */
export const TICKET_LIMITS = {
  contentMin: 5,
  contentMax: 1000,
  replyMax: 1000,
  reasonMax: 200,
  photosMax: 3,
  extensionDaysMax: 10,
} as const;
