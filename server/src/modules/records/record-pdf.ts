import {
  DAY_PERIOD_LABELS,
  FINDING_KIND_LABELS,
  FINDING_STATE_LABELS,
  type OfficialRecord,
  type RecordPlanEntry,
  SELF_EXAM_STATE_LABELS,
  TICKET_STATE_LABELS,
} from '@jinri/shared';
import type { PdfDocument } from '../../common/pdf';
import { localDate, localTime } from '../../common/time/local-time';

const LEAVE_STATUS = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  cancelled: '已撤销',
} as const;
const FLAG_COLOR = { red: '红旗', yellow: '黄旗' } as const;
const FLAG_PERIOD = { week: '周', month: '月', quarter: '季度' } as const;
const UPDATE_KIND = { progress: '进展', result: '结果' } as const;
const FINDING_ACTIONS: Record<string, string> = {
  recorded: '发现',
  explained: '申辩',
  confirmed: '认定',
  dismissed: '撤销',
};

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const hours = (value: number | null) => (value === null ? '—' : `${value} 小时`);
const at = (iso: string) => `${localDate(new Date(iso))} ${localTime(new Date(iso))}`;

function entryTime(entry: RecordPlanEntry): string {
  if (entry.startTime) return entry.endTime ? `${entry.startTime}–${entry.endTime}` : entry.startTime;
  return entry.period ? DAY_PERIOD_LABELS[entry.period] : '';
}

/**
 * The 立体像 as a printed document: the official and period, then each section with its figures and
 * every item of the period in order. Residents appear only as ticket numbers; no phone anywhere.
 */
