import type { ApiErrorBody, DemoPersona, FindingDetail, InAppMessagePage } from '@jinri/shared';
import { DataSource, In } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { PlanRevision } from '../src/modules/journals/plan-revision.entity';
import { ComplianceFinding } from '../src/modules/supervision/compliance-finding.entity';
import { FindingsCheckService } from '../src/modules/supervision/findings-check.service';
import { SupervisionEvent } from '../src/modules/supervision/supervision-event.entity';
import { call } from './app';
import { testDatabases } from './databases';
import { insertDayPlan } from './factories/journal.factory';
import { insertTicket } from './factories/ticket.factory';
import { type DemoCounty, demoToken, startDemoCounty } from './helpers/demo-county';

/** Wednesday 2026-11-25: the day the morning check judges (plans were due Tuesday 18:00). */
const DAY = '2026-11-25';

describe.each(testDatabases())('the morning check records findings (%s)', (_name, makeDatabase) => {
  let county: DemoCounty;
  let clock: FixedClock;
  let url: string;
  let data: DataSource;
  let sut: FindingsCheckService;
  let officialA: number;
  let officialB: number;

  const findingsOf = (officialId: number, date: string) =>
    data.getRepository(ComplianceFinding).find({ where: { officialId, date }, order: { id: 'ASC' } });
  const post = <T>(token: string, path: string, body: Record<string, unknown>) =>
    call<T & ApiErrorBody>(url, 'POST', path, { token, body });

  beforeAll(async () => {
    clock = new FixedClock(atLocal('2026-11-15', '17:00'));
    county = await startDemoCounty(makeDatabase, { clock });
    url = county.sut.url;
    data = county.sut.app.get(DataSource);
    sut = county.sut.app.get(FindingsCheckService);
    const personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter(
      (p) => p.role === 'official',
    );
    officialA = personas[0]!.officialId!;
    officialB = personas[1]!.officialId!;
  });

  afterAll(async () => {
    await county?.sut.app.close();
    await county?.stub.close();
    await county?.database.drop();
  });

  it('records late, vague and missing once, with one recorded event each', async () => {
    const { plan } = await insertDayPlan(data, {
      officialId: officialA,
      date: DAY,
      submittedAt: atLocal('2026-11-24', '18:01'),
      entries: [{ what: '日常工作', place: null }, { what: '到魏庄村调解宅基地纠纷' }],
    });
    expect(plan.id).toBeGreaterThan(0);
    clock.set(atLocal(DAY, '08:05'));

    const first = await sut.runDaily(DAY);
    const second = await sut.runDaily(DAY);

    expect(first.recorded).toBeGreaterThanOrEqual(3);
    expect(second).toEqual({ date: DAY, recorded: 0, byKind: {} });
    const mine = await findingsOf(officialA, DAY);
    expect(mine.map((f) => f.kind).sort()).toEqual(['late', 'vague']);
    expect(mine.find((f) => f.kind === 'late')!.evidence).toMatchObject({ minutesLate: 1 });
    expect(mine.find((f) => f.kind === 'vague')!.evidence).toMatchObject({
      entries: [{ what: '日常工作' }],
    });
    expect((await findingsOf(officialB, DAY)).map((f) => f.kind)).toEqual(['missing']);
    const all = await data.getRepository(ComplianceFinding).find({ where: { date: DAY } });
    const events = await data
      .getRepository(SupervisionEvent)
      .find({ where: { subjectType: 'finding', subjectId: In(all.map((f) => f.id)) } });
    expect(events).toHaveLength(all.length);
    expect(events.every((e) => e.action === 'recorded' && e.actor === '系统' && e.toState === 'open')).toBe(
      true,
    );
  });

  it('judges a plan by its published revision after its entries were withdrawn', async () => {
    const date = '2026-11-26';
    const { plan, entries } = await insertDayPlan(data, {
      officialId: officialA,
      date,
      entries: [{ what: '开会', place: null, status: 'withdrawn', modifiedAt: atLocal(date, '09:00') }],
    });
    await data.getRepository(PlanRevision).insert({
      dayPlanId: plan.id,
      revision: 0,
      kind: 'published',
      changedByUserId: null,
      changedBy: '系统',
      snapshot: [{ ...entries[0]!, status: 'active' }].map((e) => ({
        id: e.id,
        startTime: e.startTime,
        endTime: e.endTime,
        period: e.period,
        place: e.place,
        what: e.what,
        kind: e.kind,
        status: 'active' as const,
      })),
    });
    clock.set(atLocal(date, '08:05'));
    await sut.runDaily(date);
    const vague = (await findingsOf(officialA, date)).find((f) => f.kind === 'vague');
    expect(vague?.evidence).toMatchObject({ entries: [{ entryId: entries[0]!.id, what: '开会' }] });
  });

  it('records an overdue ticket without the resident, once', async () => {
    const token = await demoToken(url, 'official', officialB);
    const me = await call<{ user: { id: number } }>(url, 'GET', '/me', { token });
    const ticket = await insertTicket(data, {
      authorUserId: me.body.user.id,
      assigneeOfficialId: officialA,
      assigneeUnitId: (await findingsOf(officialA, DAY))[0]!.unitId,
      submittedAt: atLocal('2026-11-16', '10:00'),
      content: '王小明反映村口路灯坏了，电话13812345678',
    });
    const now = atLocal(DAY, '10:00');
    clock.set(now);
    const first = await sut.runTicketOverdue(now);
    const again = await sut.runTicketOverdue(now);
    expect(first.byKind.ticket_overdue).toBeGreaterThanOrEqual(1);
    expect(again.recorded).toBe(0);
    const [finding] = await data
      .getRepository(ComplianceFinding)
      .find({ where: { officialId: officialA, kind: 'ticket_overdue', subject: `ticket:${ticket.id}` } });
    expect(finding).toBeDefined();
    const evidence = finding!.evidence as { summary: string; ticketId: number };
    expect(evidence.ticketId).toBe(ticket.id);
    expect(evidence.summary).not.toMatch(/王小明|13812345678/);
  });

  it('records the weekly report missing after Sunday 12:00, once', async () => {
    clock.set(atLocal('2026-11-29', '12:05'));
    const first = await sut.runWeekly('2026-11-23');
    const again = await sut.runWeekly('2026-11-23');
    expect(first.byKind.weekly_missing).toBeGreaterThanOrEqual(1);
    expect(again.recorded).toBe(0);
    expect((await findingsOf(officialA, '2026-11-23')).map((f) => f.kind)).toContain('weekly_missing');
  });

  it('takes a finding through 申辩 and confirmation over HTTP, with events and a message', async () => {
    const finding = (await findingsOf(officialA, DAY)).find((f) => f.kind === 'late')!;
    clock.set(atLocal(DAY, '15:00'));
    const official = await demoToken(url, 'official', officialA);
    const supervisor = await demoToken(url, 'supervisor', officialA);

    const explained = await post<FindingDetail>(official, `/supervision/findings/${finding.id}/explain`, {
      text: '当晚在村里处置突发事件，晚交一分钟',
    });
    expect(explained.status).toBe(200);
    expect(explained.body.state).toBe('explained');

    const confirmed = await post<FindingDetail>(supervisor, `/supervision/findings/${finding.id}/confirm`, {
      version: explained.body.version,
    });
    expect(confirmed.body.state).toBe('confirmed');
    expect(confirmed.body.events.map((e) => e.action)).toEqual(['recorded', 'explained', 'confirmed']);

    const inbox = await call<InAppMessagePage>(url, 'GET', '/me/messages', { token: official });
    expect(inbox.body.items.some((m) => m.page?.includes(`findingId=${finding.id}`))).toBe(true);
  });

  it('refuses to dismiss without a note, and explaining after the deadline', async () => {
    const [vague] = (await findingsOf(officialA, DAY)).filter((f) => f.kind === 'vague');
    clock.set(atLocal(DAY, '15:00'));
    const supervisor = await demoToken(url, 'supervisor', officialA);
    const noNote = await post(supervisor, `/supervision/findings/${vague!.id}/dismiss`, { version: 1 });
    expect(noNote.status).toBe(400);

    clock.set(new Date(vague!.explainDueAt.getTime() + 60_000));
    const official = await demoToken(url, 'official', officialA);
    const late = await post(official, `/supervision/findings/${vague!.id}/explain`, {
      text: '已补充具体地点',
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('FINDING.EXPLAIN_CLOSED');
  });

  it("hides a town's finding from another town's supervisor", async () => {
    const [finding] = await findingsOf(officialA, DAY);
    const other = await demoToken(url, 'supervisor', officialB);
    const seen = await call<ApiErrorBody>(url, 'GET', `/supervision/findings/${finding!.id}`, {
      token: other,
    });
    expect(seen.status).toBe(404);
  });
});
