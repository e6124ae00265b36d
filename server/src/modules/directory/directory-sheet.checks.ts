/**
 * Checking what an import read, table by table (单位, 干部, 职务, 职责), against the file and the current
 * directory: every bad cell is reported on its row; the rows come back with codes spelt as defined.
 */
import type { SheetRowError, UnitKind } from '@jinri/shared';
import {
  type CellError,
  cleanText,
  compact,
  isCellError,
  length,
  NO_RESULT,
  positiveInteger,
  type Scalar,
  toText,
} from '../../common/spreadsheet/cells';
import type { SheetErrors } from '../../common/spreadsheet/workbook';
import {
  CODE_MAX_LENGTH,
  CODE_RULE,
  codeKey,
  type SheetDutyRow,
  type SheetOfficialRow,
  type SheetPostRow,
  type SheetUnit,
  TABLES,
  type TableName,
  tableOf,
  UNIT_KIND_LABELS,
} from './directory-sheet';
import { isOfficialName, normalizeOfficialName, OFFICIAL_NAME_HINT } from './official-name';

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Labels, English kinds and common words, compared without brackets and slashes ("村（社区）", "乡镇/街道"). */
const KIND_BY_TEXT = new Map<string, UnitKind>(
  Object.entries({ county: '县 县级', town: '乡镇 乡 镇 街道', village: '村 社区', office: '股室' }).flatMap(
    ([kind, words]) => words.split(' ').map((word) => [word, kind as UnitKind] as const),
  ),
);
for (const [kind, label] of Object.entries(UNIT_KIND_LABELS)) {
  KIND_BY_TEXT.set(label, kind as UnitKind).set(kind, kind as UnitKind);
}
const GENDER_BY_TEXT = new Map<string, 'male' | 'female'>([
  ...['男', '男性', 'm', 'male'].map((text) => [text, 'male'] as const),
  ...['女', '女性', 'f', 'female'].map((text) => [text, 'female'] as const),
]);

export type Cells = Map<string, Scalar | CellError>;

/** Adds an error on a cell of a table: its column is "<sheet>·<header>"; sorted by table, row, column. */
export function addError(
  errors: SheetErrors,
  table: TableName,
  row: number,
  key: string,
  reason: string,
): void {
  const { name, columns } = tableOf(table);
  const index = columns.findIndex((column) => column.key === key);
  const error: SheetRowError = { row, column: `${name}·${columns[index].header}`, reason };
  errors.add(error, [TABLES.indexOf(table), row, index]);
}

/** One data row: reads its cells and reports what is wrong with them. */
export class Row {
  constructor(
    private readonly table: TableName,
    readonly row: number,
    private readonly cells: Cells,
    private readonly errors: SheetErrors,
  ) {}

  fail(key: string, reason: string): void {
    addError(this.errors, this.table, this.row, key, reason);
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
export interface Units {
  rows: SheetUnit[];
  /** The file over the current directory, by code key. */
  nodes: Map<string, UnitNode>;
}

export function checkUnits(rows: Row[], current: SheetUnit[], errors: SheetErrors): Units {
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
    addError(errors, 'units', 0, 'kind', '缺少县：请添加一行类型为「县」、上级编码为空的单位。');
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

export interface Officials {
  rows: SheetOfficialRow[];
  /** Code key → code, the file over the current directory. */
  codes: Map<string, string>;
}

export function checkOfficials(rows: Row[], current: SheetOfficialRow[]): Officials {
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

export interface Posts {
  rows: SheetPostRow[];
  /** Code key → the code and the unit's code key, the file over the current directory. */
  nodes: Map<string, { code: string; unit: string }>;
}

export function checkPosts(
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

export function checkDuties(rows: Row[], matterNames: string[], units: Units, posts: Posts): SheetDutyRow[] {
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

/** A reference to a code that neither the file nor the directory has. */
function notFound(what: string, code: string, sheet: string): string {
  return `${what}「${code}」不存在：请先在「${sheet}」表中添加，或检查是否写错。`;
}
