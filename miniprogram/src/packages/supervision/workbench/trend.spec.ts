import { describe, expect, it } from '@jest/globals';

import { barHeight, barTone, latest, percent, weekLabel } from './trend';

describe('the trend arithmetic', () => {
  it('writes a rate as a whole percent, and a week with nothing to count as a dash', () => {
    expect(percent(0.876)).toBe('88%');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBe('—');
  });

  it('draws 0 as a sliver (the week still shows), nothing as no bar, and never above the plot', () => {
    expect(barHeight(0)).toBe(2);
    expect(barHeight(null)).toBe(0);
    expect(barHeight(0.5)).toBe(50);
    expect(barHeight(1.2)).toBe(100);
  });

  it('colours high submission green and high vague/repeated red (lower is better there)', () => {
    expect(barTone('submission', 0.95)).toBe('good');
    expect(barTone('onTime', 0.8)).toBe('fair');
    expect(barTone('submission', 0.5)).toBe('poor');
    expect(barTone('vagueOrRepeated', 0.05)).toBe('good');
    expect(barTone('vagueOrRepeated', 0.5)).toBe('poor');
    expect(barTone('onTime', null)).toBe('none');
  });

  it('labels a week by its Monday as month/day', () => {
    expect(weekLabel('2026-12-07')).toBe('12/7');
  });

  it("takes the latest week that has a value as the row's number", () => {
    const points = [
      { weekStart: '2026-11-30', submission: 0.8, onTime: 1, vagueOrRepeated: 0 },
      { weekStart: '2026-12-07', submission: null, onTime: null, vagueOrRepeated: null },
    ];
    expect(latest(points, 'submission')).toBe(0.8);
    expect(latest([], 'onTime')).toBeNull();
  });
});
