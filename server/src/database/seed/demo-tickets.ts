import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TicketEventType, TicketState } from '@jinri/shared';
import { lookupHash } from '../../common/crypto/field-cipher';
import { atLocal, localDate } from '../../common/time/local-time';
import { User } from '../../modules/auth/user.entity';
import { WorkCalendar } from '../../modules/calendar/work-calendar';
import { ticketDeadlines, workingDeadline } from '../../modules/tickets/ticket-deadlines';
import { TicketEvent } from '../../modules/tickets/ticket-event.entity';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { pick, random } from './demo-day-plans';
import { DEMO_OFFICIAL_TITLES } from './demo-personas';

/**
 * What residents ask, each with its own answers (a reply and a result that answer THAT question) and
 * the months it fits (Asia/Shanghai; undefined: all year).
 */
interface Topic {
  comment: string;
  reply: string;
  resolution: string;
  months?: readonly number[];
}
const TOPICS: readonly Topic[] = [
  {
    comment: '村口的路灯坏了一个多星期，晚上孩子放学看不清路，请尽快修理。',
    reply: '您好，已联系供电所核实路灯线路，明天上午派电工过去。',
    resolution: '已更换灯具，恢复照明。',
  },
  {
    comment: '我家低保复核材料上个月交了，现在还没有消息，想问一下进度。',
    reply: '您好，您的低保复核材料已收到，正在入户核查，结果会第一时间通知您。',
    resolution: '低保复核已办结，结果已电话告知。',
  },
  {
    comment: '村里垃圾清运不及时，垃圾桶旁边堆了好几天，天热有味道。',
    reply: '您好，已通知保洁公司今天下午清运垃圾。',
    resolution: '垃圾已清运完毕，并增加了每周清运次数。',
    months: [5, 6, 7, 8, 9],
  },
  {
    comment: '村里垃圾清运不及时，垃圾桶旁边堆了好几天，请安排清运。',
    reply: '您好，已通知保洁公司今天下午清运垃圾。',
    resolution: '垃圾已清运完毕，并增加了每周清运次数。',
  },
  {
    comment: '宅基地申请需要哪些材料？我年纪大了跑一趟不容易，能不能说清楚一次带齐。',
    reply: '您好，宅基地申请带户口簿、身份证、村委会意见和建房草图即可，村里可以代办。',
    resolution: '已把宅基地申请材料清单送到您家，并由村里代为提交。',
  },
  {
    comment: '秋粮收购的价格什么时候公布？大家都在等着卖粮。',
    reply: '您好，今年秋粮最低收购价已公布，镇粮站门口有公示。',
    resolution: '已在村务公开栏张贴秋粮收购价格和收购点。',
    months: [9, 10, 11],
  },
  {
    comment: '村道有一段塌陷了，拖拉机过不去，请安排人来看看。',
    reply: '您好，已安排工作人员到塌陷路段查看，先设警示标志。',
    resolution: '塌陷路段已回填硬化，恢复通行。',
  },
  {
    comment: '医保缴费在手机上怎么交？村里老人都不会操作，能不能派人来教一下。',
    reply: '您好，社保所周四到村里现场教大家手机缴医保，也可以在村委会代缴。',
    resolution: '已在村委会集中帮老人完成医保缴费。',
  },
  {
    comment: '自来水最近经常停，也没有提前通知，能不能停水前在群里说一声。',
    reply: '您好，已要求水厂停水前一天在村群里通知。',
    resolution: '管网已检修，停水会提前一天通知。',
  },
  {
    comment: '看到今天书记要来我们村，想当面反映一下排水沟堵塞的问题。',
    reply: '您好，书记已到现场查看排水沟，安排村里清淤。',
    resolution: '排水沟已清淤疏通。',
  },
  {
    comment: '养老保险认证总是失败，去镇上办要带什么证件？',
    reply: '您好，带身份证和社保卡到镇社保窗口即可认证，也可预约上门。',
    resolution: '已上门为您完成养老保险认证。',
  },
  {
    comment: '村里几户独居老人冬天取暖用煤不够，能不能帮忙协调一下？',
    reply: '您好，已统计独居老人取暖用煤需求，民政办正在协调。',
    resolution: '取暖用煤已送到各户，并检查了烟道安全。',
    months: [11, 12, 1, 2],
  },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const HOUR = 3_600_000;

type Step = {
  type: TicketEventType;
  to: TicketState;
  after: number;
  note?: string;
  actor: 'resident' | 'official';
};

/** The paths a demo ticket takes, by how far along it is. */
const SCENARIOS: Step[][] = [
  [],
  [{ type: 'acknowledged', to: 'acknowledged', after: 3, actor: 'official' }],
  [
    { type: 'acknowledged', to: 'acknowledged', after: 2, actor: 'official' },
    { type: 'replied', to: 'replied', after: 20, actor: 'official' },
  ],
  [
    { type: 'acknowledged', to: 'acknowledged', after: 1, actor: 'official' },
    { type: 'resolved', to: 'resolved', after: 40, actor: 'official' },
  ],
  [
    { type: 'acknowledged', to: 'acknowledged', after: 2, actor: 'official' },
    { type: 'replied', to: 'replied', after: 6, actor: 'official' },
    { type: 'resolved', to: 'resolved', after: 30, actor: 'official' },
    { type: 'rated', to: 'closed', after: 50, note: '满意', actor: 'resident' },
  ],
  [
    { type: 'acknowledged', to: 'acknowledged', after: 5, actor: 'official' },
    { type: 'resolved', to: 'resolved', after: 60, actor: 'official' },
    { type: 'reopened', to: 'reopened', after: 70, note: '不满意：问题还没有解决', actor: 'resident' },
    { type: 'acknowledged', to: 'acknowledged', after: 72, actor: 'official' },
    { type: 'resolved', to: 'resolved', after: 100, actor: 'official' },
    { type: 'rated', to: 'closed', after: 110, note: '满意', actor: 'resident' },
  ],
];

/** The officials the demo login offers as personas (the same query as the login's list). */
async function personaOfficials(dataSource: DataSource): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const titles of DEMO_OFFICIAL_TITLES) {
    const rows: Array<{ official_id: number | string }> = await dataSource.query(
      `SELECT m.official_id AS official_id FROM memberships m JOIN posts p ON p.id = m.post_id
       JOIN units u ON u.id = p.unit_id
       WHERE m.end_date IS NULL AND p.title IN (${titles.map(() => '?').join(', ')})
       ORDER BY u.sort_order, p.rank, m.official_id LIMIT 1`,
      titles,
    );
    if (rows[0]) ids.add(Number(rows[0].official_id));
  }
  return ids;
}

