import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import { addDays, isValidDate } from '../../common/time/local-time';
import { type AuthUser, coversOfficialScope, coversUnit } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { AdminDirectoryRepository } from './admin-directory.repository';
import { DirectoryRepository } from './directory.repository';
import { countyCounter, DIRECTORY_CACHE } from './directory-versions';
import type { PostDeputyView } from '@jinri/shared';
import type {
  DeputyDto,
  DutyDto,
  HandoverDto,
  MatterDto,
  OfficialCreateDto,
} from './dto/admin-directory.dto';
import type { Matter } from './matter.entity';
import type { Membership } from './membership.entity';
import type { Official } from './official.entity';
import type { Unit } from './unit.entity';

/**
 * Admins maintain matters (with the everyday words residents use), officials, who holds which post
 * (history kept: a handover ends one membership and starts another; duties stay with the post),
 * and duties. Every change is within the admin's jurisdiction and moves the directory version.
 */
@Injectable()
export class AdminDirectoryService {
  constructor(
    private readonly repository: AdminDirectoryRepository,
    private readonly versions: CacheVersionService,
    private readonly directory: DirectoryRepository,
  ) {}

  /**
   * Moves the counters of the counties containing these unit paths, so only their search indexes are
   * rebuilt; a path outside every county moves the whole directory's counter.
   */
  private async changed(paths: string[]): Promise<void> {
    const counties = await this.repository.findCountyPaths();
    const names = new Set<string>();
    for (const path of paths) {
      const county = counties.filter((c) => path.startsWith(c)).sort((a, b) => b.length - a.length)[0];
      if (!county || counties.some((c) => c !== county && c.startsWith(county))) names.add(DIRECTORY_CACHE);
      else names.add(countyCounter(county));
    }
    for (const name of names) await this.versions.bump(name);
  }

  private async unitInScope(admin: AuthUser, unitId: number): Promise<Unit> {
    const unit = await this.directory.findUnitById(unitId);
    if (!unit || !coversUnit(admin, ['admin'], unit.path)) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    return unit;
  }

  async saveMatter(admin: AuthUser, id: number | null, input: MatterDto): Promise<Matter> {
    const department = await this.unitInScope(admin, input.departmentId);
    const clean = (list: string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];
    const values = {
      name: input.name.trim(),
      category: input.category.trim(),
      keywords: clean(input.keywords),
      synonyms: clean(input.synonyms),
      materials: clean(input.materials),
      whereToGo: input.whereToGo.trim(),
      officeHours: input.officeHours.trim(),
      legalBasis: input.legalBasis?.trim() || null,
      departmentId: input.departmentId,
      ackWorkingDays: input.ackWorkingDays ?? null,
      resolveWorkingDays: input.resolveWorkingDays ?? null,
    };
    if (id === null) {
      id = await this.repository.insertMatter({ ...values, code: `matter-${randomUUID()}` });
    } else {
      const existing = await this.repository.findMatterWithDepartment(id);
      if (!existing || !coversUnit(admin, ['admin'], existing.department.path))
        throw new AppException('COMMON.NOT_FOUND', '找不到该事项');
      await this.repository.updateMatter(id, values);
      if (existing.department.path !== department.path) await this.changed([existing.department.path]);
    }
    await this.changed([department.path]);
    return (await this.repository.findMatterById(id))!;
  }

  async createOfficial(admin: AuthUser, input: OfficialCreateDto): Promise<Official> {
    if (!admin.grants.some((g) => g.role === 'admin')) throw new AppException('AUTH.ROLE_REQUIRED');
    // Not searchable until they hold a post: the handover moves the county's counter.
    return this.repository.insertOfficial({
      code: `official-${randomUUID()}`,
      name: input.name.trim(),
      gender: input.gender ?? null,
    });
  }

