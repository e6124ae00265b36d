import type { UnitKind } from '../constants.js';

export interface UnitSummary {
  id: number;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

export interface OfficialSummary {
  id: number;
  name: string;
  post: string;
  unitId: number;
}

export interface MatterSummary {
  id: number;
  name: string;
  category: string;
  keywords: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /units?parentId= — a unit and its children (the root when parentId is omitted). */
export interface UnitChildrenResponse {
  unit: UnitSummary;
  /** The path from the root down to `unit` (for breadcrumbs). */
  ancestors: UnitSummary[];
  children: Array<UnitSummary & { childCount: number }>;
}
