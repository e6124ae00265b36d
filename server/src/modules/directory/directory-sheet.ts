/**
 * The directory as one workbook: an admin exports it, edits it in Excel or WPS and imports it back.
 *
 * Layout (DIRECTORY_SHEETS): four tables — 单位, 干部, 职务, 职责 — each with one frozen header row (row 1)
 * and one record per row from row 2; then 填写说明 (generated from the column definitions) and 选项 (hidden,
 * the dropdown lists). Codes are the keys: a row whose code exists updates that record, a new code adds one;
 * an import never deletes. Grey "（核对）" columns are VLOOKUP formulas showing the name behind a code; they
 * are not read back.
 *
 * Parsing is pure (the caller passes the current directory) and never throws: a malformed file gives errors
 * on row 0; otherwise every bad cell is reported with its Excel row and "<sheet>·<header>", and nothing is
 * returned to apply. The cell helpers at the end are copied from journals/plan-sheet.ts (not exported there).
 */
import { Workbook, type DataValidation, type Fill, type Worksheet } from 'exceljs';
import type { SheetRowError, UnitKind } from '@jinri/shared';
import { localDate } from '../../common/time/local-time';
import { isOfficialName, normalizeOfficialName, OFFICIAL_NAME_HINT } from './official-name';
import {
  type CellError,
  cleanText,
  compact,
  headerKey,
  isBlank,
  isCellError,
  length,
  NO_RESULT,
  positiveInteger,
  type Scalar,
  toText,
  unwrap,
  xlsxProblem,
} from '../../common/spreadsheet/cells';
import { xlsxSizeProblem } from '../../common/spreadsheet/zip-bounds';

export interface SheetUnit {
  id?: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  officeHours: string | null;
  address: string | null;
}
export interface SheetOfficialRow {
  id?: number;
  code: string;
  name: string;
  gender: 'male' | 'female' | null;
}
export interface SheetPostRow {
  id?: number;
  code: string;
  unitCode: string;
  title: string;
  rank: number;
  holderCode: string | null;
  /** YYYY-MM-DD */
  holderSince: string | null;
}
export interface SheetDutyRow {
  postCode: string;
  matterName: string;
  coveredUnitCodes: string[];
}
export interface DirectoryData {
  units: SheetUnit[];
  officials: SheetOfficialRow[];
  posts: SheetPostRow[];
  duties: SheetDutyRow[];
  matterNames: string[];
}
/**
 * Only what the file contains, in file order, codes spelt as defined; `id` is that of the current row with
 * the same code (none: a new row).
 */
export type DirectoryParseResult =
  { ok: true; data: Omit<DirectoryData, 'matterNames'> } | { ok: false; errors: SheetRowError[] };
export interface DirectoryParseOptions {
  /** YYYY-MM-DD; no 任职日期 may be later. Default: today in Asia/Shanghai. */
  today: string;
}

type TableName = 'units' | 'officials' | 'posts' | 'duties';
/** Where a dropdown takes its items: a list on the hidden options sheet, or the code column of a table. */
export type DirectoryListSource = 'kinds' | 'genders' | 'matterNames' | TableName;

export interface DirectoryColumn<K extends string = string> {
  key: K;
  /** The header text; a SheetRowError's column is "<sheet>·<header>". */
  header: string;
  width: number;
  required?: boolean;
  format?: 'code' | 'date' | 'integer';
  /** Option lists are strict (Excel refuses other values); code lists only warn (new codes are fine). */
  list?: DirectoryListSource;
  /** The header of a read-only column after the table showing the name behind this code. */
  check?: string;
}
export interface DirectoryTable<K extends string = string> {
  name: string;
  /** One line on the instructions sheet. */
  about: string;
  columns: readonly DirectoryColumn<K>[];
  /** Shown when a cell is selected and on the instructions sheet. */
  hints: Record<K, string>;
}

export const CODE_MAX_LENGTH = 64;
const CODE_RULE = `由字母、数字和 . _ - 组成，最多 ${CODE_MAX_LENGTH} 个字符，不区分大小写`;

