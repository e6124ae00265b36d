import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  OPEN311_LIMITS,
  type Open311KeyCreated,
  type Open311KeyCreateRequest,
  type Open311KeyView,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversUnit, scopePaths } from '../auth/auth-user';
import type { Open311ApiKey } from './open311-api-key.entity';
import { Open311Repository } from './open311.repository';

/** Integrators' API keys: an admin creates one for a county in their scope, lists and revokes them. */
@Injectable()
export class Open311KeysService {
  constructor(
    private readonly repository: Open311Repository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(admin: AuthUser): Promise<Open311KeyView[]> {
    return (await this.repository.findKeysInSubtrees(scopePaths(admin, ['admin']))).map(toView);
  }

  /** The key is returned this once; only its SHA-256 is kept. */
  async create(admin: AuthUser, input: Open311KeyCreateRequest): Promise<Open311KeyCreated> {
    const unit = await this.repository.findUnit(input.jurisdictionUnitId);
    if (!unit || unit.kind !== 'county')
      throw new AppException('COMMON.VALIDATION_FAILED', 'jurisdictionUnitId: not a county', [
        { field: 'jurisdictionUnitId', reasons: ['must be a county (a jurisdiction)'] },
      ]);
    if (!coversUnit(admin, ['admin'], unit.path)) throw new AppException('AUTH.OUT_OF_SCOPE');
    const apiKey = `o311_${randomBytes(20).toString('hex')}`;
    const id = await this.repository.insertKey(
      {
        name: input.name,
        prefix: apiKey.slice(5, 17),
        keyHash: createHash('sha256').update(apiKey, 'utf8').digest('hex'),
        jurisdictionUnitId: unit.id,
        ratePerHour: input.ratePerHour ?? OPEN311_LIMITS.ratePerHourDefault,
        createdByUserId: admin.userId,
      },
      this.clock.now(),
    );
    return { ...toView((await this.repository.findKey(id))!), apiKey };
  }

  async revoke(admin: AuthUser, id: number): Promise<Open311KeyView> {
    const key = await this.repository.findKey(id);
    if (!key || !coversUnit(admin, ['admin'], key.jurisdictionUnit.path))
      throw new AppException('OPEN311.API_KEY_NOT_FOUND');
    await this.repository.revokeKey(id, admin.userId, this.clock.now());
    return toView((await this.repository.findKey(id))!);
  }
}

function toView(key: Open311ApiKey): Open311KeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: `o311_${key.prefix}`,
    jurisdictionUnitId: key.jurisdictionUnitId,
    jurisdictionId: key.jurisdictionUnit.code,
    ratePerHour: key.ratePerHour,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}
