/**
 * 实绩公示栏 (public, no sign-in): one unit's weekly board — the data for the preview, and the
 * printable A4 PDF (H5: saved by the browser; weapp: opened in WeChat's document viewer).
 */
import type { UnitBoard } from '@jinri/shared';

import { downloadPdf } from './files';
import { request } from './request';

/** GET /units/:id/board.json; no week: the last completed one. */
export function getBoard(unitId: number, week?: string): Promise<UnitBoard> {
  return request<UnitBoard>({
    path: `/units/${unitId}/board.json`,
    query: week ? { week } : {},
    auth: false,
  });
}

/** GET /units/:id/board?week= — the PDF, named 实绩公示栏-单位-2026年第48周.pdf by the server. */
export function downloadBoardPdf(unitId: number, week: string, fallbackName: string): Promise<void> {
  return downloadPdf({ path: `/units/${unitId}/board`, query: { week } }, fallbackName);
}