export const DIRECTORY_SHEETS = {
  units: {
    name: '单位',
    about: '县、乡镇（街道）、村（社区）、部门和科室，每个单位一行。',
    columns: [
      { key: 'code', header: '编码', width: 24, required: true, format: 'code' },
      { key: 'name', header: '名称', width: 24, required: true },
      { key: 'kind', header: '类型', width: 12, required: true, list: 'kinds' },
      {
        key: 'parentCode',
        header: '上级编码',
        width: 24,
        format: 'code',
        list: 'units',
        check: '上级名称（核对）',
      },
      { key: 'officeHours', header: '办公时间', width: 26 },
      { key: 'address', header: '地址', width: 40 },
    ],
    hints: {
      code: `单位的唯一标识，已有单位请勿修改；新增单位填新编码（${CODE_RULE}），如 village-chengguan-12。`,
      name: '单位全称，最多 100 字。',
      kind: '从下拉列表选择：县、乡镇街道、村社区、部门、科室。',
      parentCode: '上级单位的编码。县留空；乡镇（街道）的上级是县；村（社区）的上级须为乡镇（街道）。',
      officeHours: '如 08:30-12:00,14:30-17:30，各时段用逗号分隔；可不填。',
      address: '办公地址，最多 255 字；可不填。',
    },
  } satisfies DirectoryTable<Exclude<keyof SheetUnit, 'id'>>,
  officials: {
    name: '干部',
    about: '干部名单，每人一行（一人任多个职务也只占一行）。',
    columns: [
      { key: 'code', header: '编码', width: 18, required: true, format: 'code' },
      { key: 'name', header: '姓名', width: 14, required: true },
      { key: 'gender', header: '性别', width: 8, list: 'genders' },
    ],
    hints: {
      code: `干部的唯一标识，已有干部请勿修改；新增干部填新编码（${CODE_RULE}），如 official-214。`,
      name: '2–10 个汉字；少数民族姓名可用间隔号「·」。',
      gender: '男 或 女；可不填。',
    },
  } satisfies DirectoryTable<Exclude<keyof SheetOfficialRow, 'id'>>,
  posts: {
    name: '职务',
    about: '各单位的职务（不随人员变动），每个职务一行，连同其现任干部。',
    columns: [
      { key: 'code', header: '编码', width: 30, required: true, format: 'code' },
      {
        key: 'unitCode',
        header: '单位编码',
        width: 24,
        required: true,
        format: 'code',
        list: 'units',
        check: '单位名称（核对）',
      },
      { key: 'title', header: '职务名称', width: 22, required: true },
      { key: 'rank', header: '排序', width: 8, required: true, format: 'integer' },
      {
        key: 'holderCode',
        header: '现任干部编码',
        width: 18,
        format: 'code',
        list: 'officials',
        check: '干部姓名（核对）',
      },
      { key: 'holderSince', header: '任职日期', width: 14, format: 'date' },
    ],
    hints: {
      code: `职务的唯一标识，已有职务请勿修改；新增职务填新编码（${CODE_RULE}），建议「单位编码.职务」，如 town-chengguan.deputy-4。`,
      unitCode: '职务所在单位的编码（单位表中或系统中已有的单位）。',
      title: '如 副镇长、民政助理，最多 100 字。',
      rank: '正整数，越小越靠前（1 为单位主要负责人）。',
      holderCode: '现任干部的编码（干部表中或系统中已有的干部），一人可任多个职务；留空表示职务空缺。',
      holderSince: '如 2024-03-01，不能晚于今天；填写了现任干部时必填。',
    },
  } satisfies DirectoryTable<Exclude<keyof SheetPostRow, 'id'>>,
  duties: {
    name: '职责',
    about: '哪个职务负责哪个事项、覆盖哪些单位，每个职务的每个事项一行。',
    columns: [
      {
        key: 'postCode',
        header: '职务编码',
        width: 30,
        required: true,
        format: 'code',
        list: 'posts',
        check: '职务名称（核对）',
      },
      { key: 'matterName', header: '事项名称', width: 24, required: true, list: 'matterNames' },
      { key: 'coveredUnitCodes', header: '覆盖单位编码', width: 48, required: true, format: 'code' },
    ],
    hints: {
      postCode: '负责该事项的职务的编码（职务表中或系统中已有的职务）。',
      matterName: '从下拉列表选择；新的事项请先在系统中添加。',
      coveredUnitCodes:
        '一个或多个单位编码，用「、」、逗号或空格分隔。乡镇及以下的职务只能覆盖本乡镇（街道）范围内的单位，县级职务可覆盖全县。',
    },
  } satisfies DirectoryTable<keyof SheetDutyRow>,
  instructions: '填写说明',
  options: '选项',
} as const;

const TABLES: readonly TableName[] = ['units', 'officials', 'posts', 'duties'];
const tableOf = (name: TableName): DirectoryTable => DIRECTORY_SHEETS[name];
/** The column a （核对） lookup shows: 名称, 姓名, 职务名称. */
const NAME_COLUMN: Partial<Record<DirectoryListSource, number>> = { units: 2, officials: 2, posts: 3 };

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  county: '县',
  town: '乡镇街道',
  village: '村社区',
  department: '部门',
  office: '科室',
};
/** Labels, English kinds and common words, compared without brackets and slashes ("村（社区）", "乡镇/街道"). */
const KIND_BY_TEXT = new Map<string, UnitKind>(
  Object.entries({ county: '县 县级', town: '乡镇 乡 镇 街道', village: '村 社区', office: '股室' }).flatMap(
    ([kind, words]) => words.split(' ').map((word) => [word, kind as UnitKind] as const),
  ),
);
for (const [kind, label] of Object.entries(UNIT_KIND_LABELS)) {
  KIND_BY_TEXT.set(label, kind as UnitKind).set(kind, kind as UnitKind);
}
const GENDER_LABELS = { male: '男', female: '女' } as const;
const GENDER_BY_TEXT = new Map<string, 'male' | 'female'>([
  ...['男', '男性', 'm', 'male'].map((text) => [text, 'male'] as const),
  ...['女', '女性', 'f', 'female'].map((text) => [text, 'female'] as const),
]);

