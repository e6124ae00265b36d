/**
 * Reading an edited directory workbook back (the layout: directory-sheet.ts). Parsing is pure (the caller
 * passes the current directory) and never throws: a malformed file gives errors on row 0; otherwise every
 * bad cell is reported with its Excel row and "<sheet>·<header>" (directory-sheet.checks.ts), and nothing
 * is returned to apply.
 */
import type { Workbook } from 'exceljs';
import type { SheetRowError } from '@jinri/shared';
import { compact, isBlank } from '../../common/spreadsheet/cells';
import { localDate } from '../../common/time/local-time';
import {
  eachDataRow,
  fileError,
  findHeaderRow,
  headerKeyMap,
  loadWorkbook,
  SheetErrors,
} from '../../common/spreadsheet/workbook';
import {
  codeKey,
  type DirectoryData,
  type DirectoryParseOptions,
  type DirectoryParseResult,
  TABLES,
  type TableName,
  tableOf,
} from './directory-sheet';
import {
  type Cells,
  checkDuties,
  checkOfficials,
  checkPosts,
  checkUnits,
  Row,
} from './directory-sheet.checks';

/** Reading limits, so a hostile or runaway file cannot keep the server busy. */
const MAX_SHEET_ROWS = 50_000;
const MAX_DATA_ROWS = 10_000;

/** Reads an edited workbook against the current directory (see the module comment). */
export async function parseDirectoryWorkbook(
  file: Buffer,
  current: DirectoryData,
  options?: DirectoryParseOptions,
): Promise<DirectoryParseResult> {
  try {
    return await parse(file, current, options?.today ?? localDate(new Date()));
  } catch {
    return fileError('无法读取文件内容，请使用导出的表格修改后上传。');
  }
}

async function parse(file: Buffer, current: DirectoryData, today: string): Promise<DirectoryParseResult> {
  const workbook = await loadWorkbook(file, MAX_SHEET_ROWS, {
    empty: '文件为空，请选择修改好的 Excel（.xlsx）文件。',
    wrongType: '文件不是 Excel（.xlsx）格式，请使用导出的表格修改后上传（不支持 .csv、.xls 和 .et）。',
    invalid: '文件不是有效的 Excel（.xlsx）文件，请使用导出的表格修改后上传。',
  });
  if (typeof workbook === 'string') return fileError(workbook);

  const errors = new SheetErrors();
  const tables = {} as Record<TableName, Row[]>;
  const fileErrors: SheetRowError[] = [];
  for (const name of TABLES) {
    const read = readTable(workbook, name);
    if (typeof read === 'string') fileErrors.push({ row: 0, column: tableOf(name).name, reason: read });
    else tables[name] = read.map(({ row, cells }) => new Row(name, row, cells, errors));
  }
  if (fileErrors.length > 0) return { ok: false, errors: fileErrors };
  if (TABLES.every((name) => tables[name].length === 0)) {
    return fileError('表格中没有任何数据，请在导出的表格中修改后上传。');
  }

  const units = checkUnits(tables.units, current.units, errors);
  const officials = checkOfficials(tables.officials, current.officials);
  const posts = checkPosts(tables.posts, current.posts, units, officials, today);
  const duties = checkDuties(tables.duties, current.matterNames, units, posts);
  if (errors.count > 0) return { ok: false, errors: errors.sorted() };

  const withIds = <T extends { code: string }>(rows: T[], existing: Array<{ id?: number; code: string }>) => {
    const ids = new Map(existing.map((row) => [codeKey(row.code), row.id]));
    return rows.map((row) => {
      const id = ids.get(codeKey(row.code));
      return id === undefined ? row : { id, ...row };
    });
  };
  return {
    ok: true,
    data: {
      units: withIds(units.rows, current.units),
      officials: withIds(officials.rows, current.officials),
      posts: withIds(posts.rows, current.posts),
      duties,
    },
  };
}

/** The data rows of a table's sheet (found by name, its header row in the first rows), or why not. */
function readTable(workbook: Workbook, name: TableName): Array<{ row: number; cells: Cells }> | string {
  const { name: sheetName, columns: definitions } = tableOf(name);
  const sheet = workbook.worksheets.find((candidate) => compact(candidate.name) === sheetName);
  if (!sheet) return `未找到「${sheetName}」工作表，请使用导出的表格，不要删除或重命名工作表。`;
  const byHeader = headerKeyMap(definitions);
  const header = findHeaderRow(sheet, byHeader, (columns) => columns.size === definitions.length);
  if (!header.row) {
    const missing = definitions
      .filter((column) => !header.columns.has(column.key))
      .map((column) => `「${column.header}」`);
    const what = header.columns.size >= 2 ? `缺少${missing.join('、')}列` : '中未找到表头行';
    return `「${sheetName}」表${what}，请使用导出的表格，不要修改表头。`;
  }
  const rows: Array<{ row: number; cells: Cells }> = [];
  eachDataRow(sheet, header, true, (row, cells) => {
    if (![...cells.values()].every(isBlank)) rows.push({ row, cells });
    return rows.length <= MAX_DATA_ROWS;
  });
  return rows.length > MAX_DATA_ROWS
    ? `「${sheetName}」表超过 ${MAX_DATA_ROWS} 行，请删除多余的行后上传。`
    : rows;
}
