/**
 * Reading an uploaded plan sheet (the layout: plan-sheet.ts). Never throws: a malformed file gives one
 * error on row 0; otherwise every bad cell is reported with its Excel row number and the Chinese header
 * of its column (plan-sheet.rows.ts), and nothing is returned to apply.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { PlanEntryInput } from '@jinri/shared';
import {
  type CellError,
  compact,
  isBlank,
  isCellError,
  positiveInteger,
  type Scalar,
  toText,
  unwrap,
} from '../../common/spreadsheet/cells';
import {
  eachDataRow,
  fileError,
  findHeaderRow,
  type HeaderRow,
  headerKeyMap,
  loadWorkbook,
  SheetErrors,
} from '../../common/spreadsheet/workbook';
import {
  COLUMN,
  CONTENT_KEYS,
  DEFAULT_MAX_ENTRIES_PER_OFFICIAL,
  INSTRUCTIONS_SHEET_NAME,
  OPTIONS_SHEET_NAME,
  type ParseResult,
  SHEET_COLUMNS,
  SHEET_NAME,
  type SheetColumnKey,
  type SheetContext,
} from './plan-sheet';
import { checkAcrossRows, type EntryRow, lookupsOf, parseRow, resolveOfficial } from './plan-sheet.rows';

/** Reading limits, so a hostile or runaway file cannot keep the server busy. */
const MAX_SHEET_ROWS = 20_000;
const MAX_DATA_ROWS = 5_000;

/**
 * Reads an uploaded sheet. Officials whose rows carry no content are left out of `plans` (their plans are
 * not touched); an official all of whose pre-filled entries were cleared is returned with no entries.
 * Entries keep the file order.
 */
export async function parsePlanSheet(file: Buffer, context: SheetContext): Promise<ParseResult> {
  try {
    return await parse(file, context);
  } catch {
    return fileError('无法读取文件内容，请使用下载的模板重新填写后上传。');
  }
}

async function parse(file: Buffer, context: SheetContext): Promise<ParseResult> {
  const workbook = await loadWorkbook(file, MAX_SHEET_ROWS, {
    empty: '文件为空，请选择填写好的 Excel（.xlsx）文件。',
    wrongType: '文件不是 Excel（.xlsx）格式，请使用下载的模板填写后上传（不支持 .csv、.xls 和 .et）。',
    invalid: '文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传。',
  });
  if (typeof workbook === 'string') return fileError(workbook);

  const located = locateTable(workbook);
  if ('error' in located) return fileError(located.error);
  const { sheet, header } = located;

  const planDate = findPlanDate(sheet, header.row);
  if (!planDate) {
    return fileError(`未找到计划日期（表头上方应有「计划日期：${context.date}」），请重新下载模板填写。`);
  }
  if (planDate !== context.date) {
    return fileError(
      `这是 ${planDate} 的计划表，不能导入到 ${context.date}，请下载 ${context.date} 的模板。`,
    );
  }

  const lookups = lookupsOf(context);
  const maxEntries = context.maxEntriesPerOfficial ?? DEFAULT_MAX_ENTRIES_PER_OFFICIAL;
  const errors = new SheetErrors();
  const entries: EntryRow[] = [];
  /** Officials with a pre-filled entry row (it has an entry id) left without content: the clerk cleared it. */
  const cleared = new Set<number>();
  let contentRows = 0;
  let tooManyRows = false;

  eachDataRow(sheet, header, false, (rowNumber, cells) => {
    const cell = (key: SheetColumnKey): Scalar | CellError => cells.get(key) ?? null;
    if (CONTENT_KEYS.every((key) => isBlank(cell(key)))) {
      if (positiveInteger(cell('entryId')) !== null) {
        const resolved = resolveOfficial(cell('officialId'), cell('name'), lookups);
        if ('official' in resolved) cleared.add(resolved.official.id);
      }
      return true;
    }
    if (++contentRows > MAX_DATA_ROWS) {
      tooManyRows = true;
      return false;
    }
    const parsed = parseRow(rowNumber, cell, lookups, errors);
    if (parsed) entries.push(parsed);
    return true;
  });

  if (tooManyRows) return fileError(`数据行过多（超过 ${MAX_DATA_ROWS} 行），请分批上传。`);

  checkAcrossRows(entries, lookups.byId, maxEntries, errors);
  if (errors.count > 0) return { ok: false, errors: errors.sorted() };

  const plans = new Map<number, PlanEntryInput[]>();
  const usedEntryIds = new Set<number>();
  for (const { officialId, entry } of entries) {
    if (!entry) continue;
    if (entry.id !== undefined) {
      // A copied row carries the id of the row it was copied from: only the first keeps it.
      if (usedEntryIds.has(entry.id)) delete entry.id;
      else usedEntryIds.add(entry.id);
    }
    plans.set(officialId, [...(plans.get(officialId) ?? []), entry]);
  }
  for (const officialId of cleared) if (!plans.has(officialId)) plans.set(officialId, []);
  if (plans.size === 0) {
    return fileError('表中没有填写任何工作内容，请填写后再上传。');
  }
  return {
    ok: true,
    plans: context.officials
      .filter((official) => plans.has(official.id))
      .map((official) => ({ officialId: official.id, entries: plans.get(official.id) ?? [] })),
  };
}

