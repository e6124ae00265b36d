import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { Unit } from '../directory/unit.entity';
import { LotteryCandidate } from './lottery-candidate.entity';
import { type LotteryAction, LotteryEvent } from './lottery-event.entity';
import { Lottery } from './lottery.entity';
import { retriedTransaction } from '../../database/contention';

export type County = Pick<Unit, 'id' | 'name' | 'path'>;

/** Named queries of lotteries, their frozen candidates and their steps. */
@Injectable()
export class LotteriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  /** Every county: each holds one lottery a week. */
  findCounties(): Promise<County[]> {
    return this.dataSource.getRepository(Unit).find({
      select: { id: true, name: true, path: true },
      where: { kind: 'county' },
      order: { id: 'ASC' },
    });
  }

  findUnits(ids: number[]): Promise<Array<Pick<Unit, 'id' | 'name'>>> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Unit)
      .find({ select: { id: true, name: true }, where: { id: In(ids) } });
  }

  findWeek(unitId: number, weekStart: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Lottery).findOneBy({ unitId, weekStart });
  }

  findById(id: number): Promise<Lottery | null> {
    return this.dataSource.getRepository(Lottery).findOneBy({ id });
  }

  /** Committed lotteries whose reveal time has come, oldest first. */
  findDueForReveal(now: Date): Promise<Lottery[]> {
    return this.dataSource.getRepository(Lottery).find({
      where: { state: 'committed', revealDueAt: LessThanOrEqual(now) },
      order: { revealDueAt: 'ASC', id: 'ASC' },
    });
  }

  /** A page of lotteries, newest week first (so the open commitment is on top). */
  findPage(unitId: number | undefined, page: number, pageSize: number): Promise<[Lottery[], number]> {
    return this.dataSource.getRepository(Lottery).findAndCount({
      where: unitId === undefined ? {} : { unitId },
      order: { weekStart: 'DESC', unitId: 'ASC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  findCandidates(lotteryId: number): Promise<LotteryCandidate[]> {
    return this.dataSource
      .getRepository(LotteryCandidate)
      .find({ where: { lotteryId }, order: { position: 'ASC' } });
  }

  findEvents(lotteryId: number): Promise<LotteryEvent[]> {
    return this.dataSource.getRepository(LotteryEvent).find({ where: { lotteryId }, order: { id: 'ASC' } });
  }

  /** Inserts a new commitment with its event; false when the week already has one (another instance). */
  async insertCommitted(manager: EntityManager, lottery: Partial<Lottery>): Promise<Lottery | null> {
    if (await this.findWeek(lottery.unitId!, lottery.weekStart!, manager)) return null;
    const saved = await manager.getRepository(Lottery).save(Object.assign(new Lottery(), lottery));
    await this.recordEvent(manager, saved.id, 'committed', saved.committedAt);
    return saved;
  }

  /**
   * Moves a committed lottery to drawn (seed revealed, candidates frozen) once: false when it was not
   * committed any more (another instance drew it first); then nothing is written.
   */
  async markDrawn(manager: EntityManager, id: number, at: Date, candidateCount: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Lottery)
      .set({ state: 'drawn', revealedAt: at, drawnAt: at, candidateCount })
      .where('id = :id AND state = :state', { id, state: 'committed' })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async insertCandidates(manager: EntityManager, rows: Array<Partial<LotteryCandidate>>): Promise<void> {
    const repository = manager.getRepository(LotteryCandidate);
    for (let i = 0; i < rows.length; i += 200)
      await repository.insert(rows.slice(i, i + 200).map((r) => Object.assign(new LotteryCandidate(), r)));
  }

  async recordEvent(
    manager: EntityManager,
    lotteryId: number,
    action: LotteryAction,
    at: Date,
  ): Promise<void> {
    await manager.getRepository(LotteryEvent).insert({ lotteryId, action, at });
  }
}
