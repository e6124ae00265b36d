import type { DataSource, EntityManager } from 'typeorm';
import { retriedTransaction } from '../contention';
import { Duty } from '../../modules/directory/duty.entity';
import { DutyUnit } from '../../modules/directory/duty-unit.entity';
import { Matter } from '../../modules/directory/matter.entity';
import { Membership } from '../../modules/directory/membership.entity';
import { Official } from '../../modules/directory/official.entity';
import { Post } from '../../modules/directory/post.entity';
import { Unit } from '../../modules/directory/unit.entity';
import { buildDemoCounty } from './demo-county.data';
import { demoDeputies } from './demo-deputies';
import type { DemoCounty } from './demo-county.types';

export interface SeedResult {
  skipped: boolean;
  units: number;
  officials: number;
  posts: number;
  matters: number;
  duties: number;
}

const CHUNK = 200;

async function insertChunked<T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: Partial<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.insert(target, rows.slice(i, i + CHUNK) as never);
  }
}

/** Looks up ids of rows just inserted, by their stable code. */
async function idsByCode(
  manager: EntityManager,
  target: typeof Unit | typeof Official | typeof Post | typeof Matter,
) {
  const rows: Array<{ id: number; code: string }> = await manager
    .createQueryBuilder(target, 't')
    .select(['t.id AS id', 't.code AS code'])
    .getRawMany();
  return new Map(rows.map((row) => [row.code, Number(row.id)]));
}

/**
 * Inserts the demo county in one transaction. Idempotent: when the county already exists nothing is
 * written (a second start reuses the data), and unique codes make a concurrent second seed fail
 * instead of duplicating rows.
 */
export async function seedDemoCounty(
  dataSource: DataSource,
  county: DemoCounty = buildDemoCounty(),
): Promise<SeedResult> {
  const root = county.units.find((unit) => !unit.parentKey);
  if (!root) throw new Error('The demo county has no root unit');
  const existing = await dataSource.getRepository(Unit).countBy({ code: root.key });
  if (existing > 0) return { skipped: true, units: 0, officials: 0, posts: 0, matters: 0, duties: 0 };

  // Rerun whole on a lost lock race or certification: everything it keeps is made inside.
  await retriedTransaction(dataSource, async (manager) => {
    // Units: parents before children, so every parent id is known when a child is inserted.
    const unitIds = new Map<string, number>();
    const paths = new Map<string, string>();
    const pending = [...county.units];
    let order = 0;
    while (pending.length > 0) {
      const ready = pending.filter((unit) => !unit.parentKey || unitIds.has(unit.parentKey));
      if (ready.length === 0) throw new Error('The demo county has units whose parent is missing');
      for (const unit of ready) {
        const parentId = unit.parentKey ? unitIds.get(unit.parentKey)! : null;
        const result = await manager.insert(Unit, {
          code: unit.key,
          name: unit.name,
          kind: unit.kind,
          parentId,
          sortOrder: order++,
          officeHours: unit.officeHours ?? null,
          address: unit.address ?? null,
        });
        const id = Number(result.identifiers[0]!.id);
        const path = `${unit.parentKey ? paths.get(unit.parentKey)! : '/'}${id}/`;
        await manager.update(Unit, { id }, { path });
        unitIds.set(unit.key, id);
        paths.set(unit.key, path);
        pending.splice(pending.indexOf(unit), 1);
      }
    }

    await insertChunked(
      manager,
      Official,
      county.officials.map((o) => ({ code: o.key, name: o.name, gender: o.gender })),
    );
    await insertChunked(
      manager,
      Post,
      county.posts.map((p) => ({
        code: p.key,
        unitId: unitIds.get(p.unitKey)!,
        title: p.title,
        rank: p.rank,
      })),
    );
    const officialIds = await idsByCode(manager, Official);
    const postIds = await idsByCode(manager, Post);
    await insertChunked(
      manager,
      Membership,
      county.memberships.map((m) => ({
        officialId: officialIds.get(m.officialKey)!,
        postId: postIds.get(m.postKey)!,
        startDate: m.startDate,
        endDate: null,
      })),
    );
    // 岗位AB角: each post that handles a matter names a colleague who stands in during leave.
    for (const deputy of demoDeputies(county))
      await manager.update(
        Post,
        { id: postIds.get(deputy.postKey)! },
        { deputyOfficialId: officialIds.get(deputy.deputyOfficialKey)! },
      );
    await insertChunked(
      manager,
      Matter,
      county.matters.map((m) => ({
        code: m.key,
        name: m.name,
        category: m.category,
        keywords: m.keywords,
        synonyms: m.synonyms,
        materials: m.materials,
        whereToGo: m.whereToGo,
        officeHours: m.officeHours,
        legalBasis: m.legalBasis ?? null,
        departmentId: unitIds.get(m.departmentKey)!,
      })),
    );
    const matterIds = await idsByCode(manager, Matter);
    for (const duty of county.duties) {
      const result = await manager.insert(Duty, {
        postId: postIds.get(duty.postKey)!,
        matterId: matterIds.get(duty.matterKey)!,
      });
      const dutyId = Number(result.identifiers[0]!.id);
      await insertChunked(
        manager,
        DutyUnit,
        duty.coveredUnitKeys.map((key) => ({ dutyId, unitId: unitIds.get(key)! })),
      );
    }
  });

  return {
    skipped: false,
    units: county.units.length,
    officials: county.officials.length,
    posts: county.posts.length,
    matters: county.matters.length,
    duties: county.duties.length,
  };
}
