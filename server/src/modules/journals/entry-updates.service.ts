import { Inject, Injectable } from '@nestjs/common';
import type { EntryUpdateInput, EntryUpdateView } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { UploadsRepository } from '../uploads/uploads.repository';
import { UploadsService } from '../uploads/uploads.service';
import { JournalsRepository } from './journals.repository';
import { PlanAccess, WRITERS } from './plan-access';
import { updateView } from './plan-view';
import { JOURNALS_CACHE } from './plans.service';

export const MAX_PHOTOS = 9;

/** 一日三晒: progress and results posted on today's entries, with photos. */
@Injectable()
export class EntryUpdatesService {
  constructor(
    private readonly repository: JournalsRepository,
    private readonly access: PlanAccess,
    private readonly uploads: UploadsService,
    private readonly uploadRows: UploadsRepository,
    private readonly cache: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async post(user: AuthUser, entryId: number, input: EntryUpdateInput): Promise<EntryUpdateView> {
    const entry = await this.repository.findEntryById(entryId);
    if (!entry || entry.status !== 'active') throw new AppException('ENTRY.NOT_FOUND');
    const official = await this.access.official(entry.dayPlan.officialId);
    this.access.assert(user, WRITERS, official);
    if (entry.dayPlan.date !== localDate(this.clock.now())) throw new AppException('ENTRY.NOT_TODAY');
    const photoIds = input.photoIds ?? [];
    if (photoIds.length > MAX_PHOTOS)
      throw new AppException('COMMON.VALIDATION_FAILED', `最多 ${MAX_PHOTOS} 张照片`, [
        { field: 'photoIds', reasons: [`at most ${MAX_PHOTOS}`] },
      ]);
    await this.uploads.ownedBy(user.userId, photoIds);
    const saved = await this.repository.insertUpdate({
      planEntryId: entryId,
      kind: input.kind,
      text: input.text.trim(),
      photoIds,
      location: input.location ?? null,
      createdByUserId: user.userId,
    });
    if (entry.dayPlan.status === 'published') await this.cache.bump(JOURNALS_CACHE);
    return updateView(saved, await this.uploadRows.findByIds(photoIds), { includeLocation: true });
  }
}
