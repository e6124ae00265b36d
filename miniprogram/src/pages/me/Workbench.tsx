import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APP_PAGES, type DayPlanView, type MeResponse, type Role, type TicketInbox } from '@jinri/shared';
import { useEffect, useState } from 'react';

import { getCalendarStatus } from '@/api/calendar.api';
import { getPlan } from '@/api/journals.api';
import { listLeaves } from '@/api/leave.api';
import { getWeeklyReport } from '@/api/weekly.api';
import { addDays, localToday, mondayOf } from '@/utils/date';
import { getInbox } from '@/api/tickets.api';
import { INBOX_ROLES, ticketUrls } from '@/utils/tickets';
import { useShowAgain } from '@/hooks/useShowAgain';
import { inboxBadgeCount, setMeTabBadge } from './badge';
import { WorkbenchList, type WorkbenchItem } from './WorkbenchList';
import './Workbench.css';

/** Roles that see the 工作台. */
export const WORKBENCH_ROLES: Role[] = ['official', 'clerk', 'supervisor', 'admin'];

export function hasWorkbench(me: MeResponse): boolean {
  return me.user.roles.some((r) => WORKBENCH_ROLES.includes(r));
}

const STAFF = '/packages/staff';
const ADMIN = '/packages/admin';

/** The 管理 section: only for admins (links only, no status requests). */
const ADMIN_ITEMS: WorkbenchItem[] = [
  {
    key: 'admin-invites',
    title: '邀请与授权',
    hint: '发放邀请码，查看和撤销授权',
    url: `${ADMIN}/invites/index`,
  },
  {
    key: 'admin-matters',
    title: '事项管理',
    hint: '维护事项材料和群众的说法',
    url: `${ADMIN}/matters/index`,
  },
  { key: 'admin-posts', title: '人员交接', hint: '查看在任干部，办理职务交接', url: `${ADMIN}/posts/index` },
  {
    key: 'admin-directory',
    title: '名录导入导出',
    hint: '全县名录下载为表格，修改后上传',
    url: `${ADMIN}/directory/index`,
  },
  {
    key: 'admin-calendar',
    title: '节假日安排',
    hint: '录入来年的放假和调休上班日期',
    url: `${ADMIN}/calendar/index`,
  },
  {
    key: 'admin-words',
    title: '留言敏感词',
    hint: '含这些词的留言会被提示修改',
    url: `${ADMIN}/words/index`,
  },
  {
    key: 'admin-ranking-settings',
    title: '排名设置',
    hint: '综合得分权重、最少样本、红黄旗名额',
    url: `/${APP_PAGES.adminRankingSettings}`,
  },
  {
    key: 'admin-open311-keys',
    title: 'Open311 接口密钥',
    hint: '12345 热线等平台提交诉求用的密钥',
    url: `${ADMIN}/open311-keys/index`,
  },
];

/** Status lines, loaded cheaply (a few small calls) each time 我的 is shown. */
interface Statuses {
  tomorrow?: DayPlanView | null;
  today?: DayPlanView | null;
  weekly?: 'none' | 'done' | 'late';
  pendingLeaves?: number;
  inbox?: TicketInbox['counts'];
  /** From December: next year's holidays are not entered yet (admins and supervisors). */
  calendarWarning?: string | null;
}

function planStatus(
  plan: DayPlanView | null | undefined,
  label: string,
): Pick<WorkbenchItem, 'status' | 'tone'> {
  if (plan === undefined) return {};
  if (!plan || plan.status === 'draft') return { status: `${label}：未提交`, tone: 'warning' };
  if (plan.status === 'published') return { status: `${label}：已公示`, tone: 'success' };
  return plan.late
    ? { status: `${label}：逾期提交`, tone: 'danger' }
    : { status: `${label}：已提交，待公示`, tone: 'success' };
}

function postsStatus(plan: DayPlanView | null | undefined): Pick<WorkbenchItem, 'status' | 'tone'> {
  if (plan === undefined) return {};
  const entries = (plan?.entries ?? []).filter((e) => e.status === 'active');
  if (entries.length === 0) return { status: '今天没有日程', tone: 'neutral' };
  const posted = entries.filter((e) => e.updates.length > 0).length;
  return {
    status: `今天 ${entries.length} 项，已晒 ${posted} 项`,
    tone: posted === entries.length ? 'success' : 'warning',
  };
}

function inboxStatus(counts: TicketInbox['counts'] | undefined): Pick<WorkbenchItem, 'status' | 'tone'> {
  if (counts === undefined) return {};
  if (counts.open === 0) return { status: '没有待办工单', tone: 'neutral' };
  return {
    status: `待办 ${counts.open} 件${counts.overdue > 0 ? `，已超期 ${counts.overdue} 件` : ''}`,
    tone: counts.overdue > 0 ? 'danger' : 'warning',
  };
}

/**
 * 工作台 on 我的: the staff pages this person's roles allow, each with a one-line status where it
 * costs at most one small request.
 */
