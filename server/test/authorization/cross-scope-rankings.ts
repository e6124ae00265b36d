import type { Row } from './cross-scope-types';

/**
 * Cross-scope rows of the rankings (issue #14): the official level of a ranking names a unit by
 * query; town X's supervisor and admin see their town's officials ranked, town Y's are refused
 * (AUTH.OUT_OF_SCOPE). The other routes are public, or county-wide (a town grant never covers the
 * county: see test/rankings.e2e-spec.ts).
 */
export function rankingCrossScopeRows(): Row[] {
  const officials = (as: Row['as']): Row => ({
    route: 'GET /api/v1/rankings',
    as,
    attempt: async (t) => ({ path: `/rankings?unitId=${t.unit}&level=official&period=month` }),
  });
  return [officials('supervisor'), officials('admin')];
}
