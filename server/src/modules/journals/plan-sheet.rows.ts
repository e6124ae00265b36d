/**
 * The rows of an uploaded plan sheet: one row read into an entry (or its errors), the officials it
 * names, and the checks across rows (the per-official limit, repeated rows).
 */
import { DAY_PERIOD_LABELS, type DayPeriod, type PlanEntryInput } from '@jinri/shared';
import {
  type CellError,
  cleanText,
  compact,
  isBlank,
  isCellError,
  length,
  positiveInteger,
  type Scalar,
  toText,
} from '../../common/spreadsheet/cells';
import type { SheetErrors } from '../../common/spreadsheet/workbook';
import {
  COLUMN,
  MEETING_KIND,
  PERIODS,
  PLACE_MAX_LENGTH,
  SHEET_COLUMNS,
  type SheetColumnKey,
  type SheetContext,
  type SheetOfficial,
  WHAT_MAX_LENGTH,
} from './plan-sheet';

/** Adds an error on a cell: its column is the header; sorted by row, then column. */
export function addError(errors: SheetErrors, row: number, key: SheetColumnKey, reason: string): void {
  const column = COLUMN[key].header;
  errors.add({ row, column, reason }, [row, SHEET_COLUMNS.indexOf(COLUMN[key])]);
}

export interface EntryRow {
  row: number;
  officialId: number;
  /** Null when the row has errors: it still counts towards the per-official limit. */
  entry: PlanEntryInput | null;
}

export interface Lookups {
  context: SheetContext;
  byId: Map<number, SheetOfficial>;
  /** By compact name: officials may share a name. */
  byName: Map<string, SheetOfficial[]>;
  kinds: Map<string, string>;
  meetingNames: Map<string, string>;
}

export function lookupsOf(context: SheetContext): Lookups {
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
export function parseRow(
  row: number,
  cell: (key: SheetColumnKey) => Scalar | CellError,
  lookups: Lookups,
  errors: SheetErrors,
): EntryRow | null {
  const before = errors.count;
  /** The cleaned text of a cell, or null when the cell holds an error value (reported here). */
  const text = (key: SheetColumnKey): string | null => {
    const value = cell(key);
    if (!isCellError(value)) return cleanText(toText(value));
    addError(errors, row, key, `单元格是错误值 ${value.error}，请改为文字。`);
    return null;
  };

  const resolved = resolveOfficial(cell('officialId'), cell('name'), lookups);
  if ('error' in resolved) addError(errors, row, resolved.column, resolved.error);

  const start = parseTimeCell(cell('startTime'), lookups.context.date);
  if ('error' in start) addError(errors, row, 'startTime', start.error);
  const end = parseTimeCell(cell('endTime'), lookups.context.date);
  if ('error' in end) addError(errors, row, 'endTime', end.error);
  const periodText = text('period');
  const period = periodText ? parsePeriod(periodText) : null;
  if (periodText && !period)
    addError(errors, row, 'period', '时段应为 上午、下午 或 全天（从下拉列表选择）。');
  const startTime = 'time' in start ? start.time : null;
  const endTime = 'time' in end ? end.time : null;
  if ('time' in start && 'time' in end && periodText !== null && (!periodText || period)) {
    if (endTime && !startTime) {
      addError(errors, row, 'startTime', '填写了结束时间，请同时填写开始时间。');
    } else if (startTime && endTime && endTime <= startTime) {
      addError(errors, row, 'endTime', `结束时间应晚于开始时间 ${startTime}。`);
    } else if (!startTime && !period) {
      addError(errors, row, 'startTime', '请填写开始时间（如 08:30）或选择时段。');
    }
  }

  const place = text('place');
  if (place && length(place) > PLACE_MAX_LENGTH) {
    addError(errors, row, 'place', `地点最多 ${PLACE_MAX_LENGTH} 字，现有 ${length(place)} 字。`);
  }
  const what = text('what');
  if (what === '') addError(errors, row, 'what', '请填写工作内容。');
  else if (what && length(what) > WHAT_MAX_LENGTH) {
    addError(errors, row, 'what', `工作内容最多 ${WHAT_MAX_LENGTH} 字，现有 ${length(what)} 字。`);
  }

  const { context } = lookups;
  const kindText = text('kind');
  const kind = kindText ? (lookups.kinds.get(compact(kindText)) ?? null) : null;
  if (kindText === '') addError(errors, row, 'kind', '请从下拉列表选择类别。');
  else if (kindText && !kind) {
    addError(errors, row, 'kind', `类别「${kindText}」不可用，应为：${context.kinds.join('、')}。`);
  }

  const meetingText = text('meetingName');
  const meetingName = meetingText ? (lookups.meetingNames.get(compact(meetingText)) ?? null) : null;
  if (meetingText && !meetingName) {
    addError(
      errors,
      row,
      'meetingName',
      context.meetingNames.length > 0
        ? `会议名称「${meetingText}」不在列表中，应为：${context.meetingNames.join('、')}；非固定会议请留空。`
        : '没有可选的会议名称，请留空。',
    );
  } else if (meetingName && kind && kind !== MEETING_KIND) {
    addError(
      errors,
      row,
      'meetingName',
      `类别为「${MEETING_KIND}」时才填写会议名称，当前类别是「${kind}」。`,
    );
  }

  if (!('official' in resolved)) return null;
  const officialId = resolved.official.id;
  if (errors.count > before || !what || !kind) return { row, officialId, entry: null };
  const entry: PlanEntryInput = { startTime, endTime, period, place: place || null, what, kind, meetingName };
  const entryId = positiveInteger(cell('entryId'));
  if (entryId !== null) entry.id = entryId;
  return { row, officialId, entry };
}

export function checkAcrossRows(
  entries: EntryRow[],
  byId: Map<number, SheetOfficial>,
  maxEntries: number,
  errors: SheetErrors,
): void {
  const counts = new Map<number, number>();
  const seen = new Map<string, number>();
  for (const { row, officialId, entry } of entries) {
    const count = (counts.get(officialId) ?? 0) + 1;
    counts.set(officialId, count);
    if (count === maxEntries + 1) {
      const total = entries.filter((other) => other.officialId === officialId).length;
      const name = byId.get(officialId)?.name ?? '';
      addError(errors, row, 'name', `「${name}」共填写 ${total} 项，每人每天最多 ${maxEntries} 项。`);
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
    else addError(errors, row, 'what', `与第 ${first} 行完全相同，请删除重复的行。`);
  }
}

type Resolution = { official: SheetOfficial } | { error: string; column: SheetColumnKey };

/** Matches a row to an official by id (checked against the name when both are given) or by a unique name. */
export function resolveOfficial(
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