export function Workbench({ me }: { me: MeResponse }) {
  const roles = me.user.roles;
  const officialId = roles.includes('official') ? (me.user.officialId ?? null) : null;
  const clerkUnits = me.grants.filter((g) => g.role === 'clerk' && g.unit).map((g) => g.unit!.name);
  const reviewer = roles.includes('supervisor') || roles.includes('admin');
  const handlesTickets = roles.some((r) => INBOX_ROLES.includes(r));
  const [statuses, setStatuses] = useState<Statuses>({});
  const [refresh, setRefresh] = useState(0);

  // Back from a staff page: statuses may have changed.
  useShowAgain(() => setRefresh((n) => n + 1));

  useEffect(() => {
    let active = true;
    const today = localToday();
    const merge = (patch: Statuses) => {
      if (active) setStatuses((s) => ({ ...s, ...patch }));
    };
    if (officialId !== null) {
      getPlan(officialId, addDays(today, 1), 'signed-in').then(
        (tomorrow) => merge({ tomorrow }),
        () => undefined,
      );
      getPlan(officialId, today, 'signed-in').then(
        (plan) => merge({ today: plan }),
        () => undefined,
      );
      getWeeklyReport(officialId, mondayOf(today)).then(
        (report) => merge({ weekly: report ? (report.late ? 'late' : 'done') : 'none' }),
        () => undefined,
      );
    }
    if (handlesTickets) {
      getInbox('open').then(
        (inbox) => {
          merge({ inbox: inbox.counts });
          // The 我的 tab shows how many tickets wait, wherever the person is in the app.
          if (active) setMeTabBadge(inboxBadgeCount(inbox.counts));
        },
        () => undefined,
      );
    }
    if (reviewer) {
      getCalendarStatus().then(
        (status) => merge({ calendarWarning: status.warning }),
        () => undefined,
      );
      listLeaves('pending').then(
        (list) => merge({ pendingLeaves: list.length }),
        () => undefined,
      );
    }
    return () => {
      active = false;
    };
  }, [officialId, reviewer, handlesTickets, refresh]);

  const items: WorkbenchItem[] = [];
  if (handlesTickets) {
    items.push({
      key: 'tickets-inbox',
      title: '工单',
      hint: '群众留言，限时受理、答复、办结',
      url: ticketUrls.inbox(),
      ...inboxStatus(statuses.inbox),
    });
  }
  if (officialId !== null) {
    items.push(
      {
        key: 'plan-edit',
        title: '明日计划',
        hint: '填写明天的工作安排，次日公示',
        url: `${STAFF}/plan-edit/index`,
        ...planStatus(statuses.tomorrow, '明日计划'),
      },
      {
        key: 'entry-updates',
        title: '今日晒',
        hint: '晒工作进展和结果，可附照片',
        url: `${STAFF}/entry-updates/index`,
        ...postsStatus(statuses.today),
      },
      { key: 'leave', title: '请假', hint: '提交请假申请，查看审批结果', url: `${STAFF}/leave/index` },
      {
        key: 'weekly',
        title: '周报',
        hint: '本周成效和下周计划',
        url: `${STAFF}/weekly/index`,
        ...(statuses.weekly === undefined
          ? {}
          : statuses.weekly === 'none'
            ? { status: '本周周报：未提交', tone: 'warning' as const }
            : statuses.weekly === 'late'
              ? { status: '本周周报：已提交（逾期）', tone: 'danger' as const }
              : { status: '本周周报：已提交', tone: 'success' as const }),
      },
      {
        key: 'supervision-mine',
        title: '我的督查',
        hint: '督查发现的问题、申辩和书面检查',
        url: `/${APP_PAGES.supervisionMine}`,
      },
    );
  }
  if (roles.includes('clerk')) {
    items.push({
      key: 'batch',
      title: '批量填报',
      hint: clerkUnits.length ? `为${clerkUnits.join('、')}的干部填写日程` : '为本单位干部填写日程',
      url: `${STAFF}/batch/index`,
    });
  }
  if (reviewer) {
    items.push({
      key: 'supervision-workbench',
      title: '督查工作台',
      hint: '今日问题、待决定的申辩、近 8 周趋势',
      url: `/${APP_PAGES.supervisionWorkbench}`,
    });
    items.push({
      key: 'leave-review',
      title: '请假审批',
      hint: '审批辖区干部的请假',
      url: `${STAFF}/leave-review/index`,
      ...(statuses.pendingLeaves === undefined
        ? {}
        : statuses.pendingLeaves > 0
          ? { status: `待审批 ${statuses.pendingLeaves} 条`, tone: 'warning' as const }
          : { status: '没有待审批的请假', tone: 'neutral' as const }),
    });
  }
  const adminItems = roles.includes('admin') ? ADMIN_ITEMS : [];
  if (items.length === 0 && adminItems.length === 0) return null;

  return (
    <View className="card" data-testid="workbench">
      <Text className="me-card__title">工作台</Text>
      {statuses.calendarWarning ? (
        <View
          className="me-workbench__warning"
          role={roles.includes('admin') ? 'button' : 'status'}
          data-testid="calendar-warning"
          onClick={() => {
            if (roles.includes('admin')) void Taro.navigateTo({ url: `${ADMIN}/calendar/index` });
          }}
        >
          <Text>
            {statuses.calendarWarning}
            {roles.includes('admin') ? '，点此录入。' : '，请联系管理员录入。'}
          </Text>
        </View>
      ) : null}
      <WorkbenchList items={items} />
      {adminItems.length ? (
        <View data-testid="workbench-admin">
          <Text className="me-card__title me-workbench__section">管理</Text>
          <WorkbenchList items={adminItems} />
        </View>
      ) : null}
    </View>
  );
}
