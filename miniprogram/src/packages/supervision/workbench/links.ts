/**
 * Where the supervisor's pages lead (workbench → findings list → one finding) and what their
 * filters are called. Shared by the three pages of this package; the URLs carry the filters so a
 * tap on a count opens exactly the rows it counted.
 */
import {
  APP_PAGES,
  FINDING_KINDS,
  FINDING_STATES,
  type FindingKind,
  type FindingState,
  type LocalDate,
} from '@jinri/shared';

import type { ChipTone } from '@/components/Chip';

export const SUPERVISOR_ROLES = ['supervisor', 'admin'] as const;

export const FINDING_STATE_TONES: Record<FindingState, ChipTone> = {
  open: 'warning',
  explained: 'info',
  confirmed: 'danger',
  dismissed: 'neutral',
};

/** What the findings list is asked for (and its URL says). */
export interface FindingsLink {
  unitId?: number;
  /** Shown on the list ("东关社区"), since the list has no other way to name the unit. */
  unitName?: string;
  kind?: FindingKind;
  state?: FindingState;
  date?: LocalDate;
}

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const supervisionUrls = {
  workbench: (unitId?: number, unitName?: string) =>
    `/${APP_PAGES.supervisionWorkbench}${query({ unitId, unitName })}`,
  findings: (link: FindingsLink = {}) => `/packages/supervision/findings/index${query({ ...link })}`,
  finding: (id: number) => `/${APP_PAGES.supervisionFinding}${query({ id })}`,
  spotCheck: () => `/${APP_PAGES.supervisionSpotCheck}`,
  notices: () => '/packages/supervision/notices/index',
  notice: (id: number) => `/${APP_PAGES.supervisionNotice}${query({ id })}`,
  /** The staff inbox (工单): its 已超期 tab lists the overdue ones. */
  inbox: () => `/${APP_PAGES.staffInbox}`,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(raw: string | undefined): number | undefined {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The filters of a findings URL (unknown or malformed values are dropped). */
export function parseFindingsLink(params: Record<string, string | undefined>): FindingsLink {
  const kind = params.kind as FindingKind | undefined;
  const state = params.state as FindingState | undefined;
  const unitName = params.unitName ? safeDecode(params.unitName) : undefined;
  return {
    unitId: positiveInt(params.unitId),
    unitName: positiveInt(params.unitId) ? unitName : undefined,
    kind: kind && FINDING_KINDS.includes(kind) ? kind : undefined,
    state: state && FINDING_STATES.includes(state) ? state : undefined,
    date: params.date && DATE.test(params.date) ? params.date : undefined,
  };
}

/** The id of a page URL (?id=12), or null. */
export function idParam(raw: string | undefined): number | null {
  return positiveInt(raw) ?? null;
}

export function unitParam(params: Record<string, string | undefined>): { id?: number; name?: string } {
  const id = positiveInt(params.unitId);
  return { id, name: id && params.unitName ? safeDecode(params.unitName) : undefined };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
