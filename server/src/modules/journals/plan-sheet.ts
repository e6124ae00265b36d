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
 * Parsing never throws: a malformed file gives one error on row 0; otherwise every bad cell is reported with
 * its Excel row number and the Chinese header of its column, and nothing is returned to apply.
 */
import { Workbook, type CellValue, type DataValidation, type Worksheet } from 'exceljs';
import { DAY_PERIOD_LABELS, PLAN_PLACE_MAX_LENGTH, PLAN_WHAT_MAX_LENGTH } from '@jinri/shared';
import type { DayPeriod, PlanEntryInput, SheetRowError } from '@jinri/shared';
import {
  type CellError,
  cleanText,
  compact,
  headerKey,
  isBlank,
  isCellError,
  length,
  positiveInteger,
  type Scalar,
  toText,
  unwrap,
  xlsxProblem,
} from '../../common/spreadsheet/cells';
import { xlsxSizeProblem } from '../../common/spreadsheet/zip-bounds';

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

const COLUMN = Object.fromEntries(SHEET_COLUMNS.map((column) => [column.key, column])) as Record<
  SheetColumnKey,
  SheetColumn
>;
const COLUMN_INDEX = Object.fromEntries(SHEET_COLUMNS.map((column, i) => [column.key, i + 1])) as Record<
  SheetColumnKey,
  number
>;
/** The columns whose content makes a row an entry (identity columns alone do not). */
const CONTENT_KEYS: readonly SheetColumnKey[] = [
  'startTime',
  'endTime',
  'period',
  'place',
  'what',
  'kind',
  'meetingName',
];
const PERIODS: readonly DayPeriod[] = ['am', 'pm', 'allday'];
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Reading limits, so a hostile or runaway file cannot keep the server busy. */
const MAX_SHEET_ROWS = 20_000;
const MAX_DATA_ROWS = 5_000;
const MAX_ERRORS = 100;
/** How far below the pre-filled rows the dropdowns reach (rows the clerk appends). */
const SPARE_VALIDATED_ROWS = 300;

const GREY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const TITLE_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const THIN_BORDER = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
} as const;

// ---------------------------------------------------------------------------------------------------------
// Template
// ---------------------------------------------------------------------------------------------------------

/**
 * The template for one unit and date: a pre-filled row per official, or one row per entry of `existing`
 * (keyed by official id) so that editing and re-uploading keeps the entries (and their ids).
 */
