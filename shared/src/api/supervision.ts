import type { FindingKind, FindingState, NoticeState, SelfExamState } from '../constants.js';
import type { Page } from './directory.js';
import type { LocalDate } from './journals.js';

/** A photo as the API shows it (the same shape as an entry update's photos). */
export interface SupervisionPhoto {
  id: string;
  url: string;
  thumbUrl: string;
}

/** A place on the map (spot-check photos, shown to supervisors only). */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/**
 * What a finding rests on, by kind. Every field is a fact the supervisor can check: the entry texts
 * as they were published (not as they read now), the deadline and the submission time, the ticket.
 */
export type FindingEvidence =
  | { kind: 'missing'; dueAt: string; onLeave: false }
  | { kind: 'late'; dueAt: string; submittedAt: string; minutesLate: number }
  | {
      kind: 'vague';
      entries: Array<{ entryId: number; what: string; place: string | null; warnings: string[] }>;
    }
  | {
      kind: 'repeated';
      entries: Array<{
        entryId: number;
        what: string;
        /** The earlier entries it nearly copies (most similar first), with their dates. */
        similarTo: Array<{ date: LocalDate; what: string; similarity: number }>;
      }>;
      /** Working days in a row (up to this date) with a near-copy of the same entry. */
      streakDays: number;
    }
  | { kind: 'weekly_missing'; weekStart: LocalDate; dueAt: string }
  | { kind: 'weekly_late'; weekStart: LocalDate; dueAt: string; submittedAt: string; minutesLate: number }
  | {
      kind: 'ticket_overdue';
      ticketId: number;
      queryCode?: string;
      /** The ticket's subject as the official sees it (never the resident's name or phone). */
      summary: string;
      dueAt: string;
      state: string;
    }
  | {
      kind: 'absent';
      spotCheckId: number;
      entryId: number;
      what: string;
      place: string | null;
      planned: string;
      visitedAt: string;
      note: string;
    }
  | { kind: 'self_exam_overdue'; selfExamId: number; noticeId: number; noticeNumber: string; dueAt: string };

export interface FindingView {
  id: number;
  officialId: number;
  official: { id: number; name: string; post: string };
  unit: { id: number; name: string };
  /** The day the finding is about (the plan's date; the Monday of a weekly report's week). */
  date: LocalDate;
  kind: FindingKind;
  evidence: FindingEvidence;
  state: FindingState;
  /** The official may explain (申辩) until then (1 working day after the finding). */
  explainDueAt: string;
  explanation: { text: string; photos: SupervisionPhoto[]; at: string } | null;
  decision: { state: 'confirmed' | 'dismissed'; note: string | null; at: string } | null;
  /** The notice that cites it, once one does. */
  notice: { id: number; number: string | null } | null;
  createdAt: string;
  /** Optimistic lock: send it back with confirm / dismiss. */
  version: number;
}

/** One step in a finding's, spot check's, notice's or self-examination's life (append-only). */
export interface SupervisionEventView {
  id: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  /** 本人 / 督查室 / 系统 (never a user id). */
  actor: string;
  note: string | null;
  at: string;
}

export interface FindingDetail extends FindingView {
  events: SupervisionEventView[];
}

/**
 * GET /supervision/findings?unitId=&from=&to=&kind=&state=&officialId=&page= — supervisors and
 * admins of the scope only. `findings` is the page's rows.
 */