/** Reading limits, so a hostile or runaway file cannot keep the server busy. */
const MAX_SHEET_ROWS = 50_000;
const MAX_DATA_ROWS = 10_000;
const MAX_ERRORS = 100;
/** How far below the data the dropdowns reach (rows the admin appends). */
const SPARE_VALIDATED_ROWS = 500;
const HEADER_SCAN_ROWS = 10;
const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const BLUE = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;

// ---------------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------------

type Value = string | number | Date | null;

/** The whole directory as an .xlsx, rows in the order given. */
export async function buildDirectoryWorkbook(data: DirectoryData, jurisdictionName: string): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '今日工作';
  workbook.title = `${jurisdictionName}干部名录`;
  workbook.calcProperties.fullCalcOnLoad = true; // the （核对） formulas

  const rows = Object.fromEntries(
    TABLES.map((name) => [
      name,
      (data[name] as object[]).map((record) =>
        tableOf(name).columns.map(({ key }) => toCell(key, (record as Record<string, unknown>)[key])),
      ),
    ]),
  ) as Record<TableName, Value[][]>;
  const byCode = Object.fromEntries(
    TABLES.map((name) => [name, new Map(rows[name].map((row) => [codeKey(String(row[0])), row]))]),
  ) as Record<TableName, Map<string, Value[]>>;
  const lastRow = (name: TableName) => rows[name].length + 1 + SPARE_VALIDATED_ROWS;
  const sheets = TABLES.map((name) =>
    workbook.addWorksheet(tableOf(name).name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }),
  );
  const instructions = workbook.addWorksheet(DIRECTORY_SHEETS.instructions);
  const lists = writeOptionLists(workbook.addWorksheet(DIRECTORY_SHEETS.options, { state: 'hidden' }), data);
  for (const name of TABLES) lists[name] = `'${tableOf(name).name}'!$A$2:$A$${lastRow(name)}`;

  TABLES.forEach((name, t) => {
    const { columns, hints } = tableOf(name);
    const sheet = sheets[t];
    const checks = columns.filter((column) => column.check);
    const header = (index: number, text: string, width: number, fill: Fill, required = false) => {
      sheet.getColumn(index).width = width;
      Object.assign(sheet.getCell(1, index), {
        value: text,
        font: { bold: true, color: { argb: required ? 'FFC00000' : 'FF000000' } },
        fill,
        border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
        alignment: { horizontal: 'center', vertical: 'middle' },
      });
    };
    columns.forEach((column, i) => {
      header(i + 1, column.header, column.width, BLUE, column.required);
      if (column.format === 'code') sheet.getColumn(i + 1).numFmt = '@'; // "001" stays text
      if (column.format === 'date') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
      const validation = toDataValidation(column, hints[column.key], lists);
      const range = `${sheet.getColumn(i + 1).letter}2:${sheet.getColumn(i + 1).letter}${lastRow(name)}`;
      // exceljs' typings omit worksheet.dataValidations (range-wide validations), present at runtime since 4.0.
      if (validation) (sheet as unknown as RangeValidations).dataValidations.add(range, validation);
    });
    checks.forEach((column, j) => header(columns.length + j + 1, column.check ?? '', 18, GREY));

    rows[name].forEach((values, r) => {
      const row = sheet.getRow(r + 2);
      values.forEach((value, i) => {
        if (value !== null && value !== '') row.getCell(i + 1).value = value;
      });
      checks.forEach((column, j) => {
        const index = columns.indexOf(column);
        const source = column.list as TableName;
        const lookup = NAME_COLUMN[source] ?? 2;
        const found = byCode[source].get(codeKey(String(values[index] ?? '')));
        const range = `'${tableOf(source).name}'!$A:$${String.fromCharCode(64 + lookup)}`;
        const at = `${sheet.getColumn(index + 1).letter}${r + 2}`;
        Object.assign(row.getCell(columns.length + j + 1), {
          value: {
            formula: `IFERROR(VLOOKUP(${at},${range},${lookup},FALSE),"")`,
            result: found?.[lookup - 1] ?? '',
          },
          font: { color: { argb: 'FF808080' } },
          fill: GREY,
        });
      });
    });
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: rows[name].length + 1, column: columns.length + checks.length },
    };
  });

  writeInstructions(instructions, data.matterNames, jurisdictionName);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface RangeValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

function writeOptionLists(
  options: Worksheet,
  data: DirectoryData,
): Partial<Record<DirectoryListSource, string>> {
  const sources: Array<[DirectoryListSource, string, string[]]> = [
    ['kinds', '类型', Object.values(UNIT_KIND_LABELS)],
    ['genders', '性别', Object.values(GENDER_LABELS)],
    ['matterNames', '事项名称', data.matterNames],
  ];
  const ranges: Partial<Record<DirectoryListSource, string>> = {};
  sources.forEach(([source, header, items], i) => {
    const column = options.getColumn(i + 1);
    column.width = 24;
    column.values = [header, ...items];
    const { letter } = column;
    if (items.length > 0) ranges[source] = `'${options.name}'!$${letter}$2:$${letter}$${items.length + 1}`;
  });
  return ranges;
}