export async function buildPlanTemplate(
  context: SheetContext,
  existing?: Map<number, PlanEntryInput[]>,
): Promise<Buffer> {
  const weekday = weekdayOf(context.date);
  if (weekday === null) throw new Error(`Invalid plan date: ${context.date}`);
  const maxEntries = context.maxEntriesPerOfficial ?? DEFAULT_MAX_ENTRIES_PER_OFFICIAL;

  const workbook = new Workbook();
  workbook.creator = '今日工作';
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: COLUMN_INDEX.name, ySplit: HEADER_ROW, activeCell: 'D3' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  const options = workbook.addWorksheet(OPTIONS_SHEET_NAME, { state: 'hidden' });

  SHEET_COLUMNS.forEach((definition, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = definition.width;
    if (definition.hidden) column.hidden = true;
    if (definition.validation?.type === 'time') column.numFmt = 'hh:mm';
    if (definition.key === 'officialId' || definition.key === 'post') {
      column.font = { color: { argb: 'FF808080' } };
    }
    if (definition.key === 'officialId') column.fill = GREY_FILL;
    if (definition.key === 'what' || definition.key === 'place') column.alignment = { wrapText: true };
  });

  const visibleColumns = SHEET_COLUMNS.filter((column) => !column.hidden).length;
  sheet.mergeCells(1, 1, 1, visibleColumns);
  const title = sheet.getCell(1, 1);
  title.value = `计划日期：${context.date}（星期${weekday}）\u3000单位：${context.unitName}\u3000\u3000每行填写一项工作，填写说明见「${INSTRUCTIONS_SHEET_NAME}」工作表`;
  title.font = { bold: true, size: 12 };
  title.fill = TITLE_FILL;
  title.alignment = { vertical: 'middle' };
  sheet.getRow(1).height = 26;

  const header = sheet.getRow(HEADER_ROW);
  header.height = 22;
  SHEET_COLUMNS.forEach((definition, i) => {
    const cell = header.getCell(i + 1);
    cell.value = definition.header;
    cell.font = { bold: true, color: { argb: definition.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });

  let rowNumber = FIRST_DATA_ROW;
  for (const official of context.officials) {
    const entries = existing?.get(official.id) ?? [];
    for (const entry of entries.length > 0 ? entries : [null]) {
      const row = sheet.getRow(rowNumber++);
      const set = (key: SheetColumnKey, value: CellValue) => {
        if (value !== null && value !== undefined && value !== '') {
          row.getCell(COLUMN_INDEX[key]).value = value;
        }
      };
      set('officialId', official.id);
      set('name', official.name);
      set('post', official.post);
      if (entry) {
        set('startTime', timeToExcel(entry.startTime));
        set('endTime', timeToExcel(entry.endTime));
        set('period', entry.period ? DAY_PERIOD_LABELS[entry.period] : null);
        set('place', entry.place);
        set('what', entry.what);
        set('kind', entry.kind);
        set('meetingName', entry.meetingName);
        set('entryId', entry.id);
      }
    }
  }

  // The filter spans the hidden entry id column too, so that sorting keeps the ids with their rows.
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: Math.max(HEADER_ROW, rowNumber - 1), column: SHEET_COLUMNS.length },
  };

  const lists = writeOptionLists(options, context);
  const lastValidatedRow =
    Math.max(rowNumber, FIRST_DATA_ROW + context.officials.length * maxEntries) + SPARE_VALIDATED_ROWS;
  SHEET_COLUMNS.forEach((definition, i) => {
    const validation = toDataValidation(definition, lists);
    if (!validation) return;
    const letter = sheet.getColumn(i + 1).letter;
    // exceljs' typings omit worksheet.dataValidations (range-wide validations), present at runtime since 4.0.
    (sheet as unknown as RangeValidations).dataValidations.add(
      `${letter}${FIRST_DATA_ROW}:${letter}${lastValidatedRow}`,
      validation,
    );
  });

  writeInstructions(instructions, context, weekday, maxEntries);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface RangeValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

/** The hidden sheet the dropdowns read: one column per list; the range of each non-empty list. */
function writeOptionLists(
  options: Worksheet,
  context: SheetContext,
): Partial<Record<SheetListSource, string>> {
  const sources: Array<[SheetListSource, string, string[]]> = [
    ['periods', '时段', PERIODS.map((period) => DAY_PERIOD_LABELS[period])],
    ['kinds', '类别', context.kinds],
    ['meetingNames', '会议名称', context.meetingNames],
    ['officialNames', '姓名', [...new Set(context.officials.map((official) => official.name))]],
  ];
  const ranges: Partial<Record<SheetListSource, string>> = {};
  sources.forEach(([source, header, items], i) => {
    const column = options.getColumn(i + 1);
    column.width = 16;
    options.getCell(1, i + 1).value = header;
    items.forEach((item, j) => (options.getCell(j + 2, i + 1).value = item));
    if (items.length > 0) {
      ranges[source] = `'${OPTIONS_SHEET_NAME}'!$${column.letter}$2:$${column.letter}$${items.length + 1}`;
    }
  });
  return ranges;
}

function toDataValidation(
  column: SheetColumn,
  lists: Partial<Record<SheetListSource, string>>,
): DataValidation | null {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: column.header,
    prompt: column.hint,
    showErrorMessage: true,
    errorTitle: column.header,
  };
  switch (column.validation?.type) {
    case 'list': {
      const range = lists[column.validation.source];
      if (!range) return null;
      return {
        ...common,
        type: 'list',
        formulae: [range],
        errorStyle: column.validation.strict ? 'stop' : 'warning',
        error: column.validation.strict ? '请从下拉列表中选择。' : '不在本单位干部名单中，是否继续？',
      };
    }
    case 'time':
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [0, 86_399 / 86_400],
        errorStyle: 'warning',
        error: '时间请按 08:30 格式填写。',
      };
    case 'maxLength':
      return {
        ...common,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [column.validation.max],
        errorStyle: 'stop',
        error: `最多 ${column.validation.max} 字。`,
      };
    default:
      return null;
  }
}

