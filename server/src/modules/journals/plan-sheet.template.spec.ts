import type { PlanEntryInput } from '@jinri/shared';
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  INSTRUCTIONS_SHEET_NAME,
  OPTIONS_SHEET_NAME,
  SHEET_COLUMNS,
  type SheetColumnKey,
} from './plan-sheet';
import { parsePlanSheet } from './plan-sheet.parse';
import { buildPlanTemplate } from './plan-sheet.template';
import {
  KINDS,
  MEETINGS,
  CONTEXT,
  GOOD_ENTRY,
  columnOf,
  dataSheet,
  load,
} from '../../../test/fixtures/plan-sheet';

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
