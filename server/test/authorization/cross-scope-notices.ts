import type { CrossScopeContext, Row } from './cross-scope-types';

/** Cross-scope rows of the supervision notices routes (see cross-scope-supervision.ts). */
export function noticeCrossScopeRows(_ctx: CrossScopeContext): Row[] {
  return [];
}
