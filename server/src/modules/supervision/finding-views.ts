import type { FindingView, SupervisionEventView, SupervisionPhoto } from '@jinri/shared';
import type { ComplianceFinding } from './compliance-finding.entity';
import type { SupervisionEvent } from './supervision-event.entity';

export interface FindingViewContext {
  postTitles: Map<number, string>;
  notices: Map<number, { id: number; number: string | null }>;
  photos: (ids: string[] | null | undefined) => SupervisionPhoto[];
}

/** A finding as the supervisor and the official see it (the same view: nothing in it is private). */
export function findingView(finding: ComplianceFinding, context: FindingViewContext): FindingView {
  return {
    id: finding.id,
    officialId: finding.officialId,
    official: {
      id: finding.officialId,
      name: finding.official?.name ?? '',
      post: context.postTitles.get(finding.officialId) ?? '',
    },
    unit: { id: finding.unitId, name: finding.unit?.name ?? '' },
    date: finding.date,
    kind: finding.kind,
    evidence: finding.evidence,
    state: finding.state,
    explainDueAt: finding.explainDueAt.toISOString(),
    explanation:
      finding.explainedAt && finding.explanation !== null
        ? {
            text: finding.explanation,
            photos: context.photos(finding.explanationPhotoIds),
            at: finding.explainedAt.toISOString(),
          }
        : null,
    decision:
      (finding.state === 'confirmed' || finding.state === 'dismissed') && finding.decidedAt
        ? { state: finding.state, note: finding.decisionNote, at: finding.decidedAt.toISOString() }
        : null,
    notice: context.notices.get(finding.id) ?? null,
    createdAt: finding.createdAt.toISOString(),
    version: finding.version,
  };
}

export function eventView(event: SupervisionEvent): SupervisionEventView {
  return {
    id: event.id,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    actor: event.actor,
    note: event.note,
    at: event.createdAt.toISOString(),
  };
}