/**
 * Demo tickets on published plan entries of the last days, in every state, so the inbox, the
 * public comments and the figures have something to show. Once: skipped when any ticket exists.
 */
export async function seedDemoTickets(dataSource: DataSource, now: Date): Promise<{ tickets: number }> {
  if ((await dataSource.getRepository(Ticket).count()) > 0) return { tickets: 0 };
  const entries: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT e.id AS entry_id, e.what AS what, d.date AS date, d.official_id AS official_id, o.name AS official_name,
            p.unit_id AS unit_id, u.name AS unit_name, p.title AS title
     FROM plan_entries e JOIN day_plans d ON d.id = e.day_plan_id JOIN officials o ON o.id = d.official_id
     JOIN memberships m ON m.official_id = d.official_id AND m.end_date IS NULL
     JOIN posts p ON p.id = m.post_id JOIN units u ON u.id = p.unit_id
     WHERE d.status = 'published' AND e.status = 'active'
     ORDER BY d.date DESC, u.sort_order, p.rank, e.id`,
  );
  if (entries.length === 0) return { tickets: 0 };
  // The first town's head (the first demo persona) gets a handful; the rest are spread out.
  const byOfficial = new Map<number, Array<Record<string, unknown>>>();
  for (const e of entries) {
    const list = byOfficial.get(Number(e.official_id)) ?? [];
    if (!list.some((x) => x.entry_id === e.entry_id)) list.push(e);
    byOfficial.set(Number(e.official_id), list);
  }
  const rnd = random(20261116);
  const personas = await personaOfficials(dataSource);
  const chosen: Array<Record<string, unknown>> = [];
  for (const [index, [officialId, list]] of [...byOfficial.entries()].entries()) {
    // The demo personas get a full inbox; a fifth of the others a couple each.
    const count = personas.has(officialId) ? 6 : index % 5 === 0 ? 2 : 0;
    for (let i = 0; i < count && i < list.length; i += 1) chosen.push(list[Math.floor(rnd() * list.length)]!);
  }
  const users = dataSource.getRepository(User);
  const authors: number[] = [];
  for (let i = 0; i < SURNAMES.length; i += 1) {
    const hash = lookupHash(`demo:seed-resident:${i}`);
    const existing = await users.findOneBy({ openidHash: hash });
    authors.push(
      existing?.id ??
        Number((await users.insert({ openidHash: hash, openidEnc: null, demo: true })).identifiers[0]!.id),
    );
  }
  const calendar = new WorkCalendar();
  let created = 0;
  await dataSource.transaction(async (manager) => {
    for (const [n, entry] of chosen.entries()) {
      const date = String(entry.date).slice(0, 10);
      const submittedAt = new Date(atLocal(date, '09:00').getTime() + Math.floor(rnd() * 9 * HOUR));
      if (submittedAt > now) continue;
      const { ackDueAt, dueAt } = ticketDeadlines(calendar, submittedAt, {
        ackWorkingDays: 1,
        resolveWorkingDays: 5,
      });
      const steps = pick(rnd, SCENARIOS).filter(
        (s) => submittedAt.getTime() + s.after * HOUR <= now.getTime(),
      );
      const month = Number(localDate(submittedAt).slice(5, 7));
      const topic = pick(
        rnd,
        TOPICS.filter((t) => !t.months || t.months.includes(month)),
      );
      const content = topic.comment;
      const last = steps.at(-1);
      const status: TicketState = last?.to ?? 'assigned';
      const at = (s: Step) => new Date(submittedAt.getTime() + s.after * HOUR);
      const resolvedStep = [...steps].reverse().find((s) => s.type === 'resolved');
      // Public only once the supervisor approved it (half an hour after it came in, if that has passed).
      const publicAllowed = n % 4 !== 3;
      const approvedAt = new Date(submittedAt.getTime() + HOUR / 2);
      const approved = publicAllowed && approvedAt <= now;
      const rating = [...steps].reverse().find((s) => s.type === 'rated' || s.type === 'reopened');
      const result = await manager.getRepository(Ticket).insert({
        queryCode: Array.from({ length: 8 }, () => pick(rnd, [...CODE_ALPHABET])).join(''),
        authorUserId: authors[n % authors.length]!,
        idempotencyKey: `demo-seed-${n}`,
        requestHash: 'demo-seed',
        targetKind: 'entry',
        planEntryId: Number(entry.entry_id),
        officialId: Number(entry.official_id),
        matterId: null,
        unitId: null,
        content,
        photoIds: [],
        publicAllowed,
        authorLabel: `${String(entry.unit_name)} 村民 ${SURNAMES[n % SURNAMES.length]}**`,
        contactPhoneEnc: null,
        ipHash: null,
        contentHash: createHash('sha256').update(content).digest('hex'),
        status,
        moderation: approved ? 'approved' : publicAllowed ? 'held' : 'passed',
        reviewDueAt: publicAllowed && !approved ? workingDeadline(calendar, submittedAt, 1) : null,
        assigneeOfficialId: Number(entry.official_id),
        assigneeUnitId: Number(entry.unit_id),
        ackDueAt,
        dueAt,
        acknowledgedAt: steps[0] ? at(steps[0]) : null,
        resolvedAt: resolvedStep ? at(resolvedStep) : null,
        closedAt: status === 'closed' ? at(last!) : null,
        reply: steps.some((s) => s.type === 'replied') ? topic.reply : null,
        resolution: resolvedStep ? topic.resolution : null,
        resolutionPhotoIds: [],
        ratingSatisfied: rating ? rating.type === 'rated' : null,
        ratingReason: rating?.type === 'reopened' ? '问题还没有解决' : null,
        ratedAt: rating ? at(rating) : null,
        reopenCount: steps.some((s) => s.type === 'reopened') ? 1 : 0,
        version: 2 + steps.length + (approved ? 1 : 0),
        createdAt: submittedAt,
        updatedAt: last ? at(last) : submittedAt,
      });
      const ticketId = Number(result.identifiers[0]!.id);
      const official = `${String(entry.official_name)}（承办干部）`;
      let from: TicketState = 'assigned';
      const events: Array<Partial<TicketEvent>> = [
        {
          ticketId,
          type: 'submitted',
          fromStatus: null,
          toStatus: 'submitted',
          actorLabel: '村民',
          createdAt: submittedAt,
        },
        {
          ticketId,
          type: 'assigned',
          fromStatus: 'submitted',
          toStatus: 'assigned',
          actorLabel: '系统',
          note: '按日程分派给该日程的干部',
          createdAt: submittedAt,
        },
      ];
      if (approved)
        events.push({
          ticketId,
          type: 'approved',
          fromStatus: 'assigned',
          toStatus: 'assigned',
          actorLabel: '督查室',
          note: null,
          createdAt: approvedAt,
        });
      for (const step of steps) {
        events.push({
          ticketId,
          type: step.type,
          fromStatus: from,
          toStatus: step.to,
          actorLabel: step.actor === 'resident' ? '村民' : official,
          note: step.note ?? null,
          createdAt: at(step),
        });
        from = step.to;
      }
      await manager.getRepository(TicketEvent).insert(events);
      created += 1;
    }
  });
  return { tickets: created };
}
