/**
 * The spreadsheet a clerk (信息员) downloads, fills in Excel or WPS and uploads back to enter tomorrow's
 * plans of every official of their unit.
 *
 * Workbook layout:
 * - "明日计划": row 1 carries the plan date and the unit (the upload is checked against the date), row 2 is
 *   the one header row (frozen), data starts on row 3, one row per entry. Every official gets a pre-filled
 *   row (or one row per existing entry, so re-uploading is an edit).
 * - "填写说明": the rules, generated from SHEET_COLUMNS.
 * - "选项" (hidden): the dropdown lists the data validations point at (kinds and meeting names can be longer
 *   than the 255 characters an inline list allows, and may contain commas).
 *
 * This file defines the sheet; plan-sheet.template.ts writes it, plan-sheet.parse.ts reads an upload and
 * plan-sheet.rows.ts checks its rows. The skeleton shared with the directory workbook is
 * common/spreadsheet/workbook.ts.
 */
import { PLAN_PLACE_MAX_LENGTH, PLAN_WHAT_MAX_LENGTH } from '@jinri/shared';
import type { DayPeriod, PlanEntryInput, SheetRowError } from '@jinri/shared';

export interface SheetOfficial {
  id: number;
  name: string;
  post: string;
}

export interface SheetContext {
  unitName: string;
  /** YYYY-MM-DD, the plan date. */
  date: string;
  /** Who may appear (the unit's officials), in display order. */
  officials: SheetOfficial[];
  /** Allowed entry kinds (会议, 下村/实地 …). */
  kinds: string[];
  /** Standard meeting names (党委会, 周例会 …). */
  meetingNames: string[];
  /** Default 12. */
  maxEntriesPerOfficial?: number;
}

export type ParseResult =
  | { ok: true; plans: Array<{ officialId: number; entries: PlanEntryInput[] }> }
  | { ok: false; errors: SheetRowError[] };

export type SheetColumnKey =
  | 'officialId'
  | 'name'
  | 'post'
  | 'startTime'
  | 'endTime'
  | 'period'
  | 'place'
  | 'what'
  | 'kind'
  | 'meetingName'
  | 'entryId';

/** Where a dropdown takes its items from. */
export type SheetListSource = 'officialNames' | 'periods' | 'kinds' | 'meetingNames';

export type SheetValidation =
  /** strict: Excel refuses other values; otherwise it only warns. */
  | { type: 'list'; source: SheetListSource; strict: boolean }
  | { type: 'time' }
  | { type: 'maxLength'; max: number };

export interface SheetColumn {
  key: SheetColumnKey;
  /** The header text, also the `column` of a SheetRowError. */
  header: string;
  width: number;
  /** Must be filled on every row that has content. */
  required: boolean;
  /** Hidden in the template (system data the clerk should not touch). */
  hidden?: boolean;
  /** Shown when the cell is selected and on the instructions sheet. */
  hint: string;
  validation?: SheetValidation;
}

export const SHEET_NAME = '明日计划';
export const INSTRUCTIONS_SHEET_NAME = '填写说明';
export const OPTIONS_SHEET_NAME = '选项';
/** Row 1 holds the date and the unit; row 2 is the header; data starts on row 3. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

export const WHAT_MAX_LENGTH = PLAN_WHAT_MAX_LENGTH;
export const PLACE_MAX_LENGTH = PLAN_PLACE_MAX_LENGTH;
export const DEFAULT_MAX_ENTRIES_PER_OFFICIAL = 12;
/** The kind whose entries may name a standard meeting. */
export const MEETING_KIND = '会议';

/** The columns in sheet order (A, B, …). */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'officialId',
    header: '干部编号',
    width: 10,
    required: false,
    hint: '系统编号，用于识别干部（同名时以编号为准），请勿修改。新增一行时请连同姓名一起复制。',
    validation: undefined,
  },
  {
    key: 'name',
    header: '姓名',
    width: 10,
    required: false,
    hint: '须与编号对应。只填姓名、不填编号时，该姓名在本单位必须唯一。',
    validation: { type: 'list', source: 'officialNames', strict: false },
  },
  { key: 'post', header: '职务', width: 16, required: false, hint: '仅供核对，上传时不读取。' },
  {
    key: 'startTime',
    header: '开始时间',
    width: 10,
    required: false,
    hint: '如 08:30。开始时间与时段至少填一项。',
    validation: { type: 'time' },
  },
  {
    key: 'endTime',
    header: '结束时间',
    width: 10,
    required: false,
    hint: '如 11:30，须晚于开始时间；可不填。',
    validation: { type: 'time' },
  },
  {
    key: 'period',
    header: '时段',
    width: 8,
    required: false,
    hint: '上午、下午或全天，从下拉列表选择。',
    validation: { type: 'list', source: 'periods', strict: true },
  },
  {
    key: 'place',
    header: '地点',
    width: 20,
    required: false,
    hint: `最多 ${PLACE_MAX_LENGTH} 字。`,
    validation: { type: 'maxLength', max: PLACE_MAX_LENGTH },
  },
  {
    key: 'what',
    header: '工作内容',
    width: 44,
    required: true,
    hint: `必填，最多 ${WHAT_MAX_LENGTH} 字。`,
    validation: { type: 'maxLength', max: WHAT_MAX_LENGTH },
  },
  {
    key: 'kind',
    header: '类别',
    width: 14,
    required: true,
    hint: '必填，从下拉列表选择。',
    validation: { type: 'list', source: 'kinds', strict: true },
  },
  {
    key: 'meetingName',
    header: '会议名称',
    width: 16,
    required: false,
    hint: `仅在类别为「${MEETING_KIND}」时填写，从下拉列表选择；非固定会议可不填。`,
    validation: { type: 'list', source: 'meetingNames', strict: true },
  },
  {
    key: 'entryId',
    header: '条目编号',
    width: 10,
    required: false,
    hidden: true,
    hint: '系统用于保留修改记录（隐藏列），请勿修改。',
  },
];

export const COLUMN = Object.fromEntries(SHEET_COLUMNS.map((column) => [column.key, column])) as Record<
  SheetColumnKey,
  SheetColumn
>;
export const COLUMN_INDEX = Object.fromEntries(
  SHEET_COLUMNS.map((column, i) => [column.key, i + 1]),
) as Record<SheetColumnKey, number>;
/** The columns whose content makes a row an entry (identity columns alone do not). */
export const CONTENT_KEYS: readonly SheetColumnKey[] = [
  'startTime',
  'endTime',
  'period',
  'place',
  'what',
  'kind',
  'meetingName',
];
export const PERIODS: readonly DayPeriod[] = ['am', 'pm', 'allday'];