type Located = { sheet: Worksheet; header: HeaderRow<SheetColumnKey> } | { error: string };

const HEADER_BY_TEXT = headerKeyMap(SHEET_COLUMNS);

/** The sheet named 明日计划 (or, when renamed, the first sheet with a header row) and its header row. */
function locateTable(workbook: Workbook): Located {
  const named = workbook.worksheets.find((sheet) => compact(sheet.name) === SHEET_NAME);
  const candidates = named
    ? [named]
    : workbook.worksheets.filter(
        (sheet) => ![INSTRUCTIONS_SHEET_NAME, OPTIONS_SHEET_NAME].includes(sheet.name),
      );
  /** The best row that looks like a header but lacks a needed column. */
  let partial: Map<SheetColumnKey, number> | null = null;
  for (const sheet of candidates) {
    const header = findHeaderRow(sheet, HEADER_BY_TEXT, (columns) => missingHeaders(columns).length === 0);
    if (header.row) return { sheet, header };
    if (header.columns.size >= 3 && header.columns.size > (partial?.size ?? 0)) partial = header.columns;
  }
  if (partial) {
    return { error: `表头缺少${missingHeaders(partial).join('、')}列，请使用下载的模板，不要修改表头。` };
  }
  const where = named ? `「${SHEET_NAME}」工作表中未找到表头行` : `未找到「${SHEET_NAME}」工作表或表头行`;
  return { error: `${where}（${headerList()}），请使用下载的模板。` };
}

/** The headers a table cannot do without, formatted for a message. */
function missingHeaders(columns: Map<SheetColumnKey, number>): string[] {
  const missing: string[] = [];
  const quote = (key: SheetColumnKey) => `「${COLUMN[key].header}」`;
  if (!columns.has('officialId') && !columns.has('name')) {
    missing.push(`${quote('officialId')}或${quote('name')}`);
  }
  if (!columns.has('startTime') && !columns.has('period')) {
    missing.push(`${quote('startTime')}或${quote('period')}`);
  }
  for (const key of ['what', 'kind'] as const) if (!columns.has(key)) missing.push(quote(key));
  return missing;
}

function headerList(): string {
  return SHEET_COLUMNS.filter((column) => !column.hidden)
    .map((column) => column.header)
    .join('、');
}

/** The plan date written above the header (YYYY-MM-DD or YYYY年M月D日, or a date cell). */
function findPlanDate(sheet: Worksheet, headerRow: number): string | null {
  for (let rowNumber = 1; rowNumber < headerRow; rowNumber++) {
    let found: string | null = null;
    sheet.findRow(rowNumber)?.eachCell((cell) => {
      if (found) return;
      const value = unwrap(cell.value);
      if (value instanceof Date) {
        found = Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
        return;
      }
      if (isCellError(value)) return;
      const match = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(
        toText(value).normalize('NFKC'),
      );
      if (match) found = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    });
    if (found) return found;
  }
  return null;
}
