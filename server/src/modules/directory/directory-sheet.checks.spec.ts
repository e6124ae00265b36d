import type { CellValue } from 'exceljs';
import type { SheetRowError } from '@jinri/shared';
import { type DirectoryData } from './directory-sheet';
import { DATA, Editor, upload } from '../../../test/fixtures/directory-sheet';

describe('parseDirectoryWorkbook', () => {
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
});
