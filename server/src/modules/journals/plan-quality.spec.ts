import { ENTRY_KINDS, type PlanWarning } from '@jinri/shared';
import { checkPlanEntries, PLAN_QUALITY, type PreviousDay, type QualityEntry } from './plan-quality';

/** The warning kinds of one entry checked on its own. */
function kindsOf(entry: QualityEntry, previousDays: PreviousDay[] = []): string[] {
  return checkPlanEntries([entry], previousDays).map((w) => w.kind);
}

/** One earlier day holding the given lines. */
function day(date: string, ...what: string[]): PreviousDay {
  return { date, entries: what.map((w) => ({ what: w })) };
}

const SPECIFIC = [
  '到魏庄村走访低保户，核实3户家庭收入情况',
  '参加县政府常务会议，汇报秋粮收购进度',
  '在镇便民服务中心接待来访群众',
  '督导检查城关街道安全生产',
  '到魏庄村调度拆迁工作',
  '参加党委会',
  '主持周例会',
  '召开乡村振兴工作专班会议',
  '检查1号地块拆迁进度',
  '陪同县领导调研魏庄村产业发展',
  '审核镇卫生院医保报销材料',
  '召开村两委干部会议，部署秸秆禁烧',
  '到柴家营村入户核查危房改造',
  '学习党的二十届三中全会精神',
  '在镇防汛指挥部值班',
  '撰写上半年工作总结',
  '到河湾村查看高标准农田建设',
  '组织镇村干部开展森林防火演练',
  '调解刘家沟村土地纠纷',
  '到县医院看望住院老党员',
  '在县政务服务中心窗口坐班',
  '到镇中心小学检查食品安全',
  '到城关镇政务服务大厅窗口坐班，受理社保业务',
  '参加GDP季度分析会',
  '到ABC公司对接投资事宜',
];

const VAGUE = [
  '处理日常事务',
  '处理相关工作',
  '协调相关事宜',
  '落实上级安排',
  '完成领导交办的其他事项',
  '在办公室处理文件',
  '在县委三楼会议室开会',
  '到魏庄村走访',
  '魏庄村调研',
  '在镇政府值班',
  '参加县委会议',
  '到现场检查',
  '到县委党校参加培训',
  '准备会议材料',
  '赴市里开会',
];

const VAGUE_AND_SHORT = [
  '日常工作',
  '日常事务',
  '正常上班',
  '办公',
  '值班',
  '开会',
  '学习',
  '下村',
  '走访',
  '调研',
  '检查工作',
  '其他工作',
  '参加会议',
  '下村走访',
  '走访群众',
  '防汛值班',
  '学习文件',
];

const SHORT_ONLY = ['整理档案', '党委会', '核查3户', 'Review HR files'];

