/** Clerk batch entry: every plan of a unit for a day, by form or by spreadsheet. */
import type { BatchPlansRequest, BatchPlansView, LocalDate } from '@jinri/shared';

import { downloadXlsx, type PickedFile } from './files';
import { upload, request } from './request';

export function getUnitPlans(unitId: number, date: LocalDate): Promise<BatchPlansView> {
  return request<BatchPlansView>({ path: `/units/${unitId}/plans`, query: { date } });
}

/** All or nothing: 400 PLAN.INVALID_ENTRY with fields `plans.<i>.entries.<j>.<field>`. */
export function saveUnitPlans(unitId: number, body: BatchPlansRequest): Promise<BatchPlansView> {
  return request<BatchPlansView>({ method: 'PUT', path: `/units/${unitId}/plans`, data: body });
}

/** POST /units/:unitId/plans/import?date= — 400 PLAN.SHEET_INVALID (see sheetRowErrors) imports nothing. */
export function importUnitPlans(
  unitId: number,
  date: LocalDate,
  picked: PickedFile,
): Promise<BatchPlansView> {
  return upload<BatchPlansView>({
    path: `/units/${unitId}/plans/import`,
    query: { date },
    file: { path: picked.path, blob: picked.file, name: picked.name },
  });
}

/**
 * GET /units/:unitId/plans/template.xlsx?date= — the sheet to fill (with what is already there).
 * H5: saved by the browser. weapp: opened in WeChat's document viewer, whose menu can forward it
 * to a computer or another chat.
 */
export function downloadUnitTemplate(unitId: number, date: LocalDate): Promise<void> {
  return downloadXlsx(
    { path: `/units/${unitId}/plans/template.xlsx`, query: { date } },
    `明日计划-${date}.xlsx`,
  );
}
