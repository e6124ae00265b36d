import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { PlanEntryInput, SheetRowError } from '@jinri/shared';
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  INSTRUCTIONS_SHEET_NAME,
  OPTIONS_SHEET_NAME,
  SHEET_COLUMNS,
  SHEET_NAME,
  type ParseResult,
  type SheetColumnKey,
  type SheetContext,
} from './plan-sheet';
import { parsePlanSheet } from './plan-sheet.parse';
import { buildPlanTemplate } from './plan-sheet.template';

const KINDS = ['会议', '下村/实地', '接访/接待', '办公室坐班', '外出学习/开会', '督导检查', '其他'];
const MEETINGS = ['党委会', '政府常务会', '周例会'];

const CONTEXT: SheetContext = {
  unitName: '城关镇',
  date: '2026-11-23',
  officials: [
    { id: 11, name: '张建国', post: '党委书记' },
    { id: 12, name: '李红梅', post: '镇长' },
    { id: 13, name: '王伟', post: '副镇长' },
    { id: 14, name: '王伟', post: '武装部长' },
    { id: 15, name: '赵敏', post: '党政办主任' },
  ],
  kinds: KINDS,
  meetingNames: MEETINGS,
};

type Row = Partial<Record<SheetColumnKey, CellValue>>;
type FillOptions = { context?: SheetContext; existing?: Map<number, PlanEntryInput[]>; keep?: boolean };

const GOOD: Row = {
  officialId: 11,
  name: '张建国',
  startTime: '08:30',
  endTime: '11:30',
  place: '镇政府三楼会议室',
  what: '主持召开党委会，研究冬季森林防火工作',
  kind: '会议',
  meetingName: '党委会',
};

const GOOD_ENTRY: PlanEntryInput = {
  startTime: '08:30',
  endTime: '11:30',
  period: null,
  place: '镇政府三楼会议室',
  what: '主持召开党委会，研究冬季森林防火工作',
  kind: '会议',
  meetingName: '党委会',
};

function columnOf(key: SheetColumnKey): number {
  return SHEET_COLUMNS.findIndex((column) => column.key === key) + 1;
}

function header(key: SheetColumnKey): string {
  return SHEET_COLUMNS[columnOf(key) - 1].header;
}

async function load(file: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

function dataSheet(workbook: Workbook): Worksheet {
  const sheet = workbook.getWorksheet(SHEET_NAME);
  if (!sheet) throw new Error('no data sheet');
  return sheet;
}

async function save(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The template filled in: its data rows replaced by `rows` (the first on row 3; `keep` leaves the pre-filled
 * rows and writes over them), then `edit` may change anything.
 */
async function fill(
  rows: Row[],
  options: FillOptions = {},
  edit?: (sheet: Worksheet, workbook: Workbook) => void,
): Promise<Buffer> {
  const workbook = await load(await buildPlanTemplate(options.context ?? CONTEXT, options.existing));
  const sheet = dataSheet(workbook);
  if (!options.keep) {
    for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
      SHEET_COLUMNS.forEach((_, i) => (sheet.getCell(r, i + 1).value = null));
    }
  }
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      sheet.getCell(FIRST_DATA_ROW + i, columnOf(key as SheetColumnKey)).value = value ?? null;
    }
  });
  edit?.(sheet, workbook);
  return save(workbook);
}

async function upload(
  rows: Row[],
  options: FillOptions = {},
  edit?: (sheet: Worksheet, workbook: Workbook) => void,
): Promise<ParseResult> {
  return parsePlanSheet(await fill(rows, options, edit), options.context ?? CONTEXT);
}

function plansOf(result: ParseResult): Array<{ officialId: number; entries: PlanEntryInput[] }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.plans;
}

function fileError(reason: string): ParseResult {
  return { ok: false, errors: [{ row: 0, column: '', reason }] };
}

/** A deterministic byte generator for the fuzz cases. */
function randomBytes(seed: number, length: number): Buffer {
  let state = seed;
  return Buffer.from(
    Array.from({ length }, () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state >>> 24;
    }),
  );
}

