import type { StaffRole } from '../../src/modules/auth/auth-user';
import { localDate, addDays } from '../../src/common/time/local-time';
import { insertFinding } from '../factories/supervision.factory';
import type { CrossScopeContext, Row, Town } from './cross-scope-types';
import { call } from '../app';
import { noticeCrossScopeRows } from './cross-scope-notices';
import { spotCheckCrossScopeRows } from './cross-scope-spot-checks';

/**
 * Cross-scope rows of the supervision routes (督查): a finding, spot check, notice or
 * self-examination of town X is reachable by town X's supervisor (or official, for their own), and
 * the same of town Y is refused, and nothing changes.
 */
export function supervisionCrossScopeRows(ctx: CrossScopeContext): Row[] {
  let made = 0;
  /** A fresh open finding of the town's official (a different date each time: the key is unique). */
  const findingOf = async (t: Town) => {
    made += 1;
    const finding = await insertFinding(ctx.dataSource(), {
      officialId: t.official,
      unitId: t.unit,
      date: addDays(localDate(new Date()), -400 - made),
      kind: 'missing',
      explainDueAt: new Date(Date.now() + 86_400_000),
    });
    const probe = async () => {
      const seen = await call<{ state?: string; version?: number }>(
        ctx.url(),
        'GET',
        `/supervision/findings/${finding.id}`,
        { token: ctx.countyAdmin() },
      );
      return [seen.status, seen.body.state, seen.body.version];
    };
    return { id: finding.id, probe };
  };
  const findingRow = (route: string, as: StaffRole, action: string, body?: Record<string, unknown>): Row => ({
    route,
    as,
    attempt: async (t) => {
      const finding = await findingOf(t);
      return { path: `/supervision/findings/${finding.id}${action}`, body, probe: finding.probe };
    },
  });
  return [
    findingRow('GET /api/v1/supervision/findings/:id', 'supervisor', ''),
    findingRow('GET /api/v1/supervision/findings/:id', 'official', ''),
    findingRow('POST /api/v1/supervision/findings/:id/explain', 'official', '/explain', {
      text: '当天在县里参加防汛会议，有会议通知为证',
    }),
    findingRow('POST /api/v1/supervision/findings/:id/confirm', 'supervisor', '/confirm', { version: 1 }),
    findingRow('POST /api/v1/supervision/findings/:id/dismiss', 'supervisor', '/dismiss', {
      version: 1,
      note: '经核实有会议通知',
    }),
    ...spotCheckCrossScopeRows(ctx),
    ...noticeCrossScopeRows(ctx),
  ];
}
