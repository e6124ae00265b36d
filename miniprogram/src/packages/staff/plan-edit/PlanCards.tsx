/** The cards of the plan page around its entries: status, submit result, conflict. */
import { Button, Text, View } from '@tarojs/components';
import type { DayPlanView } from '@jinri/shared';

import { Banner } from '@/components/Banner';
import { Chip } from '@/components/Chip';
import {
  addDays,
  daysBetween,
  formatDay,
  formatStamp,
  localMinutes,
  localToday,
  minutesOf,
} from '@/utils/date';
import { onlyIf } from '@/utils/props';
import { draftsOf, viewTimeLabel, type DraftEntry } from '../common/entries';
import type { OfficialContext } from '../common/hooks';

/** Whose plan, its state, and the deadline or publication time that applies. */
export function PlanStatusCard({
  ctx,
  self,
  date,
  plan,
}: {
  ctx: OfficialContext;
  self: boolean;
  date: string;
  plan: DayPlanView | null;
}) {
  const { rules } = ctx;
  const published = plan?.status === 'published';
  const today = localToday();
  const dueDay = addDays(date, -1);
  const pastDue =
    daysBetween(dueDay, today) > 0 || (today === dueDay && localMinutes() > minutesOf(rules.planDueTime));
  const publishedOnSave =
    daysBetween(date, today) > 0 || (today === date && localMinutes() >= minutesOf(rules.publicationTime));
  return (
    <View className="card st-status" data-testid="plan-status" data-status={plan?.status ?? 'none'}>
      <View className="st-status__row">
        <Text className="st-card-title">{self ? '我的日程' : `${ctx.name}的日程`}</Text>
        <PlanStatusChip plan={plan} />
      </View>
      <Text className="st-status__line">
        {ctx.unit.name} · {ctx.post}
      </Text>
      {published ? (
        <Text className="st-status__line st-status__line--strong" data-testid="published-note">
          已公示，修改会留痕
          {plan && plan.revision > 0 ? `（已修改 ${plan.revision} 次）` : ''}
        </Text>
      ) : plan ? (
        <Text className="st-status__line">
          {plan.submittedAt ? `提交于 ${formatStamp(plan.submittedAt)}，` : ''}将于 {formatDay(date)}{' '}
          {rules.publicationTime} 公示
        </Text>
      ) : (
        <Text className={`st-status__line ${pastDue ? 'st-status__line--danger' : ''}`}>
          {pastDue
            ? `已过截止时间（${formatDay(dueDay)} ${rules.planDueTime}），现在提交将记为逾期`
            : `请在 ${formatDay(dueDay)} ${rules.planDueTime} 前提交`}
        </Text>
      )}
      {!published && publishedOnSave ? (
        <Text className="st-status__line">已过 {rules.publicationTime}，提交后立即公示</Text>
      ) : null}
    </View>
  );
}

/** After a 409: what the other side saved, and the two ways on. */
export function ConflictCard({
  conflict,
  keepMine,
  takeTheirs,
}: {
  conflict: { latest: DayPlanView | null } | null;
  keepMine: () => void;
  takeTheirs: () => void;
}) {
  if (conflict === null) return null;
  const theirs = draftsOf(conflict.latest?.entries);
  return (
    <View id="plan-conflict" className="card st-conflict" data-testid="conflict">
      <Text className="st-card-title">日程刚被别人修改过</Text>
      <Text className="st-hint">
        在您填写期间，这份日程已被他人（或您在其他设备上）保存。您填写的内容还在，没有丢失。下面是对方保存的版本：
      </Text>
      {theirs.length === 0 ? (
        <Text className="st-hint">（对方的版本没有任何事项）</Text>
      ) : (
        theirs.map((e, i) => (
          <Text key={e.key} className="st-conflict__line">
            {i + 1}. {[timeOf(e), e.kind, e.place].filter(Boolean).join(' · ')}：{e.what}
          </Text>
        ))
      )}
      <Button
        className="btn btn-primary btn-block st-conflict__btn"
        data-testid="conflict-keep"
        onClick={keepMine}
      >
        保留我的内容并提交
      </Button>
      <Button
        className="btn btn-secondary btn-block st-conflict__btn"
        data-testid="conflict-reload"
        onClick={takeTheirs}
      >
        放弃我的修改，改用最新版本
      </Button>
    </View>
  );
}

function timeOf(e: DraftEntry): string {
  return viewTimeLabel({ startTime: e.startTime || null, endTime: e.endTime || null, period: e.period });
}

function PlanStatusChip({ plan }: { plan: DayPlanView | null }) {
  if (!plan || plan.status === 'draft')
    return (
      <Chip tone="warning" testId="plan-status-chip">
        未提交
      </Chip>
    );
  if (plan.status === 'published') {
    return (
      <Chip tone="success" testId="plan-status-chip">
        {plan.revision > 0 ? '已公示 · 已修改' : '已公示'}
      </Chip>
    );
  }
  return plan.late ? (
    <Chip tone="danger" testId="plan-status-chip">
      逾期提交
    </Chip>
  ) : (
    <Chip tone="info" testId="plan-status-chip">
      已提交
    </Chip>
  );
}

export interface SubmitResult {
  plan: DayPlanView;
  /** Saved before the save (published plans: a public revision). */
  wasPublished: boolean;
}

interface SubmitResultCardProps {
  result: SubmitResult;
  publicationTime: string;
  demo: boolean;
  publishing: boolean;
  onPublish: () => void;
}

export function SubmitResultCard({
  result,
  publicationTime,
  demo,
  publishing,
  onPublish,
}: SubmitResultCardProps) {
  const { plan, wasPublished } = result;
  const published = plan.status === 'published';
  let title: string;
  let line: string;
  if (published) {
    title = wasPublished ? '修改已公示' : '已公示';
    line = wasPublished
      ? '群众看到的日程已更新，并显示“已修改”，修改记录会保留。'
      : '群众现在就能看到这份日程。修改会留痕。';
  } else {
    title = plan.late ? '已提交（逾期提交）' : '已按时提交';
    line = `将于 ${formatDay(plan.date)} ${publicationTime} 公示。公示前可以随时修改。`;
  }
  return (
    <Banner tone={published || !plan.late ? 'success' : 'warning'} testId="submit-result">
      <View className="st-result" data-status={plan.status} data-late={plan.late ? 'true' : 'false'}>
        <Text className="st-result__title">{title}</Text>
        <Text className="st-banner__text">{line}</Text>
        {plan.late && !published ? (
          <Text className="st-banner__text">提交时间已过截止时间，记为逾期提交。</Text>
        ) : null}
        {demo && plan.status === 'submitted' ? (
          <Button
            className={`btn btn-secondary st-result__demo ${publishing ? 'btn-disabled' : ''}`}
            disabled={onlyIf(publishing)}
            data-testid="demo-publish"
            onClick={onPublish}
          >
            {publishing ? '正在公示…' : '演示：立即公示'}
          </Button>
        ) : null}
      </View>
    </Banner>
  );
}
