import { describe, expect, it } from '@jest/globals';
import type { SpotCheckCandidate } from '@jinri/shared';

import { outcomeText, placesOf, plannedTime, visitInstant, visitTimeProblem } from './visit';

function candidate(overrides: Partial<SpotCheckCandidate>): SpotCheckCandidate {
  return {
    entryId: 1,
    official: { id: 1, name: '张三', post: '副镇长' },
    unit: { id: 2, name: '城关镇' },
    startTime: null,
    endTime: null,
    period: null,
    place: null,
    placeUnit: null,
    what: '走访',
    modifiedAt: null,
    ...overrides,
  };
}

describe('visit time', () => {
  it('is today at the chosen China time', () => {
    expect(visitInstant('2026-12-06', '09:05')).toBe('2026-12-06T01:05:00.000Z');
    expect(visitInstant('2026-12-06', '9点')).toBeNull();
  });

  it('may not be later than now', () => {
    const now = Date.parse('2026-12-06T02:00:00.000Z'); // 10:00 in China
    expect(visitTimeProblem('2026-12-06', '09:59', now)).toBe('');
    expect(visitTimeProblem('2026-12-06', '10:01', now)).toBe('到访时间不能晚于现在');
  });
});

describe('candidates', () => {
  it('say when the entry is planned', () => {
    expect(plannedTime(candidate({ startTime: '09:00', endTime: '11:30' }))).toBe('09:00–11:30');
    expect(plannedTime(candidate({ period: '上午' }))).toBe('上午');
    expect(plannedTime(candidate({}))).toBe('');
  });

  it('offer each place once for the filter', () => {
    const places = placesOf([
      candidate({ placeUnit: { id: 7, name: '魏庄村' } }),
      candidate({ placeUnit: { id: 3, name: '城关村' } }),
      candidate({ placeUnit: { id: 7, name: '魏庄村' } }),
      candidate({}),
    ]);
    expect(places.map((p) => p.id).sort()).toEqual([3, 7]);
  });
});

describe('outcomeText', () => {
  it('says whether a finding was opened, and why not', () => {
    expect(outcomeText({ found: true, findingId: null, noFindingReason: null })).toBe(
      '现场见到本人，已记录。',
    );
    expect(outcomeText({ found: false, findingId: 9, noFindingReason: null })).toContain(
      '已开立“抽查不在岗”督查记录',
    );
    expect(outcomeText({ found: false, findingId: null, noFindingReason: '日程在到访前已修改' })).toBe(
      '未见到本人，未开立督查记录：日程在到访前已修改',
    );
  });
});
