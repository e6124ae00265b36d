import { describe, expect, it } from '@jest/globals';

import { canExplain, canSubmitSelfExam, evidenceText, explainDeadlineText } from './evidence';
import { findingFixture } from './fixtures';

const before = Date.parse('2026-12-04T08:00:00.000Z');
const after = Date.parse('2026-12-04T09:00:00.000Z');

describe('evidenceText', () => {
  it('says when a late plan was due and how late it came, in China time', () => {
    expect(evidenceText(findingFixture().evidence)).toBe(
      '计划应在 12月2日 20:00 前报送，12月2日 21:10 才报送（晚了 1 小时 10 分钟）。',
    );
  });

  it('quotes the vague entries with their warnings', () => {
    expect(
      evidenceText({
        kind: 'vague',
        entries: [{ entryId: 1, what: '下村', place: null, warnings: ['未写地点', '内容过短'] }],
      }),
    ).toBe('“下村”：未写地点、内容过短');
  });

  it('tells an absent finding with the visit time and the plan', () => {
    expect(
      evidenceText({
        kind: 'absent',
        spotCheckId: 3,
        entryId: 9,
        what: '走访低保户',
        place: '魏庄村',
        planned: '09:00–11:30',
        visitedAt: '2026-12-03T02:05:00.000Z',
        note: '村委会称今天未来',
      }),
    ).toBe('督查 10:05 到“魏庄村”抽查未见到人（计划：09:00–11:30 走访低保户）。现场情况：村委会称今天未来');
  });
});

describe('explaining', () => {
  it('is open until explainDueAt, and only while the finding is open', () => {
    expect(canExplain(findingFixture(), before)).toBe(true);
    expect(canExplain(findingFixture(), after)).toBe(false);
    expect(canExplain(findingFixture({ state: 'explained' }), before)).toBe(false);
  });

  it('shows the deadline, then that it has passed', () => {
    expect(explainDeadlineText(findingFixture(), before)).toBe('申辩截止：12月4日 17:00');
    expect(explainDeadlineText(findingFixture(), after)).toBe('申辩期限已过（12月4日 17:00）');
  });

  it('lets a pending or returned self-examination be submitted', () => {
    expect(
      ['pending', 'submitted', 'accepted', 'returned'].map((state) => canSubmitSelfExam({ state } as never)),
    ).toEqual([true, false, false, true]);
  });
});
