/** Roles a user can hold (see the domain brief). */
export const ROLES = ['resident', 'official', 'clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of node in the administrative tree. */
export const UNIT_KINDS = ['county', 'town', 'village', 'department', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Standard kinds of plan entry; the admin maintains the list, these are the defaults. */
export const ENTRY_KINDS = [
  '会议',
  '下村/实地',
  '接访/接待',
  '办公室坐班',
  '外出学习/开会',
  '督导检查',
  '其他',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Standard meeting names, so the public understands what a "会议" entry is. */
export const MEETING_NAMES = [
  '党委（党组）会议',
  '政府常务会议',
  '主任（镇长）办公会',
  '周例会',
  '专题调度会',
  '党员大会',
  '村（居）两委会议',
  '群众代表会议',
  '视频会议',
  '培训会',
] as const;

/** Ticket states (the closed loop, after the 12345 hotline practice). */
export const TICKET_STATES = [
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
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TIME_ZONE = 'Asia/Shanghai';

/** Default rules; each jurisdiction can change them. Times are local (Asia/Shanghai), "HH:mm". */
export const DEFAULT_RULES = {
  planDueTime: '18:00',
  publicationTime: '08:00',
  weeklyReportDue: { weekday: 7, time: '12:00' },
  reminderTime: '17:00',
  ticketAcknowledgeWorkingDays: 1,
  ticketResolveWorkingDays: 5,
  ticketAutoCloseDays: 7,
  ticketRetentionDays: 180,
} as const;

/** API prefix of every route but the static H5 app. */
export const API_PREFIX = 'api/v1';

/**
 * A random id the mini-program keeps in storage and sends with every request, so that guessing
 * (invite codes) can be braked per device as well as per user and per address. Not an identity.
 */
export const DEVICE_ID_HEADER = 'X-Device-Id';
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * 督查 findings of the morning check. `self_exam_overdue`: a required written self-examination
 * (书面检查) was not submitted by its deadline.
 */
export const FINDING_KINDS = [
  'missing',
  'late',
  'vague',
  'repeated',
  'weekly_missing',
  'weekly_late',
  'ticket_overdue',
  'absent',
  'self_exam_overdue',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** What each finding kind is called on the supervisor's and the official's pages. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  missing: '未报送',
  late: '迟报',
  vague: '内容笼统',
  repeated: '内容重复',
  weekly_missing: '周报未报',
  weekly_late: '周报迟报',
  ticket_overdue: '工单超期',
  absent: '抽查不在岗',
  self_exam_overdue: '检查逾期',
};

/** open → explained (申辩) → confirmed | dismissed; open → confirmed | dismissed directly. */
export const FINDING_STATES = ['open', 'explained', 'confirmed', 'dismissed'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

export const FINDING_STATE_LABELS: Record<FindingState, string> = {
  open: '待处理',
  explained: '已申辩',
  confirmed: '已认定',
  dismissed: '已撤销',
};

/** 督察通报: a draft is editable; an issued notice is immutable. */
export const NOTICE_STATES = ['draft', 'issued'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** 书面检查: pending → submitted → accepted | returned (→ submitted again). */
export const SELF_EXAM_STATES = ['pending', 'submitted', 'accepted', 'returned'] as const;
export type SelfExamState = (typeof SELF_EXAM_STATES)[number];

export const SELF_EXAM_STATE_LABELS: Record<SelfExamState, string> = {
  pending: '待提交',
  submitted: '待审核',
  accepted: '已通过',
  returned: '已退回',
};

/** Supervision defaults (domain brief): explain within 1 working day, self-examine within 3. */
export const SUPERVISION_RULES = {
  explainWorkingDays: 1,
  selfExamWorkingDays: 3,
  /** Entries of earlier working days compared for near-copies (a month of weekdays). */
  repeatLookbackWorkingDays: 20,
  /** A spot-check sample draws at most this many of today's entries. */
  sampleMax: 20,
  /** Notice number: 督通字〔2026〕3号. */
  noticePrefix: '督通字',
} as const;

/** 抽签晒 (issue #14): journals drawn per county and week, and when the seed is revealed. */
export const LOTTERY_RULES = {
  /** Journals drawn per county and week (all of them when there are fewer candidates). */
  drawSize: 5,
  /** The seed is revealed and the draw done on the Monday after the week, at this local time. */
  revealTime: '09:00',
  pageSize: 20,
} as const;
