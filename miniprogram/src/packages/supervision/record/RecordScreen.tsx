/**
 * 立体像: one official's whole record over a period — plans with 一日三晒, leave, lateness, findings
 * and how they ended, spot checks, notices and self-examinations, tickets with the three rates and
 * the medians, the flags of their unit, weekly reports. The period: a quick choice (近1个月 … 近1年)
 * or two dates. Long lists show the newest ones; 导出PDF has everything. The official can see that
 * this page was opened (and by whom).
 */
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  FINDING_KIND_LABELS,
  FINDING_STATE_LABELS,
  type OfficialRecord,
  type RecordQuery,
  SELF_EXAM_STATE_LABELS,
  TICKET_STATE_LABELS,
} from '@jinri/shared';
import { useState, type ReactNode } from 'react';

import { downloadRecordPdf, getRecord } from '@/api/records.api';
import { toApiError } from '@/api/request';
import { Chip } from '@/components/Chip';
import { ErrorCard, LoadingCard, NotFoundCard } from '@/components/StateCard';
import { useLoad } from '@/hooks/useLoad';
import { useSheetTransfer } from '@/hooks/useSheetTransfer';
import { formatDay, formatMonthDay, formatStamp, localToday } from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { FINDING_STATE_TONES, supervisionUrls } from '@/packages/supervision/workbench/links';
import { cappedNote, entryTime, hours, lastMonths, percent, QUICK_PERIODS } from './format';

const LEAVE_STATUS = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  cancelled: '已撤销',
} as const;
const FLAG_COLOR = { red: '红旗', yellow: '黄旗' } as const;
const UPDATE_KIND = { progress: '进展', result: '结果' } as const;

export function RecordScreen({ officialId, onBack }: { officialId: number; onBack: () => void }) {
  const [period, setPeriod] = useState<RecordQuery>({});
  const load = useLoad(
    `record:${officialId}:${period.from ?? ''}:${period.to ?? ''}`,
    () => getRecord(officialId, period),
    { cache: false },
  );
  const transfer = useSheetTransfer<never>();
  const { view } = load;
  if (view.kind === 'loading') return <LoadingCard text="正在汇总立体像…" />;
  if (view.kind === 'error') {
    if (view.error.hasCode('RECORD.NOT_FOUND'))
      return (
        <NotFoundCard
          title="找不到这位干部"
          description="干部不存在，或不在您的督查范围内。"
          onBack={onBack}
          testId="record-not-found"
        />
      );
    return <ErrorCard error={view.error} onRetry={load.retry} title="立体像读取失败" />;
  }
  const record = view.data;
  const shown = record.period;

  const exportPdf = () =>
    void transfer.download(
      () =>
        downloadRecordPdf(officialId, shown, `立体像-${record.official.name}-${shown.from}至${shown.to}.pdf`),
      'PDF已下载',
      (error) => void Taro.showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 }),
    );

  return (
    <View data-testid="record">
      <View className="card">
        <View className="sv-card-head">
          <Text className="st-card-title st-grow" data-testid="record-name">
            {record.official.name} · 立体像
          </Text>
        </View>
        <Text className="st-hint">{record.units.map((u) => `${u.name} ${u.post}`).join('；') || '—'}</Text>
        <Text className="st-hint" data-testid="record-period">
          {formatDay(shown.from)} 至 {formatDay(shown.to)}
        </Text>
        <View className="st-chips">
          {QUICK_PERIODS.map((q) => {
            const range = lastMonths(localToday(), q.months);
            const on = range.from === shown.from && range.to === shown.to;
            return (
              <View
                key={q.months}
                className={`st-choice ${on ? 'st-choice--on' : ''}`}
                role="button"
                data-testid="record-quick"
                onClick={() => setPeriod(range)}
              >
                <Text>{q.label}</Text>
              </View>
            );
          })}
        </View>
        <View className="st-chips">
          <Picker
            mode="date"
            value={shown.from}
            end={shown.to}
            onChange={(e) => setPeriod({ ...shown, from: String(e.detail.value) })}
          >
            <View className="st-choice" role="button" data-testid="record-from">
              <Text>从 {formatDay(shown.from)}</Text>
            </View>
          </Picker>
          <Picker
            mode="date"
            value={shown.to}
            start={shown.from}
            end={localToday()}
            onChange={(e) => setPeriod({ ...shown, to: String(e.detail.value) })}
          >
            <View className="st-choice" role="button" data-testid="record-to">
              <Text>到 {formatDay(shown.to)}</Text>
            </View>
          </Picker>
        </View>
        <Text className="st-hint">最长一年。您的每次查看都会留下记录，本人可以看到。</Text>
        <Button
          className={`btn btn-secondary ${transfer.downloading ? 'btn-disabled' : ''}`}
          disabled={onlyIf(transfer.downloading)}
          data-testid="record-export"
          onClick={exportPdf}
        >
          {transfer.downloading ? '正在导出…' : '导出PDF'}
        </Button>
      </View>
      <RecordSections record={record} />
    </View>
  );
}

