import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { SheetRowError } from '@jinri/shared';
import { buildDemoCounty } from '../../database/seed/demo-county.data';
import { DIRECTORY_SHEETS, type DirectoryData, type DirectoryParseResult } from './directory-sheet';
import { buildDirectoryWorkbook } from './directory-sheet.export';
import { parseDirectoryWorkbook } from './directory-sheet.import';

const TODAY = '2026-05-20';
const MATTERS = ['低保申请', '宅基地审批', '医保报销'];
const HOURS = '08:30-12:00,14:30-17:30';
const VILLAGE_HOURS = '08:00-11:30,14:30-17:30';

/** 岚川县 in small: the county, two towns with two villages each, a department; 8 officials, 9 posts. */
const DATA: DirectoryData = {
  units: [
    {
      id: 1,
      code: 'county',
      name: '岚川县',
      kind: 'county',
      parentCode: null,
      officeHours: HOURS,
      address: '岚川县人民路88号',
    },
    {
      id: 2,
      code: 'town-cg',
      name: '城关镇',
      kind: 'town',
      parentCode: 'county',
      officeHours: HOURS,
      address: '城关镇解放路12号',
    },
    {
      id: 3,
      code: 'town-qs',
      name: '青石乡',
      kind: 'town',
      parentCode: 'county',
      officeHours: HOURS,
      address: null,
    },
    {
      id: 4,
      code: 'village-cg-01',
      name: '东关社区',
      kind: 'village',
      parentCode: 'town-cg',
      officeHours: VILLAGE_HOURS,
      address: '城关镇东关街3号',
    },
    {
      id: 5,
      code: 'village-cg-02',
      name: '西岭村',
      kind: 'village',
      parentCode: 'town-cg',
      officeHours: VILLAGE_HOURS,
      address: null,
    },
    {
      id: 6,
      code: 'village-qs-01',
      name: '石桥村',
      kind: 'village',
      parentCode: 'town-qs',
      officeHours: null,
      address: null,
    },
    {
      id: 7,
      code: 'village-qs-02',
      name: '龙潭村',
      kind: 'village',
      parentCode: 'town-qs',
      officeHours: null,
      address: null,
    },
    {
      id: 8,
      code: 'dept-minzheng',
      name: '县民政局',
      kind: 'department',
      parentCode: 'county',
      officeHours: HOURS,
      address: '岚川县民主路5号',
    },
  ],
  officials: [
    { id: 11, code: 'official-001', name: '周建华', gender: 'male' },
    { id: 12, code: 'official-002', name: '李红梅', gender: 'female' },
    { id: 13, code: 'official-003', name: '王志强', gender: 'male' },
    { id: 14, code: 'official-004', name: '陈丽', gender: 'female' },
    { id: 15, code: 'official-005', name: '刘德胜', gender: 'male' },
    { id: 16, code: 'official-006', name: '杨秀英', gender: 'female' },
    { id: 17, code: 'official-007', name: '黄海涛', gender: null },
    { id: 18, code: 'official-008', name: '阿依古丽·买买提', gender: 'female' },
  ],
  posts: [
    {
      id: 21,
      code: 'county.head',
      unitCode: 'county',
      title: '县长',
      rank: 1,
      holderCode: 'official-001',
      holderSince: '2023-01-10',
    },
    {
      id: 22,
      code: 'town-cg.secretary',
      unitCode: 'town-cg',
      title: '党委书记',
      rank: 1,
      holderCode: 'official-002',
      holderSince: '2021-06-01',
    },
    {
      id: 23,
      code: 'town-cg.congress',
      unitCode: 'town-cg',
      title: '人大主席',
      rank: 2,
      holderCode: 'official-002',
      holderSince: '2021-09-15',
    },
    {
      id: 24,
      code: 'town-cg.civil',
      unitCode: 'town-cg',
      title: '民政助理',
      rank: 3,
      holderCode: 'official-003',
      holderSince: '2022-03-01',
    },
    {
      id: 25,
      code: 'town-qs.mayor',
      unitCode: 'town-qs',
      title: '乡长',
      rank: 1,
      holderCode: 'official-004',
      holderSince: '2024-02-20',
    },
    {
      id: 26,
      code: 'town-qs.civil',
      unitCode: 'town-qs',
      title: '民政助理',
      rank: 2,
      holderCode: null,
      holderSince: null,
    },
    {
      id: 27,
      code: 'village-cg-01.secretary',
      unitCode: 'village-cg-01',
      title: '社区党委书记',
      rank: 1,
      holderCode: 'official-005',
      holderSince: '2021-05-01',
    },
    {
      id: 28,
      code: 'village-qs-01.secretary',
      unitCode: 'village-qs-01',
      title: '党支部书记、村委会主任',
      rank: 1,
      holderCode: 'official-006',
      holderSince: '2021-05-01',
    },
    {
      id: 29,
      code: 'dept-minzheng.head',
      unitCode: 'dept-minzheng',
      title: '局长',
      rank: 1,
      holderCode: 'official-007',
      holderSince: '2025-01-01',
    },
  ],
  duties: [
    {
      postCode: 'town-cg.civil',
      matterName: '低保申请',
      coveredUnitCodes: ['village-cg-01', 'village-cg-02'],
    },
    { postCode: 'town-qs.mayor', matterName: '宅基地审批', coveredUnitCodes: ['town-qs'] },
    { postCode: 'dept-minzheng.head', matterName: '低保申请', coveredUnitCodes: ['county'] },
    { postCode: 'village-qs-01.secretary', matterName: '医保报销', coveredUnitCodes: ['village-qs-01'] },
  ],
  matterNames: MATTERS,
};
const NOTHING: DirectoryData = { units: [], officials: [], posts: [], duties: [], matterNames: MATTERS };
const { units: 单位, officials: 干部, posts: 职务, duties: 职责 } = DIRECTORY_SHEETS;