describe('buildPlanTemplate', () => {
  it('puts the plan date and the unit above one frozen header row', async () => {
    const sut = dataSheet(await load(await buildPlanTemplate(CONTEXT)));

    expect(String(sut.getCell('A1').value)).toContain('计划日期：2026-11-23（星期一）');
    expect(String(sut.getCell('A1').value)).toContain('城关镇');
    expect(sut.getRow(HEADER_ROW).values).toEqual([
      undefined,
      ...SHEET_COLUMNS.map((column) => column.header),
    ]);
    expect(sut.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sut.autoFilter).toBe('A2:K7'); // the hidden entry id column (K) sorts with its row
  });

  it('pre-fills one row per official with id, name and post, and nothing else', async () => {
    const sut = dataSheet(await load(await buildPlanTemplate(CONTEXT)));

    const rows = CONTEXT.officials.map((_, i) => sut.getRow(FIRST_DATA_ROW + i));
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value])).toEqual(
      CONTEXT.officials.map((official) => [official.id, official.name, official.post]),
    );
    expect(rows.every((row) => row.getCell(columnOf('what')).value === null)).toBe(true);
    expect(sut.getRow(FIRST_DATA_ROW + CONTEXT.officials.length).hasValues).toBe(false);
  });

  it('hides the entry id column and keeps the instructions on their own sheet', async () => {
    const sut = await load(await buildPlanTemplate(CONTEXT));

    expect(dataSheet(sut).getColumn(columnOf('entryId')).hidden).toBe(true);
    expect(dataSheet(sut).getColumn(columnOf('officialId')).hidden).toBe(false);
    const instructions = sut.getWorksheet(INSTRUCTIONS_SHEET_NAME);
    const text: string[] = [];
    instructions?.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    expect(text.join('\n')).toContain('一人多项');
    expect(text.join('\n')).toContain('不会清空其已有计划');
    expect(sut.getWorksheet(OPTIONS_SHEET_NAME)?.state).toBe('hidden');
  });

  it('offers dropdowns for 时段, 类别, 会议名称 and 姓名 drawn from the hidden options sheet', async () => {
    const workbook = await load(await buildPlanTemplate(CONTEXT));
    const sut = dataSheet(workbook);
    const options = workbook.getWorksheet(OPTIONS_SHEET_NAME);
    const listAt = (key: SheetColumnKey, row: number) => {
      const validation = sut.getCell(row, columnOf(key)).dataValidation;
      expect(validation?.type).toBe('list');
      const match = /^'(.+)'!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)$/.exec(String(validation.formulae[0]));
      expect(match?.[1]).toBe(OPTIONS_SHEET_NAME);
      const [, , letter, from, to] = match ?? [];
      return Array.from(
        { length: Number(to) - Number(from) + 1 },
        (_, i) => options?.getCell(`${letter}${Number(from) + i}`).value,
      );
    };

    expect(listAt('period', FIRST_DATA_ROW)).toEqual(['上午', '下午', '全天']);
    expect(listAt('kind', FIRST_DATA_ROW)).toEqual(KINDS);
    expect(listAt('meetingName', 200)).toEqual(MEETINGS);
    expect(listAt('name', 100)).toEqual(['张建国', '李红梅', '王伟', '赵敏']);
    expect(sut.getCell(FIRST_DATA_ROW, columnOf('kind')).dataValidation.errorStyle).toBe('stop');
    expect(sut.getCell(HEADER_ROW, columnOf('kind')).dataValidation).toBeUndefined();
  });

  it('limits the length of 工作内容 and 地点 and hints at the time format', async () => {
    const sut = dataSheet(await load(await buildPlanTemplate(CONTEXT)));

    expect(sut.getCell(FIRST_DATA_ROW, columnOf('what')).dataValidation).toMatchObject({
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [200],
    });
    expect(sut.getCell(FIRST_DATA_ROW, columnOf('place')).dataValidation).toMatchObject({ formulae: [100] });
    expect(sut.getCell(FIRST_DATA_ROW, columnOf('startTime')).dataValidation).toMatchObject({
      type: 'decimal',
      errorStyle: 'warning',
      prompt: expect.stringContaining('08:30'),
    });
  });

  it('leaves out the dropdown of an empty list', async () => {
    const sut = dataSheet(await load(await buildPlanTemplate({ ...CONTEXT, meetingNames: [] })));

    expect(sut.getCell(FIRST_DATA_ROW, columnOf('meetingName')).dataValidation).toBeUndefined();
  });

  it('pre-fills existing entries one row each and parses them back unchanged', async () => {
    const existing = new Map<number, PlanEntryInput[]>([
      [
        11,
        [
          { id: 101, ...GOOD_ENTRY },
          {
            id: 102,
            startTime: '14:30',
            endTime: null,
            period: 'pm',
            place: null,
            what: '到东关村查看冬季取暖设施',
            kind: '下村/实地',
            meetingName: null,
          },
        ],
      ],
      [
        15,
        [
          {
            id: 103,
            startTime: null,
            endTime: null,
            period: 'allday',
            place: '县委党校',
            what: '参加全县乡镇干部培训',
            kind: '外出学习/开会',
            meetingName: null,
          },
        ],
      ],
    ]);

    const sut = await parsePlanSheet(await buildPlanTemplate(CONTEXT, existing), CONTEXT);

    expect(sut).toEqual({
      ok: true,
      plans: [
        { officialId: 11, entries: existing.get(11) },
        { officialId: 15, entries: existing.get(15) },
      ],
    });
  });

  it('refuses a plan date that is not a calendar date', async () => {
    await expect(buildPlanTemplate({ ...CONTEXT, date: '2026-02-30' })).rejects.toThrow('Invalid plan date');
  });
});