function toDataValidation(
  column: DirectoryColumn,
  hint: string,
  lists: Partial<Record<DirectoryListSource, string>>,
): DataValidation | null {
  const prompt = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: column.header,
    prompt: hint.slice(0, 255),
  };
  const error = { showErrorMessage: true, errorTitle: column.header };
  const range = column.list && lists[column.list];
  if (range) {
    const strict = !TABLES.includes(column.list as TableName);
    return {
      ...prompt,
      ...error,
      type: 'list',
      formulae: [range],
      errorStyle: strict ? 'stop' : 'warning',
      error: strict ? '请从下拉列表中选择。' : '表中没有这个编码，请确认系统中已有此编码。是否继续？',
    };
  }
  if (column.format === 'integer') {
    const whole = { type: 'whole', operator: 'greaterThanOrEqual', errorStyle: 'stop' } as const;
    return { ...prompt, ...error, ...whole, formulae: [1], error: '请填写正整数。' };
  }
  // Other columns: only the prompt, on an "any value" rule (exceljs writes it; its typings omit the type).
  return { ...prompt, type: 'any', formulae: [] } as unknown as DataValidation;
}

function writeInstructions(sheet: Worksheet, matterNames: string[], jurisdictionName: string): void {
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 96;
  sheet.getColumn(1).alignment = { vertical: 'top' };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  Object.assign(sheet.getCell('A1'), {
    value: `${jurisdictionName}干部名录填写说明`,
    font: { bold: true, size: 14 },
  });
  const rules = [
    '本文件有「单位」「干部」「职务」「职责」四张表，每张表第 1 行是表头，从第 2 行起每行一条。请勿修改工作表名称和表头，灰色的「（核对）」列由公式生成，只供核对，导入时不读取。',
    `编码是每一行的唯一标识。已有行的编码请勿修改（改了编码会被当作新增一行）。新增一行时填写新的、不重复的编码，${CODE_RULE}。建议格式：单位 town-拼音、village-乡镇拼音-序号、dept-拼音；干部 official-序号；职务「单位编码.职务」，如 town-chengguan.deputy-4。`,
    '导入不会删除任何单位、干部、职务或职责：表中删去的行在系统中保持不变。撤销单位、干部离任、取消职责请在系统中操作，历史记录会保留。',
    '上级编码：县留空，全县只能有一个「县」；乡镇（街道）的上级是县，村（社区）的上级须为乡镇（街道），部门和科室设在县、乡镇（街道）或部门之下。各表中的编码既可引用本文件中的行，也可引用系统中已有的编码。',
    '职务与干部：一人可任多个职务（在各职务行填同一干部编码）。换人时填写新干部的编码和任职日期，原任职记录自动保留；清空现任干部编码表示职务空缺。任职日期不能晚于今天。',
    '职责：每行是一个职务负责的一个事项，同一职务的同一事项只能有一行；覆盖单位可填多个编码，用「、」、逗号或空格分隔，导入后以所填为准。乡镇及以下的职务只能覆盖本乡镇（街道）范围内的单位，县级职务（县、县直部门）可覆盖全县。',
    '上传时检查整个文件：只要有一处错误，全部不导入。请按提示的工作表、行号和列名修改后重新上传。',
  ];
  const lines: Array<[string, string, boolean?]> = [
    ['填写规则', '', true],
    ...rules.map((rule, i) => [`${i + 1}`, rule] as [string, string]),
  ];
  for (const name of TABLES) {
    const { name: sheetName, about, columns, hints } = tableOf(name);
    lines.push(['', ''], [`「${sheetName}」表`, about, true]);
    for (const column of columns)
      lines.push([column.header, `${column.required ? '【必填】' : ''}${hints[column.key]}`]);
  }
  lines.push(
    ['', ''],
    ['可选值', '', true],
    ['单位类型', Object.values(UNIT_KIND_LABELS).join('、')],
    ['性别', '男、女'],
  );
  lines.push(['事项名称', matterNames.length > 0 ? matterNames.join('、') : '（无）']);
  lines.forEach(([label, text, bold], i) => {
    const row = sheet.getRow(i + 3);
    row.values = [label, text];
    if (bold) row.font = { bold: true, size: 12 };
    if (text.length > 46) row.height = Math.ceil(text.length / 46) * 16 + 4;
  });
}

