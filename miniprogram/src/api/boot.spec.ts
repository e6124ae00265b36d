import { afterEach, describe, expect, it } from '@jest/globals';
import type { TodayResponse, UnitChildrenResponse } from '@jinri/shared';

import { resetBootForTests, takeBootToday, takeBootUnits } from './boot';

const units = {
  unit: { id: 1, name: '岚川县', kind: 'county' },
  ancestors: [],
  children: [],
} as unknown as UnitChildrenResponse;
const today = {
  date: '2026-12-07',
  unit: { id: 3, name: '城关街道', kind: 'town' },
  plans: [],
} as unknown as TodayResponse;

function page(data: unknown): void {
  document.head.innerHTML = `<script id="jinri-boot" type="application/json">${JSON.stringify(data)}</script>`;
  resetBootForTests();
}

describe('the first screen data in index.html', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    resetBootForTests();
  });

  it('gives the units and the matching today answer once each', () => {
    page({ at: Date.now(), units, today: { unitId: 3, date: '2026-12-07', data: today } });
    expect(takeBootUnits()).toEqual(units);
    expect(takeBootUnits()).toBeNull();
    expect(takeBootToday(3, '2026-12-07')).toEqual(today);
    expect(takeBootToday(3, '2026-12-07')).toBeNull();
  });

  it('keeps the today answer for the unit and day it is for', () => {
    page({ at: Date.now(), units, today: { unitId: 3, date: '2026-12-07', data: today } });
    expect(takeBootToday(4, '2026-12-07')).toBeNull();
    expect(takeBootToday(3, '2026-12-08')).toBeNull();
    expect(takeBootToday(3, undefined)).toEqual(today);
  });

  it('ignores a copy older than five minutes (a page kept offline)', () => {
    page({ at: Date.now() - 6 * 60_000, units, today: { unitId: 3, date: '2026-12-07', data: today } });
    expect(takeBootUnits()).toBeNull();
    expect(takeBootToday(3, '2026-12-07')).toBeNull();
  });

  it('is empty without the block or with a damaged one', () => {
    expect(takeBootUnits()).toBeNull();
    document.head.innerHTML = '<script id="jinri-boot" type="application/json">{"at":</script>';
    resetBootForTests();
    expect(takeBootUnits()).toBeNull();
  });
});
