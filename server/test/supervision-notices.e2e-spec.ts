import type { ApiErrorBody, MySupervision, NoticeDetail, NoticePage, SelfExamView } from '@jinri/shared';
import JSZip from 'jszip';
import { DataSource, IsNull } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { Unit } from '../src/modules/directory/unit.entity';
import { OutboxMessage } from '../src/modules/notifications/outbox-message.entity';
import { ComplianceFinding } from '../src/modules/supervision/compliance-finding.entity';
import { SelfExamOverdueJob } from '../src/modules/supervision/self-exam-overdue.job';
import { SupervisionEvent } from '../src/modules/supervision/supervision-event.entity';
import { call } from './app';
import { testDatabases } from './databases';
import { insertFinding } from './factories/supervision.factory';
import { type DemoCounty, demoOfficials, demoToken, startDemoCounty } from './helpers/demo-county';

/** Friday 2026-12-04, 10:00 in Asia/Shanghai: the day the notices are drafted and issued. */
const FRIDAY = atLocal('2026-12-04', '10:00');
const end = (date: string) => new Date(atLocal(date, '23:59').getTime() + 59_000).toISOString();
const SELF_EXAM = '本人对日程报送不及时、内容笼统的问题深刻反省，今后严格按时、具体报送今日工作。';

type Answer<T> = T & ApiErrorBody;