export interface FindingsResponse {
  findings: FindingView[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /supervision/findings/:id/explain — the official themselves, within explainDueAt. */
export interface ExplainFindingRequest {
  text: string;
  photoIds?: string[];
}

/** POST /supervision/findings/:id/confirm | /dismiss — a supervisor of the scope. */
export interface DecideFindingRequest {
  version: number;
  /** Required to dismiss; optional to confirm. */
  note?: string;
}

/** GET /supervision/summary?unitId=&date= — the supervisor's morning at a glance. */
export interface SupervisionSummary {
  date: LocalDate;
  /** Counts by unit (the scope's direct children, or the unit itself) and kind, for findings dated `date`. */
  units: Array<{
    unit: { id: number; name: string };
    counts: Partial<Record<FindingKind, number>>;
    total: number;
  }>;
  totals: Partial<Record<FindingKind, number>>;
  /** Findings explained and waiting for a decision (the explanation queue). */
  awaitingDecision: number;
  /** Findings still open. */
  open: number;
  overdueTickets: number;
  onLeave: Array<{
    official: { id: number; name: string };
    unit: { id: number; name: string };
    endDate: LocalDate;
  }>;
  spotChecksToday: number;
  /** Self-examinations the officials still owe (pending, or returned to be written again). */
  pendingSelfExams: number;
  /** Self-examinations handed in and waiting for the supervisor's review. */
  submittedSelfExams?: number;
}

/** GET /supervision/trend?unitId=&weeks=8 — per unit and week, rates from 0 to 1 (null: no working day). */
export interface SupervisionTrend {
  weeks: LocalDate[];
  units: Array<{
    unit: { id: number; name: string };
    points: Array<{
      weekStart: LocalDate;
      /** Plans submitted / official working days owed. */
      submission: number | null;
      /** Submitted on time / submitted. */
      onTime: number | null;
      /** Days with a vague or repeated finding / plans published. */
      vagueOrRepeated: number | null;
    }>;
  }>;
}

/** GET /supervision/spot-check-candidates?unitId=&placeUnitId=&q= — today's published entries. */
export interface SpotCheckCandidate {
  entryId: number;
  official: { id: number; name: string; post: string };
  unit: { id: number; name: string };
  startTime: string | null;
  endTime: string | null;
  period: string | null;
  place: string | null;
  placeUnit: { id: number; name: string } | null;
  what: string;
  /** Changed after publication ("已修改 HH:mm"): a visit must compare with the revision in force. */
  modifiedAt: string | null;
}

/** POST /supervision/spot-check-samples — a recorded, reproducible random draw of today's entries. */
export interface SpotCheckSampleRequest {
  unitId: number;
  size: number;
  placeUnitId?: number;
  /** Leave out to let the server pick one; the same seed over the same candidates draws the same entries. */
  seed?: string;
}

export interface SpotCheckSampleView {
  id: number;
  date: LocalDate;
  unit: { id: number; name: string };
  seed: string;
  /** The entry ids the draw was made from, in the documented order (ascending id). */
  candidateIds: number[];
  picked: SpotCheckCandidate[];
  drawnAt: string;
}

/** POST /supervision/spot-checks */
export interface SpotCheckRequest {
  entryId: number;
  /** When the supervisor was at the place (today, not in the future). */
  visitedAt: string;
  found: boolean;
  note: string;
  photoIds?: string[];
  location?: GeoPoint | null;
  sampleId?: number;
}

export interface SpotCheckView {
  id: number;
  entry: SpotCheckCandidate;
  visitedAt: string;
  found: boolean;
  note: string;
  photos: SupervisionPhoto[];
  location: GeoPoint | null;
  sampleId: number | null;
  /** The `absent` finding it opened; null when found, or when the plan was revised before the visit. */
  findingId: number | null;
  /** Why no finding was opened although nobody was found. */
  noFindingReason: string | null;
  createdAt: string;
}

/** A fact of a notice: one person's confirmed findings (grouped by unit in `NoticeView.facts`). */
export interface NoticeFact {
  unit: { id: number; name: string };
  people: Array<{
    official: { id: number; name: string; post: string };
    findings: Array<{ id: number; date: LocalDate; kind: FindingKind; text: string }>;
  }>;
}

/** POST /supervision/notices — a draft from the confirmed findings of a period and scope. */
export interface DraftNoticeRequest {
  unitId: number;
  from: LocalDate;
  to: LocalDate;
  /** Leave out for every confirmed finding of the period and scope not yet in a notice. */
  findingIds?: number[];
}

/** PUT /supervision/notices/:id — drafts only. */
export interface UpdateNoticeRequest {
  version: number;
  title?: string;
  preface?: string;
  requirement?: string;
  issuer?: string;
  /** Cite exactly these (confirmed, in scope) findings. */
  findingIds?: number[];
  /** Working days the officials cited have for a written self-examination (0: none required). */
  selfExamWorkingDays?: number;
}

export interface NoticeView {
  id: number;
  state: NoticeState;
  /** 督通字〔2026〕3号 once issued; null while a draft. */
  number: string | null;
  year: number;
  unit: { id: number; name: string };
  periodFrom: LocalDate;
  periodTo: LocalDate;
  title: string;
  preface: string;
  facts: NoticeFact[];
  requirement: string;
  selfExamWorkingDays: number;
  issuer: string;
  /** The issue date (the day it was issued), or today's date on a draft. */
  issueDate: LocalDate;
  issuedAt: string | null;
  findingIds: number[];
  version: number;
  createdAt: string;
}

export interface NoticeDetail extends NoticeView {
  selfExaminations: SelfExamView[];
  events: SupervisionEventView[];
  /**
   * A draft only: the number issuing it now would take (督通字〔2026〕4号), shown in the 印发
   * confirmation; another notice issued first takes it. Left out by servers that do not say.
   */
  nextNumber?: string | null;
}

/** GET /supervision/notices?unitId=&state=&page= */
export type NoticePage = Page<NoticeView>;

export interface SelfExamView {
  id: number;
  notice: { id: number; number: string | null; title: string };
  official: { id: number; name: string; post: string };
  state: SelfExamState;
  dueAt: string;
  text: string | null;
  photos: SupervisionPhoto[];
  submittedAt: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  overdue: boolean;
  version: number;
}

/** POST /supervision/self-examinations/:id/submit — the official themselves. */
export interface SubmitSelfExamRequest {
  text: string;
  photoIds?: string[];
}

/** POST /supervision/self-examinations/:id/accept | /return — a supervisor of the scope. */
export interface DecideSelfExamRequest {
  version: number;
  /** Required to return; optional to accept. */
  note?: string;
}

/** GET /me/supervision — the official's own findings and self-examinations. */
export interface MySupervision {
  findings: FindingView[];
  selfExaminations: SelfExamView[];
  notices: NoticeView[];
}

export const SUPERVISION_LIMITS = {
  pageSize: 20,
  explanationMax: 1000,
  noteMax: 500,
  selfExamMax: 5000,
  titleMax: 100,
  prefaceMax: 2000,
  requirementMax: 1000,
  issuerMax: 50,
  photosMax: 9,
  /** A draft cites at most this many findings. */
  noticeFindingsMax: 500,
  /** A period of a notice is at most a year. */
  noticePeriodMaxDays: 366,
} as const;
