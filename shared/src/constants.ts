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
