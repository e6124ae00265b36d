/** A finding as the API shows it to its official, for the specs of this page. */
import type { FindingDetail } from '@jinri/shared';

export function findingFixture(overrides: Partial<FindingDetail> = {}): FindingDetail {
  return {
    id: 41,
    officialId: 11,
    official: { id: 11, name: '张三', post: '副镇长' },
    unit: { id: 2, name: '城关镇' },
    date: '2026-12-03',
    kind: 'late',
    evidence: {
      kind: 'late',
      dueAt: '2026-12-02T12:00:00.000Z',
      submittedAt: '2026-12-02T13:10:00.000Z',
      minutesLate: 70,
    },
    state: 'open',
    explainDueAt: '2026-12-04T09:00:00.000Z',
    explanation: null,
    decision: null,
    notice: null,
    createdAt: '2026-12-03T01:00:00.000Z',
    version: 1,
    events: [],
    ...overrides,
  };
}
