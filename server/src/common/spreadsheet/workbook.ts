/**
 * The skeleton both spreadsheets share — the admin's directory workbook (modules/directory) and the
 * clerk's plan sheet (modules/journals): loading an upload safely, finding a header row, reading data
 * rows, collecting row errors, and writing styled headers, dropdowns (option lists on a hidden sheet)
 * and an instructions sheet. What the sheets hold stays with each feature.
 */
import { type Cell, type DataValidation, type Fill, Workbook, type Worksheet } from 'exceljs';
import type { SheetRowError } from '@jinri/shared';
import { type CellError, headerKey, isCellError, type Scalar, toText, unwrap, xlsxProblem } from './cells';
import { xlsxSizeProblem } from './zip-bounds';

/** At most this many row errors are listed, then one line saying there are more. */
export const MAX_SHEET_ERRORS = 100;
/** How many rows from the top may hold the header row. */
export const HEADER_SCAN_ROWS = 10;

export const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
export const GREY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
export const THIN_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const RED = 'FFC00000';
const BLACK = 'FF000000';

/** The answer for a file that cannot be read at all: one error on row 0. */
export function fileError(reason: string): { ok: false; errors: SheetRowError[] } {
  return { ok: false, errors: [{ row: 0, column: '', reason }] };
}

/**
 * Row errors in sheet order: each is added with its sort key (e.g. [row, column index], or
 * [table, row, column index]); sorted() lists them by key, insertion order among equals, at most
 * MAX_SHEET_ERRORS.
 */
export class SheetErrors {
  private readonly entries: Array<{ error: SheetRowError; order: readonly number[] }> = [];

  get count(): number {
    return this.entries.length;
  }

  add(error: SheetRowError, order: readonly number[]): void {
    this.entries.push({ error, order });
  }

  sorted(): SheetRowError[] {
    const compare = (a: readonly number[], b: readonly number[]) => {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const difference = (a[i] ?? 0) - (b[i] ?? 0);
        if (difference !== 0) return difference;
      }
      return 0;
    };
    const sorted = [...this.entries].sort((a, b) => compare(a.order, b.order)).map(({ error }) => error);
    if (sorted.length <= MAX_SHEET_ERRORS) return sorted;
    const more = `错误较多，仅列出前 ${MAX_SHEET_ERRORS} 条，请修改后重新上传。`;
    return [...sorted.slice(0, MAX_SHEET_ERRORS), { row: 0, column: '', reason: more }];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading an upload
// ---------------------------------------------------------------------------------------------------------

/** What to tell the user about a file that is not a workbook; the wording names what to upload. */
export interface UploadWording {
  empty: string;
  /** Not a zip at all (.csv, .et …). */
  wrongType: string;
  /** A zip that is no readable workbook. */
  invalid: string;
}

/**
 * The uploaded workbook, or why it cannot be read (in Chinese): the signature (a zip, not .xls), the
 * unpacked sizes (zip-bounds.ts, before exceljs inflates anything), then exceljs with at most
 * `maxRows` rows per sheet and without the parts an import never reads.
 */
export async function loadWorkbook(
  file: Buffer,
  maxRows: number,
  wording: UploadWording,
): Promise<Workbook | string> {
  const notXlsx = xlsxProblem(file, wording);
  if (notXlsx) return notXlsx;
  const tooBig = await xlsxSizeProblem(file, wording.invalid);
  if (tooBig) return tooBig;
  const workbook = new Workbook();
  try {
    // Validations and formatting rules are not needed, and whole-column ranges would be expanded cell by cell.
    const options: { ignoreNodes: string[]; maxRows: number } = {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
      maxRows,
    };
    await workbook.xlsx.load(file as unknown as ArrayBuffer, options);
    return workbook;
  } catch (error) {
    if (error instanceof Error && /max .*count/i.test(error.message)) {
      return `表格行数过多（超过 ${maxRows} 行），请删除多余的行后上传。`;
    }
    return wording.invalid;
  }
}

/** Column keys by their loosely compared header text (cells.headerKey), for findHeaderRow. */
export function headerKeyMap<K extends string>(
  columns: ReadonlyArray<{ key: K; header: string }>,
): Map<string, K> {
  return new Map(columns.map((column) => [headerKey(column.header), column.key]));
}

/** A header row: its number (0 when none was complete) and where each known column is. */
export interface HeaderRow<K extends string> {
  row: number;
  columns: Map<K, number>;
}

/**
 * The first of the top HEADER_SCAN_ROWS rows whose headers `complete` accepts; else row 0 with the
 * columns of the row that knew the most headers (the first of equals), for saying what is missing.
 * Headers compare loosely (cells.headerKey); a header met twice counts where it is first.
 */
export function findHeaderRow<K extends string>(
  sheet: Worksheet,
  byHeader: ReadonlyMap<string, K>,
  complete: (columns: Map<K, number>) => boolean,
): HeaderRow<K> {
  let best = new Map<K, number>();
  for (let row = 1; row <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); row++) {
    const columns = new Map<K, number>();
    sheet.findRow(row)?.eachCell((cell, columnNumber) => {
      const value = unwrap(cell.value);
      const key = isCellError(value) ? undefined : byHeader.get(headerKey(toText(value)));
      if (key && !columns.has(key)) columns.set(key, columnNumber);
    });
    if (complete(columns)) return { row, columns };
    if (columns.size > best.size) best = columns;
  }
  return { row: 0, columns: best };
}