/** A field as a cell: kinds and genders by their labels, dates as dates, lists joined with 、. */
function toCell(key: string, value: unknown): Value {
  if (Array.isArray(value)) return value.join('、');
  if (key === 'kind') return UNIT_KIND_LABELS[value as UnitKind];
  if (key === 'gender') return value ? GENDER_LABELS[value as 'male' | 'female'] : null;
  if (key === 'holderSince') {
    return typeof value === 'string' && DATE_RE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  }
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

// ---------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------

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

type Cells = Map<string, Scalar | CellError>;

class ErrorList {
  readonly items: Array<SheetRowError & { order: number[] }> = [];

  add(table: TableName, row: number, key: string, reason: string): void {
    const { name, columns } = tableOf(table);
    const index = columns.findIndex((column) => column.key === key);
    this.items.push({
      row,
      column: `${name}·${columns[index].header}`,
      reason,
      order: [TABLES.indexOf(table), row, index],
    });
  }

  sorted(): SheetRowError[] {
    const compare = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    const sorted = [...this.items]
      .sort((a, b) => compare(a.order, b.order))
      .map(({ order: _, ...error }) => error);
    if (sorted.length <= MAX_ERRORS) return sorted;
    const more = { row: 0, column: '', reason: `错误较多，仅列出前 ${MAX_ERRORS} 条，请修改后重新上传。` };
    return [...sorted.slice(0, MAX_ERRORS), more];
  }
}

/** One data row: reads its cells and reports what is wrong with them. */
class Row {
  constructor(
    private readonly table: TableName,
    readonly row: number,
    private readonly cells: Cells,
    private readonly errors: ErrorList,
  ) {}

  fail(key: string, reason: string): void {
    this.errors.add(this.table, this.row, key, reason);
  }

  raw(key: string): Scalar | CellError {
    return this.cells.get(key) ?? null;
  }

  /** The cleaned text ('' for an error value, reported), checked for presence when required and for length. */
  text(key: string, max?: number): string {
    const value = this.raw(key);
    if (isCellError(value)) {
      const what = value.error === NO_RESULT ? '没有计算结果的公式' : `错误值 ${value.error}`;
      this.fail(key, `单元格是${what}，请改为直接填写。`);
      return '';
    }
    const text = cleanText(toText(value));
    const column = tableOf(this.table).columns.find((definition) => definition.key === key);
    if (!text && column?.required) this.fail(key, `请填写${column.header}。`);
    if (max !== undefined && length(text) > max) this.fail(key, `最多 ${max} 字，现有 ${length(text)} 字。`);
    return text;
  }

  /** A code, full-width folded; a bad format is reported but the code is returned (it still resolves). */
  code(key: string): string {
    const code = compact(this.text(key));
    if (code && (!CODE_RE.test(code) || code.length > CODE_MAX_LENGTH)) {
      this.fail(key, `编码「${code}」格式不对，应${CODE_RULE}。`);
    }
    return code;
  }

  /** Whether this row is the first with `code` (a repeat is reported). */
  unique(seen: Map<string, number>, key: string, code: string, what: string): boolean {
    const first = seen.get(codeKey(code));
    if (first === undefined) {
      seen.set(codeKey(code), this.row);
      return true;
    }
    this.fail(key, `与第 ${first} 行重复，${what}。`);
    return false;
  }
}

async function parse(file: Buffer, current: DirectoryData, today: string): Promise<DirectoryParseResult> {
  const notXlsx = checkSignature(file);
  if (notXlsx) return fileError(notXlsx);
  const tooBig = await xlsxSizeProblem(
    file,
    '文件不是有效的 Excel（.xlsx）文件，请使用导出的表格修改后上传。',
  );
  if (tooBig) return fileError(tooBig);
  const workbook = new Workbook();
  try {
    // Validations and formatting rules are not needed, and whole-column ranges would be expanded cell by cell.
    const options: { ignoreNodes: string[]; maxRows: number } = {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
      maxRows: MAX_SHEET_ROWS,
    };
    await workbook.xlsx.load(file as unknown as ArrayBuffer, options);
  } catch (error) {
    if (error instanceof Error && /max .*count/i.test(error.message)) {
      return fileError(`表格行数过多（超过 ${MAX_SHEET_ROWS} 行），请删除多余的行后上传。`);
    }
    return fileError('文件不是有效的 Excel（.xlsx）文件，请使用导出的表格修改后上传。');
  }

  const errors = new ErrorList();
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
  if (errors.items.length > 0) return { ok: false, errors: errors.sorted() };

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

// --- 单位 -------------------------------------------------------------------------------------------------

interface UnitNode {
  code: string;
  name: string;
  kind: UnitKind | null;
  /** Code key of the parent. */
  parent: string | null;
  /** The file's row, when the file has the unit. */
  row?: Row;
}
interface Units {
  rows: SheetUnit[];
  /** The file over the current directory, by code key. */
  nodes: Map<string, UnitNode>;
}

function checkUnits(rows: Row[], current: SheetUnit[], errors: ErrorList): Units {
  const nodes = new Map<string, UnitNode>();
  for (const { code, name, kind, parentCode } of current) {
    nodes.set(codeKey(code), { code, name, kind, parent: parentCode ? codeKey(parentCode) : null });
  }
  const read: Array<{ r: Row; unit: SheetUnit; kind: UnitKind | null }> = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const code = r.code('code');
    const name = r.text('name', 100);
    const kindText = r.text('kind');
    const kind = kindText ? (KIND_BY_TEXT.get(compact(kindText).replace(/[()/、]/g, '')) ?? null) : null;
    if (kindText && !kind) {
      r.fail('kind', `类型「${kindText}」不对，应为：${Object.values(UNIT_KIND_LABELS).join('、')}。`);
    }
    const parentCode = r.code('parentCode');
    const hoursText = r.text('officeHours', 100);
    const officeHours = hoursText ? parseOfficeHours(hoursText) : null;
    if (hoursText && !officeHours) {
      r.fail(
        'officeHours',
        '办公时间应按 08:30-12:00,14:30-17:30 填写：时段用逗号分隔，结束晚于开始，先后有序。',
      );
    }
    const address = r.text('address', 255) || null;
    if (!code || !r.unique(seen, 'code', code, '每个单位的编码须唯一')) continue;
    read.push({
      r,
      kind,
      unit: { code, name, kind: kind ?? 'office', parentCode: parentCode || null, officeHours, address },
    });
    nodes.set(codeKey(code), { code, name, kind, parent: parentCode ? codeKey(parentCode) : null, row: r });
  }

  const label = (node: UnitNode) => `「${node.name}」（${node.code}）`;
  for (const { r, unit, kind } of read) {
    const parent = unit.parentCode ? nodes.get(codeKey(unit.parentCode)) : undefined;
    if (kind === 'county' && unit.parentCode) r.fail('parentCode', '县是最上级单位，上级编码请留空。');
    else if (kind && kind !== 'county' && !unit.parentCode) r.fail('parentCode', '请填写上级编码。');
    else if (unit.parentCode && !parent) r.fail('parentCode', notFound('上级编码', unit.parentCode, '单位'));
    else if (parent) unit.parentCode = parent.code;
  }
  // Kinds along every edge that touches the file (a parent's new kind may not suit children left out of it,
  // reported once on the parent's row).
  const orphans = new Map<string, { parent: UnitNode; children: string[] }>();
  for (const node of nodes.values()) {
    const parent = node.parent ? nodes.get(node.parent) : undefined;
    const rule = parent?.kind && node.kind ? parentRule(node.kind, parent.kind) : null;
    if (!rule || !parent?.kind) continue;
    const reason = `${rule}，${label(parent)}是${UNIT_KIND_LABELS[parent.kind]}`;
    if (node.row) node.row.fail('parentCode', `${reason}。`);
    else if (parent.row) {
      if (!orphans.has(reason)) orphans.set(reason, { parent, children: [] });
      orphans.get(reason)?.children.push(label(node));
    }
  }
  for (const [reason, { parent, children }] of orphans) {
    parent.row?.fail(
      'kind',
      `其下级单位${children.join('、')}不在表中：${reason}。请先在系统中调整这些单位。`,
    );
  }

  const counties = [...nodes.values()].filter((node) => node.kind === 'county');
  const root =
    counties.find((node) => current.some((unit) => codeKey(unit.code) === codeKey(node.code))) ?? counties[0];
  for (const county of counties) {
    if (county !== root) county.row?.fail('kind', `全县只能有一个「县」，已有${label(root)}。`);
  }
  if (!root && nodes.size > 0) {
    errors.add('units', 0, 'kind', '缺少县：请添加一行类型为「县」、上级编码为空的单位。');
  }

  // Cycles: walking up from a unit must end at the county; each cycle is reported once, on its first row.
  const reported = new Set<string>();
  for (const { r, unit } of read) {
    const path: string[] = [];
    for (let key: string | null = codeKey(unit.code); key; key = nodes.get(key)?.parent ?? null) {
      if (path.includes(key)) {
        if (key === path[0] && !reported.has(key)) {
          path.forEach((member) => reported.add(member));
          const codes = [...path, key].map((member) => nodes.get(member)?.code).join(' → ');
          r.fail('parentCode', `上级关系形成了循环（${codes}），请检查上级编码。`);
        }
        break;
      }
      path.push(key);
    }
  }
  return { rows: read.map((entry) => entry.unit), nodes };
}

/** Why a unit of kind `parent` cannot be the parent of one of `kind`, or null. (A county's parent: apart.) */
function parentRule(kind: UnitKind, parent: UnitKind): string | null {
  if (kind === 'village') return parent === 'town' ? null : '村（社区）的上级须为乡镇（街道）';
  if (kind === 'town') return parent === 'county' ? null : '乡镇（街道）的上级须为县';
  if (kind === 'county') return null;
  return parent === 'village' ? '部门、科室不能设在村（社区）之下' : null;
}

/** "08:30-12:00,14:30-17:30" (also full-width, "8.30", "8:30～12:00；…"), normalised; null when invalid. */
function parseOfficeHours(text: string): string | null {
  const spans: string[] = [];
  let previous = -1;
  for (const part of compact(text).replace(/[、;]/g, ',').split(',').filter(Boolean)) {
    const match = /^(\d{1,2})[:.](\d{2})[-~～—–至到](\d{1,2})[:.](\d{2})$/.exec(part);
    if (!match) return null;
    const [h1, m1, h2, m2] = match.slice(1).map(Number);
    if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return null;
    const [from, to] = [h1 * 60 + m1, h2 * 60 + m2];
    if (from <= previous || to <= from) return null;
    previous = to;
    spans.push(`${clock(from)}-${clock(to)}`);
  }
  return spans.length > 0 ? spans.join(',') : null;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// --- 干部 -------------------------------------------------------------------------------------------------

interface Officials {
  rows: SheetOfficialRow[];
  /** Code key → code, the file over the current directory. */
  codes: Map<string, string>;
}

function checkOfficials(rows: Row[], current: SheetOfficialRow[]): Officials {
  const codes = new Map(current.map((official) => [codeKey(official.code), official.code]));
  const result: SheetOfficialRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const code = r.code('code');
    const nameText = r.text('name');
    // The rule of POST /admin/officials too (official-name.ts), so an export always imports.
    const name = normalizeOfficialName(nameText);
    if (nameText && !isOfficialName(name)) r.fail('name', `姓名「${nameText}」应为 ${OFFICIAL_NAME_HINT}。`);
    const genderText = compact(r.text('gender')).toLowerCase();
    const gender = GENDER_BY_TEXT.get(genderText) ?? null;
    if (genderText && !gender) r.fail('gender', '性别应为 男 或 女；不清楚可留空。');
    if (!code || !r.unique(seen, 'code', code, '每位干部只占一行（兼任的职务都填同一编码）')) continue;
    codes.set(codeKey(code), code);
    result.push({ code, name, gender });
  }
  return { rows: result, codes };
}

// --- 职务 -------------------------------------------------------------------------------------------------

interface Posts {
  rows: SheetPostRow[];
  /** Code key → the code and the unit's code key, the file over the current directory. */
  nodes: Map<string, { code: string; unit: string }>;
}

function checkPosts(
  rows: Row[],
  current: SheetPostRow[],
  units: Units,
  officials: Officials,
  today: string,
): Posts {
  const nodes = new Map(
    current.map((post) => [codeKey(post.code), { code: post.code, unit: codeKey(post.unitCode) }]),
  );
  const before = new Map(current.map((post) => [codeKey(post.code), post]));
  const result: SheetPostRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const code = r.code('code');
    const unitText = r.code('unitCode');
    const unit = units.nodes.get(codeKey(unitText));
    if (unitText && !unit) r.fail('unitCode', notFound('单位编码', unitText, '单位'));
    const title = r.text('title', 100);
    const rankText = r.text('rank');
    const rank = positiveInteger(r.raw('rank'));
    if (rankText && rank === null) r.fail('rank', `排序应为正整数（1、2、3…），「${rankText}」不是。`);
    const holderText = r.code('holderCode');
    const holder = officials.codes.get(codeKey(holderText));
    if (holderText && !holder) r.fail('holderCode', notFound('干部编码', holderText, '干部'));
    const since = parseDateCell(r.raw('holderSince'));
    const previous = before.get(codeKey(code));
    /** The holder this row replaces, whose start a successor's may not precede. */
    const replaced = holder && previous?.holderCode && codeKey(previous.holderCode) !== codeKey(holder);
    const { date } = 'date' in since ? since : { date: null };
    if ('error' in since) r.fail('holderSince', since.error);
    else if (date && !holderText) r.fail('holderSince', '职务空缺（无现任干部）时请清空任职日期。');
    else if (!date && holderText)
      r.fail('holderSince', '填写了现任干部，请同时填写任职日期（如 2024-03-01）。');
    else if (date && date > today) {
      r.fail('holderSince', `任职日期 ${date} 晚于今天（${today}），不能填写将来的日期。`);
    } else if (date && replaced && previous?.holderSince && date < previous.holderSince) {
      const predecessor = `前任（${previous.holderCode}）的任职日期 ${previous.holderSince}`;
      r.fail('holderSince', `任职日期 ${date} 早于${predecessor}。`);
    }
    if (!code || !r.unique(seen, 'code', code, '每个职务的编码须唯一')) continue;
    nodes.set(codeKey(code), { code, unit: codeKey(unitText) });
    const unitCode = unit?.code ?? unitText;
    result.push({ code, unitCode, title, rank: rank ?? 0, holderCode: holder ?? null, holderSince: date });
  }
  return { rows: result, nodes };
}