function Section(props: {
  id: string;
  title: string;
  count: string;
  note?: string | null;
  children?: ReactNode;
}) {
  return (
    <View className="card" data-testid={`record-${props.id}`}>
      <View className="sv-card-head">
        <Text className="st-card-title st-grow">{props.title}</Text>
        <Text className="sv-line__aside" data-testid={`record-${props.id}-count`}>
          {props.count}
        </Text>
      </View>
      {props.children}
      {props.note ? <Text className="st-hint">{props.note}</Text> : null}
    </View>
  );
}

const Empty = ({ text }: { text: string }) => <Text className="st-hint">{text}</Text>;

export function RecordSections({ record }: { record: OfficialRecord }) {
  const { plans, findings, spotChecks, tickets, lateness } = record;
  const figures = tickets.figures;
  const open = (url: string) => void Taro.navigateTo({ url }).catch(() => undefined);
  return (
    <>
      <Section
        id="plans"
        title="日程与一日三晒"
        count={`${plans.total} 天 · ${plans.entries} 条 · 照片 ${plans.photos} 张`}
        note={cappedNote(plans.items.length, plans.total)}
      >
        {plans.items.length === 0 ? <Empty text="期间内没有报送的日程。" /> : null}
        {plans.items.map((day) => (
          <View key={day.date} className="st-item" data-testid="record-plan-day">
            <Text className="st-item__title">
              {formatMonthDay(day.date)}
              {day.late ? '（迟报）' : ''}
            </Text>
            {day.entries.map((e) => (
              <View key={e.id}>
                <Text className="st-item__line">
                  {entryTime(e)} {e.place ? `${e.place} ` : ''}
                  {e.what}
                  {e.withdrawn ? '（已撤回）' : ''}
                </Text>
                {e.updates.map((u) => (
                  <Text key={u.at} className="st-item__meta">
                    {UPDATE_KIND[u.kind]}：{u.text}
                    {u.photoIds.length ? `（照片 ${u.photoIds.length} 张）` : ''}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        ))}
      </Section>

      <Section id="leaves" title="请假" count={`${record.leaves.total} 次`}>
        {record.leaves.items.map((l) => (
          <Text key={`${l.startDate}${l.status}`} className="st-item__line">
            {formatMonthDay(l.startDate)} 至 {formatMonthDay(l.endDate)} · {LEAVE_STATUS[l.status]}
          </Text>
        ))}
      </Section>

      <Section
        id="lateness"
        title="迟报"
        count={`日程 ${lateness.plans} 次 · 周报 ${lateness.weeklyReports} 次`}
      >
        {lateness.dates.length ? (
          <Text className="st-item__line">
            {lateness.dates
              .map((d) => `${formatMonthDay(d.date)}${d.kind === 'plan' ? '日程' : '周报'}`)
              .join('、')}
          </Text>
        ) : null}
      </Section>

      <Section
        id="findings"
        title="督查记录"
        count={`${findings.total} 条 · 认定 ${findings.byState.confirmed} · 撤销 ${findings.byState.dismissed}`}
        note={cappedNote(findings.items.length, findings.total)}
      >
        {findings.items.map((f) => (
          <View
            key={f.id}
            className="st-item"
            role="button"
            data-testid="record-finding"
            onClick={() => open(supervisionUrls.finding(f.id))}
          >
            <View className="st-item__head">
              <Text className="st-item__title">
                {formatMonthDay(f.date)} · {FINDING_KIND_LABELS[f.kind]}
              </Text>
              <Chip tone={FINDING_STATE_TONES[f.state]}>{FINDING_STATE_LABELS[f.state]}</Chip>
            </View>
            {f.explanation ? <Text className="st-item__line">申辩：{f.explanation}</Text> : null}
            {f.decisionNote ? <Text className="st-item__line">处理：{f.decisionNote}</Text> : null}
          </View>
        ))}
      </Section>

      <Section
        id="spot-checks"
        title="抽查"
        count={`${spotChecks.total} 次 · 不在岗 ${spotChecks.absent}`}
        note={cappedNote(spotChecks.items.length, spotChecks.total)}
      >
        {spotChecks.items.map((s) => (
          <Text key={s.id} className="st-item__line">
            {formatStamp(s.visitedAt)} {s.what} · {s.found ? '在岗' : '不在岗'}：{s.note}
          </Text>
        ))}
      </Section>

      <Section
        id="notices"
        title="通报与书面检查"
        count={`通报 ${record.notices.total} · 检查 ${record.selfExaminations.total}`}
      >
        {record.notices.items.map((n) => (
          <View
            key={n.id}
            className="st-item"
            role="button"
            onClick={() => open(supervisionUrls.notice(n.id))}
          >
            <Text className="st-item__line">
              {n.number} {n.title}（{formatMonthDay(n.issueDate)}）
            </Text>
          </View>
        ))}
        {record.selfExaminations.items.map((x) => (
          <Text key={x.id} className="st-item__line">
            书面检查：{SELF_EXAM_STATE_LABELS[x.state]}，期限 {formatStamp(x.dueAt)}
          </Text>
        ))}
      </Section>

      <Section
        id="tickets"
        title="群众留言（工单）"
        count={`${figures.total} 件 · 未办结 ${figures.open}`}
        note={cappedNote(tickets.items.length, tickets.total)}
      >
        <View className="sv-tiles">
          <Rate label="响应率" value={percent(figures.responseRate)} id="response" />
          <Rate label="解决率" value={percent(figures.resolutionRate)} id="resolution" />
          <Rate label="满意率" value={percent(figures.satisfactionRate)} id="satisfaction" />
          <Rate label="响应用时中位数" value={hours(figures.medianHoursToAcknowledge)} id="ack-median" />
          <Rate label="办结用时中位数" value={hours(figures.medianHoursToResolve)} id="resolve-median" />
        </View>
        {tickets.items.map((t) => (
          <Text key={t.id} className="st-item__line" data-testid="record-ticket">
            {t.queryCode} · {t.category} · {TICKET_STATE_LABELS[t.status]}
            {t.satisfied === null ? '' : t.satisfied ? ' · 满意' : ' · 不满意'}
          </Text>
        ))}
      </Section>

      <Section id="flags" title="所在单位红黄旗" count={`${record.flags.length} 面`}>
        {record.flags.map((f) => (
          <Text key={`${f.unitId}${f.from}${f.color}`} className="st-item__line">
            {f.unitName} {formatMonthDay(f.from)}—{formatMonthDay(f.to)} {FLAG_COLOR[f.color]}
          </Text>
        ))}
      </Section>

      <Section
        id="weekly"
        title="周报"
        count={`${record.weeklyReports.total} 份`}
        note={cappedNote(record.weeklyReports.items.length, record.weeklyReports.total)}
      >
        {record.weeklyReports.items.map((r) => (
          <View key={r.weekStart} className="st-item">
            <Text className="st-item__title">
              {formatMonthDay(r.weekStart)} 当周{r.late ? '（迟报）' : ''}
            </Text>
            <Text className="st-item__line">本周：{r.results}</Text>
            <Text className="st-item__line">下周：{r.nextWeekPlan}</Text>
          </View>
        ))}
      </Section>
    </>
  );
}

function Rate({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <View className="sv-tile" data-testid={`record-rate-${id}`}>
      <Text className="sv-tile__n">{value}</Text>
      <Text className="st-hint">{label}</Text>
    </View>
  );
}
