import { Injectable } from '@nestjs/common';
import type { SupervisionPhoto } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { photoUrls } from '../journals/plan-view';
import { UploadsRepository } from '../uploads/uploads.repository';
import { UploadsService } from '../uploads/uploads.service';
import { SUPERVISION_LIMITS } from '@jinri/shared';

/** Photos attached to explanations, spot checks and self-examinations: the caller's own uploads only. */
@Injectable()
export class SupervisionPhotos {
  constructor(
    private readonly uploads: UploadsService,
    private readonly rows: UploadsRepository,
  ) {}

  /** The ids, checked: at most 9, each uploaded by this user (else 400). */
  async owned(userId: number, ids: string[] | undefined): Promise<string[]> {
    const photoIds = [...new Set(ids ?? [])];
    if (photoIds.length > SUPERVISION_LIMITS.photosMax)
      throw new AppException('COMMON.VALIDATION_FAILED', `最多 ${SUPERVISION_LIMITS.photosMax} 张照片`, [
        { field: 'photoIds', reasons: [`at most ${SUPERVISION_LIMITS.photosMax}`] },
      ]);
    await this.uploads.ownedBy(userId, photoIds);
    return photoIds;
  }

  /** The views of many lists of ids in one query. */
  async views(
    lists: Array<string[] | null | undefined>,
  ): Promise<(ids: string[] | null | undefined) => SupervisionPhoto[]> {
    const all = [...new Set(lists.flatMap((l) => l ?? []))];
    const found = all.length ? await this.rows.findByIds(all) : new Map();
    return (ids) =>
      (ids ?? []).flatMap((id) => {
        const upload = found.get(id);
        return upload ? [photoUrls(upload)] : [];
      });
  }
}