export function renderRecordPdf(doc: PdfDocument, record: OfficialRecord, now: Date): void {
  const { official, period } = record;
  doc.heading(`${official.name} 立体像`, 1);
  doc.paragraph(
    `期间：${period.from} 至 ${period.to}，单位：${
      record.units.map((u) => `${u.name} ${u.post}`).join('、') || '—'
    }`,
    { align: 'center', muted: true },
  );
  doc.paragraph(`生成时间：${at(now.toISOString())}（仅供督查工作使用，查看记录已留存）`, {
    align: 'center',
    muted: true,
    size: 9,
  });

  doc.heading('一、日程计划与一日三晒');
  doc.keyValues([
    ['报送天数', `${record.plans.total} 天（迟报 ${record.plans.late} 天）`],
    ['日程条数', `${record.plans.entries} 条`],
    ['进展与结果', `${record.plans.updates} 次，照片 ${record.plans.photos} 张`],
  ]);
  if (record.plans.items.length === 0) doc.paragraph('本期间无已报送的日程。', { muted: true });
  else
    doc.table(
      [
        { header: '日期', width: 1.3 },
        { header: '时间', width: 1.5 },
        { header: '地点', width: 1.5 },
        { header: '内容', width: 3.1 },
        { header: '进展与结果', width: 3.1 },
      ],
      record.plans.items.flatMap((plan) =>
        plan.entries.map((entry, i) => [
          i === 0 ? `${plan.date}${plan.late ? '（迟报）' : ''}` : '',
          entryTime(entry),
          entry.place ?? '',
          `${entry.what}${entry.withdrawn ? '（已撤回）' : ''}`,
          entry.updates
            .map(
              (u) =>
                `${UPDATE_KIND[u.kind]} ${localTime(new Date(u.at))}：${u.text}${
                  u.photoIds.length ? `（照片 ${u.photoIds.length} 张）` : ''
                }`,
            )
            .join('\n'),
        ]),
      ),
    );

  doc.heading('二、请假');
  if (record.leaves.items.length === 0) doc.paragraph('本期间无请假。', { muted: true });
  else
    doc.table(
      [{ header: '开始' }, { header: '结束' }, { header: '状态' }],
      record.leaves.items.map((l) => [l.startDate, l.endDate, LEAVE_STATUS[l.status]]),
    );

  doc.heading('三、迟报');
  doc.keyValues([
    ['日程迟报', `${record.lateness.plans} 次`],
    ['周报迟报', `${record.lateness.weeklyReports} 次`],
  ]);
  if (record.lateness.dates.length > 0)
    doc.paragraph(
      record.lateness.dates.map((d) => `${d.date}（${d.kind === 'plan' ? '日程' : '周报'}）`).join('、'),
    );

  doc.heading('四、督查记录及处理结果');
  doc.keyValues([
    [
      '督查记录',
      `${record.findings.total} 条（${Object.entries(record.findings.byState)
        .map(
          ([state, count]) => `${FINDING_STATE_LABELS[state as keyof typeof FINDING_STATE_LABELS]} ${count}`,
        )
        .join('，')}）`,
    ],
  ]);
  if (record.findings.items.length === 0) doc.paragraph('本期间无督查记录。', { muted: true });
  else
    doc.table(
      [
        { header: '日期', width: 1.2 },
        { header: '类型', width: 1.2 },
        { header: '结果', width: 1 },
        { header: '经过', width: 5 },
      ],
      record.findings.items.map((f) => [
        f.date,
        FINDING_KIND_LABELS[f.kind],
        FINDING_STATE_LABELS[f.state],
        [
          ...f.events.map(
            (e) =>
              `${at(e.at)} ${e.actor}${FINDING_ACTIONS[e.action] ?? e.action}${e.note ? `：${e.note}` : ''}`,
          ),
          ...(f.explanation && !f.events.some((e) => e.note === f.explanation)
            ? [`申辩：${f.explanation}`]
            : []),
        ].join('\n'),
      ]),
    );

  doc.heading('五、抽查');
  doc.keyValues([
    [
      '抽查',
      `${record.spotChecks.total} 次（在岗 ${record.spotChecks.found}，不在岗 ${record.spotChecks.absent}）`,
    ],
  ]);
  if (record.spotChecks.items.length > 0)
    doc.table(
      [
        { header: '到访时间', width: 1.6 },
        { header: '日程', width: 3 },
        { header: '结果', width: 0.8 },
        { header: '记录', width: 3 },
      ],
      record.spotChecks.items.map((s) => [
        at(s.visitedAt),
        `${s.what}${s.place ? `（${s.place}）` : ''}`,
        s.found ? '在岗' : '不在岗',
        s.note,
      ]),
    );

  doc.heading('六、通报与书面检查');
  if (record.notices.items.length === 0 && record.selfExaminations.items.length === 0)
    doc.paragraph('本期间无通报或书面检查。', { muted: true });
  if (record.notices.items.length > 0)
    doc.list(record.notices.items.map((n) => `${n.issueDate} ${n.number} ${n.title}`));
  if (record.selfExaminations.items.length > 0)
    doc.list(
      record.selfExaminations.items.map(
        (x) =>
          `书面检查（通报 #${x.noticeId}）：${SELF_EXAM_STATE_LABELS[x.state]}，期限 ${at(x.dueAt)}${
            x.submittedAt ? `，提交于 ${at(x.submittedAt)}` : ''
          }`,
      ),
    );

  const figures = record.tickets.figures;
  doc.heading('七、群众留言办理（工单）');
  doc.keyValues([
    ['工单', `${figures.total} 件（未办结 ${figures.open}，超期 ${figures.overdue}）`],
    ['响应率', percent(figures.responseRate)],
    ['解决率', percent(figures.resolutionRate)],
    ['满意率', percent(figures.satisfactionRate)],
    ['响应时间中位数', hours(figures.medianHoursToAcknowledge)],
    ['办结时间中位数', hours(figures.medianHoursToResolve)],
  ]);
  if (record.tickets.items.length > 0)
    doc.table(
      [
        { header: '工单号', width: 1.4 },
        { header: '类别', width: 2 },
        { header: '收到', width: 1.6 },
        { header: '办理结果', width: 1.6 },
        { header: '评价', width: 1 },
      ],
      record.tickets.items.map((t) => [
        t.queryCode,
        t.category,
        at(t.createdAt),
        TICKET_STATE_LABELS[t.status],
        t.satisfied === null ? '未评价' : t.satisfied ? '满意' : '不满意',
      ]),
    );

  doc.heading('八、所在单位红黄旗');
  if (record.flags.length === 0) doc.paragraph('本期间所在单位未获评红旗或黄旗。', { muted: true });
  else
    doc.list(
      record.flags.map(
        (f) => `${f.unitName}：${f.from} 至 ${f.to}（${FLAG_PERIOD[f.period]}）${FLAG_COLOR[f.color]}`,
      ),
    );

  doc.heading('九、周报');
  if (record.weeklyReports.items.length === 0) doc.paragraph('本期间无周报。', { muted: true });
  for (const report of record.weeklyReports.items) {
    doc.heading(`${report.weekStart} 当周${report.late ? '（迟报）' : ''}`, 3);
    doc.keyValues([
      ['本周工作', report.results],
      ['下周计划', report.nextWeekPlan],
    ]);
  }
}
