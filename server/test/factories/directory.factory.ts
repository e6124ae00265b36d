import { randomBytes } from 'node:crypto';
import { Official } from '../../src/modules/directory/official.entity';
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
