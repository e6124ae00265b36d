import { describe, expect, it } from '@jest/globals';

import { cappedNote, hours, lastMonths, percent } from './format';

describe('立体像 wording', () => {
  it('shows rates as percents with one decimal and nothing to count as a dash', () => {
    expect(percent(0.667)).toBe('66.7%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
    expect(hours(2)).toBe('2 小时');
    expect(hours(null)).toBe('—');
  });

  it('counts the last months back from today the way the server does', () => {
    expect(lastMonths('2026-12-01', 3)).toEqual({ from: '2026-09-02', to: '2026-12-01' });
    expect(lastMonths('2026-05-31', 3)).toEqual({ from: '2026-03-01', to: '2026-05-31' });
    expect(lastMonths('2026-03-31', 1)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('says a list was cut only when it was', () => {
    expect(cappedNote(50, 120)).toBe('显示最近 50 条，共 120 条；完整内容请导出PDF');
    expect(cappedNote(3, 3)).toBeNull();
  });
});
