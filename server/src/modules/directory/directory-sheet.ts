/**
 * The directory as one workbook: an admin exports it, edits it in Excel or WPS and imports it back.
 *
 * Layout (DIRECTORY_SHEETS): four tables — 单位, 干部, 职务, 职责 — each with one frozen header row (row 1)
 * and one record per row from row 2; then 填写说明 (generated from the column definitions) and 选项 (hidden,
 * the dropdown lists). Codes are the keys: a row whose code exists updates that record, a new code adds one;
 * an import never deletes. Grey "（核对）" columns are VLOOKUP formulas showing the name behind a code; they
 * are not read back.
 *
 * This file defines the workbook (types, tables, columns, labels); directory-sheet.export.ts writes it,
 * directory-sheet.import.ts reads it back and directory-sheet.checks.ts checks what it read. The skeleton
 * shared with the plan sheet is common/spreadsheet/workbook.ts.
 */
import type { SheetRowError, UnitKind } from '@jinri/shared';
import { compact } from '../../common/spreadsheet/cells';

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

export type TableName = 'units' | 'officials' | 'posts' | 'duties';
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
export const CODE_RULE = `由字母、数字和 . _ - 组成，最多 ${CODE_MAX_LENGTH} 个字符，不区分大小写`;

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

export const TABLES: readonly TableName[] = ['units', 'officials', 'posts', 'duties'];
export const tableOf = (name: TableName): DirectoryTable => DIRECTORY_SHEETS[name];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  county: '县',
  town: '乡镇街道',
  village: '村社区',
  department: '部门',
  office: '科室',
};
export const GENDER_LABELS = { male: '男', female: '女' } as const;

/** Codes compare as MySQL's default collation compares them: case-insensitively. */
export function codeKey(code: string): string {
  return compact(code).toLowerCase();
}
