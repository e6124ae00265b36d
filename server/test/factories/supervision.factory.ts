import type { FindingEvidence, FindingKind, FindingState } from '@jinri/shared';
import type { DataSource } from 'typeorm';
import { atLocal, addDays } from '../../src/common/time/local-time';
import { ComplianceFinding } from '../../src/modules/supervision/compliance-finding.entity';
import { SupervisionEvent } from '../../src/modules/supervision/supervision-event.entity';

export interface FindingSeed {
  officialId: number;
  unitId: number;
  date: string;
  kind?: FindingKind;
  subject?: string;
  evidence?: FindingEvidence;
  state?: FindingState;
  /** Default: the end of the day after `date` (the 1-working-day rule on an ordinary weekday). */
  explainDueAt?: Date;
}

/** Evidence that fits the kind (a `missing` plan due at 18:00 the day before, by default). */
export function evidenceFactory(kind: FindingKind, date: string): FindingEvidence {
  const dueAt = atLocal(addDays(date, -1), '18:00').toISOString();
  switch (kind) {
    case 'late':
      return { kind, dueAt, submittedAt: atLocal(addDays(date, -1), '18:01').toISOString(), minutesLate: 1 };
    case 'vague':
      return { kind, entries: [{ entryId: 1, what: '日常工作', place: null, warnings: ['vague'] }] };
    default:
      return { kind: 'missing', dueAt, onLeave: false };
  }
}

/**
 * Inserts a finding as the morning check records it (state open, version 1, its `recorded` event),
 * then moves it to `state` when asked, each step with its event, as the lifecycle would.
 */
export async function insertFinding(data: DataSource, seed: FindingSeed): Promise<ComplianceFinding> {
  const kind = seed.kind ?? 'missing';
  return data.transaction(async (manager) => {
    const finding = await manager.getRepository(ComplianceFinding).save(
      Object.assign(new ComplianceFinding(), {
        officialId: seed.officialId,
        unitId: seed.unitId,
        date: seed.date,
        kind,
        subject: seed.subject ?? '',
        evidence: seed.evidence ?? evidenceFactory(kind, seed.date),
        state: 'open',
        explainDueAt:
          seed.explainDueAt ?? new Date(atLocal(addDays(seed.date, 1), '23:59').getTime() + 59_000),
        version: 1,
      }),
    );
    const events: Partial<SupervisionEvent>[] = [
      { subjectType: 'finding', subjectId: finding.id, action: 'recorded', toState: 'open', actor: '系统' },
    ];
    const state = seed.state ?? 'open';
    if (state !== 'open') {
      const now = new Date();
      const explained = state === 'explained';
      await manager.getRepository(ComplianceFinding).update(finding.id, {
        state,
        version: 2,
        ...(explained
          ? { explanation: '当天在县里参加会议', explanationPhotoIds: [], explainedAt: now }
          : { decidedAt: now, decisionNote: state === 'dismissed' ? '经核实情况属实' : null }),
      });
      events.push({
        subjectType: 'finding',
        subjectId: finding.id,
        action: state,
        fromState: 'open',
        toState: state,
        actor: explained ? '本人' : '督查室',
      });
      Object.assign(finding, { state, version: 2 });
    }
    await manager.getRepository(SupervisionEvent).insert(events);
    return finding;
  });
}