type Sheet = '单位' | '干部' | '职务' | '职责';

/** Edits a workbook the way an admin does, by sheet name, Excel row and header. */
class Editor {
  constructor(readonly workbook: Workbook) {}

  sheet(name: Sheet): Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  column(name: Sheet, header: string): number {
    const values = this.sheet(name).getRow(1).values as CellValue[];
    const index = values.indexOf(header);
    if (index < 1) throw new Error(`no column ${header} in ${name}`);
    return index;
  }

  set(name: Sheet, row: number, header: string, value: CellValue): this {
    this.sheet(name).getCell(row, this.column(name, header)).value = value;
    return this;
  }

  /** Empties a row, as deleting it would (exceljs' spliceRows mangles the rows of a loaded sheet). */
  remove(name: Sheet, row: number): this {
    this.sheet(name)
      .getRow(row)
      .eachCell((cell) => (cell.value = null));
    return this;
  }

  /** Writes a new row below the last one; returns its row number. */
  append(name: Sheet, values: Record<string, CellValue>): number {
    const row = this.sheet(name).actualRowCount + 1;
    for (const [header, value] of Object.entries(values)) this.set(name, row, header, value);
    return row;
  }
}

async function load(file: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

async function edited(edit: (editor: Editor) => void, data = DATA): Promise<Buffer> {
  const workbook = await load(await buildDirectoryWorkbook(data, '岚川县'));
  edit(new Editor(workbook));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(edit: (editor: Editor) => void, current = DATA): Promise<DirectoryParseResult> {
  return parseDirectoryWorkbook(await edited(edit, current), current, { today: TODAY });
}

function dataOf(result: DirectoryParseResult): Omit<DirectoryData, 'matterNames'> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

function withoutIds<T extends { id?: number }>(rows: T[]): Array<Omit<T, 'id'>> {
  return rows.map(({ id: _, ...row }) => row);
}

function fileError(reason: string, column = ''): DirectoryParseResult {
  return { ok: false, errors: [{ row: 0, column, reason: expect.stringContaining(reason) as string }] };
}

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
        51, 213, 219, 554,
      ]);
      const { matterNames: _, ...expected } = demo;
      expect(sut).toEqual({ ok: true, data: expected });
      expect(file.length).toBeLessThan(80_000); // 56 KB when written
    });
  });

  describe('edits that are accepted', () => {
    it('adds a town with its village, an official and the post they hold, all new in the same file', async () => {
      const sut = dataOf(
        await upload((w) => {
          w.append('单位', { 编码: 'town-hp', 名称: '河畔镇', 类型: '乡镇街道', 上级编码: 'county' });
          w.append('单位', {
            编码: 'village-hp-01',
            名称: '柳湾村',
            类型: '村（社区）',
            上级编码: 'town-hp',
          });
          w.append('干部', { 编码: 'official-009', 姓名: '赵 敏', 性别: '女' });
          w.append('职务', {
            编码: 'village-hp-01.secretary',
            单位编码: 'village-hp-01',
            职务名称: '党支部书记',
            排序: 1,
            现任干部编码: 'official-009',
            任职日期: '2026/5/20',
          });
          w.append('职责', {
            职务编码: 'village-hp-01.secretary',
            事项名称: '医保报销',
            覆盖单位编码: 'village-hp-01',
          });
        }),
      );

      expect(sut.units.slice(-2)).toEqual([
        {
          code: 'town-hp',
          name: '河畔镇',
          kind: 'town',
          parentCode: 'county',
          officeHours: null,
          address: null,
        },
        {
          code: 'village-hp-01',
          name: '柳湾村',
          kind: 'village',
          parentCode: 'town-hp',
          officeHours: null,
          address: null,
        },
      ]);
      expect(sut.officials.at(-1)).toEqual({ code: 'official-009', name: '赵敏', gender: 'female' });
      expect(sut.posts.at(-1)).toEqual({
        code: 'village-hp-01.secretary',
        unitCode: 'village-hp-01',
        title: '党支部书记',
        rank: 1,
        holderCode: 'official-009',
        holderSince: TODAY,
      });
      expect(sut.duties.at(-1)).toEqual({
        postCode: 'village-hp-01.secretary',
        matterName: '医保报销',
        coveredUnitCodes: ['village-hp-01'],
      });
    });

    it('leaves out rows deleted from the file, and still resolves codes that only the directory has', async () => {
      const sut = dataOf(
        await upload((w) => {
          w.remove('单位', 9); // 县民政局, whose 局长 post stays in the file
          w.remove('干部', 8); // 黄海涛, who still holds that post
        }),
      );

      expect(sut.units.map((unit) => unit.code)).not.toContain('dept-minzheng');
      expect(sut.officials).toHaveLength(7);
      expect(sut.posts.find((post) => post.code === 'dept-minzheng.head')).toMatchObject({
        id: 29,
        unitCode: 'dept-minzheng',
        holderCode: 'official-007',
      });
    });

    it('lets one official hold several posts and a post stand vacant', async () => {
      const sut = dataOf(
        await upload((w) =>
          w.set('职务', 7, '现任干部编码', 'official-004').set('职务', 7, '任职日期', '2026-05-01'),
        ),
      );

      expect(sut.posts.filter((post) => post.holderCode === 'official-004').map((post) => post.code)).toEqual(
        ['town-qs.mayor', 'town-qs.civil'],
      );
      expect(
        dataOf(await upload((w) => w.set('职务', 5, '现任干部编码', null).set('职务', 5, '任职日期', null)))
          .posts[3],
      ).toMatchObject({ code: 'town-cg.civil', holderCode: null, holderSince: null });
    });

    it('reads loosely typed cells: case, full-width, separators, date text, office hours, formulas', async () => {
      const sut = dataOf(
        await upload((w) => {
          w.set('单位', 6, '上级编码', 'ＴＯＷＮ-CG');
          w.set('单位', 6, '办公时间', '8:30～12:00；14:30-17:30');
          w.set('单位', 6, '类型', { formula: '"村"&"社区"', result: '村社区' });
          w.set('职务', 5, '任职日期', '2022年3月1日');
          w.set('职务', 5, '排序', '３');
          w.set('职责', 2, '覆盖单位编码', 'village-cg-01，village-cg-02  VILLAGE-CG-01');
          w.set('职责', 2, '事项名称', { richText: [{ text: '低保' }, { text: '申请 ' }] });
        }),
      );

      expect(sut.units[4]).toMatchObject({ parentCode: 'town-cg', officeHours: HOURS, kind: 'village' });
      expect(sut.posts[3]).toMatchObject({ rank: 3, holderSince: '2022-03-01' });
      expect(sut.duties[0]).toEqual(DATA.duties[0]);
    });

    it('reads a merged 上级编码 cell as the value of each row it spans', async () => {
      const sut = dataOf(await upload((w) => w.sheet('单位').mergeCells('D5:D6')));

      expect(sut.units.slice(3, 5).map((unit) => unit.parentCode)).toEqual(['town-cg', 'town-cg']);
    });

    it('ignores blank rows, unknown columns and decorations added to a header', async () => {
      const sut = dataOf(
        await upload((w) => {
          w.sheet('干部').insertRow(4, []);
          w.sheet('干部').getCell('B1').value = ' 姓名（必填）*';
          w.sheet('干部').getCell('E1').value = '备注';
          w.sheet('干部').getCell('E2').value = '兼任';
        }),
      );

      expect(sut.officials).toEqual(DATA.officials);
    });
  });

  describe('edits that are refused, each with its sheet, row, column and reason', () => {
    const cases: Array<[string, (w: Editor) => void, number, string, string]> = [
      ['a 单位 row without a name', (w) => w.set('单位', 3, '名称', null), 3, '单位·名称', '请填写名称'],
      [
        'a 单位 code used twice',
        (w) => w.append('单位', { 编码: 'Town-QS', 名称: '青石', 类型: '乡镇街道', 上级编码: 'county' }),
        10,
        '单位·编码',
        '与第 4 行重复',
      ],
      [
        'a 单位 code with Chinese characters',
        (w) => w.set('单位', 8, '编码', '龙潭村'),
        8,
        '单位·编码',
        '格式不对',
      ],
      ['an unknown 类型', (w) => w.set('单位', 8, '类型', '小组'), 8, '单位·类型', '类型「小组」不对'],
      [
        'a 上级编码 that exists nowhere',
        (w) => w.set('单位', 6, '上级编码', 'town-xx'),
        6,
        '单位·上级编码',
        '上级编码「town-xx」不存在',
      ],
      [
        'a village under a department',
        (w) => w.set('单位', 8, '上级编码', 'dept-minzheng'),
        8,
        '单位·上级编码',
        '村（社区）的上级须为乡镇（街道），「县民政局」（dept-minzheng）是部门',
      ],
      [
        'a town without a 上级编码',
        (w) => w.set('单位', 4, '上级编码', null),
        4,
        '单位·上级编码',
        '请填写上级编码',
      ],
      [
        'a second county',
        (w) => w.append('单位', { 编码: 'county-2', 名称: '邻县', 类型: '县' }),
        10,
        '单位·类型',
        '只能有一个「县」',
      ],
      [
        'a town turned into a department while its villages stay in the directory',
        (w) => {
          w.remove('单位', 7).remove('单位', 8);
          w.set('单位', 4, '类型', '部门');
        },
        4,
        '单位·类型',
        '其下级单位「石桥村」（village-qs-01）、「龙潭村」（village-qs-02）不在表中：村（社区）的上级须为乡镇（街道），「青石乡」（town-qs）是部门。',
      ],
      [
        'a cycle of 上级编码',
        (w) => {
          w.append('单位', { 编码: 'office-jz', 名称: '救助股', 类型: '科室', 上级编码: 'dept-minzheng' });
          w.set('单位', 9, '上级编码', 'office-jz');
        },
        9,
        '单位·上级编码',
        '循环（dept-minzheng → office-jz → dept-minzheng）',
      ],
      [
        'office hours that end before they start',
        (w) => w.set('单位', 2, '办公时间', '08:30-12:00,17:30-14:30'),
        2,
        '单位·办公时间',
        '08:30-12:00,14:30-17:30',
      ],
      [
        'office hours without a dash',
        (w) => w.set('单位', 2, '办公时间', '上午8点半'),
        2,
        '单位·办公时间',
        '办公时间应按',
      ],
      [
        'a 姓名 in Latin letters',
        (w) => w.set('干部', 3, '姓名', 'Li Hongmei'),
        3,
        '干部·姓名',
        '应为 2–10 个汉字',
      ],
      ['a one-character 姓名', (w) => w.set('干部', 3, '姓名', '李'), 3, '干部·姓名', '应为 2–10 个汉字'],
      [
        'a 性别 other than 男 or 女',
        (w) => w.set('干部', 4, '性别', '未知'),
        4,
        '干部·性别',
        '性别应为 男 或 女',
      ],
      [
        'an official listed twice',
        (w) => w.append('干部', { 编码: 'official-002', 姓名: '李红梅' }),
        10,
        '干部·编码',
        '与第 3 行重复',
      ],
      [
        'a post in a unit that exists nowhere',
        (w) => w.set('职务', 4, '单位编码', 'town-xx'),
        4,
        '职务·单位编码',
        '单位编码「town-xx」不存在',
      ],
      ['a 排序 of zero', (w) => w.set('职务', 4, '排序', 0), 4, '职务·排序', '排序应为正整数'],
      ['a 排序 in words', (w) => w.set('职务', 4, '排序', '第二'), 4, '职务·排序', '「第二」不是'],
      ['a post without 排序', (w) => w.set('职务', 4, '排序', null), 4, '职务·排序', '请填写排序'],
      [
        'a holder who exists nowhere',
        (w) => w.set('职务', 3, '现任干部编码', 'official-999'),
        3,
        '职务·现任干部编码',
        '干部编码「official-999」不存在',
      ],
      [
        'a holder without 任职日期',
        (w) => w.set('职务', 3, '任职日期', null),
        3,
        '职务·任职日期',
        '请同时填写任职日期',
      ],
      [
        'a 任职日期 on a vacant post',
        (w) => w.set('职务', 7, '任职日期', '2026-01-01'),
        7,
        '职务·任职日期',
        '请清空任职日期',
      ],
      [
        'a 任职日期 in the future',
        (w) => w.set('职务', 3, '任职日期', new Date('2026-05-21T00:00:00Z')),
        3,
        '职务·任职日期',
        '2026-05-21 晚于今天（2026-05-20）',
      ],
      [
        'a 任职日期 that is no date',
        (w) => w.set('职务', 3, '任职日期', '2024-02-30'),
        3,
        '职务·任职日期',
        '应为有效日期',
      ],
      [
        'a new holder dated before the one replaced',
        (w) => w.set('职务', 5, '现任干部编码', 'official-008').set('职务', 5, '任职日期', '2021-01-01'),
        5,
        '职务·任职日期',
        '早于前任（official-003）的任职日期 2022-03-01',
      ],
      [
        'a duty of a post that exists nowhere',
        (w) => w.set('职责', 3, '职务编码', 'town-qs.head'),
        3,
        '职责·职务编码',
        '职务编码「town-qs.head」不存在',
      ],
      [
        'a matter not in the list',
        (w) => w.set('职责', 3, '事项名称', '盖房子'),
        3,
        '职责·事项名称',
        '事项「盖房子」不在事项列表中',
      ],
      [
        'a covered unit that exists nowhere',
        (w) => w.set('职责', 2, '覆盖单位编码', 'village-cg-01、village-cg-09'),
        2,
        '职责·覆盖单位编码',
        '「village-cg-09」不存在',
      ],
      [
        'a town post covering another town’s village',
        (w) => w.set('职责', 2, '覆盖单位编码', 'village-cg-01、village-qs-02'),
        2,
        '职责·覆盖单位编码',
        '「village-qs-02」不在「城关镇」范围内',
      ],
      [
        'a village post covering its whole county',
        (w) => w.set('职责', 5, '覆盖单位编码', 'county'),
        5,
        '职责·覆盖单位编码',
        '「county」不在「青石乡」范围内',
      ],
      [
        'a duty without covered units',
        (w) => w.set('职责', 4, '覆盖单位编码', ' '),
        4,
        '职责·覆盖单位编码',
        '请填写覆盖单位编码',
      ],
      [
        'the same post and matter twice',
        (w) => w.append('职责', { 职务编码: 'Town-CG.civil', 事项名称: '低保申请', 覆盖单位编码: 'town-cg' }),
        6,
        '职责·事项名称',
        '与第 2 行重复',
      ],
      [
        'a cell holding an Excel error',
        (w) => w.set('单位', 3, '地址', { error: '#REF!' }),
        3,
        '单位·地址',
        '错误值 #REF!',
      ],
      [
        'a formula without a computed result',
        (w) => w.set('干部', 2, '姓名', { formula: 'A1&"x"' } as CellValue),
        2,
        '干部·姓名',
        '没有计算结果的公式',
      ],
    ];

    it.each(cases)('reports %s', async (_name, edit, row, column, reason) => {
      const sut = await upload(edit);

      expect(sut).toEqual({
        ok: false,
        errors: [{ row, column, reason: expect.stringContaining(reason) as string }],
      });
    });

    it('reports one bad row among a hundred good ones, and only that row', async () => {
      const many: DirectoryData = {
        ...DATA,
        officials: Array.from({ length: 100 }, (_, i) => ({
          code: `official-${String(i + 1).padStart(3, '0')}`,
          name: `${'赵钱孙李周吴郑王冯陈'[i % 10]}${'伟芳娜敏静丽强磊军洋'[Math.floor(i / 10)]}`,
          gender: null,
        })),
      };

      const sut = await upload((w) => w.set('干部', 58, '姓名', '王5'), many);

      expect(sut).toEqual({
        ok: false,
        errors: [
          {
            row: 58,
            column: '干部·姓名',
            reason: '姓名「王5」应为 2–10 个汉字，少数民族姓名可用间隔号「·」。',
          },
        ],
      });
    });

    it('lists errors by sheet, then row, then column', async () => {
      const sut = await upload((w) => {
        w.set('职责', 2, '事项名称', '盖房子');
        w.set('单位', 5, '地址', 'x'.repeat(256)).set('单位', 5, '名称', null);
        w.set('单位', 2, '办公时间', '全天');
      });

      expect(sut.ok ? [] : sut.errors.map((error: SheetRowError) => `${error.row} ${error.column}`)).toEqual([
        '2 单位·办公时间',
        '5 单位·名称',
        '5 单位·地址',
        '2 职责·事项名称',
      ]);
    });
  });

  describe('files that cannot be read', () => {
    it('refuses an empty file, a .xls file and a text file', async () => {
      expect(await parseDirectoryWorkbook(Buffer.alloc(0), DATA)).toEqual(fileError('文件为空'));
      const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      expect(await parseDirectoryWorkbook(xls, DATA)).toEqual(fileError('旧版 Excel（.xls）'));
      expect(await parseDirectoryWorkbook(Buffer.from('编码,名称\ncounty,岚川县'), DATA)).toEqual(
        fileError('不是 Excel'),
      );
    });

    it('refuses a damaged zip without throwing', async () => {
      const file = await buildDirectoryWorkbook(DATA, '岚川县');

      expect(await parseDirectoryWorkbook(file.subarray(0, file.length / 2), DATA)).toEqual(
        fileError('不是有效的 Excel'),
      );
    });

    it('names every missing sheet', async () => {
      const workbook = new Workbook();
      workbook.addWorksheet('Sheet1');
      const file = Buffer.from(await workbook.xlsx.writeBuffer());

      const sut = await parseDirectoryWorkbook(file, DATA);

      expect(sut.ok ? [] : sut.errors.map((error) => [error.row, error.column])).toEqual([
        [0, '单位'],
        [0, '干部'],
        [0, '职务'],
        [0, '职责'],
      ]);
    });

    it('names a deleted sheet and a renamed header', async () => {
      expect(await upload((w) => w.workbook.removeWorksheet(w.sheet('职责').id))).toEqual(
        fileError('未找到「职责」工作表', 职责.name),
      );
      expect(await upload((w) => (w.sheet('职务').getCell('D1').value = '顺序'))).toEqual(
        fileError('「职务」表缺少「排序」列', 职务.name),
      );
    });

    it('refuses a workbook whose tables are all empty', async () => {
      const sut = await parseDirectoryWorkbook(await buildDirectoryWorkbook(NOTHING, '岚川县'), DATA);

      expect(sut).toEqual(fileError('表格中没有任何数据'));
      expect([单位.name, 干部.name]).toEqual(['单位', '干部']);
    });
  });
});

