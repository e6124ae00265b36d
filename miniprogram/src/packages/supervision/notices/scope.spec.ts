import { describe, expect, it } from '@jest/globals';
import type { MeResponse, RoleGrantView } from '@jinri/shared';

import { periodProblem } from './period';
import { scopeChoices, scopeGrantUnits } from './scope';

function me(grants: Array<Pick<RoleGrantView, 'role' | 'unit'>>): MeResponse {
  return {
    user: { id: 1, roles: ['supervisor'] },
    grants: grants.map((g, i) => ({ id: i + 1, official: null, createdAt: '', ...g })),
    revokedGrants: [],
    official: null,
    demo: false,
  } as unknown as MeResponse;
}

describe('scopeGrantUnits', () => {
  it('lists the supervisor and admin grants once, a county-wide grant first', () => {
    const units = scopeGrantUnits(
      me([
        { role: 'supervisor', unit: { id: 5, name: '城关镇' } },
        { role: 'official', unit: { id: 9, name: '河口乡' } },
        { role: 'admin', unit: { id: 5, name: '城关镇' } },
        { role: 'supervisor', unit: null },
      ]),
    );
    expect(units).toEqual([null, { id: 5, name: '城关镇' }]);
  });

  it('is empty for someone without a supervision grant', () => {
    expect(scopeGrantUnits(me([{ role: 'clerk', unit: { id: 5, name: '城关镇' } }]))).toEqual([]);
  });
});

describe('scopeChoices', () => {
  it('offers the roots, then the units under them, each once', () => {
    expect(
      scopeChoices(
        [{ id: 1, name: '示范县' }],
        [
          { id: 2, name: '城关镇' },
          { id: 1, name: '示范县' },
        ],
      ),
    ).toEqual([
      { id: 1, name: '示范县' },
      { id: 2, name: '城关镇' },
    ]);
  });
});

describe('periodProblem', () => {
  it('accepts last week and refuses reversed, future or over-long periods', () => {
    expect(periodProblem('2026-11-30', '2026-12-04', '2026-12-06')).toBe('');
    expect(periodProblem('2026-12-04', '2026-11-30', '2026-12-06')).toBe('开始日期不能晚于结束日期');
    expect(periodProblem('2026-12-01', '2026-12-07', '2026-12-06')).toBe('结束日期不能晚于今天');
    expect(periodProblem('2025-11-01', '2026-12-04', '2026-12-06')).toBe('期间不能超过一年');
  });
});
