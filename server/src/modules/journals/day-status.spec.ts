import { dayStatus } from './day-status';

describe('dayStatus', () => {
  it('on a working day says 未公示 only when nothing is published and she is not on leave', () => {
    expect(dayStatus(true, false, false)).toBe('not_published');
    expect(dayStatus(true, false, true)).toBe('published');
    expect(dayStatus(true, true, true)).toBe('on_leave');
  });

  it('on a rest day never says 未公示, even over leave, but still shows a published plan', () => {
    expect(dayStatus(false, false, false)).toBe('rest_day');
    expect(dayStatus(false, true, false)).toBe('rest_day');
    expect(dayStatus(false, false, true)).toBe('published');
  });
});