describe('parsePlanSheet with valid rows', () => {
  it('reads a filled row into a plan entry', async () => {
    const sut = await upload([GOOD]);

    expect(sut).toEqual({ ok: true, plans: [{ officialId: 11, entries: [GOOD_ENTRY] }] });
  });

  it.each<[string, CellValue]>([
    ['an Excel time', 8.5 / 24],
    ['"8:30"', '8:30'],
    ['"08:30"', '08:30'],
    ['"8点30"', '8点30'],
    ['"8点30分"', '8点30分'],
    ['"8点半"', '8点半'],
    ['"上午8点半"', '上午8点半'],
    ['"8.30"', '8.30'],
    ['full-width "０８：３０"', '０８：３０'],
    ['"08:30:00" with seconds', '08:30:00'],
    ['padded " 8:30 "', ' 8:30 '],
    ['a formula result', { formula: 'TIME(8,30,0)', result: 8.5 / 24 }],
  ])('accepts %s as a start time', async (_, startTime) => {
    const sut = await upload([{ ...GOOD, startTime, endTime: null }]);

    expect(plansOf(sut)[0].entries[0]).toMatchObject({ startTime: '08:30', endTime: null });
  });

  it('reads 下午 and 晚上 before a time as afternoon and evening', async () => {
    const sut = await upload([{ ...GOOD, startTime: '下午2点半', endTime: '晚上7:00' }]);

    expect(plansOf(sut)[0].entries[0]).toMatchObject({ startTime: '14:30', endTime: '19:00' });
  });

  it('accepts a plain fraction of a day in a cell that is not formatted as a time', async () => {
    const sut = await upload([{ ...GOOD, endTime: null }], {}, (sheet) => {
      const cell = sheet.getCell(FIRST_DATA_ROW, columnOf('startTime'));
      cell.numFmt = 'General';
      cell.value = 0.5;
    });

    expect(plansOf(sut)[0].entries[0].startTime).toBe('12:00');
  });

  it('accepts a 时段 instead of times, and both together', async () => {
    const sut = await upload([
      { ...GOOD, startTime: null, endTime: null, period: '上午' },
      {
        ...GOOD,
        what: '下午接待来访群众',
        kind: '接访/接待',
        meetingName: null,
        period: ' 下午 ',
        startTime: '14:30',
        endTime: null,
      },
    ]);

    expect(plansOf(sut)[0].entries.map((entry) => [entry.period, entry.startTime])).toEqual([
      ['am', null],
      ['pm', '14:30'],
    ]);
  });

  it('matches an official by name alone when the name is unique in the unit, ignoring spaces', async () => {
    const sut = await upload([{ ...GOOD, officialId: null, name: ' 李 红梅 ' }]);

    expect(plansOf(sut)).toEqual([{ officialId: 12, entries: [GOOD_ENTRY] }]);
  });

  it('tells officials of the same name apart by their id', async () => {
    const sut = await upload([
      { ...GOOD, officialId: 14, name: '王伟' },
      { ...GOOD, officialId: 13, name: '王伟' },
    ]);

    expect(plansOf(sut).map((plan) => plan.officialId)).toEqual([13, 14]);
  });

  it('folds full-width ids, kinds and meeting names to the listed values and trims text', async () => {
    const sut = await upload([
      {
        ...GOOD,
        officialId: '１２',
        name: '李红梅',
        what: '  到西街村走访困难群众\r\n  ',
        place: '　西街村　',
        kind: '下村／实地',
        meetingName: null,
      },
      { ...GOOD, officialId: 12, name: '李红梅', kind: '会议', meetingName: ' 周例会 ' },
    ]);

    expect(
      plansOf(sut)[0].entries.map((entry) => [entry.what, entry.place, entry.kind, entry.meetingName]),
    ).toEqual([
      ['到西街村走访困难群众', '西街村', '下村/实地', null],
      [GOOD_ENTRY.what, GOOD_ENTRY.place, '会议', '周例会'],
    ]);
  });

  it('reads rich text and formula results as text', async () => {
    const sut = await upload([
      {
        ...GOOD,
        what: {
          richText: [{ text: '主持召开', font: { bold: true } }, { text: '党委会，研究冬季森林防火工作' }],
        },
        kind: { formula: '"会议"', result: '会议' },
      },
    ]);

    expect(plansOf(sut)[0].entries[0]).toEqual(GOOD_ENTRY);
  });

  it('leaves out officials whose pre-filled rows were left empty, so their plans are not touched', async () => {
    const sut = await upload([], { keep: true }, (sheet) => {
      const row = FIRST_DATA_ROW + 2; // 王伟 (13)
      sheet.getCell(row, columnOf('period')).value = '全天';
      sheet.getCell(row, columnOf('what')).value = '在镇便民服务中心坐班';
      sheet.getCell(row, columnOf('kind')).value = '办公室坐班';
    });

    expect(plansOf(sut)).toEqual([
      {
        officialId: 13,
        entries: [
          {
            startTime: null,
            endTime: null,
            period: 'allday',
            place: null,
            what: '在镇便民服务中心坐班',
            kind: '办公室坐班',
            meetingName: null,
          },
        ],
      },
    ]);
  });

  it('returns no entries for an official all of whose pre-filled entries were cleared', async () => {
    const existing = new Map<number, PlanEntryInput[]>([
      [11, [{ id: 101, ...GOOD_ENTRY }]],
      [12, [{ id: 201, ...GOOD_ENTRY }]],
    ]);

    const sut = await upload([], { existing, keep: true }, (sheet) => {
      for (const key of ['startTime', 'endTime', 'place', 'what', 'kind', 'meetingName'] as const) {
        sheet.getCell(FIRST_DATA_ROW, columnOf(key)).value = null;
      }
    });

    expect(plansOf(sut)).toEqual([
      { officialId: 11, entries: [] },
      { officialId: 12, entries: [{ id: 201, ...GOOD_ENTRY }] },
    ]);
  });

  it('keeps the file order and gives a copied entry id to the first row only', async () => {
    const sut = await upload([
      { ...GOOD, entryId: 101 },
      { ...GOOD, officialId: 12, name: '李红梅' },
      { ...GOOD, entryId: 101, startTime: '15:00', endTime: null, what: '听取安全生产汇报' },
    ]);

    expect(plansOf(sut)).toEqual([
      {
        officialId: 11,
        entries: [
          { id: 101, ...GOOD_ENTRY },
          { ...GOOD_ENTRY, startTime: '15:00', endTime: null, what: '听取安全生产汇报' },
        ],
      },
      { officialId: 12, entries: [GOOD_ENTRY] },
    ]);
  });

  it('reads a name merged over several rows for each of them', async () => {
    const rows: Row[] = ['08:30', '10:00', '15:00'].map((startTime) => ({
      ...GOOD,
      officialId: null,
      name: null,
      startTime,
      endTime: null,
      what: `${startTime} 的工作`,
    }));

    const sut = await upload(rows, {}, (sheet) => {
      sheet.getCell(FIRST_DATA_ROW, columnOf('name')).value = '赵敏';
      sheet.mergeCells(FIRST_DATA_ROW, columnOf('name'), FIRST_DATA_ROW + 2, columnOf('name'));
    });

    expect(plansOf(sut)).toEqual([
      { officialId: 15, entries: rows.map((row) => expect.objectContaining({ startTime: row.startTime })) },
    ]);
  });

  it('accepts a renamed sheet and headers carrying hints', async () => {
    const sut = await upload([GOOD], {}, (sheet) => {
      sheet.name = 'Sheet1';
      sheet.getCell(HEADER_ROW, columnOf('startTime')).value = '开始时间（08:30）';
      sheet.getCell(HEADER_ROW, columnOf('what')).value = '*工作内容';
    });

    expect(plansOf(sut)).toEqual([{ officialId: 11, entries: [GOOD_ENTRY] }]);
  });
});

