import type { CellValue } from 'exceljs';
import { DIRECTORY_SHEETS } from './directory-sheet';
import { buildDirectoryWorkbook } from './directory-sheet.export';
import { parseDirectoryWorkbook } from './directory-sheet.import';
import {
  DATA,
  Editor,
  MATTERS,
  NOTHING,
  TODAY,
  VILLAGE_HOURS,
  dataOf,
  demoDirectory,
  load,
  withoutIds,
  type Sheet,
} from '../../../test/fixtures/directory-sheet';

describe('buildDirectoryWorkbook', () => {
  it('writes the four tables, the instructions and a hidden options sheet', async () => {
    const sut = await load(await buildDirectoryWorkbook(DATA, '岚川县'));

    expect(sut.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['单位', 'visible'],
      ['干部', 'visible'],
      ['职务', 'visible'],
      ['职责', 'visible'],
      ['填写说明', 'visible'],
      ['选项', 'hidden'],
    ]);
  });

  it('puts one header row above one row per record, with kinds, genders and coverage in words', async () => {
    const sut = new Editor(await load(await buildDirectoryWorkbook(DATA, '岚川县')));
    const rowOf = (name: Sheet, row: number) => (sut.sheet(name).getRow(row).values as CellValue[]).slice(1);

    expect(rowOf('单位', 1)).toEqual([
      '编码',
      '名称',
      '类型',
      '上级编码',
      '办公时间',
      '地址',
      '上级名称（核对）',
    ]);
    expect(rowOf('单位', 5).slice(0, 5)).toEqual([
      'village-cg-01',
      '东关社区',
      '村社区',
      'town-cg',
      VILLAGE_HOURS,
    ]);
    expect(rowOf('干部', 9)).toEqual(['official-008', '阿依古丽·买买提', '女']);
    expect(rowOf('职务', 7).slice(0, 5)).toEqual(['town-qs.civil', 'town-qs', '民政助理', 2, undefined]);
    expect(sut.sheet('职务').getCell(2, 6).value).toEqual(new Date('2023-01-10T00:00:00Z'));
    expect(rowOf('职责', 2).slice(0, 3)).toEqual([
      'town-cg.civil',
      '低保申请',
      'village-cg-01、village-cg-02',
    ]);
    expect(sut.sheet('职务').actualRowCount).toBe(10);
    expect(sut.sheet('单位').views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('shows the name behind each code in grey formula columns that Excel recomputes', async () => {
    const sut = new Editor(await load(await buildDirectoryWorkbook(DATA, '岚川县')));

    expect(sut.sheet('职务').getCell('G3').value).toEqual({
      formula: `IFERROR(VLOOKUP(B3,'单位'!$A:$B,2,FALSE),"")`,
      result: '城关镇',
    });
    expect(sut.sheet('职务').getCell('H3').value).toMatchObject({ result: '李红梅' });
    expect(sut.sheet('职务').getCell('H7').value).not.toHaveProperty('result'); // vacant: an empty result
    expect(sut.sheet('职责').getCell('D2').value).toMatchObject({ result: '民政助理' });
  });

  it('offers dropdowns for 类型, 性别 and 事项名称 and code lists that follow the tables', async () => {
    const workbook = await load(await buildDirectoryWorkbook(DATA, '岚川县'));
    const sut = new Editor(workbook);
    const options = workbook.getWorksheet(DIRECTORY_SHEETS.options);
    const validation = (name: Sheet, header: string, row = 2) =>
      sut.sheet(name).getCell(row, sut.column(name, header)).dataValidation;
    const items = (name: Sheet, header: string) => {
      const match = /^'选项'!\$([A-Z])\$2:\$[A-Z]\$(\d+)$/.exec(String(validation(name, header).formulae[0]));
      const [, letter, to] = match ?? [];
      return Array.from({ length: Number(to) - 1 }, (_, i) => options?.getCell(`${letter}${i + 2}`).value);
    };

    expect(items('单位', '类型')).toEqual(['县', '乡镇街道', '村社区', '部门', '科室']);
    expect(items('干部', '性别')).toEqual(['男', '女']);
    expect(items('职责', '事项名称')).toEqual(MATTERS);
    expect(validation('单位', '类型', 300).errorStyle).toBe('stop');
    expect(validation('单位', '上级编码', 300)).toMatchObject({
      type: 'list',
      formulae: [`'单位'!$A$2:$A$509`],
      errorStyle: 'warning',
    });
    expect(validation('职务', '现任干部编码').formulae).toEqual([`'干部'!$A$2:$A$509`]);
    expect(validation('职务', '排序')).toMatchObject({ type: 'whole', formulae: [1] });
    expect(validation('单位', '编码').prompt).toContain('请勿修改');
  });

  it('explains codes, deletion and the all-or-nothing rule on the instructions sheet', async () => {
    const sut = (await load(await buildDirectoryWorkbook(DATA, '岚川县'))).getWorksheet('填写说明');
    const text: string[] = [];
    sut?.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));

    expect(text[0]).toBe('岚川县干部名录填写说明');
    expect(text.join('\n')).toContain('导入不会删除任何单位、干部、职务或职责');
    expect(text.join('\n')).toContain('village-乡镇拼音-序号');
    expect(text.join('\n')).toContain('只要有一处错误，全部不导入');
    expect(text.join('\n')).toContain(MATTERS.join('、'));
  });
});

describe('parseDirectoryWorkbook', () => {
  describe('round trip', () => {
    it('reads back what it wrote, with the ids of the current rows', async () => {
      const sut = await parseDirectoryWorkbook(await buildDirectoryWorkbook(DATA, '岚川县'), DATA, {
        today: TODAY,
      });

      const { matterNames: _, ...expected } = DATA;
      expect(sut).toEqual({ ok: true, data: expected });
    });

    it('reads a file into an empty directory as all new rows, without ids', async () => {
      const sut = dataOf(
        await parseDirectoryWorkbook(await buildDirectoryWorkbook(DATA, '岚川县'), NOTHING, { today: TODAY }),
      );

      expect(sut.units).toEqual(withoutIds(DATA.units));
      expect(sut.officials).toEqual(withoutIds(DATA.officials));
      expect(sut.posts).toEqual(withoutIds(DATA.posts));
      expect(sut.duties).toEqual(DATA.duties);
    });

    it('round-trips the demo county and keeps the workbook small', async () => {
      const demo = demoDirectory();
      const file = await buildDirectoryWorkbook(demo, '岚川县');

      const sut = await parseDirectoryWorkbook(file, demo, { today: TODAY });

      expect([demo.units.length, demo.officials.length, demo.posts.length, demo.duties.length]).toEqual([
        52, 214, 220, 554,
      ]);
      const { matterNames: _, ...expected } = demo;
      expect(sut).toEqual({ ok: true, data: expected });
      expect(file.length).toBeLessThan(80_000); // 56 KB when written
    });
  });
});