function writeInstructions(
  sheet: Worksheet,
  context: SheetContext,
  weekday: string,
  maxEntries: number,
): void {
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 96;
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(1).alignment = { vertical: 'top' };

  const title = sheet.getCell('A1');
  title.value = '明日计划填写说明';
  title.font = { bold: true, size: 14 };
  sheet.getCell('A2').value =
    `单位：${context.unitName}\u3000\u3000计划日期：${context.date}（星期${weekday}）`;

  const rules = [
    `本表只能用于填报 ${context.date} 的计划；上传到其他日期会被拒绝。请勿修改「${SHEET_NAME}」工作表的名称、第 1 行的计划日期和第 ${HEADER_ROW} 行的表头。`,
    '每行填写一项工作。表中已为每位干部预留一行；一人多项时，复制该干部所在的整行，右键「插入复制的单元格」，再修改时间和内容（编号和姓名须保留）。',
    '干部编号用于识别干部，请勿修改；同名干部以编号为准。新增的行只填姓名、不填编号时，该姓名在本单位必须唯一，否则请补上编号。',
    '开始时间与时段至少填一项。时间按 08:30 格式填写（8:30、8点30 也可识别）；结束时间可不填，填写时须晚于开始时间。',
    `工作内容（最多 ${WHAT_MAX_LENGTH} 字）和类别必填；地点最多 ${PLACE_MAX_LENGTH} 字；会议名称仅在类别为「${MEETING_KIND}」时填写。`,
    '只有编号、姓名、职务而没有其他内容的行会被忽略：某位干部的行全部留空，表示本次不改变其计划（不会清空其已有计划）。',
    '删除已有事项：清空该行编号、姓名、职务以外的内容（保留编号和姓名），不要删除整行。某干部的已有事项全部清空后，其该日计划将被清空。',
    `每人每天最多 ${maxEntries} 项；内容完全相同的两行视为重复。`,
    '上传时检查整张表：只要有一处错误，全部不导入。请按提示的行号和列名修改后重新上传。',
  ];
  let row = 4;
  const heading = (text: string) => {
    const cell = sheet.getCell(row++, 1);
    cell.value = text;
    cell.font = { bold: true, size: 12 };
  };
  heading('填写规则');
  rules.forEach((rule, i) => {
    sheet.getCell(row, 1).value = `${i + 1}`;
    sheet.getCell(row, 2).value = rule;
    sheet.getRow(row++).height = Math.ceil(rule.length / 46) * 16 + 4;
  });

  row++;
  heading('各列说明');
  for (const column of SHEET_COLUMNS) {
    sheet.getCell(row, 1).value = column.header;
    sheet.getCell(row, 1).font = { bold: true, color: { argb: column.required ? 'FFC00000' : 'FF000000' } };
    sheet.getCell(row++, 2).value = `${column.required ? '【必填】' : ''}${column.hint}`;
  }
  row++;
  heading('可选值');
  const listed: Array<[string, string[]]> = [
    ['时段', PERIODS.map((period) => DAY_PERIOD_LABELS[period])],
    ['类别', context.kinds],
    ['会议名称', context.meetingNames],
  ];
  for (const [header, items] of listed) {
    sheet.getCell(row, 1).value = header;
    sheet.getCell(row++, 2).value = items.length > 0 ? items.join('、') : '（无）';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------

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

interface EntryRow {
  row: number;
  officialId: number;
  /** Null when the row has errors: it still counts towards the per-official limit. */
  entry: PlanEntryInput | null;
}

class ErrorList {
  readonly items: SheetRowError[] = [];

  add(row: number, key: SheetColumnKey, reason: string): void {
    this.items.push({ row, column: COLUMN[key].header, reason });
  }

  sorted(): SheetRowError[] {
    const order = (column: string) => SHEET_COLUMNS.findIndex((definition) => definition.header === column);
    const sorted = [...this.items].sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
    if (sorted.length <= MAX_ERRORS) return sorted;
    return [
      ...sorted.slice(0, MAX_ERRORS),
      { row: 0, column: '', reason: `错误较多，仅列出前 ${MAX_ERRORS} 条，请修改后重新上传。` },
    ];
  }
}

async function parse(file: Buffer, context: SheetContext): Promise<ParseResult> {
  const notXlsx = checkSignature(file);
  if (notXlsx) return fileError(notXlsx);
  const tooBig = await xlsxSizeProblem(
    file,
    '文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传。',
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
    return fileError('文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传。');
  }

  const located = locateTable(workbook);
  if ('error' in located) return fileError(located.error);
  const { sheet, headerRow, columns } = located;

  const planDate = findPlanDate(sheet, headerRow);
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
  const errors = new ErrorList();
  const entries: EntryRow[] = [];
  /** Officials with a pre-filled entry row (it has an entry id) left without content: the clerk cleared it. */
  const cleared = new Set<number>();
  let contentRows = 0;
  let tooManyRows = false;

  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber <= headerRow || tooManyRows) return;
    const cells = new Map<SheetColumnKey, Scalar | CellError>();
    for (const [key, index] of columns) cells.set(key, unwrap(excelRow.getCell(index).value));
    const cell = (key: SheetColumnKey): Scalar | CellError => cells.get(key) ?? null;

    if (CONTENT_KEYS.every((key) => isBlank(cell(key)))) {
      if (positiveInteger(cell('entryId')) !== null) {
        const resolved = resolveOfficial(cell('officialId'), cell('name'), lookups);
        if ('official' in resolved) cleared.add(resolved.official.id);
      }
      return;
    }
    if (++contentRows > MAX_DATA_ROWS) {
      tooManyRows = true;
      return;
    }
    const parsed = parseRow(rowNumber, cell, lookups, errors);
    if (parsed) entries.push(parsed);
  });

  if (tooManyRows) return fileError(`数据行过多（超过 ${MAX_DATA_ROWS} 行），请分批上传。`);

  checkAcrossRows(entries, lookups.byId, maxEntries, errors);
  if (errors.items.length > 0) return { ok: false, errors: errors.sorted() };

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

