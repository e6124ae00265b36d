import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Membership } from '../../src/modules/directory/membership.entity';
import { Official } from '../../src/modules/directory/official.entity';
import { Post } from '../../src/modules/directory/post.entity';
import { Unit } from '../../src/modules/directory/unit.entity';

const code = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

/** An unsaved Unit with sensible defaults; pass what the test cares about. */
export function unitFactory(overrides: Partial<Unit> = {}): Unit {
  return Object.assign(new Unit(), {
    code: code('unit'),
    name: '测试镇',
    kind: 'town',
    parentId: null,
    path: '/',
    sortOrder: 0,
    officeHours: '08:30-12:00,14:30-17:30',
    address: null,
    ...overrides,
  });
}

/** An unsaved Official with an invented name. */
export function officialFactory(overrides: Partial<Official> = {}): Official {
  return Object.assign(new Official(), {
    code: code('official'),
    name: '测试员',
    gender: null,
    photoUrl: null,
    ...overrides,
  });
}

/**
 * A new official holding a new post of a unit from `startDate` (to `endDate`, open when absent): the
 * post, the official and the membership, saved. Returns their ids.
 */
export async function insertMember(
  data: DataSource,
  seed: {
    unitId: number;
    name: string;
    title: string;
    rank: number;
    startDate: string;
    endDate?: string | null;
  },
): Promise<{ officialId: number; postId: number }> {
  return data.transaction(async (manager) => {
    const post = await manager.getRepository(Post).save(
      Object.assign(new Post(), {
        code: code('post'),
        unitId: seed.unitId,
        title: seed.title,
        rank: seed.rank,
        deputyOfficialId: null,
      }),
    );
    const official = await manager.getRepository(Official).save(officialFactory({ name: seed.name }));
    await manager.getRepository(Membership).save(
      Object.assign(new Membership(), {
        officialId: official.id,
        postId: post.id,
        startDate: seed.startDate,
        endDate: seed.endDate ?? null,
      }),
    );
    return { officialId: official.id, postId: post.id };
  });
}

/** A unit saved under `parent` (or as a root), with its materialised path. */
export async function insertUnit(
  data: DataSource,
  overrides: Partial<Unit> = {},
  parent?: Unit,
): Promise<Unit> {
  const repository = data.getRepository(Unit);
  const unit = await repository.save(unitFactory({ parentId: parent?.id ?? null, ...overrides }));
  unit.path = `${parent?.path ?? '/'}${unit.id}/`;
  return repository.save(unit);
}
