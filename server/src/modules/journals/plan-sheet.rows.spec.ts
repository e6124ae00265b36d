import { FIRST_DATA_ROW, type SheetColumnKey } from './plan-sheet';
import { KINDS, CONTEXT, type Row, GOOD, header, upload, plansOf } from '../../../test/fixtures/plan-sheet';

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
