import type { NoticeDetail, SelfExamView } from '@jinri/shared';
import type { StaffRole } from '../../src/modules/auth/auth-user';
import { addDays, localDate } from '../../src/common/time/local-time';
import { call } from '../app';
import { insertFinding } from '../factories/supervision.factory';
import type { Attempt, CrossScopeContext, Row, Town } from './cross-scope-types';

/**
 * Cross-scope rows of the supervision notices routes (see cross-scope-supervision.ts): a notice or
 * self-examination of town X is reachable by town X's supervisor (or the official it cites), the
 * same of town Y is refused, and nothing changes.
 */
export function noticeCrossScopeRows(ctx: CrossScopeContext): Row[] {
  let made = 0;
  const asAdmin = <T>(method: string, path: string, body?: unknown) =>
    call<T>(ctx.url(), method, path, { token: ctx.countyAdmin(), body });

  /** A draft notice (issued when asked) citing one fresh confirmed finding of the town's official. */
  const noticeOf = async (t: Town, issued: boolean) => {
    made += 1;
    const finding = await insertFinding(ctx.dataSource(), {
      officialId: t.official,
      unitId: t.unit,
      date: addDays(localDate(new Date()), -700 - made),
      kind: 'late',
      state: 'confirmed',
    });
    const draft = await asAdmin<NoticeDetail>('POST', '/supervision/notices', {
      unitId: t.unit,
      from: finding.date,
      to: finding.date,
      findingIds: [finding.id],
    });
    if (draft.status !== 201) throw new Error(`draft notice: ${draft.status} ${JSON.stringify(draft.body)}`);
    let notice = draft.body;
    if (issued) {
      const done = await asAdmin<NoticeDetail>('POST', `/supervision/notices/${notice.id}/issue`, {
        version: notice.version,
      });
      if (done.status !== 200) throw new Error(`issue notice: ${done.status} ${JSON.stringify(done.body)}`);
      notice = done.body;
    }
    const probe = async () => {
      const seen = await asAdmin<NoticeDetail>('GET', `/supervision/notices/${notice.id}`);
      return [seen.status, seen.body.state, seen.body.version, seen.body.number, seen.body.title];
    };
    return { notice, probe };
  };

  /** The self-examination an issued notice requires of the town's official (submitted when asked). */
  const selfExamOf = async (t: Town, submitted: boolean) => {
    const { notice } = await noticeOf(t, true);
    const exam = notice.selfExaminations[0]!;
    if (submitted) {
      const done = await call(ctx.url(), 'POST', `/supervision/self-examinations/${exam.id}/submit`, {
        token: t.officialToken,
        body: { text: '本人对日程迟报问题深刻反省，今后严格按时报送今日工作。' },
      });
      if (done.status !== 200) throw new Error(`submit self-examination: ${done.status}`);
    }
    const probe = async () => {
      const seen = await asAdmin<SelfExamView>('GET', `/supervision/self-examinations/${exam.id}`);
      return [seen.status, seen.body.state, seen.body.version, seen.body.text];
    };
    return { id: exam.id, version: submitted ? exam.version + 1 : exam.version, probe };
  };

  const noticeRow = (
    route: string,
    as: StaffRole,
    issued: boolean,
    action: string,
    body?: (n: NoticeDetail) => unknown,
  ): Row => ({
    route,
    as,
    attempt: async (t): Promise<Attempt> => {
      const { notice, probe } = await noticeOf(t, issued);
      return { path: `/supervision/notices/${notice.id}${action}`, body: body?.(notice), probe };
    },
  });
  const examRow = (
    route: string,
    as: StaffRole,
    submitted: boolean,
    action: string,
    body?: (version: number) => unknown,
  ): Row => ({
    route,
    as,
    attempt: async (t): Promise<Attempt> => {
      const exam = await selfExamOf(t, submitted);
      return {
        path: `/supervision/self-examinations/${exam.id}${action}`,
        body: body?.(exam.version),
        probe: exam.probe,
      };
    },
  });

  return [
    noticeRow('GET /api/v1/supervision/notices/:id', 'supervisor', false, ''),
    noticeRow('GET /api/v1/supervision/notices/:id', 'official', true, ''),
    noticeRow('PUT /api/v1/supervision/notices/:id', 'supervisor', false, '', (n) => ({
      version: n.version,
      title: '关于近期今日工作督查情况的通报（修改稿）',
    })),
    noticeRow('POST /api/v1/supervision/notices/:id/issue', 'supervisor', false, '/issue', (n) => ({
      version: n.version,
    })),
    noticeRow('GET /api/v1/supervision/notices/:id/notice.docx', 'supervisor', false, '/notice.docx'),
    noticeRow('GET /api/v1/supervision/notices/:id/notice.docx', 'official', true, '/notice.docx'),
    examRow('GET /api/v1/supervision/self-examinations/:id', 'supervisor', false, ''),
    examRow('GET /api/v1/supervision/self-examinations/:id', 'official', false, ''),
    examRow('POST /api/v1/supervision/self-examinations/:id/submit', 'official', false, '/submit', () => ({
      text: '本人对日程迟报问题深刻反省，今后严格按时报送今日工作。',
    })),
    examRow(
      'POST /api/v1/supervision/self-examinations/:id/accept',
      'supervisor',
      true,
      '/accept',
      (version) => ({
        version,
      }),
    ),
    examRow(
      'POST /api/v1/supervision/self-examinations/:id/return',
      'supervisor',
      true,
      '/return',
      (version) => ({
        version,
        note: '检查不够深刻，请结合具体问题重写',
      }),
    ),
  ];
}
