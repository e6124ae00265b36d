import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SupervisionEvent, type SupervisionSubject } from './supervision-event.entity';

export type NewSupervisionEvent = Pick<
  SupervisionEvent,
  'subjectType' | 'subjectId' | 'action' | 'fromState' | 'toState' | 'actorUserId' | 'actor' | 'note'
>;

/** One step of a record's history, in the order the table has its columns. */
export function supervisionEvent(
  subjectType: SupervisionSubject,
  subjectId: number,
  action: string,
  fromState: string | null,
  toState: string | null,
  actorUserId: number | null,
  actor: string,
  note: string | null,
): NewSupervisionEvent {
  return { subjectType, subjectId, action, fromState, toState, actorUserId, actor, note };
}

/** The append-only history of every supervision record (findings, spot checks, notices …). */
@Injectable()
export class SupervisionEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Written in the caller's transaction, with the change it records; 500 rows per statement. */
  async record(manager: EntityManager, events: NewSupervisionEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 500) {
      await manager.getRepository(SupervisionEvent).insert(events.slice(i, i + 500));
    }
  }

  findFor(subjectType: SupervisionSubject, subjectId: number): Promise<SupervisionEvent[]> {
    return this.dataSource
      .getRepository(SupervisionEvent)
      .find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }
}
