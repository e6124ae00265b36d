import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager, In, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import { lookupHash } from '../../common/crypto/field-cipher';
import { retriedTransaction } from '../../database/contention';
import { inSubtrees } from '../../database/subtree';
import { User } from '../auth/user.entity';
import { Matter } from '../directory/matter.entity';
import { Unit } from '../directory/unit.entity';
import { NEVER_PUBLIC, OPEN_STATES, PUBLIC_MODERATION } from '../tickets/ticket-state';
import { Ticket } from '../tickets/ticket.entity';
import { Open311ApiKey } from './open311-api-key.entity';
import { Open311Request } from './open311-request.entity';

export type TargetKind = Ticket['targetKind'];

export interface RequestFilter {
  ids: number[] | null;
  jurisdictionPaths: string[] | null;
  matterCodes: string[];
  targetKinds: TargetKind[];
  statuses: Array<'open' | 'closed'>;
  createdBetween: [Date, Date] | null;
}

/** Open311's queries: keys, the public requests with what their POST brought, services. */
@Injectable()
export class Open311Repository {
  constructor(private readonly dataSource: DataSource) {}

  /** The jurisdictions: every county. */
  findJurisdictions(): Promise<Unit[]> {
    return this.dataSource.getRepository(Unit).find({ where: { kind: 'county' }, order: { id: 'ASC' } });
  }

  findMatters(paths: string[] | null): Promise<Matter[]> {
    const query = this.dataSource
      .getRepository(Matter)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.department', 'd')
      .orderBy('m.id', 'ASC');
    if (paths) query.andWhere(inSubtrees('d', paths));
    return query.getMany();
  }

  findMatterByCode(code: string): Promise<Matter | null> {
    return this.dataSource
      .getRepository(Matter)
      .findOne({ where: { code }, relations: { department: true } });
  }

  /** Towns and villages of a county (where a resident lives: matter routing). */
  findPlaces(countyPaths: string[]): Promise<Unit[]> {
    return this.dataSource
      .getRepository(Unit)
      .createQueryBuilder('u')
      .where('u.kind IN (:...kinds)', { kinds: ['town', 'village'] })
      .andWhere(inSubtrees('u', countyPaths))
      .orderBy('u.path', 'ASC')
      .getMany();
  }

  findPlaceByCode(code: string): Promise<Unit | null> {
    return this.dataSource.getRepository(Unit).findOneBy({ code, kind: In(['town', 'village']) });
  }

  findUnitPath(manager: EntityManager, id: number): Promise<string | null> {
    return manager
      .getRepository(Unit)
      .findOneBy({ id })
      .then((u) => u?.path ?? null);
  }

  /** Public tickets in GeoReport terms, newest first. */
  findPublicRequests(filter: RequestFilter, limit: number): Promise<Ticket[]> {
    const query = this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.matter', 'matter')
      .leftJoinAndSelect('t.assigneeUnit', 'assigneeUnit')
      .leftJoinAndSelect('t.unit', 'unit')
      .leftJoinAndSelect('t.planEntry', 'planEntry')
      .where({
        publicAllowed: true,
        moderation: In([...PUBLIC_MODERATION]),
        status: Not(In([...NEVER_PUBLIC])),
      })
      .orderBy('t.id', 'DESC')
      .take(limit);
    if (filter.ids) query.andWhere('t.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [0] });
    else {
      if (filter.jurisdictionPaths)
        query.andWhere(inSubtrees('assigneeUnit', filter.jurisdictionPaths, 'jur'));
      if (filter.createdBetween) {
        const [start, end] = filter.createdBetween;
        query.andWhere('t.createdAt >= :start AND t.createdAt <= :end', { start, end });
      }
      if (filter.matterCodes.length || filter.targetKinds.length)
        query.andWhere(
          new Brackets((where) => {
            if (filter.matterCodes.length)
              where.orWhere('matter.code IN (:...codes)', { codes: filter.matterCodes });
            if (filter.targetKinds.length)
              where.orWhere('t.targetKind IN (:...kinds)', { kinds: filter.targetKinds });
          }),
        );
      // A resolved ticket waits for the resident's rating: still open in GeoReport terms.
      if (filter.statuses.length === 1 && filter.statuses[0] === 'open')
        query.andWhere('t.status IN (:...open)', { open: [...OPEN_STATES, 'resolved'] });
      if (filter.statuses.length === 1 && filter.statuses[0] === 'closed')
        query.andWhere("t.status = 'closed'");
    }
    return query.getMany();
  }

  /** What the Open311 POSTs of these tickets brought (contact left out). */
  async findRequestDetails(ticketIds: number[]): Promise<Map<number, Open311Request>> {
    if (ticketIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Open311Request).find({
      where: { ticketId: In(ticketIds) },
      select: {
        ticketId: true,
        addressString: true,
        addressId: true,
        lat: true,
        long: true,
        mediaUrl: true,
        attributes: true,
      },
    });
    return new Map(rows.map((r) => [r.ticketId, r]));
  }

  insertRequestDetails(manager: EntityManager, row: Partial<Open311Request>): Promise<unknown> {
    return manager.getRepository(Open311Request).insert(row);
  }

  countKeyRequestsSince(apiKeyId: number, since: Date): Promise<number> {
    return this.dataSource
      .getRepository(Open311Request)
      .countBy({ apiKeyId, createdAt: MoreThanOrEqual(since) });
  }

  findKeyByPrefix(prefix: string): Promise<Open311ApiKey | null> {
    return this.dataSource
      .getRepository(Open311ApiKey)
      .findOne({ where: { prefix }, relations: { jurisdictionUnit: true } });
  }

  findKey(id: number): Promise<Open311ApiKey | null> {
    return this.dataSource
      .getRepository(Open311ApiKey)
      .findOne({ where: { id }, relations: { jurisdictionUnit: true } });
  }

  findKeysInSubtrees(paths: string[]): Promise<Open311ApiKey[]> {
    if (paths.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Open311ApiKey)
      .createQueryBuilder('k')
      .innerJoinAndSelect('k.jurisdictionUnit', 'u')
      .where(inSubtrees('u', paths))
      .orderBy('k.id', 'DESC')
      .getMany();
  }

  findUnit(id: number): Promise<Unit | null> {
    return this.dataSource.getRepository(Unit).findOneBy({ id });
  }

  /** A key and the user that authors its tickets, together. */
  async insertKey(row: Omit<Partial<Open311ApiKey>, 'userId'>, now: Date): Promise<number> {
    return retriedTransaction(this.dataSource, async (manager) => {
      const user = await manager.getRepository(User).insert({
        // Not a WeChat user: a unique placeholder that no openid can hash to.
        openidHash: lookupHash(`open311-key:${row.prefix}`),
        openidEnc: null,
        demo: false,
        createdAt: now,
      });
      const userId = Number(user.identifiers[0]!.id);
      const key = await manager.getRepository(Open311ApiKey).insert({ ...row, userId, createdAt: now });
      return Number(key.identifiers[0]!.id);
    });
  }

  /** Revokes a key once (the first revocation stands). */
  async revokeKey(id: number, byUserId: number, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(Open311ApiKey)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at, revokedByUserId: byUserId });
  }

  async touchKey(id: number, at: Date): Promise<void> {
    await this.dataSource.getRepository(Open311ApiKey).update({ id }, { lastUsedAt: at });
  }
}