/** The demo seed as a directory: keys become codes, each post's membership its holder. */
function demoDirectory(): DirectoryData {
  const demo = buildDemoCounty();
  const holders = new Map(demo.memberships.map((membership) => [membership.postKey, membership]));
  const matterNames = new Map(demo.matters.map((matter) => [matter.key, matter.name]));
  return {
    units: demo.units.map((unit, i) => ({
      id: i + 1,
      code: unit.key,
      name: unit.name,
      kind: unit.kind,
      parentCode: unit.parentKey ?? null,
      officeHours: unit.officeHours ?? null,
      address: unit.address ?? null,
    })),
    officials: demo.officials.map((official, i) => ({
      id: i + 1,
      code: official.key,
      name: official.name,
      gender: official.gender,
    })),
    posts: demo.posts.map((post, i) => ({
      id: i + 1,
      code: post.key,
      unitCode: post.unitKey,
      title: post.title,
      rank: post.rank,
      holderCode: holders.get(post.key)?.officialKey ?? null,
      holderSince: holders.get(post.key)?.startDate ?? null,
    })),
    duties: demo.duties.map((duty) => ({
      postCode: duty.postKey,
      matterName: matterNames.get(duty.matterKey) ?? duty.matterKey,
      coveredUnitCodes: duty.coveredUnitKeys,
    })),
    matterNames: demo.matters.map((matter) => matter.name),
  };
}
