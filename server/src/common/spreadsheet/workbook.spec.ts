import { Workbook } from 'exceljs';
import { NO_RESULT } from './cells';
import {
  addOptionLists,
  eachDataRow,
  fileError,
  findHeaderRow,
  headerKeyMap,
  inputPrompt,
  listValidation,
  loadWorkbook,
  MAX_SHEET_ERRORS,
  promptOnly,
  SheetErrors,
  styleHeader,
  writeInstructions,
} from './workbook';

const WORDING = { empty: 'empty', wrongType: 'wrong type', invalid: 'invalid' };
const COLUMNS = [
  { key: 'code', header: '编码' },
  { key: 'name', header: '名称' },
] as const;
const BY_HEADER = headerKeyMap(COLUMNS);

async function bytesOf(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetWith(rows: unknown[][]) {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('表');
  rows.forEach((values, i) => (sheet.getRow(i + 1).values = values as never));
  return { workbook, sheet };
}

describe('SheetErrors', () => {
  it('lists errors by their sort key, keeping the order they came in among equals', () => {
    const sut = new SheetErrors();
    sut.add({ row: 5, column: 'B', reason: 'second' }, [5, 1]);
    sut.add({ row: 3, column: 'C', reason: 'first' }, [3, 2]);
    sut.add({ row: 5, column: 'B', reason: 'third' }, [5, 1]);

    expect(sut.count).toBe(3);
    expect(sut.sorted().map((error) => error.reason)).toEqual(['first', 'second', 'third']);
  });

  it('compares longer keys part by part, the first part first', () => {
    const sut = new SheetErrors();
    sut.add({ row: 2, column: '干部·姓名', reason: 'b' }, [1, 2, 0]);
    sut.add({ row: 9, column: '单位·名称', reason: 'a' }, [0, 9, 1]);

    expect(sut.sorted().map((error) => error.reason)).toEqual(['a', 'b']);
  });

  it('lists at most MAX_SHEET_ERRORS and then says there are more', () => {
    const sut = new SheetErrors();
    for (let row = 1; row <= MAX_SHEET_ERRORS + 5; row++) sut.add({ row, column: 'A', reason: 'x' }, [row]);

    const sorted = sut.sorted();
    expect(sorted).toHaveLength(MAX_SHEET_ERRORS + 1);
    expect(sorted[MAX_SHEET_ERRORS]).toEqual({
      row: 0,
      column: '',
      reason: `错误较多，仅列出前 ${MAX_SHEET_ERRORS} 条，请修改后重新上传。`,
    });
  });
});

describe('fileError', () => {
  it('is one error on row 0 without a column', () => {
    expect(fileError('坏了')).toEqual({ ok: false, errors: [{ row: 0, column: '', reason: '坏了' }] });
  });
});

describe('loadWorkbook', () => {
  it('reads a workbook', async () => {
    const { workbook } = sheetWith([['编码', '名称']]);

    const sut = await loadWorkbook(await bytesOf(workbook), 100, WORDING);

    expect(sut).toBeInstanceOf(Workbook);
    expect((sut as Workbook).getWorksheet('表')?.getCell('B1').value).toBe('名称');
  });

  it('answers with the wording for an empty file, a text file and a damaged zip', async () => {
    expect(await loadWorkbook(Buffer.alloc(0), 100, WORDING)).toBe('empty');
    expect(await loadWorkbook(Buffer.from('编码,名称\n'), 100, WORDING)).toBe('wrong type');
    const zip = await bytesOf(sheetWith([['编码']]).workbook);
    expect(await loadWorkbook(zip.subarray(0, 200), 100, WORDING)).toBe('invalid');
  });

  it('names an old .xls by its signature', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

    expect(await loadWorkbook(xls, 100, WORDING)).toContain('.xls');
  });

  it('refuses a sheet with more rows than it may read', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`code-${i}`, `名称${i}`]);

    const sut = await loadWorkbook(await bytesOf(sheetWith(rows).workbook), 20, WORDING);

    expect(sut).toBe('表格行数过多（超过 20 行），请删除多余的行后上传。');
  });
});

describe('findHeaderRow', () => {
  it('finds the header below a title row, matching headers loosely', () => {
    const { sheet } = sheetWith([['计划日期：2026-11-23'], ['名称（必填）', ' 编 码 *', '备注']]);

    const sut = findHeaderRow(sheet, BY_HEADER, (columns) => columns.size === 2);

    expect(sut).toEqual({
      row: 2,
      columns: new Map([
        ['name', 1],
        ['code', 2],
      ]),
    });
  });

  it('gives row 0 and the row that knew the most headers when none is complete', () => {
    const { sheet } = sheetWith([['说明'], ['编码', '备注'], ['名称']]);

    const sut = findHeaderRow(sheet, BY_HEADER, (columns) => columns.size === 2);

    expect(sut).toEqual({ row: 0, columns: new Map([['code', 1]]) });
  });

  it('counts a header met twice where it is first', () => {
    const { sheet } = sheetWith([['编码', '名称', '编码']]);

    expect(findHeaderRow(sheet, BY_HEADER, () => true).columns.get('code')).toBe(1);
  });
});

