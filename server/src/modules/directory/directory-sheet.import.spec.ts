import { Workbook } from 'exceljs';
import { buildDirectoryWorkbook } from './directory-sheet.export';
import { parseDirectoryWorkbook } from './directory-sheet.import';
import {
  DATA,
  NOTHING,
  TODAY,
  HOURS,
  dataOf,
  fileError,
  upload,
  单位,
  干部,
  职务,
  职责,
} from '../../../test/fixtures/directory-sheet';

describe('parseDirectoryWorkbook', () => {
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
