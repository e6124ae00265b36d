/** Reading the `details` of an ApiError: a 400's field problems, a refused spreadsheet's rows. */
import type { SheetRowError } from '@jinri/shared';

import { ApiError } from './request';

export interface FieldProblem {
  field: string;
  reasons: string[];
}

/** The `[{ field, reasons }]` list of a 400, or [] when the error has none. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { field, reasons } = d as { field?: unknown; reasons?: unknown };
    if (typeof field !== 'string') return [];
    const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
    return [{ field, reasons: list }];
  });
}

/** The bad rows of a refused spreadsheet (400 PLAN.SHEET_INVALID), or []. */
export function sheetRowErrors(error: unknown): SheetRowError[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { row, column, reason } = d as Partial<SheetRowError>;
    if (typeof reason !== 'string') return [];
    return [
      { row: typeof row === 'number' ? row : 0, column: typeof column === 'string' ? column : '', reason },
    ];
  });
}