interface Lookups {
  context: SheetContext;
  byId: Map<number, SheetOfficial>;
  /** By compact name: officials may share a name. */
  byName: Map<string, SheetOfficial[]>;
  kinds: Map<string, string>;
  meetingNames: Map<string, string>;
}

function lookupsOf(context: SheetContext): Lookups {
  const byName = new Map<string, SheetOfficial[]>();
  for (const official of context.officials) {
    const key = compact(official.name);
    byName.set(key, [...(byName.get(key) ?? []), official]);
  }
  return {
    context,
    byId: new Map(context.officials.map((official) => [official.id, official])),
    byName,
    kinds: new Map(context.kinds.map((kind) => [compact(kind), kind])),
    meetingNames: new Map(context.meetingNames.map((name) => [compact(name), name])),
  };
}

/**
 * One row with content: its errors go to `errors`; the entry comes back when the row is valid, or with a null
 * entry when only the official could be told (the row still counts towards the per-official limit).
 */
function parseRow(
  row: number,
  cell: (key: SheetColumnKey) => Scalar | CellError,
  lookups: Lookups,
  errors: ErrorList,
): EntryRow | null {
  const before = errors.items.length;
  /** The cleaned text of a cell, or null when the cell holds an error value (reported here). */
  const text = (key: SheetColumnKey): string | null => {
    const value = cell(key);
    if (!isCellError(value)) return cleanText(toText(value));
    errors.add(row, key, `单元格是错误值 ${value.error}，请改为文字。`);
    return null;
  };

  const resolved = resolveOfficial(cell('officialId'), cell('name'), lookups);
  if ('error' in resolved) errors.add(row, resolved.column, resolved.error);

  const start = parseTimeCell(cell('startTime'), lookups.context.date);
  if ('error' in start) errors.add(row, 'startTime', start.error);
  const end = parseTimeCell(cell('endTime'), lookups.context.date);
  if ('error' in end) errors.add(row, 'endTime', end.error);
  const periodText = text('period');
  const period = periodText ? parsePeriod(periodText) : null;
  if (periodText && !period) errors.add(row, 'period', '时段应为 上午、下午 或 全天（从下拉列表选择）。');
  const startTime = 'time' in start ? start.time : null;
  const endTime = 'time' in end ? end.time : null;
  if ('time' in start && 'time' in end && periodText !== null && (!periodText || period)) {
    if (endTime && !startTime) {
      errors.add(row, 'startTime', '填写了结束时间，请同时填写开始时间。');
    } else if (startTime && endTime && endTime <= startTime) {
      errors.add(row, 'endTime', `结束时间应晚于开始时间 ${startTime}。`);
    } else if (!startTime && !period) {
      errors.add(row, 'startTime', '请填写开始时间（如 08:30）或选择时段。');
    }
  }

  const place = text('place');
  if (place && length(place) > PLACE_MAX_LENGTH) {
    errors.add(row, 'place', `地点最多 ${PLACE_MAX_LENGTH} 字，现有 ${length(place)} 字。`);
  }
  const what = text('what');
  if (what === '') errors.add(row, 'what', '请填写工作内容。');
  else if (what && length(what) > WHAT_MAX_LENGTH) {
    errors.add(row, 'what', `工作内容最多 ${WHAT_MAX_LENGTH} 字，现有 ${length(what)} 字。`);
  }

  const { context } = lookups;
  const kindText = text('kind');
  const kind = kindText ? (lookups.kinds.get(compact(kindText)) ?? null) : null;
  if (kindText === '') errors.add(row, 'kind', '请从下拉列表选择类别。');
  else if (kindText && !kind) {
    errors.add(row, 'kind', `类别「${kindText}」不可用，应为：${context.kinds.join('、')}。`);
  }

  const meetingText = text('meetingName');
  const meetingName = meetingText ? (lookups.meetingNames.get(compact(meetingText)) ?? null) : null;
  if (meetingText && !meetingName) {
    errors.add(
      row,
      'meetingName',
      context.meetingNames.length > 0
        ? `会议名称「${meetingText}」不在列表中，应为：${context.meetingNames.join('、')}；非固定会议请留空。`
        : '没有可选的会议名称，请留空。',
    );
  } else if (meetingName && kind && kind !== MEETING_KIND) {
    errors.add(row, 'meetingName', `类别为「${MEETING_KIND}」时才填写会议名称，当前类别是「${kind}」。`);
  }

  if (!('official' in resolved)) return null;
  const officialId = resolved.official.id;
  if (errors.items.length > before || !what || !kind) return { row, officialId, entry: null };
  const entry: PlanEntryInput = { startTime, endTime, period, place: place || null, what, kind, meetingName };
  const entryId = positiveInteger(cell('entryId'));
  if (entryId !== null) entry.id = entryId;
  return { row, officialId, entry };
}