  /**
   * A new holder for a post: the previous membership ends the day before; nothing is deleted. The
   * admin must cover the post's unit AND the official (see findOfficialScopePaths): otherwise a town
   * admin could hand one of their posts to any official of the county and so take that official
   * over. An official out of scope answers like a missing one.
   */
  async handover(admin: AuthUser, postId: number, input: HandoverDto): Promise<Membership> {
    const post = await this.repository.findPostById(postId);
    if (!post) throw new AppException('COMMON.NOT_FOUND', '找不到该职务');
    const unit = await this.unitInScope(admin, post.unitId);
    if (!isValidDate(input.startDate))
      throw new AppException('COMMON.VALIDATION_FAILED', '日期有误', [
        { field: 'startDate', reasons: ['invalid date'] },
      ]);
    const official = await this.directory.findOfficialById(input.officialId);
    if (
      !official ||
      !coversOfficialScope(
        admin,
        ['admin'],
        official.id,
        await this.directory.findOfficialScopePaths(official.id),
      )
    )
      throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
    // Concurrent handovers can deadlock on MySQL's gap locks: the repository's transaction runs
    // again whole (retriedTransaction).
    const id = await this.repository.transaction(async (manager) => {
      const current = await this.repository.findOpenMembershipsOfPost(postId, manager);
      if (current.some((m) => m.officialId === input.officialId))
        throw new AppException('COMMON.CONFLICT', '该干部已在此职务');
      if (current.some((m) => m.startDate >= input.startDate))
        throw new AppException('COMMON.VALIDATION_FAILED', '交接日期应晚于现任干部的任职日期', [
          { field: 'startDate', reasons: ['before current start'] },
        ]);
      if (current.length > 0)
        await this.repository.endMemberships(
          manager,
          current.map((m) => m.id),
          addDays(input.startDate, -1),
        );
      return this.repository.insertMembership(manager, {
        officialId: input.officialId,
        postId,
        startDate: input.startDate,
        endDate: null,
      });
    });
    await this.changed([unit.path]);
    return (await this.repository.findMembershipById(id))!;
  }

  /**
   * Names (or clears) the acting deputy (代理) of a post. Like a handover, the admin must cover the
   * post's unit AND the deputy (an official out of scope answers like a missing one), so a town admin
   * cannot route another town's tickets to their own people or borrow another town's official.
   */
  async setDeputy(admin: AuthUser, postId: number, input: DeputyDto): Promise<PostDeputyView> {
    const post = await this.repository.findPostById(postId);
    if (!post) throw new AppException('COMMON.NOT_FOUND', '找不到该职务');
    const unit = await this.unitInScope(admin, post.unitId);
    let deputy: Official | null = null;
    if (input.officialId !== null) {
      deputy = await this.directory.findOfficialById(input.officialId);
      if (
        !deputy ||
        !coversOfficialScope(
          admin,
          ['admin'],
          deputy.id,
          await this.directory.findOfficialScopePaths(deputy.id),
        )
      )
        throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
      const holders = await this.repository.findOpenMembershipsOfPost(postId);
      if (holders.some((m) => m.officialId === deputy!.id))
        throw new AppException('COMMON.VALIDATION_FAILED', '代理人不能是该职务的现任干部', [
          { field: 'officialId', reasons: ['holds the post'] },
        ]);
    }
    await this.repository.updatePostDeputy(postId, deputy?.id ?? null);
    await this.changed([unit.path]);
    return { postId, deputy: deputy ? { id: deputy.id, name: deputy.name } : null };
  }

  /** Who handles a matter for which units: replaces the covered units of (post, matter). */
  async saveDuty(admin: AuthUser, input: DutyDto): Promise<{ id: number; coveredUnitIds: number[] }> {
    const post = await this.repository.findPostById(input.postId);
    const matter = await this.repository.findMatterById(input.matterId);
    if (!post || !matter) throw new AppException('COMMON.NOT_FOUND', '找不到该职务或事项');
    const postUnit = await this.unitInScope(admin, post.unitId);
    const units = await this.directory.findUnitsByIds(input.coveredUnitIds);
    if (
      units.length !== new Set(input.coveredUnitIds).size ||
      units.some((u) => !coversUnit(admin, ['admin'], u.path))
    ) {
      throw new AppException('DIRECTORY.UNIT_NOT_FOUND', '所选区域不存在或不在管辖范围内');
    }
    const id = await this.repository.saveDutyUnits(
      input.postId,
      input.matterId,
      units.map((u) => u.id),
    );
    await this.changed([postUnit.path]);
    return { id, coveredUnitIds: units.map((u) => u.id) };
  }
}
