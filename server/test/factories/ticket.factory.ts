import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_RULES, type TicketEventType } from '@jinri/shared';
import { WorkCalendar } from '../../src/modules/calendar/work-calendar';
import { ticketDeadlines } from '../../src/modules/tickets/ticket-deadlines';
import { TicketEvent } from '../../src/modules/tickets/ticket-event.entity';
import { nextState, type TicketCommand } from '../../src/modules/tickets/ticket-state';
import { Ticket } from '../../src/modules/tickets/ticket.entity';

const HOUR = 3_600_000;
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The steps a ticket takes after submission, in the words of the transition table. */
export type TicketStep = Extract<
  TicketCommand,
  'acknowledge' | 'reply' | 'resolve' | 'rate_satisfied' | 'rate_unsatisfied' | 'withdraw' | 'auto_close'
>;

export interface TicketSeed {
  authorUserId: number;
  /** The official it is about and assigned to; null puts it in the supervisor queue of `assigneeUnitId`. */
  assigneeOfficialId: number | null;
  assigneeUnitId: number;
  submittedAt: Date;
  /** What happened after submission, one hour apart (or `stepHours` apart), each an event. */
  steps?: TicketStep[];
  stepHours?: number;
  content?: string;
  planEntryId?: number | null;
  /** Everything else a test cares about (moderation, contactPhoneEnc, authorLabel …). */
  overrides?: Partial<Ticket>;
  /** The calendar the deadlines come from (the State Council's when not given). */
  calendar?: WorkCalendar;
}

function queryCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

const EVENT_OF: Record<TicketStep, (reopens: boolean) => TicketEventType> = {
  acknowledge: () => 'acknowledged',
  reply: () => 'replied',
  resolve: () => 'resolved',
  rate_satisfied: () => 'rated',
  rate_unsatisfied: (reopens) => (reopens ? 'reopened' : 'rated'),
  withdraw: () => 'withdrawn',
  auto_close: () => 'closed',
};

/**
 * Inserts a ticket and its events exactly as the service would have left them: submitted (and
 * assigned) at `submittedAt` with working-day deadlines under the default rule, then each step
 * through THE transition table (an invalid path throws), the version one more per step.
 */
export async function insertTicket(data: DataSource, seed: TicketSeed): Promise<Ticket> {
  const calendar = seed.calendar ?? new WorkCalendar();
  const rule = {
    ackWorkingDays: DEFAULT_RULES.ticketAcknowledgeWorkingDays,
    resolveWorkingDays: DEFAULT_RULES.ticketResolveWorkingDays,
  };
  const content = seed.content ?? `村口路灯坏了三天，晚上出行不便，请尽快修理（${randomUUID().slice(0, 8)}）`;
  const at = seed.submittedAt;
  const queued = seed.assigneeOfficialId === null;
  const ticket: Ticket = Object.assign(new Ticket(), {
    queryCode: queryCode(),
    authorUserId: seed.authorUserId,
    idempotencyKey: randomUUID(),
    requestHash: sha256(randomUUID()),
    targetKind: seed.planEntryId ? 'entry' : 'official',
    planEntryId: seed.planEntryId ?? null,
    officialId: seed.assigneeOfficialId,
    matterId: null,
    unitId: null,
    content,
    photoIds: [],
    publicAllowed: true,
    authorLabel: '村民 王**',
    contactPhoneEnc: null,
    ipHash: sha256(`ip:${randomUUID()}`),
    contentHash: sha256(content),
    status: queued ? 'submitted' : 'assigned',
    moderation: 'approved',
    reviewDueAt: null,
    assigneeOfficialId: seed.assigneeOfficialId,
    assigneeUnitId: seed.assigneeUnitId,
    ...ticketDeadlines(calendar, at, rule),
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    remindedAt: null,
    escalatedAt: null,
    reply: null,
    replyModeration: null,
    resolution: null,
    resolutionPhotoIds: [],
    ratingSatisfied: null,
    ratingReason: null,
    ratedAt: null,
    reopenCount: 0,
    extensionStatus: null,
    extensionReason: null,
    extensionDays: null,
    scrubbedAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  } satisfies Partial<Ticket>);
  const events: Array<Partial<TicketEvent>> = [
    { type: 'submitted', fromStatus: null, toStatus: 'submitted', actorLabel: '村民', createdAt: at },
  ];
  if (!queued)
    events.push({
      type: 'assigned',
      fromStatus: 'submitted',
      toStatus: 'assigned',
      actorLabel: '系统',
      createdAt: at,
    });
  for (const [i, step] of (seed.steps ?? []).entries()) {
    const when = new Date(at.getTime() + (i + 1) * (seed.stepHours ?? 1) * HOUR);
    const from = ticket.status;
    const to = nextState(step, from, { reopenCount: ticket.reopenCount });
    if (to === null) throw new Error(`ticket factory: ${step} is not allowed from ${from}`);
    const reopens = to === 'reopened';
    const resident = step.startsWith('rate') || step === 'withdraw';
    let note: string | null = null;
    if (step === 'acknowledge' && ticket.acknowledgedAt === null) ticket.acknowledgedAt = when;
    if (step === 'reply') ticket.reply = note = '已安排工作人员处理';
    if (step === 'resolve') {
      ticket.resolvedAt = when;
      ticket.resolution = note = '已处理完毕';
    }
    if (step === 'rate_satisfied' || step === 'rate_unsatisfied') {
      const satisfied = step === 'rate_satisfied';
      ticket.ratingSatisfied = satisfied;
      ticket.ratingReason = satisfied ? null : '问题还没有解决';
      ticket.ratedAt = when;
      note = satisfied ? '满意' : `不满意：${ticket.ratingReason}`;
      if (reopens) {
        ticket.reopenCount += 1;
        Object.assign(ticket, ticketDeadlines(calendar, when, rule));
      }
    }
    if (to === 'closed' || to === 'withdrawn') ticket.closedAt = when;
    ticket.status = to;
    ticket.version += 1;
    ticket.updatedAt = when;
    events.push({
      type: EVENT_OF[step](reopens),
      fromStatus: from,
      toStatus: to,
      actorLabel: step === 'auto_close' ? '系统' : resident ? '村民' : '测试员（干部）',
      note,
      createdAt: when,
    });
  }
  Object.assign(ticket, seed.overrides);
  return data.transaction(async (manager) => {
    const saved = await manager.getRepository(Ticket).save(ticket);
    await manager
      .getRepository(TicketEvent)
      .insert(events.map((e) => ({ actorUserId: null, note: null, ...e, ticketId: saved.id })));
    return saved;
  });
}

/** Inserts `count` tickets of one author (the first submitted first, an hour apart). */
export async function insertTickets(data: DataSource, count: number, seed: TicketSeed): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i += 1)
    tickets.push(
      await insertTicket(data, { ...seed, submittedAt: new Date(seed.submittedAt.getTime() + i * HOUR) }),
    );
  return tickets;
}
