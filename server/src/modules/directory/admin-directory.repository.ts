import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { Duty } from './duty.entity';
import { DutyUnit } from './duty-unit.entity';
import { Matter } from './matter.entity';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
import { Post } from './post.entity';
import { Unit } from './unit.entity';
import { retriedTransaction } from '../../database/contention';

export type MatterValues = Pick<
  Matter,
  | 'name'
  | 'category'
  | 'keywords'
  | 'synonyms'
  | 'materials'
  | 'whereToGo'
  | 'officeHours'
  | 'legalBasis'
  | 'departmentId'
  | 'ackWorkingDays'
  | 'resolveWorkingDays'
>;

/** Named queries and writes of the directory's admin (matters, officials, handovers, deputies, duties). */
@Injectable()
export class AdminDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  /** The paths of the jurisdictions (units of kind county). */
  async findCountyPaths(): Promise<string[]> {
    return (await this.dataSource.getRepository(Unit).findBy({ kind: 'county' })).map((u) => u.path);
  }

  findMatterById(id: number): Promise<Matter | null> {
    return this.dataSource.getRepository(Matter).findOneBy({ id });
  }

  findMatterWithDepartment(id: number): Promise<Matter | null> {
    return this.dataSource.getRepository(Matter).findOne({ where: { id }, relations: { department: true } });
  }

  async insertMatter(values: MatterValues & Pick<Matter, 'code'>): Promise<number> {
    const result = await this.dataSource.getRepository(Matter).insert(values);
    return Number(result.identifiers[0]!.id);
  }

  async updateMatter(id: number, values: MatterValues): Promise<void> {
    await this.dataSource.getRepository(Matter).update({ id }, values);
  }

  async insertOfficial(official: Pick<Official, 'code' | 'name' | 'gender'>): Promise<Official> {
    const repository = this.dataSource.getRepository(Official);
    const result = await repository.insert(official);
    return (await repository.findOneBy({ id: Number(result.identifiers[0]!.id) }))!;
  }

  findPostById(id: number): Promise<Post | null> {
    return this.dataSource.getRepository(Post).findOneBy({ id });
  }

  async updatePostDeputy(postId: number, deputyOfficialId: number | null): Promise<void> {
    await this.dataSource.getRepository(Post).update({ id: postId }, { deputyOfficialId });
  }

  /** The memberships of a post with no end date (today's holder, or one starting later). */
  findOpenMembershipsOfPost(
    postId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Membership[]> {
    return manager.getRepository(Membership).findBy({ postId, endDate: IsNull() });
  }

  async endMemberships(manager: EntityManager, ids: number[], endDate: string): Promise<void> {
    await manager.getRepository(Membership).update({ id: In(ids) }, { endDate });
  }

  async insertMembership(
    manager: EntityManager,
    membership: Pick<Membership, 'officialId' | 'postId' | 'startDate' | 'endDate'>,
  ): Promise<number> {
    const result = await manager.getRepository(Membership).insert(membership);
    return Number(result.identifiers[0]!.id);
  }

  findMembershipById(id: number): Promise<Membership | null> {
    return this.dataSource.getRepository(Membership).findOneBy({ id });
  }

  /**
   * The duty of (post, matter), created when missing, now covering exactly these units (one
   * transaction). Returns the duty's id.
   */
  saveDutyUnits(postId: number, matterId: number, unitIds: number[]): Promise<number> {
    return retriedTransaction(this.dataSource, async (manager) => {
      const duties = manager.getRepository(Duty);
      let duty = await duties.findOneBy({ postId, matterId });
      if (!duty) {
        await duties.insert({ postId, matterId });
        duty = (await duties.findOneBy({ postId, matterId }))!;
      }
      await manager.getRepository(DutyUnit).delete({ dutyId: duty.id });
      if (unitIds.length > 0)
        await manager.getRepository(DutyUnit).insert(unitIds.map((unitId) => ({ dutyId: duty.id, unitId })));
      return duty.id;
    });
  }
}