describe('parsePlanSheet with invalid rows', () => {
  const long = (n: number) => '村'.repeat(n);

  it.each<[string, Row, SheetColumnKey, string]>([
    ['an hour past 23', { startTime: '25:00' }, 'startTime', '时间应在 00:00–23:59 之间。'],
    ['minutes past 59', { startTime: '8:60' }, 'startTime', '时间应在 00:00–23:59 之间。'],
    ['a start time that is not a time', { startTime: '早上' }, 'startTime', '时间格式应为 08:30。'],
    ['one digit after a colon', { startTime: '8:3' }, 'startTime', '时间格式应为 08:30。'],
    ['a number that is not a time of day', { startTime: 8.3 }, 'startTime', '时间格式应为 08:30。'],
    ['an end time that is not a time', { endTime: '中午' }, 'endTime', '时间格式应为 08:30。'],
    [
      'an end before the start',
      { startTime: '10:00', endTime: '9:00' },
      'endTime',
      '结束时间应晚于开始时间 10:00。',
    ],
    [
      'an end equal to the start',
      { startTime: '10:00', endTime: '10:00' },
      'endTime',
      '结束时间应晚于开始时间 10:00。',
    ],
    [
      'an end without a start',
      { startTime: null, endTime: '10:00', period: '上午' },
      'startTime',
      '填写了结束时间，请同时填写开始时间。',
    ],
    [
      'neither a time nor a 时段',
      { startTime: null, endTime: null },
      'startTime',
      '请填写开始时间（如 08:30）或选择时段。',
    ],
    ['an unknown 时段', { period: '晚上' }, 'period', '时段应为 上午、下午 或 全天（从下拉列表选择）。'],
    ['no 工作内容', { what: '  ' }, 'what', '请填写工作内容。'],
    ['a 工作内容 of 201 characters', { what: long(201) }, 'what', '工作内容最多 200 字，现有 201 字。'],
    ['a 地点 of 101 characters', { place: long(101) }, 'place', '地点最多 100 字，现有 101 字。'],
    ['an error value', { what: { error: '#N/A' } }, 'what', '单元格是错误值 #N/A，请改为文字。'],
    ['no 类别', { kind: null, meetingName: null }, 'kind', '请从下拉列表选择类别。'],
    [
      'an unknown 类别',
      { kind: '调研', meetingName: null },
      'kind',
      `类别「调研」不可用，应为：${KINDS.join('、')}。`,
    ],
    [
      'an unknown 会议名称',
      { meetingName: '党委扩大会' },
      'meetingName',
      '会议名称「党委扩大会」不在列表中，应为：党委会、政府常务会、周例会；非固定会议请留空。',
    ],
    [
      'a 会议名称 on an entry that is not a meeting',
      { kind: '督导检查' },
      'meetingName',
      '类别为「会议」时才填写会议名称，当前类别是「督导检查」。',
    ],
    ['an id of another unit', { officialId: 99 }, 'officialId', '编号 99 不是本单位的干部，请勿修改编号。'],
    [
      'an id that is not a number',
      { officialId: 'A11' },
      'officialId',
      '干部编号应为数字，请勿修改（新增行可清空编号、只填姓名）。',
    ],
    [
      'a name that does not match the id',
      { name: '李红梅' },
      'name',
      '姓名「李红梅」与干部编号 11（张建国）不一致：复制的行请同时修改编号，或清空编号只填姓名。',
    ],
    [
      'a name shared by two officials, without an id',
      { officialId: null, name: '王伟' },
      'name',
      '本单位有 2 位「王伟」，请填写干部编号（13 或 14）。',
    ],
    ['an unknown name', { officialId: null, name: '钱多多' }, 'name', '本单位没有名为「钱多多」的干部。'],
    ['neither an id nor a name', { officialId: null, name: null }, 'name', '请填写姓名（或保留干部编号）。'],
  ])('reports %s', async (_, change, key, reason) => {
    const sut = await upload([
      { ...GOOD, officialId: 12, name: '李红梅' },
      { ...GOOD, ...change },
    ]);

    expect(sut).toEqual({ ok: false, errors: [{ row: FIRST_DATA_ROW + 1, column: header(key), reason }] });
  });

  it('reports every problem of a row, in column order', async () => {
    const sut = await upload([{ ...GOOD, kind: '调研', startTime: '8点', endTime: '7点', what: null }]);

    expect(sut.ok ? [] : sut.errors.map((error) => [error.row, error.column])).toEqual([
      [3, '结束时间'],
      [3, '工作内容'],
      [3, '类别'],
    ]);
  });

  it('reports exactly the one bad row among 50 good ones', async () => {
    const officials = Array.from({ length: 25 }, (_, i) => ({
      id: 1000 + i,
      name: `干部${i}`,
      post: '科员',
    }));
    const context = { ...CONTEXT, officials };
    const rows: Row[] = officials.flatMap((official) => [
      { ...GOOD, officialId: official.id, name: official.name },
      { ...GOOD, officialId: official.id, name: official.name, startTime: '14:30', endTime: '17:30' },
    ]);
    rows.splice(37, 0, { ...rows[37], startTime: '14:30', endTime: '9:00', what: '另一项工作' });

    const sut = await upload(rows, { context });

    expect(sut).toEqual({
      ok: false,
      errors: [{ row: FIRST_DATA_ROW + 37, column: '结束时间', reason: '结束时间应晚于开始时间 14:30。' }],
    });
    rows.splice(37, 1);
    expect(plansOf(await upload(rows, { context }))).toHaveLength(25);
  });

  it('reports a row identical to an earlier one of the same official', async () => {
    const sut = await upload([
      GOOD,
      { ...GOOD, officialId: 12, name: '李红梅' },
      { ...GOOD, what: ` ${GOOD.what}` },
    ]);

    expect(sut).toEqual({
      ok: false,
      errors: [{ row: 5, column: '工作内容', reason: '与第 3 行完全相同，请删除重复的行。' }],
    });
  });

  it('reports more entries than an official may have on the first row over the limit', async () => {
    const rows = ['08:00', '09:00', '10:00', '11:00', '12:00'].map((startTime) => ({
      ...GOOD,
      startTime,
      endTime: null,
    }));

    const sut = await upload(rows, { context: { ...CONTEXT, maxEntriesPerOfficial: 3 } });

    expect(sut).toEqual({
      ok: false,
      errors: [{ row: 6, column: '姓名', reason: '「张建国」共填写 5 项，每人每天最多 3 项。' }],
    });
  });
});

