/** Writing the plan sheet a clerk downloads (the layout: plan-sheet.ts). */
import { type CellValue, type DataValidation, Workbook } from 'exceljs';
import { DAY_PERIOD_LABELS, type PlanEntryInput } from '@jinri/shared';
import {
  addOptionLists,
  addRangeValidation,
  GREY_FILL,
  type InstructionLine,
  inputPrompt,
  listValidation,
  styleHeader,
  writeInstructions,
} from '../../common/spreadsheet/workbook';
import {
  COLUMN_INDEX,
  DEFAULT_MAX_ENTRIES_PER_OFFICIAL,
  FIRST_DATA_ROW,
  HEADER_ROW,
  INSTRUCTIONS_SHEET_NAME,
  MEETING_KIND,
  OPTIONS_SHEET_NAME,
  PERIODS,
  PLACE_MAX_LENGTH,
  SHEET_COLUMNS,
  SHEET_NAME,
  type SheetColumn,
  type SheetColumnKey,
  type SheetContext,
  type SheetListSource,
  WHAT_MAX_LENGTH,
} from './plan-sheet';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** How far below the pre-filled rows the dropdowns reach (rows the clerk appends). */
const SPARE_VALIDATED_ROWS = 300;
const TITLE_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;

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
  SHEET_COLUMNS.forEach((definition, i) =>
    styleHeader(header.getCell(i + 1), definition.header, definition.required),
  );

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

  const lists = addOptionLists<SheetListSource>(
    options,
    [
      ['periods', '时段', PERIODS.map((period) => DAY_PERIOD_LABELS[period])],
      ['kinds', '类别', context.kinds],
      ['meetingNames', '会议名称', context.meetingNames],
      ['officialNames', '姓名', [...new Set(context.officials.map((official) => official.name))]],
    ],
    16,
  );
  const lastValidatedRow =
    Math.max(rowNumber, FIRST_DATA_ROW + context.officials.length * maxEntries) + SPARE_VALIDATED_ROWS;
  SHEET_COLUMNS.forEach((definition, i) => {
    const validation = toDataValidation(definition, lists);
    if (!validation) return;
    const letter = sheet.getColumn(i + 1).letter;
    addRangeValidation(sheet, `${letter}${FIRST_DATA_ROW}:${letter}${lastValidatedRow}`, validation);
  });

  writeInstructions(instructions, {
    title: '明日计划填写说明',
    subtitle: `单位：${context.unitName}\u3000\u3000计划日期：${context.date}（星期${weekday}）`,
    labelWidth: 14,
    lines: instructionLines(context, maxEntries),
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function toDataValidation(
  column: SheetColumn,
  lists: Partial<Record<SheetListSource, string>>,
): DataValidation | null {
  const common = {
    ...inputPrompt(column.header, column.hint),
    showErrorMessage: true,
    errorTitle: column.header,
  };
  switch (column.validation?.type) {
    case 'list': {
      const { source, strict } = column.validation;
      const range = lists[source];
      if (!range) return null;
      return listValidation(column.header, column.hint, range, strict, '不在本单位干部名单中，是否继续？');
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

/** The rules, the columns with their hints, and the values the lists allow. */
function instructionLines(context: SheetContext, maxEntries: number): InstructionLine[] {
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
  const listed: Array<[string, string[]]> = [
    ['时段', PERIODS.map((period) => DAY_PERIOD_LABELS[period])],
    ['类别', context.kinds],
    ['会议名称', context.meetingNames],
  ];
  return [
    { label: '填写规则', heading: true },
    ...rules.map((rule, i) => ({ label: `${i + 1}`, text: rule })),
    null,
    { label: '各列说明', heading: true },
    ...SHEET_COLUMNS.map((column) => ({
      label: column.header,
      text: `${column.required ? '【必填】' : ''}${column.hint}`,
      required: column.required,
    })),
    null,
    { label: '可选值', heading: true },
    ...listed.map(([label, items]) => ({ label, text: items.length > 0 ? items.join('、') : '（无）' })),
  ];
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