function checkAcrossRows(
  entries: EntryRow[],
  byId: Map<number, SheetOfficial>,
  maxEntries: number,
  errors: ErrorList,
): void {
  const counts = new Map<number, number>();
  const seen = new Map<string, number>();
  for (const { row, officialId, entry } of entries) {
    const count = (counts.get(officialId) ?? 0) + 1;
    counts.set(officialId, count);
    if (count === maxEntries + 1) {
      const total = entries.filter((other) => other.officialId === officialId).length;
      const name = byId.get(officialId)?.name ?? '';
      errors.add(row, 'name', `「${name}」共填写 ${total} 项，每人每天最多 ${maxEntries} 项。`);
    }
    if (!entry) continue;
    const key = JSON.stringify([
      officialId,
      entry.startTime,
      entry.endTime,
      entry.period,
      entry.place,
      entry.what,
      entry.kind,
      entry.meetingName,
    ]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else errors.add(row, 'what', `与第 ${first} 行完全相同，请删除重复的行。`);
  }
}

function fileError(reason: string): ParseResult {
  return { ok: false, errors: [{ row: 0, column: '', reason }] };
}

type Located =
  { sheet: Worksheet; headerRow: number; columns: Map<SheetColumnKey, number> } | { error: string };

const HEADER_SCAN_ROWS = 10;
const HEADER_BY_TEXT = new Map(SHEET_COLUMNS.map((column) => [headerKey(column.header), column.key]));

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
    for (let rowNumber = 1; rowNumber <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); rowNumber++) {
      const columns = new Map<SheetColumnKey, number>();
      sheet.findRow(rowNumber)?.eachCell((cell, columnNumber) => {
        const value = unwrap(cell.value);
        const key = isCellError(value) ? undefined : HEADER_BY_TEXT.get(headerKey(toText(value)));
        if (key && !columns.has(key)) columns.set(key, columnNumber);
      });
      if (missingHeaders(columns).length === 0) return { sheet, headerRow: rowNumber, columns };
      if (columns.size >= 3 && columns.size > (partial?.size ?? 0)) partial = columns;
    }
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

type Resolution = { official: SheetOfficial } | { error: string; column: SheetColumnKey };

