import { Inject, Injectable } from '@nestjs/common';
import { FIELD_CIPHER, type FieldCipher } from '../../common/crypto/field-cipher';
import type { OfficialProfile, UnitChildrenResponse, UnitMemberView, UnitSummary } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversOfficialScope, coversUnit } from '../auth/auth-user';
import { uploadIdOf } from '../uploads/upload-url';
import { UploadsRepository } from '../uploads/uploads.repository';
import { DirectoryRepository } from './directory.repository';
import type { Unit } from './unit.entity';
import type { UpdateOfficialDto } from './dto/official.dto';
import { CurrentFlags } from '../rankings/current-flags';

export type { OfficialProfile, UnitMemberView } from '@jinri/shared';

@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    private readonly uploads: UploadsRepository,
    private readonly flags: CurrentFlags,
  ) {}

  async unitChildren(parentId?: number): Promise<UnitChildrenResponse> {
    const unit =
      parentId === undefined
        ? await this.directory.findRootUnit()
        : await this.directory.findUnitById(parentId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const ancestorIds = unit.path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .filter((id) => id !== unit.id);
    const ancestors = await this.directory.findUnitsByIds(ancestorIds);
    const order = new Map(ancestorIds.map((id, i) => [id, i]));
    const children = await this.directory.findChildren(unit.id);
    const flags = await this.flags.of([unit.id, ...children.map((c) => c.id)]);
    return {
      unit: summary(unit),
      flag: flags.get(unit.id) ?? null,
      ancestors: ancestors.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(summary),
      children: children.map((c) => ({
        ...summary(c),
        childCount: c.childCount,
        flag: flags.get(c.id) ?? null,
      })),
    };
  }

  async officialProfile(id: number, viewer: AuthUser | undefined): Promise<OfficialProfile> {
    const official = await this.directory.findOfficialById(id);
    if (!official) throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
    const posts = await this.directory.findCurrentPosts(id);
    const adminSees =
      viewer !== undefined &&
      official.phoneEnc !== null &&
      coversOfficialScope(viewer, ['admin'], id, await this.directory.findOfficialScopePaths(id));
    return {
      id: official.id,
      name: official.name,
      gender: official.gender,
      photoUrl: official.photoUrl,
      posts: posts.map((p) => ({ title: p.title, unit: { id: p.unitId, name: p.unitName } })),
      phone: adminSees ? this.cipher.decrypt(official.phoneEnc!) : official.phoneMasked,
      duties: await this.directory.findDutiesOfOfficial(id),
    };
  }

  async updateOfficial(user: AuthUser, id: number, changes: UpdateOfficialDto): Promise<OfficialProfile> {
    const official = await this.directory.findOfficialById(id);
    if (!official) throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
    if (
      !coversOfficialScope(
        user,
        ['official', 'clerk', 'admin'],
        id,
        await this.directory.findOfficialScopePaths(id),
      )
    ) {
      throw new AppException('AUTH.OUT_OF_SCOPE');
    }
    if (changes.photoUrl) await this.assertUploaded('photoUrl', changes.photoUrl);
    if (changes.photoUrl !== undefined) await this.directory.updateOfficialPhoto(id, changes.photoUrl);
    return this.officialProfile(id, user);
  }

  /** A photo URL must name a photo uploaded here (the DTO checked the shape; this checks it exists). */
  private async assertUploaded(field: string, url: string): Promise<void> {
    const id = uploadIdOf(url);
    if (id && (await this.uploads.findByIds([id])).has(id)) return;
    throw new AppException('COMMON.VALIDATION_FAILED', '图片不存在，请重新上传', [
      { field, reasons: ['must be a photo uploaded here (the url POST /uploads returned)'] },
    ]);
  }

  /** Everyone in the unit's subtree with whether they have bound WeChat (supervisors, admins). */
  async unitMembers(user: AuthUser, unitId: number): Promise<UnitMemberView[]> {
    const unit = await this.directory.findUnitById(unitId);
    // Out of scope answers like a missing unit: a town-X supervisor learns nothing about town Y.
    if (!unit || !coversUnit(user, ['supervisor', 'admin'], unit.path))
      throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const members = await this.directory.findMembersInSubtree(unit.path);
    const bound = await this.directory.findBoundOfficialIds([...new Set(members.map((m) => m.officialId))]);
    return members.map((m) => ({
      officialId: m.officialId,
      postId: m.postId,
      name: m.name,
      title: m.title,
      unit: { id: m.unitId, name: m.unitName },
      phoneMasked: m.phoneMasked,
      wechatBound: bound.has(m.officialId),
      deputyOfficialId: m.deputyOfficialId,
    }));
  }
}

function summary(unit: Unit): UnitSummary {
  return { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId };
}