describe.each(testDatabases())(
  'supervision: circulated notices and self-examinations on %s',
  (_name, makeDatabase) => {
    const clock = new FixedClock(FRIDAY);
    let county: DemoCounty;
    let url: string;
    let data: DataSource;
    let officialA: number;
    let officialB: number;
    let townA: number;
    let townB: number;
    let countyId: number;
    /** Tokens: the town-A supervisor, the county supervisor, officials A and B. */
    const tokens = { supervisor: '', countySupervisor: '', official: '', otherOfficial: '' };
    const signIn = async () => {
      tokens.supervisor = await demoToken(url, 'supervisor', officialA);
      tokens.countySupervisor = await demoToken(url, 'supervisor');
      tokens.official = await demoToken(url, 'official', officialA);
      tokens.otherOfficial = await demoToken(url, 'official', officialB);
    };
    const api = <T>(token: string, method: string, path: string, body?: unknown) =>
      call<Answer<T>>(url, method, path, { token, body });
    const confirmed = (
      officialId: number,
      unitId: number,
      date: string,
      kind: 'vague' | 'late' | 'missing',
    ) => insertFinding(data, { officialId, unitId, date, kind, state: 'confirmed' });

    let vagueA: number;
    let lateA: number;
    let missingB: number;
    let first: NoticeDetail;

    beforeAll(async () => {
      county = await startDemoCounty(makeDatabase, { clock });
      url = county.sut.url;
      data = county.sut.app.get(DataSource);
      const personas = await demoOfficials(url);
      officialA = personas[0]!.officialId!;
      officialB = personas[1]!.officialId!;
      const unitOf = async (id: number) =>
        (await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${id}`)).body
          .posts[0]!.unit.id;
      townA = await unitOf(officialA);
      townB = await unitOf(officialB);
      expect(townA).not.toBe(townB);
      countyId = (await data.getRepository(Unit).findOneByOrFail({ parentId: IsNull() })).id;
      await signIn();
      vagueA = (await confirmed(officialA, townA, '2026-11-24', 'vague')).id;
      lateA = (await confirmed(officialA, townA, '2026-11-25', 'late')).id;
      missingB = (await confirmed(officialB, townB, '2026-11-26', 'missing')).id;
    });

    afterAll(async () => {
      await county?.sut.app.close();
      await county?.stub.close();
      await county?.database.drop();
    });

    it('drafts a notice from the confirmed findings of the period in the scope, with default wording', async () => {
      const open = await insertFinding(data, { officialId: officialA, unitId: townA, date: '2026-11-27' });
      const notConfirmed = await api(tokens.supervisor, 'POST', '/supervision/notices', {
        unitId: townA,
        from: '2026-11-23',
        to: '2026-12-04',
        findingIds: [vagueA, open.id],
      });
      expect([notConfirmed.status, notConfirmed.body.code]).toEqual([400, 'NOTICE.FINDING_NOT_CONFIRMED']);
      const outOfTown = await api(tokens.supervisor, 'POST', '/supervision/notices', {
        unitId: townA,
        from: '2026-11-23',
        to: '2026-12-04',
        findingIds: [missingB],
      });
      expect([outOfTown.status, outOfTown.body.code]).toEqual([400, 'NOTICE.FINDING_NOT_CONFIRMED']);
      const empty = await api(tokens.supervisor, 'POST', '/supervision/notices', {
        unitId: townA,
        from: '2026-10-01',
        to: '2026-10-31',
      });
      expect([empty.status, empty.body.code]).toEqual([400, 'NOTICE.NO_FINDINGS']);

      const draft = await api<NoticeDetail>(tokens.supervisor, 'POST', '/supervision/notices', {
        unitId: townA,
        from: '2026-11-23',
        to: '2026-12-04',
      });
      expect(draft.status).toBe(201);
      first = draft.body;
      expect(first).toMatchObject({
        state: 'draft',
        number: null,
        nextNumber: '督通字〔2026〕1号',
        unit: { id: townA },
        title: '关于2026年11月23日至12月4日今日工作督查情况的通报',
        requirement: '请被通报的同志于印发之日起3个工作日内向县委督查室提交书面检查。',
        selfExamWorkingDays: 3,
        issueDate: '2026-12-04',
        findingIds: [vagueA, lateA],
        version: 1,
      });
      expect(first.issuer).toMatch(/^中共.+督查室$/);
      expect(first.facts).toHaveLength(1);
      expect(first.facts[0]!.people.map((p) => p.official.id)).toEqual([officialA]);
      expect(first.facts[0]!.people[0]!.findings.map((f) => f.text)).toEqual([
        '11月24日 日程内容笼统（“日常工作”）',
        '11月25日 日程迟报（晚1分钟）',
      ]);
      expect(first.events.map((e) => e.action)).toEqual(['drafted']);
    });

    it('edits a draft under its version: a stale one is refused with 409', async () => {
      const edited = await api<NoticeDetail>(tokens.supervisor, 'PUT', `/supervision/notices/${first.id}`, {
        version: 1,
        title: '关于近期今日工作督查情况的通报',
        findingIds: [vagueA],
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        version: 2,
        title: '关于近期今日工作督查情况的通报',
        findingIds: [vagueA],
      });
      expect(edited.body.facts[0]!.people[0]!.findings).toHaveLength(1);
      const stale = await api(tokens.supervisor, 'PUT', `/supervision/notices/${first.id}`, {
        version: 1,
        findingIds: [vagueA, lateA],
      });
      expect([stale.status, stale.body.code]).toEqual([409, 'NOTICE.VERSION_CONFLICT']);
      const restored = await api<NoticeDetail>(tokens.supervisor, 'PUT', `/supervision/notices/${first.id}`, {
        version: 2,
        findingIds: [vagueA, lateA],
        selfExamWorkingDays: 3,
      });
      expect(restored.body).toMatchObject({ version: 3, findingIds: [vagueA, lateA] });
      expect(restored.body.events.map((e) => e.action)).toEqual(['drafted', 'edited', 'edited']);
      first = restored.body;
    });

    it('issues number 1, freezes it, asks each official cited for a self-examination and tells them', async () => {
      const issued = await api<NoticeDetail>(
        tokens.supervisor,
        'POST',
        `/supervision/notices/${first.id}/issue`,
        {
          version: first.version,
        },
      );
      expect(issued.status).toBe(200);
      first = issued.body;
      expect(first).toMatchObject({ state: 'issued', number: '督通字〔2026〕1号', issueDate: '2026-12-04' });
      expect(first.selfExaminations).toEqual([
        expect.objectContaining({
          official: expect.objectContaining({ id: officialA }),
          state: 'pending',
          dueAt: end('2026-12-09'),
          notice: { id: first.id, number: '督通字〔2026〕1号', title: first.title },
        }),
      ]);
      expect(first.events.map((e) => e.action)).toEqual(['drafted', 'edited', 'edited', 'issued']);
      const messages = await data.getRepository(OutboxMessage).findBy({ purpose: 'supervision' });
      expect(messages.map((m) => m.values)).toContainEqual({
        thing1: '督通字〔2026〕1号 需书面检查',
        time2: '2026-12-04',
        thing3: '请于12月9日前提交',
      });

      for (const [method, path, body] of [
        ['PUT', `/supervision/notices/${first.id}`, { version: first.version, title: '改一下标题试试' }],
        ['POST', `/supervision/notices/${first.id}/issue`, { version: first.version }],
      ] as const) {
        const refused = await api(tokens.supervisor, method, path, body);
        expect([refused.status, refused.body.code]).toEqual([409, 'NOTICE.ALREADY_ISSUED']);
      }
      const again = await api(tokens.supervisor, 'POST', '/supervision/notices', {
        unitId: townA,
        from: '2026-11-23',
        to: '2026-12-04',
      });
      expect([again.status, again.body.code]).toEqual([400, 'NOTICE.NO_FINDINGS']);
    });

    it('numbers the next notice of the county 2, and two issued at once take two numbers', async () => {
      const draft = await api<NoticeDetail>(tokens.countySupervisor, 'POST', '/supervision/notices', {
        unitId: countyId,
        from: '2026-11-23',
        to: '2026-12-04',
      });
      expect(draft.body.findingIds).toEqual([missingB]);
      expect(draft.body.issuer).toMatch(/^中共.+县委督查室$/);
      const second = await api<NoticeDetail>(
        tokens.countySupervisor,
        'POST',
        `/supervision/notices/${draft.body.id}/issue`,
        { version: 1 },
      );
      expect(second.body.number).toBe('督通字〔2026〕2号');

      // Two drafts (the findings inserted one after the other), then both issued at the same moment.
      const drafts: NoticeDetail[] = [];
      for (const date of ['2026-11-16', '2026-11-17']) {
        const finding = await confirmed(officialB, townB, date, 'late');
        const draft = await api<NoticeDetail>(tokens.countySupervisor, 'POST', '/supervision/notices', {
          unitId: townB,
          from: date,
          to: date,
          findingIds: [finding.id],
        });
        drafts.push(draft.body);
      }
      const issued = await Promise.all(
        drafts.map((d) =>
          api<NoticeDetail>(tokens.countySupervisor, 'POST', `/supervision/notices/${d.id}/issue`, {
            version: 1,
          }),
        ),
      );
      expect(issued.map((r) => r.status)).toEqual([200, 200]);
      expect(issued.map((r) => r.body.number).sort()).toEqual(['督通字〔2026〕3号', '督通字〔2026〕4号']);
      const list = await api<NoticePage>(tokens.countySupervisor, 'GET', '/supervision/notices?state=issued');
      expect(list.body.total).toBe(4);
      const townList = await api<NoticePage>(tokens.supervisor, 'GET', '/supervision/notices');
      expect(townList.body.items.map((n) => n.id)).toEqual([first.id]);
    });

    it('exports the notice as a Word document with its title, number and facts', async () => {
      const response = await fetch(`${url}/api/v1/supervision/notices/${first.id}/notice.docx`, {
        headers: { authorization: `Bearer ${tokens.supervisor}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('wordprocessingml');
      expect(response.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('督通字〔2026〕1号')}`,
      );
      const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(text).toContain('关于近期今日工作督查情况的通报');
      expect(text).toContain('督通字〔2026〕1号');
      expect(text).toContain('11月24日 日程内容笼统（“日常工作”）');
    });

    it('shows the official their notice and self-examination; returned, resubmitted, accepted', async () => {
      const mine = await api<MySupervision>(tokens.official, 'GET', '/me/supervision');
      expect(mine.status).toBe(200);
      expect(mine.body.notices.map((n) => n.number)).toEqual(['督通字〔2026〕1号']);
      expect(mine.body.findings.map((f) => f.id)).toEqual(expect.arrayContaining([vagueA, lateA]));
      const exam = mine.body.selfExaminations.find((e) => e.notice.id === first.id)!;
      expect(exam).toMatchObject({ state: 'pending', overdue: false });
      expect((await api(tokens.official, 'GET', `/supervision/notices/${first.id}`)).status).toBe(200);
      const stranger = await api(tokens.otherOfficial, 'GET', `/supervision/notices/${first.id}`);
      expect([stranger.status, stranger.body.code]).toEqual([404, 'NOTICE.NOT_FOUND']);
      const notOwn = await api(
        tokens.otherOfficial,
        'POST',
        `/supervision/self-examinations/${exam.id}/submit`,
        {
          text: SELF_EXAM,
        },
      );
      expect([notOwn.status, notOwn.body.code]).toEqual([404, 'SELF_EXAM.NOT_FOUND']);

      const path = `/supervision/self-examinations/${exam.id}`;
      const submitted = await api<SelfExamView>(tokens.official, 'POST', `${path}/submit`, {
        text: SELF_EXAM,
      });
      expect(submitted.body).toMatchObject({ state: 'submitted', text: SELF_EXAM });
      const noNote = await api(tokens.supervisor, 'POST', `${path}/return`, {
        version: submitted.body.version,
      });
      expect([noNote.status, noNote.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
      const returned = await api<SelfExamView>(tokens.supervisor, 'POST', `${path}/return`, {
        version: submitted.body.version,
        note: '检查不够深刻，请结合具体问题重写',
      });
      expect(returned.body).toMatchObject({
        state: 'returned',
        decisionNote: '检查不够深刻，请结合具体问题重写',
      });
      const twice = await api(tokens.supervisor, 'POST', `${path}/accept`, {
        version: returned.body.version,
      });
      expect([twice.status, twice.body.code]).toEqual([409, 'SELF_EXAM.INVALID_TRANSITION']);
      const again = await api<SelfExamView>(tokens.official, 'POST', `${path}/submit`, {
        text: `${SELF_EXAM}（修改稿）`,
      });
      expect(again.body.state).toBe('submitted');
      const accepted = await api<SelfExamView & { events: Array<{ action: string }> }>(
        tokens.supervisor,
        'POST',
        `${path}/accept`,
        { version: again.body.version },
      );
      expect(accepted.body.state).toBe('accepted');
      expect(accepted.body.events.map((e) => e.action)).toEqual([
        'created',
        'submitted',
        'returned',
        'submitted',
        'accepted',
      ]);
      const queue = await api<{ items: SelfExamView[] }>(
        tokens.supervisor,
        'GET',
        '/supervision/self-examinations?state=accepted',
      );
      expect(queue.body.items.map((e) => e.id)).toEqual([exam.id]);
      const messages = await data.getRepository(OutboxMessage).findBy({ purpose: 'supervision' });
      expect(messages.map((m) => m.values.thing1)).toContain('书面检查被退回');
    });

    it('records an overdue self-examination as a self_exam_overdue finding once, however often it runs', async () => {
      clock.set(atLocal('2026-12-10', '09:00'));
      await signIn();
      const job = county.sut.app.get(SelfExamOverdueJob);
      // Official B's three notices (2, 3 and 4) are pending past their deadlines; A's was accepted.
      expect(await job.check()).toBe(3);
      expect(await job.check()).toBe(0);
      expect(await job.run()).toBe(0);
      const findings = await data.getRepository(ComplianceFinding).findBy({ kind: 'self_exam_overdue' });
      expect(findings).toHaveLength(3);
      expect(findings.every((f) => f.officialId === officialB && f.subject.startsWith('selfexam:'))).toBe(
        true,
      );
      const ofSecond = findings.find(
        (f) => f.evidence.kind === 'self_exam_overdue' && f.evidence.noticeNumber === '督通字〔2026〕2号',
      )!;
      expect(ofSecond).toMatchObject({ date: '2026-12-09', state: 'open' });
      const events = await data
        .getRepository(SupervisionEvent)
        .findBy({ subjectType: 'finding', subjectId: ofSecond.id });
      expect(events.map((e) => [e.action, e.actor])).toEqual([['recorded', '系统']]);
      const mine = await api<MySupervision>(tokens.otherOfficial, 'GET', '/me/supervision');
      expect(mine.body.selfExaminations.every((e) => e.overdue)).toBe(true);
      // Official B heard of each overdue one once, with a link to the finding it opened.
      const told = (await data.getRepository(OutboxMessage).findBy({ purpose: 'supervision' })).filter(
        (m) => m.values.thing1 === '书面检查逾期未提交',
      );
      expect(told.map((m) => m.page).sort()).toEqual(
        findings.map((f) => `packages/supervision/mine/index?findingId=${f.id}`).sort(),
      );
    });
  },
);
