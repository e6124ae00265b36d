import type { CrossScopeContext, Row } from './cross-scope-types';

/** Cross-scope rows of the supervision spot-checks routes (see cross-scope-supervision.ts). */
export function spotCheckCrossScopeRows(_ctx: CrossScopeContext): Row[] {
  return [];
}