describe('eachDataRow', () => {
  it('visits the rows below the header with their cells by column key, and stops when told', () => {
    const { sheet } = sheetWith([['名称', '编码'], ['甲', 'a'], [], ['乙', 'b'], ['丙', 'c']]);
    const header = findHeaderRow(sheet, BY_HEADER, (columns) => columns.size === 2);
    const seen: Array<[number, unknown, unknown]> = [];

    eachDataRow(sheet, header, false, (row, cells) => {
      seen.push([row, cells.get('code'), cells.get('name')]);
      return row < 4;
    });

    expect(seen).toEqual([
      [2, 'a', '甲'],
      [4, 'b', '乙'],
    ]);
  });

  it('reads a formula without a stored result as blank, or with strict as an error', () => {
    const { sheet } = sheetWith([
      ['编码', '名称'],
      [{ formula: 'A1' }, '甲'],
    ]);
    const header = findHeaderRow(sheet, BY_HEADER, (columns) => columns.size === 2);
    const read = (strict: boolean) => {
      let code: unknown;
      eachDataRow(sheet, header, strict, (_, cells) => void (code = cells.get('code')));
      return code;
    };

    expect(read(false)).toBeNull();
    expect(read(true)).toEqual({ error: NO_RESULT });
  });
});

describe('addOptionLists', () => {
  it('writes each list in a column under its header and gives the range of each non-empty list', () => {
    const sheet = new Workbook().addWorksheet('选项');

    const sut = addOptionLists(
      sheet,
      [
        ['kinds', '类别', ['会议', '下村']],
        ['meetings', '会议名称', []],
        ['genders', '性别', ['男', '女', '未知']],
      ],
      16,
    );

    expect(sut).toEqual({ kinds: `'选项'!$A$2:$A$3`, genders: `'选项'!$C$2:$C$4` });
    expect(sheet.getColumn(1).values.slice(1)).toEqual(['类别', '会议', '下村']);
    expect(sheet.getCell('B1').value).toBe('会议名称');
    expect(sheet.getColumn(3).width).toBe(16);
  });
});

describe('validations', () => {
  it('makes a strict dropdown refuse other values and a loose one warn with its own text', () => {
    expect(listValidation('类别', '从列表选择', 'R', true, '继续？')).toMatchObject({
      type: 'list',
      formulae: ['R'],
      errorStyle: 'stop',
      error: '请从下拉列表中选择。',
      promptTitle: '类别',
      prompt: '从列表选择',
    });
    expect(listValidation('姓名', '', 'R', false, '继续？')).toMatchObject({
      errorStyle: 'warning',
      error: '继续？',
    });
  });

  it('cuts a hint to the 255 characters Excel keeps', () => {
    expect(inputPrompt('地址', '字'.repeat(300)).prompt).toHaveLength(255);
  });

  it('shows only the hint on an any-value rule', () => {
    expect(promptOnly('地址', '可不填')).toEqual({
      allowBlank: true,
      showInputMessage: true,
      promptTitle: '地址',
      prompt: '可不填',
      type: 'any',
      formulae: [],
    });
  });
});

describe('styleHeader', () => {
  it('writes the header bold, in red when the column is required', () => {
    const sheet = new Workbook().addWorksheet('表');

    styleHeader(sheet.getCell('A1'), '编码', true);
    styleHeader(sheet.getCell('B1'), '备注');

    expect(sheet.getCell('A1')).toMatchObject({
      value: '编码',
      font: { bold: true, color: { argb: 'FFC00000' } },
    });
    expect(sheet.getCell('B1').font).toEqual({ bold: true, color: { argb: 'FF000000' } });
    expect(sheet.getCell('B1').alignment).toEqual({ horizontal: 'center', vertical: 'middle' });
  });
});

describe('writeInstructions', () => {
  it('writes the title, the subtitle, an empty row, then the lines with empty lines kept', () => {
    const sheet = new Workbook().addWorksheet('填写说明');

    writeInstructions(sheet, {
      title: '填写说明',
      subtitle: '单位：城关镇',
      labelWidth: 14,
      lines: [
        { label: '填写规则', heading: true },
        { label: '1', text: '每行一项。' },
        null,
        { label: '工作内容', text: '必填。', required: true },
      ],
    });

    const text = (row: number) => [sheet.getCell(row, 1).value, sheet.getCell(row, 2).value];
    expect(text(1)).toEqual(['填写说明', null]);
    expect(text(2)).toEqual(['单位：城关镇', null]);
    expect(text(3)).toEqual([null, null]);
    expect(text(4)).toEqual(['填写规则', null]);
    expect(sheet.getRow(4).font).toEqual({ bold: true, size: 12 });
    expect(text(5)).toEqual(['1', '每行一项。']);
    expect(text(6)).toEqual([null, null]);
    expect(text(7)).toEqual(['工作内容', '必填。']);
    expect(sheet.getCell(7, 1).font).toEqual({ bold: true, color: { argb: 'FFC00000' } });
    expect(sheet.getColumn(1).width).toBe(14);
  });

  it('starts the lines on row 3 without a subtitle and makes long texts taller', () => {
    const sheet = new Workbook().addWorksheet('填写说明');

    writeInstructions(sheet, { title: 'T', labelWidth: 20, lines: [{ label: '1', text: '字'.repeat(100) }] });

    expect(sheet.getCell('A3').value).toBe('1');
    expect(sheet.getRow(3).height).toBe(Math.ceil(100 / 46) * 16 + 4);
  });
});