describe('plan entry quality', () => {
  it.each(SPECIFIC)('leaves the specific entry "%s" alone', (what) => {
    const sut = kindsOf({ what });
    expect(sut).toEqual([]);
  });

  it.each(VAGUE)('calls "%s" vague though it is long enough', (what) => {
    const sut = kindsOf({ what });
    expect(sut).toEqual(['vague']);
  });

  it.each(VAGUE_AND_SHORT)('calls "%s" both vague and too short', (what) => {
    const sut = kindsOf({ what });
    expect(sut).toEqual(['vague', 'too_short']);
  });

  it.each(SHORT_ONLY)('calls "%s" too short but not vague, since it names a matter', (what) => {
    const sut = kindsOf({ what });
    expect(sut).toEqual(['too_short']);
  });

  it('explains each warning in Chinese', () => {
    const sut = checkPlanEntries([{ what: '开会' }], []);
    expect(sut).toEqual<PlanWarning[]>([
      {
        entryIndex: 0,
        kind: 'vague',
        message: '内容较笼统，请写明具体事项和地点（如：到魏庄村调度拆迁工作）',
      },
      { entryIndex: 0, kind: 'too_short', message: '内容太短，请写明做什么、在哪里、和谁' },
    ]);
  });

  it('lets the place field stand in for a place missing from the text', () => {
    expect(kindsOf({ what: '走访群众', place: null })).toEqual(['vague', 'too_short']);
    expect(kindsOf({ what: '走访群众', place: '魏庄村' })).toEqual(['too_short']);
    expect(kindsOf({ what: '走访低保户', place: '魏庄村' })).toEqual([]);
  });

  it('does not let the place field excuse a bare vague phrase, since it says where and not what', () => {
    expect(kindsOf({ what: '走访', place: '魏庄村' })).toEqual(['vague', 'too_short']);
    expect(kindsOf({ what: '开会', place: '县委三楼会议室', kind: '会议' })).toEqual(['vague', 'too_short']);
  });

  it('treats a placeholder place such as "无" as no place', () => {
    const sut = kindsOf({ what: '走访群众', place: '无' });
    expect(sut).toEqual(['vague', 'too_short']);
  });

  it('calls an entry vague when it only restates its kind', () => {
    expect(kindsOf({ what: '环保督察', kind: '环保督察' })).toEqual(['vague', 'too_short']);
    expect(kindsOf({ what: '下村/实地', kind: '下村/实地' })).toEqual(['vague', 'too_short']);
    expect(kindsOf({ what: '环保督察', kind: '其他' })).toEqual(['too_short']);
    expect(kindsOf({ what: '在县委三楼会议室开会', kind: '会议' })).toEqual(['vague']);
  });

  it('keeps a specific entry specific whatever its kind', () => {
    const sut = ENTRY_KINDS.flatMap((kind) => SPECIFIC.flatMap((what) => kindsOf({ what, kind })));
    expect(sut).toEqual([]);
  });

  it('reports only too_short for an empty, blank or emoji-only entry', () => {
    expect(kindsOf({ what: '' })).toEqual(['too_short']);
    expect(kindsOf({ what: '   ' })).toEqual(['too_short']);
    expect(kindsOf({ what: '👍👍🚜' })).toEqual(['too_short']);
  });

  it('ignores emoji and full-width punctuation when measuring an entry', () => {
    expect(kindsOf({ what: '开会。。。。。。！！' })).toEqual(['vague', 'too_short']);
    expect(kindsOf({ what: '🚜到魏庄村（东片）调度拆迁工作！' })).toEqual([]);
  });

  it('counts a run of Latin letters or digits as one unit, like one character', () => {
    expect(kindsOf({ what: 'ok' })).toEqual(['vague', 'too_short']);
    expect(kindsOf({ what: '召开PPP项目推进会' })).toEqual([]);
  });

  it('flags an entry that repeats a previous day word for word', () => {
    const sut = checkPlanEntries([{ what: '检查魏庄村拆迁项目' }], [day('2024-11-20', '检查魏庄村拆迁项目')]);
    expect(sut).toEqual<PlanWarning[]>([
      {
        entryIndex: 0,
        kind: 'repeated',
        message: '与 11月20日 的日程几乎相同，请写明今天的具体进展',
        similarTo: { date: '2024-11-20', what: '检查魏庄村拆迁项目', similarity: 1 },
      },
    ]);
  });

  it('writes the date of the earlier entry without leading zeros', () => {
    const [sut] = checkPlanEntries(
      [{ what: '检查魏庄村拆迁项目' }],
      [day('2024-03-05', '检查魏庄村拆迁项目')],
    );
    expect(sut.message).toBe('与 3月5日 的日程几乎相同，请写明今天的具体进展');
  });

  it('flags an entry with one character changed, with the similarity rounded to 2 decimals', () => {
    const [sut] = checkPlanEntries(
      [{ what: '到魏庄村调度拆除工作' }],
      [day('2024-11-20', '到魏庄村调度拆迁工作')],
    );
    expect(sut.kind).toBe('repeated');
    expect(sut.similarTo).toEqual({ date: '2024-11-20', what: '到魏庄村调度拆迁工作', similarity: 0.78 });
  });

  it('flags an entry that differs only in its numbers', () => {
    const [sut] = checkPlanEntries(
      [{ what: '检查2号地块拆迁进度' }],
      [day('2024-11-20', '检查１号地块拆迁进度')],
    );
    expect(sut.similarTo?.similarity).toBe(1);
  });

  it('flags an entry whose clauses are swapped around', () => {
    const [sut] = checkPlanEntries(
      [{ what: '核实家庭收入，走访魏庄村低保户' }],
      [day('2024-11-20', '走访魏庄村低保户，核实家庭收入')],
    );
    expect(sut.kind).toBe('repeated');
    expect(sut.similarTo?.similarity).toBeGreaterThan(0.9);
  });

  it('flags an entry that only appends a word to an earlier one', () => {
    const sut = kindsOf({ what: '检查魏庄村拆迁项目进度' }, [day('2024-11-20', '检查魏庄村拆迁项目')]);
    expect(sut).toEqual(['repeated']);
  });

  it('does not flag different work at the same place', () => {
    const sut = kindsOf({ what: '到魏庄村核查危房改造' }, [day('2024-11-20', '到魏庄村调度拆迁工作')]);
    expect(sut).toEqual([]);
  });

  it('does not flag the same task in another village', () => {
    const sut = kindsOf({ what: '到河湾村调度拆迁工作' }, [day('2024-11-20', '到魏庄村调度拆迁工作')]);
    expect(sut).toEqual([]);
  });

  it('does not flag a different task under the same heading', () => {
    const sut = kindsOf({ what: '督导检查城关街道消防安全' }, [
      day('2024-11-20', '督导检查城关街道安全生产'),
    ]);
    expect(sut).toEqual([]);
  });

  it('does not flag the same words at a different place given in the place field', () => {
    const earlier: PreviousDay = {
      date: '2024-11-20',
      entries: [{ what: '走访低保户，核实家庭收入', place: '魏庄村' }],
    };
    expect(kindsOf({ what: '走访低保户，核实家庭收入', place: '河湾村' }, [earlier])).toEqual([]);
    expect(kindsOf({ what: '走访低保户，核实家庭收入', place: '魏庄村' }, [earlier])).toEqual(['repeated']);
    expect(kindsOf({ what: '走访低保户，核实家庭收入', place: null }, [earlier])).toEqual(['repeated']);
  });

  it('names the most similar earlier entry, and the latest day when two are as similar', () => {
    const [sut] = checkPlanEntries(
      [{ what: '到魏庄村调度拆迁工作' }],
      [
        day('2024-11-18', '到魏庄村调度拆迁工作'),
        day('2024-11-20', '到魏庄村调度拆除工作', '到魏庄村调度拆迁工作'),
        day('2024-11-19', '到魏庄村调度拆迁工作'),
      ],
    );
    expect(sut.similarTo).toEqual({ date: '2024-11-20', what: '到魏庄村调度拆迁工作', similarity: 1 });
  });

  it('does not compare entries too short for the score to mean anything', () => {
    const sut = kindsOf({ what: '参加党委会' }, [day('2024-11-20', '参加党委会')]);
    expect(sut).toEqual([]);
  });

  it('flags a vague entry that is also repeated with both warnings', () => {
    const sut = kindsOf({ what: '处理日常事务' }, [day('2024-11-20', '处理日常事务')]);
    expect(sut).toEqual(['vague', 'repeated']);
  });

  it('does not compare entries of the same day with each other', () => {
    const sut = checkPlanEntries(
      [{ what: '在县委党校参加乡村振兴专题培训' }, { what: '在县委党校参加乡村振兴专题培训' }],
      [],
    );
    expect(sut).toEqual([]);
  });

  it('finds no repeats when there are no previous days, or they are empty', () => {
    expect(kindsOf({ what: '检查魏庄村拆迁项目' }, [])).toEqual([]);
    expect(kindsOf({ what: '检查魏庄村拆迁项目' }, [{ date: '2024-11-20', entries: [] }])).toEqual([]);
  });

  it('sees through emoji, full-width punctuation and letter case when comparing', () => {
    const sut = checkPlanEntries(
      [{ what: '🚧 检查ABC公司，安全生产！' }],
      [day('2024-11-20', '检查abc公司安全生产')],
    );
    expect(sut.map((w) => w.similarTo?.similarity)).toEqual([1]);
  });

  it('orders warnings by entry, then vague, too_short, repeated', () => {
    const sut = checkPlanEntries(
      [{ what: '到魏庄村调度拆迁工作' }, { what: '开会' }, { what: '处理日常事务' }, { what: '整理档案' }],
      [day('2024-11-20', '到魏庄村调度拆迁工作', '处理日常事务')],
    );
    expect(sut.map((w) => [w.entryIndex, w.kind])).toEqual([
      [0, 'repeated'],
      [1, 'vague'],
      [1, 'too_short'],
      [2, 'vague'],
      [2, 'repeated'],
      [3, 'too_short'],
    ]);
  });

  it('gives the same answer whatever the order of the previous days, and leaves its input untouched', () => {
    const entries: QualityEntry[] = [{ what: '到魏庄村调度拆迁工作', place: '魏庄村' }, { what: '开会' }];
    const days = [day('2024-11-19', '到魏庄村调度拆除工作'), day('2024-11-20', '到魏庄村调度拆迁工作')];
    const snapshot = JSON.stringify({ entries, days });
    const sut = checkPlanEntries(entries, days);
    expect(checkPlanEntries(entries, [...days].reverse())).toEqual(sut);
    expect(JSON.stringify({ entries, days })).toBe(snapshot);
  });

  it('follows rules passed in place of the defaults', () => {
    const rules = {
      ...PLAN_QUALITY,
      minUnits: 8,
      vaguePhrases: [...PLAN_QUALITY.vaguePhrases, '调解'],
      repeatThreshold: 0.6,
      messages: { ...PLAN_QUALITY.messages, repeated: '同{date}' },
    };
    expect(checkPlanEntries([{ what: '撰写上半年工作总结' }], [], rules).map((w) => w.kind)).toEqual([]);
    expect(checkPlanEntries([{ what: '参加党委会' }], [], rules).map((w) => w.kind)).toEqual(['too_short']);
    expect(checkPlanEntries([{ what: '调解纠纷' }], [], rules).map((w) => w.kind)).toEqual([
      'vague',
      'too_short',
    ]);
    const [repeated] = checkPlanEntries(
      [{ what: '到河湾村调度拆迁工作' }],
      [day('2024-11-20', '到魏庄村调度拆迁工作')],
      rules,
    );
    expect(repeated.message).toBe('同11月20日');
  });
});
