import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { retryOnContention } from '../../database/contention';
import { addDays, isValidDate } from '../../common/time/local-time';
import { type AuthUser, coversOfficialScope, coversUnit } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { DirectoryRepository } from './directory.repository';
import { countyCounter, DIRECTORY_CACHE } from './directory-versions';
import { Duty } from './duty.entity';
import { DutyUnit } from './duty-unit.entity';
import type { PostDeputyView } from '@jinri/shared';
import type {
  DeputyDto,
  DutyDto,
  HandoverDto,
  MatterDto,
  OfficialCreateDto,
} from './dto/admin-directory.dto';
import { Matter } from './matter.entity';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
import { Post } from './post.entity';
import { Unit } from './unit.entity';

/**
 * Admins maintain matters (with the everyday words residents use), officials, who holds which post
 * (history kept: a handover ends one membership and starts another; duties stay with the post),
 * and duties. Every change is within the admin's jurisdiction and moves the directory version.
 */
@Injectable()
export class AdminDirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: CacheVersionService,
    private readonly directory: DirectoryRepository,
  ) {}

  /**
   * Moves the counters of the counties containing these unit paths, so only their search indexes are
   * rebuilt; a path outside every county moves the whole directory's counter.
   */
  private async changed(paths: string[]): Promise<void> {
    const counties = (await this.dataSource.getRepository(Unit).findBy({ kind: 'county' })).map(
      (u) => u.path,
    );
    const names = new Set<string>();
    for (const path of paths) {
      const county = counties.filter((c) => path.startsWith(c)).sort((a, b) => b.length - a.length)[0];
      if (!county || counties.some((c) => c !== county && c.startsWith(county))) names.add(DIRECTORY_CACHE);
      else names.add(countyCounter(county));
    }
    for (const name of names) await this.versions.bump(name);
  }

  private async unitInScope(admin: AuthUser, unitId: number): Promise<Unit> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id: unitId });
    if (!unit || !coversUnit(admin, ['admin'], unit.path)) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    return unit;
  }

  async saveMatter(admin: AuthUser, id: number | null, input: MatterDto): Promise<Matter> {
    const department = await this.unitInScope(admin, input.departmentId);
    const repository = this.dataSource.getRepository(Matter);
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
      const result = await repository.insert({ ...values, code: `matter-${randomUUID()}` });
      id = Number(result.identifiers[0]!.id);
    } else {
      const existing = await repository.findOne({ where: { id }, relations: { department: true } });
      if (!existing || !coversUnit(admin, ['admin'], existing.department.path))
        throw new AppException('COMMON.NOT_FOUND', '找不到该事项');
      await repository.update({ id }, values);
      if (existing.department.path !== department.path) await this.changed([existing.department.path]);
    }
    await this.changed([department.path]);
    return (await repository.findOneBy({ id }))!;
  }

  async createOfficial(admin: AuthUser, input: OfficialCreateDto): Promise<Official> {
    if (!admin.grants.some((g) => g.role === 'admin')) throw new AppException('AUTH.ROLE_REQUIRED');
    const repository = this.dataSource.getRepository(Official);
    const result = await repository.insert({
      code: `official-${randomUUID()}`,
      name: input.name.trim(),
      gender: input.gender ?? null,
    });
    // Not searchable until they hold a post: the handover moves the county's counter.
    return (await repository.findOneBy({ id: Number(result.identifiers[0]!.id) }))!;
  }

  /**
   * A new holder for a post: the previous membership ends the day before; nothing is deleted. The
   * admin must cover the post's unit AND the official (see findOfficialScopePaths): otherwise a town
   * admin could hand one of their posts to any official of the county and so take that official
   * over. An official out of scope answers like a missing one.
   */
  async handover(admin: AuthUser, postId: number, input: HandoverDto): Promise<Membership> {
    const post = await this.dataSource.getRepository(Post).findOneBy({ id: postId });
    if (!post) throw new AppException('COMMON.NOT_FOUND', '找不到该职务');
    const unit = await this.unitInScope(admin, post.unitId);
    if (!isValidDate(input.startDate))
      throw new AppException('COMMON.VALIDATION_FAILED', '日期有误', [
        { field: 'startDate', reasons: ['invalid date'] },
      ]);
    const official = await this.dataSource.getRepository(Official).findOneBy({ id: input.officialId });
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
    // Concurrent handovers can deadlock on MySQL's gap locks: the whole transaction runs again.
    const id = await retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const memberships = manager.getRepository(Membership);
        const current = await memberships.findBy({ postId, endDate: IsNull() });
        if (current.some((m) => m.officialId === input.officialId))
          throw new AppException('COMMON.CONFLICT', '该干部已在此职务');
        if (current.some((m) => m.startDate >= input.startDate))
          throw new AppException('COMMON.VALIDATION_FAILED', '交接日期应晚于现任干部的任职日期', [
            { field: 'startDate', reasons: ['before current start'] },
          ]);
        if (current.length > 0)
          await memberships.update(
            { id: In(current.map((m) => m.id)) },
            { endDate: addDays(input.startDate, -1) },
          );
        const result = await memberships.insert({
          officialId: input.officialId,
          postId,
          startDate: input.startDate,
          endDate: null,
        });
        return Number(result.identifiers[0]!.id);
      }),
    );
    await this.changed([unit.path]);
    return (await this.dataSource.getRepository(Membership).findOneBy({ id }))!;
  }

  /**
   * Names (or clears) the acting deputy (代理) of a post. Like a handover, the admin must cover the
   * post's unit AND the deputy (an official out of scope answers like a missing one), so a town admin
   * cannot route another town's tickets to their own people or borrow another town's official.
   */
  async setDeputy(admin: AuthUser, postId: number, input: DeputyDto): Promise<PostDeputyView> {
    const posts = this.dataSource.getRepository(Post);
    const post = await posts.findOneBy({ id: postId });
    if (!post) throw new AppException('COMMON.NOT_FOUND', '找不到该职务');
    const unit = await this.unitInScope(admin, post.unitId);
    let deputy: Official | null = null;
    if (input.officialId !== null) {
      deputy = await this.dataSource.getRepository(Official).findOneBy({ id: input.officialId });
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
      const holders = await this.dataSource.getRepository(Membership).findBy({ postId, endDate: IsNull() });
      if (holders.some((m) => m.officialId === deputy!.id))
        throw new AppException('COMMON.VALIDATION_FAILED', '代理人不能是该职务的现任干部', [
          { field: 'officialId', reasons: ['holds the post'] },
        ]);
    }
    await posts.update({ id: postId }, { deputyOfficialId: deputy?.id ?? null });
    await this.changed([unit.path]);
    return { postId, deputy: deputy ? { id: deputy.id, name: deputy.name } : null };
  }

  /** Who handles a matter for which units: replaces the covered units of (post, matter). */
  async saveDuty(admin: AuthUser, input: DutyDto): Promise<{ id: number; coveredUnitIds: number[] }> {
    const post = await this.dataSource.getRepository(Post).findOneBy({ id: input.postId });
    const matter = await this.dataSource.getRepository(Matter).findOneBy({ id: input.matterId });
    if (!post || !matter) throw new AppException('COMMON.NOT_FOUND', '找不到该职务或事项');
    const postUnit = await this.unitInScope(admin, post.unitId);
    const units =
      input.coveredUnitIds.length === 0
        ? []
        : await this.dataSource.getRepository(Unit).findBy({ id: In(input.coveredUnitIds) });
    if (
      units.length !== new Set(input.coveredUnitIds).size ||
      units.some((u) => !coversUnit(admin, ['admin'], u.path))
    ) {
      throw new AppException('DIRECTORY.UNIT_NOT_FOUND', '所选区域不存在或不在管辖范围内');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const duties = manager.getRepository(Duty);
      let duty = await duties.findOneBy({ postId: input.postId, matterId: input.matterId });
      if (!duty) {
        await duties.insert({ postId: input.postId, matterId: input.matterId });
        duty = (await duties.findOneBy({ postId: input.postId, matterId: input.matterId }))!;
      }
      await manager.getRepository(DutyUnit).delete({ dutyId: duty.id });
      if (units.length > 0)
        await manager.getRepository(DutyUnit).insert(units.map((u) => ({ dutyId: duty.id, unitId: u.id })));
      return duty.id;
    });
    await this.changed([postUnit.path]);
    return { id, coveredUnitIds: units.map((u) => u.id) };
  }
}
