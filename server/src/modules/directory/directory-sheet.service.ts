import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { DIRECTORY_CACHE } from './directory-versions';
import type { DirectoryData } from './directory-sheet';
import { buildDirectoryWorkbook } from './directory-sheet.export';
import { parseDirectoryWorkbook } from './directory-sheet.import';
import { type CodedId, DirectorySheetRepository } from './directory-sheet.repository';
import { DirectoryRepository } from './directory.repository';
import type { Unit } from './unit.entity';

export const MAX_DIRECTORY_SHEET_BYTES = 5 * 1024 * 1024;

export interface DirectoryImportResult {
  units: number;
  officials: number;
  posts: number;
  handovers: number;
  duties: number;
}

/**
 * The whole directory as a spreadsheet and back: an admin of the whole jurisdiction exports, edits
 * in Excel/WPS and imports; every row must be valid or nothing is written (one transaction). Rows
 * are matched by code; nothing is deleted; a new holder of a post ends the previous membership the
 * day before (history kept) and duties stay with the post.
 */
@Injectable()
export class DirectorySheetService {
  constructor(
    private readonly repository: DirectorySheetRepository,
    private readonly directory: DirectoryRepository,
    private readonly versions: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Only an admin whose jurisdiction is the root may rewrite the tree from a file. */
  private async root(admin: AuthUser): Promise<Unit> {
    const root = await this.directory.findRootUnit();
    if (!root || !admin.grants.some((g) => g.role === 'admin' && g.unitPath === root.path)) {
      throw new AppException('AUTH.OUT_OF_SCOPE', '只有全县（本级）管理员可以导入导出整个名录');
    }
    return root;
  }

  current(): Promise<DirectoryData> {
    return this.repository.findDirectory();
  }

  async export(admin: AuthUser): Promise<{ filename: string; file: Buffer }> {
    const root = await this.root(admin);
    const file = await buildDirectoryWorkbook(await this.current(), root.name);
    return { filename: `名录-${root.name}-${localDate(this.clock.now())}.xlsx`, file };
  }

  async import(admin: AuthUser, file: Buffer | undefined): Promise<DirectoryImportResult> {
    await this.root(admin);
    if (!file || file.length === 0)
      throw new AppException('COMMON.VALIDATION_FAILED', '请选择要上传的表格', [
        { field: 'file', reasons: ['required'] },
      ]);
    if (file.length > MAX_DIRECTORY_SHEET_BYTES)
      throw new AppException('COMMON.PAYLOAD_TOO_LARGE', '表格太大（最大 5MB）');
    const today = localDate(this.clock.now());
    const current = await this.current();
    const parsed = await parseDirectoryWorkbook(file, current, { today });
    if (!parsed.ok)
      throw new AppException(
        'PLAN.SHEET_INVALID',
        '表格有误，未导入任何内容，请按提示修改后重新上传',
        parsed.errors,
      );
    const result = await this.repository.transaction((manager) => this.apply(manager, parsed.data, today));
    await this.versions.bump(DIRECTORY_CACHE);
    return result;
  }

  private async apply(
    manager: EntityManager,
    data: Omit<DirectoryData, 'matterNames'>,
    today: string,
  ): Promise<DirectoryImportResult> {
    const repository = this.repository;
    const key = (code: string) => code.toLowerCase();
    const idsByCode = (rows: CodedId[]) => new Map(rows.map((row) => [key(row.code), row.id]));
    const unitIds = idsByCode(await repository.findUnitCodes(manager));
    // Parents first: a unit is written once its parent has an id.
    const pending = [...data.units];
    let written = 0;
    while (pending.length > 0) {
      const ready = pending.filter((u) => u.parentCode === null || unitIds.has(key(u.parentCode)));
      if (ready.length === 0) throw new AppException('PLAN.SHEET_INVALID', '单位的上级关系有误', []);
      for (const u of ready) {
        const values = {
          name: u.name,
          kind: u.kind,
          parentId: u.parentCode === null ? null : unitIds.get(key(u.parentCode))!,
          officeHours: u.officeHours,
          address: u.address,
        };
        const id = unitIds.get(key(u.code));
        if (id !== undefined) await repository.updateUnit(manager, id, values);
        else {
          const sortOrder = 10_000 + written;
          unitIds.set(
            key(u.code),
            await repository.insertUnit(manager, { ...values, code: u.code, sortOrder }),
          );
        }
        written += 1;
        pending.splice(pending.indexOf(u), 1);
      }
    }
    await repository.recomputeUnitPaths(manager);

    const officialIds = idsByCode(await repository.findOfficialCodes(manager));
    for (const o of data.officials) {
      const id = officialIds.get(key(o.code));
      const values = { name: o.name, gender: o.gender };
      if (id !== undefined) await repository.updateOfficial(manager, id, values);
      else
        officialIds.set(key(o.code), await repository.insertOfficial(manager, { ...values, code: o.code }));
    }

    const postIds = idsByCode(await repository.findPostCodes(manager));
    let handovers = 0;
    for (const p of data.posts) {
      const values = { unitId: unitIds.get(key(p.unitCode))!, title: p.title, rank: p.rank };
      let id = postIds.get(key(p.code));
      if (id !== undefined) await repository.updatePost(manager, id, values);
      else {
        id = await repository.insertPost(manager, { ...values, code: p.code });
        postIds.set(key(p.code), id);
      }
      const holders = await repository.findOpenMemberships(manager, id);
      const holderId = p.holderCode ? officialIds.get(key(p.holderCode))! : null;
      if (holderId !== null && holders.some((m) => m.officialId === holderId)) continue;
      if (holderId === null && holders.length === 0) continue;
      const start = holderId === null ? today : (p.holderSince ?? today);
      if (holders.length > 0) {
        await repository.endMemberships(
          manager,
          holders.map((m) => m.id),
          addDays(start, -1),
        );
      }
      if (holderId !== null) {
        await repository.insertMembership(manager, { officialId: holderId, postId: id, startDate: start });
      }
      handovers += 1;
    }

    const matterIds = new Map((await repository.findMatterNames(manager)).map((m) => [m.name, m.id]));
    for (const d of data.duties) {
      const postId = postIds.get(key(d.postCode))!;
      const matterId = matterIds.get(d.matterName);
      // The sheet was checked against the matters before this transaction began: one renamed or
      // removed since then is a conflict (and the throw rolls everything back), not a 500.
      if (matterId === undefined)
        throw new AppException(
          'COMMON.CONFLICT',
          `事项「${d.matterName}」刚被修改或删除，未导入任何内容，请重新导出后再导入`,
        );
      const duty = await repository.findOrInsertDuty(manager, postId, matterId);
      const covered = [...new Set(d.coveredUnitCodes.map((c) => unitIds.get(key(c))!))];
      await repository.replaceDutyUnits(manager, duty.id, covered);
    }
    return {
      units: data.units.length,
      officials: data.officials.length,
      posts: data.posts.length,
      handovers,
      duties: data.duties.length,
    };
  }
}