/** Matches a row to an official by id (checked against the name when both are given) or by a unique name. */
function resolveOfficial(
  idCell: Scalar | CellError,
  nameCell: Scalar | CellError,
  { byId, byName }: Pick<Lookups, 'byId' | 'byName'>,
): Resolution {
  const name = isCellError(nameCell) ? '' : cleanText(toText(nameCell));
  if (!isBlank(idCell)) {
    const id = positiveInteger(idCell);
    if (id === null) {
      return { column: 'officialId', error: '干部编号应为数字，请勿修改（新增行可清空编号、只填姓名）。' };
    }
    const official = byId.get(id);
    if (!official) return { column: 'officialId', error: `编号 ${id} 不是本单位的干部，请勿修改编号。` };
    if (name && compact(name) !== compact(official.name)) {
      return {
        column: 'name',
        error: `姓名「${name}」与干部编号 ${id}（${official.name}）不一致：复制的行请同时修改编号，或清空编号只填姓名。`,
      };
    }
    return { official };
  }
  if (!name) return { column: 'name', error: '请填写姓名（或保留干部编号）。' };
  const matches = byName.get(compact(name)) ?? [];
  if (matches.length === 1) return { official: matches[0] };
  if (matches.length === 0) return { column: 'name', error: `本单位没有名为「${name}」的干部。` };
  return {
    column: 'name',
    error: `本单位有 ${matches.length} 位「${name}」，请填写干部编号（${matches.map((o) => o.id).join(' 或 ')}）。`,
  };
}

function parsePeriod(text: string): DayPeriod | null {
  const key = compact(text).toLowerCase();
  return PERIODS.find((period) => DAY_PERIOD_LABELS[period] === key || period === key) ?? null;
}

const TIME_FORMAT_ERROR = '时间格式应为 08:30。';
const TIME_RANGE_ERROR = '时间应在 00:00–23:59 之间。';

/**
 * A time cell: an Excel time (a fraction of a day, or the Date exceljs makes of it; a date and time only on the
 * plan date), or text such as "8:30", "08:30", "8.30", "8点30", "8点半", "下午2点", "０８：３０" (minutes after a
 * colon or a dot take two digits: "8.3" is ambiguous). Seconds are dropped.
 */
function parseTimeCell(
  value: Scalar | CellError,
  planDate: string,
): { time: string | null } | { error: string } {
  if (isCellError(value)) return { error: `单元格是错误值 ${value.error}，${TIME_FORMAT_ERROR}` };
  if (value === null) return { time: null };
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { error: TIME_FORMAT_ERROR };
    // A time alone sits on day 0 of the 1900 or the 1904 date system; "8.30" typed into a time cell is 8.3 days.
    const day = value.toISOString().slice(0, 10);
    if (day !== '1899-12-30' && day !== '1904-01-01' && day !== planDate) return { error: TIME_FORMAT_ERROR };
    return { time: minutesToTime(Math.floor(Math.round(ms / 1000) / 60)) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value >= 1) return { error: TIME_FORMAT_ERROR };
    const seconds = Math.round(value * 86_400);
    return seconds >= 86_400
      ? { error: TIME_RANGE_ERROR }
      : { time: minutesToTime(Math.floor(seconds / 60)) };
  }
  if (typeof value !== 'string') return { error: TIME_FORMAT_ERROR };
  const text = compact(value);
  if (!text) return { time: null };
  const match =
    /^(上午|早上|下午|晚上)?(?:(\d{1,2})[:.](\d{2})(?::\d{2})?|(\d{1,2})[点时](?:(\d{1,2})分?|(半))?)$/.exec(
      text,
    );
  if (!match) return { error: TIME_FORMAT_ERROR };
  const [, part, colonHours, colonMinutes, pointHours, pointMinutes, half] = match;
  let hours = Number(colonHours ?? pointHours);
  const minutes = half ? 30 : Number(colonMinutes ?? pointMinutes ?? 0);
  if (hours > 23 || minutes > 59) return { error: TIME_RANGE_ERROR };
  if ((part === '下午' || part === '晚上') && hours < 12) hours += 12;
  return { time: minutesToTime(hours * 60 + minutes) };
}

function minutesToTime(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** "HH:mm" as the fraction of a day Excel stores, or null. */
function timeToExcel(time: string | null | undefined): number | null {
  const match = time ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  return match ? (Number(match[1]) * 60 + Number(match[2])) / 1440 : null;
}

function weekdayOf(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (day.toISOString().slice(0, 10) !== date) return null;
  return WEEKDAYS[day.getUTCDay()];
}

// ---------------------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------------------

/** A reason when the bytes cannot be an .xlsx (a zip), else null. */
function checkSignature(file: Buffer): string | null {
  return xlsxProblem(file, {
    empty: '文件为空，请选择填写好的 Excel（.xlsx）文件。',
    wrongType: '文件不是 Excel（.xlsx）格式，请使用下载的模板填写后上传（不支持 .csv、.xls 和 .et）。',
  });
}
