import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { DirectoryData } from './directory-sheet';
import { Duty } from './duty.entity';
import { DutyUnit } from './duty-unit.entity';
import { Matter } from './matter.entity';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
import { Post } from './post.entity';
import { Unit } from './unit.entity';
import { retriedTransaction } from '../../database/contention';

/** A row's id and its code (the key of the directory workbook). */
export interface CodedId {
  id: number;
  code: string;
}

export type UnitSheetValues = Pick<Unit, 'name' | 'kind' | 'parentId' | 'officeHours' | 'address'>;
export type PostSheetValues = Pick<Post, 'unitId' | 'title' | 'rank'>;

/**
 * Named queries of the directory workbook (directory-sheet.service.ts): the whole directory read in
 * sheet form, and the writes of an import, each inside the caller's transaction (`manager`).
 */
@Injectable()
export class DirectorySheetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  /** Every unit, official, post (with its current holder), duty and matter, as the workbook shows them. */
  async findDirectory(manager: EntityManager = this.dataSource.manager): Promise<DirectoryData> {
    const units = await manager.getRepository(Unit).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const codeOfUnit = new Map(units.map((u) => [u.id, u.code]));
    const officials = await manager.getRepository(Official).find({ order: { id: 'ASC' } });
    const codeOfOfficial = new Map(officials.map((o) => [o.id, o.code]));
    const posts = await manager.getRepository(Post).find({ order: { id: 'ASC' } });
    const codeOfPost = new Map(posts.map((p) => [p.id, p.code]));
    const holders = new Map<number, Membership>();
    for (const m of await manager
      .getRepository(Membership)
      .find({ where: { endDate: IsNull() }, order: { id: 'ASC' } })) {
      if (!holders.has(m.postId)) holders.set(m.postId, m);
    }
    const matters = await manager.getRepository(Matter).find({ order: { id: 'ASC' } });
    const nameOfMatter = new Map(matters.map((m) => [m.id, m.name]));
    const duties = await manager.getRepository(Duty).find({ order: { id: 'ASC' } });
    const covered = new Map<number, number[]>();
    for (const du of await manager.getRepository(DutyUnit).find())
      covered.set(du.dutyId, [...(covered.get(du.dutyId) ?? []), du.unitId]);
    return {
      units: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentCode: u.parentId === null ? null : (codeOfUnit.get(u.parentId) ?? null),
        officeHours: u.officeHours,
        address: u.address,
      })),
      officials: officials.map((o) => ({ id: o.id, code: o.code, name: o.name, gender: o.gender })),
      posts: posts.map((p) => {
        const holder = holders.get(p.id);
        return {
          id: p.id,
          code: p.code,
          unitCode: codeOfUnit.get(p.unitId)!,
          title: p.title,
          rank: p.rank,
          holderCode: holder ? (codeOfOfficial.get(holder.officialId) ?? null) : null,
          holderSince: holder ? String(holder.startDate).slice(0, 10) : null,
        };
      }),
      duties: duties.map((d) => ({
        postCode: codeOfPost.get(d.postId)!,
        matterName: nameOfMatter.get(d.matterId)!,
        coveredUnitCodes: (covered.get(d.id) ?? []).map((id) => codeOfUnit.get(id)!).filter(Boolean),
      })),
      matterNames: matters.map((m) => m.name),
    };
  }

  // --- Units ---------------------------------------------------------------------------------------

  findUnitCodes(manager: EntityManager): Promise<CodedId[]> {
    return manager.getRepository(Unit).find({ select: { id: true, code: true } });
  }

  async updateUnit(manager: EntityManager, id: number, values: UnitSheetValues): Promise<void> {
    await manager.getRepository(Unit).update({ id }, values);
  }

  /** A new unit, placed after the existing ones (`sortOrder`); its path is set by recomputeUnitPaths. */
  async insertUnit(
    manager: EntityManager,
    values: UnitSheetValues & { code: string; sortOrder: number },
  ): Promise<number> {
    const inserted = await manager.getRepository(Unit).insert({ ...values, path: '/' });
    return Number(inserted.identifiers[0]!.id);
  }

  /** Materialised paths from the root down, after parents may have changed. */
  async recomputeUnitPaths(manager: EntityManager): Promise<void> {
    const units = await manager.getRepository(Unit).find();
    const children = new Map<number | null, Unit[]>();
    for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    const queue: Array<[Unit, string]> = (children.get(null) ?? []).map((u) => [u, `/${u.id}/`]);
    while (queue.length > 0) {
      const [unit, path] = queue.shift()!;
      if (unit.path !== path) await manager.getRepository(Unit).update({ id: unit.id }, { path });
      for (const child of children.get(unit.id) ?? []) queue.push([child, `${path}${child.id}/`]);
    }
  }

  // --- Officials -----------------------------------------------------------------------------------

  findOfficialCodes(manager: EntityManager): Promise<CodedId[]> {
    return manager.getRepository(Official).find({ select: { id: true, code: true } });
  }

  async updateOfficial(manager: EntityManager, id: number, values: Pick<Official, 'name' | 'gender'>) {
    await manager.getRepository(Official).update({ id }, values);
  }

  async insertOfficial(manager: EntityManager, values: Pick<Official, 'code' | 'name' | 'gender'>) {
    return Number((await manager.getRepository(Official).insert(values)).identifiers[0]!.id);
  }

  // --- Posts and their holders ---------------------------------------------------------------------

  findPostCodes(manager: EntityManager): Promise<CodedId[]> {
    return manager.getRepository(Post).find({ select: { id: true, code: true } });
  }

  async updatePost(manager: EntityManager, id: number, values: PostSheetValues): Promise<void> {
    await manager.getRepository(Post).update({ id }, values);
  }

  async insertPost(manager: EntityManager, values: PostSheetValues & { code: string }): Promise<number> {
    return Number((await manager.getRepository(Post).insert(values)).identifiers[0]!.id);
  }

  /** The memberships of a post that have not ended: its current holder(s). */
  findOpenMemberships(manager: EntityManager, postId: number): Promise<Membership[]> {
    return manager.getRepository(Membership).findBy({ postId, endDate: IsNull() });
  }

  async endMemberships(manager: EntityManager, ids: number[], endDate: string): Promise<void> {
    await manager.getRepository(Membership).update({ id: In(ids) }, { endDate });
  }

  async insertMembership(
    manager: EntityManager,
    values: { officialId: number; postId: number; startDate: string },
  ): Promise<void> {
    await manager.getRepository(Membership).insert({ ...values, endDate: null });
  }

  // --- Duties --------------------------------------------------------------------------------------

  findMatterNames(manager: EntityManager): Promise<Array<Pick<Matter, 'id' | 'name'>>> {
    return manager.getRepository(Matter).find({ select: { id: true, name: true } });
  }

  /** The duty of this post for this matter, added when missing. */
  async findOrInsertDuty(manager: EntityManager, postId: number, matterId: number): Promise<Duty> {
    const duties = manager.getRepository(Duty);
    const duty = await duties.findOneBy({ postId, matterId });
    if (duty) return duty;
    await duties.insert({ postId, matterId });
    return (await duties.findOneBy({ postId, matterId }))!;
  }

  /** The units a duty covers become exactly `unitIds`. */
  async replaceDutyUnits(manager: EntityManager, dutyId: number, unitIds: number[]): Promise<void> {
    await manager.getRepository(DutyUnit).delete({ dutyId });
    if (unitIds.length > 0) {
      await manager.getRepository(DutyUnit).insert(unitIds.map((unitId) => ({ dutyId, unitId })));
    }
  }
}