/**
 * Calls `visit` with each non-empty row below the header, its cells by column key (formulas give
 * their results; with `strict` one without a stored result is an error, cells.NO_RESULT). Once
 * `visit` returns false no further row is visited.
 */
export function eachDataRow<K extends string>(
  sheet: Worksheet,
  header: HeaderRow<K>,
  strict: boolean,
  visit: (row: number, cells: Map<K, Scalar | CellError>) => boolean | void,
): void {
  let stopped = false;
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber <= header.row || stopped) return;
    const cells = new Map<K, Scalar | CellError>();
    for (const [key, index] of header.columns) cells.set(key, unwrap(excelRow.getCell(index).value, strict));
    if (visit(rowNumber, cells) === false) stopped = true;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Writing a template
// ---------------------------------------------------------------------------------------------------------

/** A header cell: bold (red when the column is required), filled, bordered, centred. */
export function styleHeader(cell: Cell, text: string, required = false, fill: Fill = HEADER_FILL): void {
  Object.assign(cell, {
    value: text,
    font: { bold: true, color: { argb: required ? RED : BLACK } },
    fill,
    border: THIN_BORDER,
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
}

/** One dropdown list: where validations refer to it, its header on the options sheet, its items. */
export type OptionList<S extends string> = [source: S, header: string, items: readonly string[]];

/**
 * Writes each list in a column of the (hidden) options sheet — dropdown items may be longer than
 * the 255 characters an inline list allows, and may contain commas — and gives the absolute range
 * of each non-empty list, for validations.
 */
export function addOptionLists<S extends string>(
  sheet: Worksheet,
  lists: ReadonlyArray<OptionList<S>>,
  width: number,
): Partial<Record<S, string>> {
  const ranges: Partial<Record<S, string>> = {};
  lists.forEach(([source, header, items], i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    sheet.getCell(1, i + 1).value = header;
    items.forEach((item, j) => (sheet.getCell(j + 2, i + 1).value = item));
    const { letter } = column;
    if (items.length > 0) ranges[source] = `'${sheet.name}'!$${letter}$2:$${letter}$${items.length + 1}`;
  });
  return ranges;
}

/** The hint shown when a cell is selected (Excel keeps 255 characters). */
export function inputPrompt(title: string, hint: string) {
  return { allowBlank: true, showInputMessage: true, promptTitle: title, prompt: hint.slice(0, 255) };
}

/** A dropdown: strict refuses other values; otherwise Excel shows `warning` and lets the value stand. */
export function listValidation(
  title: string,
  hint: string,
  range: string,
  strict: boolean,
  warning: string,
): DataValidation {
  return {
    ...inputPrompt(title, hint),
    showErrorMessage: true,
    errorTitle: title,
    type: 'list',
    formulae: [range],
    errorStyle: strict ? 'stop' : 'warning',
    error: strict ? '请从下拉列表中选择。' : warning,
  };
}

/** Only the hint, on an "any value" rule (exceljs writes it; its typings omit the type). */
export function promptOnly(title: string, hint: string): DataValidation {
  return { ...inputPrompt(title, hint), type: 'any', formulae: [] } as unknown as DataValidation;
}

interface RangeValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

/** One validation for a whole range such as "B3:B500" (one rule in the file, not one per cell). */
export function addRangeValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  // exceljs' typings omit worksheet.dataValidations (range-wide validations), present at runtime since 4.0.
  (sheet as unknown as RangeValidations).dataValidations.add(range, validation);
}

/**
 * A line of an instructions sheet: a label and its text; a heading (bold); a column (its label bold,
 * red when required); or null, an empty line.
 */
export type InstructionLine = { label: string; text?: string; heading?: boolean; required?: boolean } | null;

/**
 * The instructions sheet: a title in A1 (and a subtitle in A2), an empty row, then the lines, labels
 * in column A and texts wrapped in a wide column B.
 */
export function writeInstructions(
  sheet: Worksheet,
  content: { title: string; subtitle?: string; labelWidth: number; lines: readonly InstructionLine[] },
): void {
  sheet.getColumn(1).width = content.labelWidth;
  sheet.getColumn(2).width = 96;
  sheet.getColumn(1).alignment = { vertical: 'top' };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  Object.assign(sheet.getCell('A1'), { value: content.title, font: { bold: true, size: 14 } });
  if (content.subtitle) sheet.getCell('A2').value = content.subtitle;
  let rowNumber = content.subtitle ? 4 : 3;
  for (const line of content.lines) {
    const row = sheet.getRow(rowNumber++);
    if (!line) continue;
    row.getCell(1).value = line.label;
    if (line.text) row.getCell(2).value = line.text;
    if (line.heading) row.font = { bold: true, size: 12 };
    if (line.required !== undefined) {
      row.getCell(1).font = { bold: true, color: { argb: line.required ? RED : BLACK } };
    }
    if (line.text && line.text.length > 46) row.height = Math.ceil(line.text.length / 46) * 16 + 4;
  }
}
