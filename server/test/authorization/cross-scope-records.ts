import type { Row } from './cross-scope-types';

/**
 * Cross-scope rows of the 立体像 (issue #14): town X's official's record (JSON and PDF) is open to
 * town X's supervisor and admin; town Y's official's is refused as if absent (404 RECORD.NOT_FOUND).
 * Reads only: the refused attempt must not record a view either (checked in records.e2e-spec.ts).
 */
export function recordCrossScopeRows(): Row[] {
  const record = (as: Row['as'], suffix: '' | '/pdf'): Row => ({
    route: `GET /api/v1/supervision/records/:officialId${suffix}`,
    as,
    attempt: async (t) => ({ path: `/supervision/records/${t.official}${suffix}` }),
  });
  return [
    record('supervisor', ''),
    record('admin', ''),
    record('supervisor', '/pdf'),
    record('admin', '/pdf'),
  ];
}