/** A date cell, or text such as 2024-03-01, 2024/3/1, 2024年3月1日, 2024.3.1, 20240301, as YYYY-MM-DD. */
function parseDateCell(value: Scalar | CellError): { date: string | null } | { error: string } {
  const invalid = { error: '任职日期应为有效日期，如 2024-03-01。' };
  if (isCellError(value)) return invalid;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? invalid : { date: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2_958_466) {
    // A date serial whose cell lost its date format.
    return { date: new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10) };
  }
  const text = compact(toText(value));
  if (!text) return { date: null };
  const match = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (!match) return invalid;
  const date = `${match[1]}-${(match[2] ?? match[4]).padStart(2, '0')}-${(match[3] ?? match[5]).padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? invalid : { date };
}

// --- 职责 -------------------------------------------------------------------------------------------------

function checkDuties(rows: Row[], matterNames: string[], units: Units, posts: Posts): SheetDutyRow[] {
  const matters = new Map(matterNames.map((name) => [compact(name), name]));
  /** The unit and its ancestors, nearest first; null when they do not lead to the county (reported apart). */
  const lineage = (key: string): string[] | null => {
    const keys: string[] = [];
    for (let at: string | null = key; at; at = units.nodes.get(at)?.parent ?? null) {
      if (keys.includes(at)) return null;
      keys.push(at);
    }
    return units.nodes.get(keys[keys.length - 1])?.kind === 'county' ? keys : null;
  };
  const repeated = '同一职务的同一事项只能填一行，多个覆盖单位写在同一格中';
  const result: SheetDutyRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const postText = r.code('postCode');
    const post = posts.nodes.get(codeKey(postText));
    if (postText && !post) r.fail('postCode', notFound('职务编码', postText, '职务'));
    const matterText = r.text('matterName');
    const matterName = matters.get(compact(matterText));
    if (matterText && !matterName) {
      r.fail(
        'matterName',
        `事项「${matterText}」不在事项列表中：请从下拉列表选择，新的事项请先在系统中添加。`,
      );
    }
    const words = r
      .text('coveredUnitCodes')
      .normalize('NFKC')
      .split(/[、,;\s]+/);
    /** Code key → the code as defined, in the order written, without repeats. */
    const covered = new Map(
      words.filter(Boolean).map((word) => [codeKey(word), units.nodes.get(codeKey(word))?.code ?? word]),
    );
    const codesWhere = (test: (key: string) => boolean) =>
      [...covered].filter(([key]) => test(key)).map(([, code]) => code);
    const missing = codesWhere((key) => !units.nodes.has(key));
    const town = post && lineage(post.unit)?.find((key) => units.nodes.get(key)?.kind === 'town');
    const outside = town ? codesWhere((key) => lineage(key)?.includes(town) === false) : [];
    if (missing.length > 0) {
      r.fail(
        'coveredUnitCodes',
        `单位编码「${missing.join('、')}」不存在，请检查是否写错（多个编码用「、」分隔）。`,
      );
    } else if (town && outside.length > 0) {
      const where = units.nodes.get(town)?.name;
      r.fail(
        'coveredUnitCodes',
        `「${outside.join('、')}」不在「${where}」范围内：乡镇及以下的职务只能覆盖本乡镇（街道）的单位。`,
      );
    }
    if (!post || !matterName) continue;
    if (!r.unique(seen, 'matterName', `${post.code}|${matterName}`, repeated)) continue;
    result.push({ postCode: post.code, matterName, coveredUnitCodes: [...covered.values()] });
  }
  return result;
}

// --- Sheets -----------------------------------------------------------------------------------------------

/** The data rows of a table's sheet (found by name, its header row in the first rows), or why not. */
function readTable(workbook: Workbook, name: TableName): Array<{ row: number; cells: Cells }> | string {
  const { name: sheetName, columns: definitions } = tableOf(name);
  const sheet = workbook.worksheets.find((candidate) => compact(candidate.name) === sheetName);
  if (!sheet) return `未找到「${sheetName}」工作表，请使用导出的表格，不要删除或重命名工作表。`;
  const byHeader = new Map(definitions.map((column) => [headerKey(column.header), column.key]));
  let best = new Map<string, number>();
  let headerRow = 0;
  for (
    let rowNumber = 1;
    rowNumber <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount) && !headerRow;
    rowNumber++
  ) {
    const columns = new Map<string, number>();
    sheet.findRow(rowNumber)?.eachCell((cell, columnNumber) => {
      const value = unwrap(cell.value, true);
      const key = isCellError(value) ? undefined : byHeader.get(headerKey(toText(value)));
      if (key && !columns.has(key)) columns.set(key, columnNumber);
    });
    if (columns.size > best.size) best = columns;
    if (columns.size === definitions.length) headerRow = rowNumber;
  }
  if (!headerRow) {
    const missing = definitions
      .filter((column) => !best.has(column.key))
      .map((column) => `「${column.header}」`);
    const what = best.size >= 2 ? `缺少${missing.join('、')}列` : '中未找到表头行';
    return `「${sheetName}」表${what}，请使用导出的表格，不要修改表头。`;
  }
  const rows: Array<{ row: number; cells: Cells }> = [];
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber <= headerRow || rows.length > MAX_DATA_ROWS) return;
    const cells: Cells = new Map();
    for (const [key, index] of best) cells.set(key, unwrap(excelRow.getCell(index).value, true));
    if (![...cells.values()].every(isBlank)) rows.push({ row: rowNumber, cells });
  });
  return rows.length > MAX_DATA_ROWS
    ? `「${sheetName}」表超过 ${MAX_DATA_ROWS} 行，请删除多余的行后上传。`
    : rows;
}

/** A reference to a code that neither the file nor the directory has. */
function notFound(what: string, code: string, sheet: string): string {
  return `${what}「${code}」不存在：请先在「${sheet}」表中添加，或检查是否写错。`;
}

function fileError(reason: string): DirectoryParseResult {
  return { ok: false, errors: [{ row: 0, column: '', reason }] };
}

// ---------------------------------------------------------------------------------------------------------
// Cell values (as in plan-sheet.ts, except that a formula without a cached result is an error here)
// ---------------------------------------------------------------------------------------------------------

/** Codes compare as MySQL's default collation compares them: case-insensitively. */
function codeKey(code: string): string {
  return compact(code).toLowerCase();
}

/** A reason when the bytes cannot be an .xlsx (a zip), else null. */
function checkSignature(file: Buffer): string | null {
  return xlsxProblem(file, {
    empty: '文件为空，请选择修改好的 Excel（.xlsx）文件。',
    wrongType: '文件不是 Excel（.xlsx）格式，请使用导出的表格修改后上传（不支持 .csv、.xls 和 .et）。',
  });
}
