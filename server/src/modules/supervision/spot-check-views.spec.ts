import { atLocal } from '../../common/time/local-time';
import type { PlanEntry } from '../journals/plan-entry.entity';
import type { PlanRevision } from '../journals/plan-revision.entity';
import { changeBeforeVisit, changeReason, entryInForce, plannedTime } from './spot-check-views';

const DAY = '2026-11-16';
const at = (time: string) => atLocal(DAY, time);
const morning = {
  id: 7,
  startTime: '09:00',
  endTime: '11:30',
  period: null,
  place: '魏庄村',
  what: '到魏庄村调度秋粮收购',
  kind: '下村/实地',
  status: 'active' as const,
};
const entry = (changes: Partial<PlanEntry> = {}) =>
  ({ ...morning, modifiedAt: null, ...changes }) as unknown as PlanEntry;
const revision = (kind: PlanRevision['kind'], time: string, snapshot: PlanRevision['snapshot']) =>
  ({ kind, createdAt: at(time), snapshot }) as PlanRevision;
const moved = { ...morning, startTime: '15:00', endTime: '17:00', place: '县城' };

describe('a change of the entry before the visit', () => {
  const sut = changeBeforeVisit;

  it('is the revision that changed the entry at or before the visit', () => {
    const history = [revision('published', '08:00', [morning]), revision('revised', '10:12', [moved])];
    const change = sut(history, entry({ ...moved, modifiedAt: at('10:12') }), at('10:20'));
    expect(change).toEqual({ at: at('10:12'), after: moved });
    expect(changeReason(change!)).toBe(
      '到访前日程已修改（10:12 改为 15:00–17:00 县城 到魏庄村调度秋粮收购）',
    );
  });

  it('is none when the change came after the visit', () => {
    const history = [revision('published', '08:00', [morning]), revision('revised', '10:12', [moved])];
    expect(sut(history, entry({ ...moved, modifiedAt: at('10:12') }), at('09:45'))).toBeNull();
  });

  it('is the earlier change when the entry was changed before the visit and again after it', () => {
    const later = { ...moved, place: '镇政府' };
    const history = [
      revision('published', '08:00', [morning]),
      revision('revised', '09:30', [moved]),
      revision('revised', '11:00', [later]),
    ];
    expect(sut(history, entry({ ...later, modifiedAt: at('11:00') }), at('10:00'))?.at).toEqual(at('09:30'));
  });

  it('is a withdrawal, said so', () => {
    const withdrawn = { ...morning, status: 'withdrawn' as const };
    const history = [revision('published', '08:00', [morning]), revision('revised', '09:05', [withdrawn])];
    const change = sut(history, entry({ status: 'withdrawn', modifiedAt: at('09:05') }), at('09:40'));
    expect(changeReason(change!)).toBe('到访前日程已撤销此项（09:05）');
  });

  it('is none for an entry added after publication and not changed since', () => {
    const history = [revision('published', '08:00', []), revision('revised', '08:40', [morning])];
    expect(sut(history, entry({ modifiedAt: at('08:40') }), at('09:40'))).toBeNull();
  });

  it('ignores a revision that only moved other entries', () => {
    const other = { ...morning, id: 8, what: '参加镇党委会' };
    const history = [
      revision('published', '08:00', [morning, other]),
      revision('revised', '09:00', [morning, { ...other, startTime: '14:00' }]),
    ];
    expect(sut(history, entry(), at('09:40'))).toBeNull();
  });

  it("falls back on the entry's modifiedAt when the plan has no recorded history", () => {
    expect(sut([], entry({ modifiedAt: at('09:00') }), at('09:40'))?.at).toEqual(at('09:00'));
    expect(sut([], entry({ modifiedAt: at('10:00') }), at('09:40'))).toBeNull();
    expect(sut([], entry(), at('09:40'))).toBeNull();
  });
});

describe('the entry in force at the visit', () => {
  it('is the one of the last revision made by then, not as it reads now', () => {
    const history = [revision('published', '08:00', [morning]), revision('revised', '11:00', [moved])];
    expect(entryInForce(history, entry(moved), at('10:00'))).toEqual(morning);
    expect(plannedTime(entryInForce(history, entry(moved), at('11:30')))).toBe('15:00–17:00');
  });

  it('names a period or no time in words', () => {
    expect(plannedTime({ startTime: null, endTime: null, period: 'am' })).toBe('上午');
    expect(plannedTime({ startTime: '14:00', endTime: null, period: null })).toBe('14:00 起');
    expect(plannedTime({ startTime: null, endTime: null, period: null })).toBe('当天');
  });
});
