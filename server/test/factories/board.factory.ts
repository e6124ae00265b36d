import type { BoardOfficial, UnitBoard } from '@jinri/shared';

/** A board as the service makes it, for layout and rendering specs: `count` officials, a full week. */
export function sampleBoard(count: number, overrides: Partial<UnitBoard> = {}): UnitBoard {
  const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].map((date, i) => ({
    date,
    label: `周${'一二三四五'[i]}`,
    workday: true,
  }));
  const officials: BoardOfficial[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `干部${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i + 1}`,
    title: i === 0 ? '党委书记' : i === 1 ? '镇长' : '副镇长',
    days: days.map((d, j) =>
      (i + j) % 9 === 4
        ? { date: d.date, status: 'on_leave' as const, lines: [] }
        : (i + j) % 11 === 6
          ? { date: d.date, status: 'missing' as const, lines: [] }
          : {
              date: d.date,
              status: 'published' as const,
              lines: [
                `09:00 魏庄村 调度秋粮收购进度，现场查看烘干设备运行情况`,
                `14:30 镇政府三楼会议室 主持召开安全生产专题会议`,
                ...(j % 2 === 0 ? ['16:00 走访低保户'] : []),
              ],
            },
    ),
    nextWeek: {
      source: 'weekly_report' as const,
      lines: ['推进魏庄村道路硬化工程', '开展冬季森林防火巡查', '召开村“两委”联席会议'],
    },
    resolvedTickets: i % 4,
  }));
  return {
    unit: { id: 7, name: '城关镇' },
    week: '2026-W48',
    from: '2026-11-23',
    to: '2026-11-29',
    days,
    officials,
    resolvedTickets: 12,
    flag: {
      color: 'red',
      period: 'month',
      from: '2026-10-01',
      to: '2026-10-31',
      awardedAt: '2026-11-02T02:00:00.000Z',
    },
    qr: { h5Url: 'https://jinri.example.gov.cn/#/pages/unit/index?id=7', weappPath: 'pages/unit/index?id=7' },
    previousWeek: '2026-W47',
    nextWeek: '2026-W49',
    generatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  };
}
