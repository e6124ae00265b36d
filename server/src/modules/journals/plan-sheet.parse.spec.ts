import { Workbook, type CellValue } from 'exceljs';
import type { PlanEntryInput, SheetRowError } from '@jinri/shared';
import { FIRST_DATA_ROW, HEADER_ROW, SHEET_COLUMNS, SHEET_NAME } from './plan-sheet';
import { parsePlanSheet } from './plan-sheet.parse';
import { buildPlanTemplate } from './plan-sheet.template';
import {
  KINDS,
  CONTEXT,
  type Row,
  GOOD,
  GOOD_ENTRY,
  columnOf,
  fill,
  upload,
  plansOf,
  fileError,
  randomBytes,
  save,
} from '../../../test/fixtures/plan-sheet';

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