describe('parsePlanSheet with a file that cannot be read', () => {
  it('reports an empty upload', async () => {
    expect(await parsePlanSheet(Buffer.alloc(0), CONTEXT)).toEqual(
      fileError('文件为空，请选择填写好的 Excel（.xlsx）文件。'),
    );
  });

  it('reports a CSV as not an xlsx', async () => {
    const csv = Buffer.from('干部编号,姓名,工作内容\n11,张建国,开会\n');

    expect(await parsePlanSheet(csv, CONTEXT)).toEqual(
      fileError('文件不是 Excel（.xlsx）格式，请使用下载的模板填写后上传（不支持 .csv、.xls 和 .et）。'),
    );
  });

  it('reports an old .xls by its signature', async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(1, 512),
    ]);

    expect(await parsePlanSheet(xls, CONTEXT)).toEqual(
      fileError('这是旧版 Excel（.xls）文件或设置了密码的文件，请另存为 .xlsx（并取消密码）后上传。'),
    );
  });

  it('reports a broken zip as not a valid xlsx', async () => {
    const template = await buildPlanTemplate(CONTEXT);

    expect(await parsePlanSheet(template.subarray(0, template.length / 2), CONTEXT)).toEqual(
      fileError('文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写后上传。'),
    );
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('never throws on random bytes (seed %i)', async (seed) => {
    const bytes = randomBytes(seed, 64 + seed * 97);
    if (seed % 2 === 0) bytes.writeUInt32BE(0x504b0304, 0); // looks like a zip

    const sut = await parsePlanSheet(bytes, CONTEXT);

    expect(sut).toEqual({ ok: false, errors: [expect.objectContaining({ row: 0, column: '' })] });
  });

  it('never throws on a template with corrupted bytes', async () => {
    const template = await fill([GOOD]);
    for (let seed = 1; seed <= 10; seed++) {
      const corrupted = Buffer.from(template);
      randomBytes(seed, 24).forEach(
        (byte, i) => (corrupted[(byte * 131 + i * 997 + seed * 7919) % corrupted.length] = byte),
      );

      const sut = await parsePlanSheet(corrupted, CONTEXT);

      expect(sut.ok ? sut.plans : sut.errors).toEqual(expect.any(Array));
    }
  });

  it('reports a sheet with more rows than it may read', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(SHEET_NAME);
    sheet.addRow([`计划日期：${CONTEXT.date}`]);
    sheet.addRow(SHEET_COLUMNS.map((column) => column.header));
    for (let i = 0; i < 20_001; i++) sheet.addRow([11]);

    expect(await parsePlanSheet(await save(workbook), CONTEXT)).toEqual(
      fileError('表格行数过多（超过 20000 行），请删除多余的行后上传。'),
    );
  });

  it('lists at most 100 errors and says there are more', async () => {
    const rows = Array.from({ length: 120 }, () => ({ ...GOOD, officialId: null, name: '钱多多' }));

    const sut = await upload(rows);

    expect(sut.ok ? [] : sut.errors).toHaveLength(101);
    expect(sut.ok ? null : sut.errors[100]).toEqual({
      row: 0,
      column: '',
      reason: '错误较多，仅列出前 100 条，请修改后重新上传。',
    });
  });

  it('reports a workbook without the sheet or its header', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Sheet1').addRow(['随便', '写点', '什么']);

    expect(await parsePlanSheet(await save(workbook), CONTEXT)).toEqual(
      fileError(
        '未找到「明日计划」工作表或表头行（干部编号、姓名、职务、开始时间、结束时间、时段、地点、工作内容、类别、会议名称），请使用下载的模板。',
      ),
    );
  });

  it('reports a header row missing a needed column', async () => {
    const sut = await upload(
      [GOOD],
      {},
      (sheet) => (sheet.getCell(HEADER_ROW, columnOf('kind')).value = '分类'),
    );

    expect(sut).toEqual(fileError('表头缺少「类别」列，请使用下载的模板，不要修改表头。'));
  });

  it('reports a template of another date', async () => {
    const file = await fill([GOOD], { context: { ...CONTEXT, date: '2026-11-24' } });

    expect(await parsePlanSheet(file, CONTEXT)).toEqual(
      fileError('这是 2026-11-24 的计划表，不能导入到 2026-11-23，请下载 2026-11-23 的模板。'),
    );
  });

  it('reports a sheet whose date row was deleted', async () => {
    const sut = await upload([GOOD], {}, (sheet) => sheet.spliceRows(1, 1));

    expect(sut).toEqual(
      fileError('未找到计划日期（表头上方应有「计划日期：2026-11-23」），请重新下载模板填写。'),
    );
  });

  it('reports a template with nothing filled in', async () => {
    const sut = await parsePlanSheet(await buildPlanTemplate(CONTEXT), CONTEXT);

    expect(sut).toEqual(fileError('表中没有填写任何工作内容，请填写后再上传。'));
  });

  it('reports cells merged across the data by row and column without throwing', async () => {
    const sut = await upload([GOOD, { ...GOOD, officialId: 12, name: '李红梅' }], {}, (sheet) =>
      sheet.mergeCells(FIRST_DATA_ROW, columnOf('what'), FIRST_DATA_ROW + 1, columnOf('kind')),
    );

    expect(sut.ok ? [] : sut.errors).toEqual(
      expect.arrayContaining<SheetRowError>([
        { row: 3, column: '类别', reason: `类别「${GOOD.what}」不可用，应为：${KINDS.join('、')}。` },
        { row: 4, column: '类别', reason: `类别「${GOOD.what}」不可用，应为：${KINDS.join('、')}。` },
      ]),
    );
  });
});
