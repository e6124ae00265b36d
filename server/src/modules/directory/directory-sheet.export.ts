/** Writing the directory workbook (the layout: directory-sheet.ts). */
import { type DataValidation, Workbook } from 'exceljs';
import type { UnitKind } from '@jinri/shared';
import {
  addOptionLists,
  addRangeValidation,
  GREY_FILL,
  type InstructionLine,
  inputPrompt,
  listValidation,
  promptOnly,
  styleHeader,
  writeInstructions,
} from '../../common/spreadsheet/workbook';
import {
  CODE_RULE,
  codeKey,
  DIRECTORY_SHEETS,
  type DirectoryColumn,
  type DirectoryData,
  type DirectoryListSource,
  GENDER_LABELS,
  TABLES,
  type TableName,
  tableOf,
  UNIT_KIND_LABELS,
} from './directory-sheet';

/** The column a （核对） lookup shows: 名称, 姓名, 职务名称. */
const NAME_COLUMN: Partial<Record<DirectoryListSource, number>> = { units: 2, officials: 2, posts: 3 };
/** How far below the data the dropdowns reach (rows the admin appends). */
const SPARE_VALIDATED_ROWS = 500;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

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
  const options = workbook.addWorksheet(DIRECTORY_SHEETS.options, { state: 'hidden' });
  const lists = addOptionLists<DirectoryListSource>(
    options,
    [
      ['kinds', '类型', Object.values(UNIT_KIND_LABELS)],
      ['genders', '性别', Object.values(GENDER_LABELS)],
      ['matterNames', '事项名称', data.matterNames],
    ],
    24,
  );
  for (const name of TABLES) lists[name] = `'${tableOf(name).name}'!$A$2:$A$${lastRow(name)}`;

  TABLES.forEach((name, t) => {
    const { columns, hints } = tableOf(name);
    const sheet = sheets[t];
    const checks = columns.filter((column) => column.check);
    columns.forEach((column, i) => {
      const { letter } = sheet.getColumn(i + 1);
      sheet.getColumn(i + 1).width = column.width;
      styleHeader(sheet.getCell(1, i + 1), column.header, column.required);
      if (column.format === 'code') sheet.getColumn(i + 1).numFmt = '@'; // "001" stays text
      if (column.format === 'date') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
      const validation = toDataValidation(column, hints[column.key], lists);
      if (validation) addRangeValidation(sheet, `${letter}2:${letter}${lastRow(name)}`, validation);
    });
    checks.forEach((column, j) => {
      sheet.getColumn(columns.length + j + 1).width = 18;
      styleHeader(sheet.getCell(1, columns.length + j + 1), column.check ?? '', false, GREY_FILL);
    });

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
          fill: GREY_FILL,
        });
      });
    });
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: rows[name].length + 1, column: columns.length + checks.length },
    };
  });

  writeInstructions(instructions, {
    title: `${jurisdictionName}干部名录填写说明`,
    labelWidth: 20,
    lines: instructionLines(data.matterNames),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function toDataValidation(
  column: DirectoryColumn,
  hint: string,
  lists: Partial<Record<DirectoryListSource, string>>,
): DataValidation | null {
  const range = column.list && lists[column.list];
  if (range) {
    const strict = !TABLES.includes(column.list as TableName);
    const warning = '表中没有这个编码，请确认系统中已有此编码。是否继续？';
    return listValidation(column.header, hint, range, strict, warning);
  }
  if (column.format === 'integer') {
    const whole = { type: 'whole', operator: 'greaterThanOrEqual', errorStyle: 'stop' } as const;
    const error = { showErrorMessage: true, errorTitle: column.header, error: '请填写正整数。' };
    return { ...inputPrompt(column.header, hint), ...error, ...whole, formulae: [1] };
  }
  return promptOnly(column.header, hint);
}

const RULES = [
  '本文件有「单位」「干部」「职务」「职责」四张表，每张表第 1 行是表头，从第 2 行起每行一条。请勿修改工作表名称和表头，灰色的「（核对）」列由公式生成，只供核对，导入时不读取。',
  `编码是每一行的唯一标识。已有行的编码请勿修改（改了编码会被当作新增一行）。新增一行时填写新的、不重复的编码，${CODE_RULE}。建议格式：单位 town-拼音、village-乡镇拼音-序号、dept-拼音；干部 official-序号；职务「单位编码.职务」，如 town-chengguan.deputy-4。`,
  '导入不会删除任何单位、干部、职务或职责：表中删去的行在系统中保持不变。撤销单位、干部离任、取消职责请在系统中操作，历史记录会保留。',
  '上级编码：县留空，全县只能有一个「县」；乡镇（街道）的上级是县，村（社区）的上级须为乡镇（街道），部门和科室设在县、乡镇（街道）或部门之下。各表中的编码既可引用本文件中的行，也可引用系统中已有的编码。',
  '职务与干部：一人可任多个职务（在各职务行填同一干部编码）。换人时填写新干部的编码和任职日期，原任职记录自动保留；清空现任干部编码表示职务空缺。任职日期不能晚于今天。',
  '职责：每行是一个职务负责的一个事项，同一职务的同一事项只能有一行；覆盖单位可填多个编码，用「、」、逗号或空格分隔，导入后以所填为准。乡镇及以下的职务只能覆盖本乡镇（街道）范围内的单位，县级职务（县、县直部门）可覆盖全县。',
  '上传时检查整个文件：只要有一处错误，全部不导入。请按提示的工作表、行号和列名修改后重新上传。',
];

/** The rules, every table's columns with their hints, and the values the lists allow. */
function instructionLines(matterNames: string[]): InstructionLine[] {
  const lines: InstructionLine[] = [
    { label: '填写规则', heading: true },
    ...RULES.map((rule, i) => ({ label: `${i + 1}`, text: rule })),
  ];
  for (const name of TABLES) {
    const { name: sheetName, about, columns, hints } = tableOf(name);
    lines.push(null, { label: `「${sheetName}」表`, text: about, heading: true });
    for (const column of columns) {
      lines.push({ label: column.header, text: `${column.required ? '【必填】' : ''}${hints[column.key]}` });
    }
  }
  lines.push(
    null,
    { label: '可选值', heading: true },
    { label: '单位类型', text: Object.values(UNIT_KIND_LABELS).join('、') },
    { label: '性别', text: '男、女' },
    { label: '事项名称', text: matterNames.length > 0 ? matterNames.join('、') : '（无）' },
  );
  return lines;
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
