import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { DIRECTORY_CACHE } from './directory-versions';
import { type DirectoryData, buildDirectoryWorkbook, parseDirectoryWorkbook } from './directory-sheet';
import { Duty } from './duty.entity';
import { DutyUnit } from './duty-unit.entity';
import { Matter } from './matter.entity';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
import { Post } from './post.entity';
import { Unit } from './unit.entity';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Only an admin whose jurisdiction is the root may rewrite the tree from a file. */
  private async root(admin: AuthUser): Promise<Unit> {
    const root = await this.dataSource
      .getRepository(Unit)
      .findOne({ where: { parentId: IsNull() }, order: { id: 'ASC' } });
    if (!root || !admin.grants.some((g) => g.role === 'admin' && g.unitPath === root.path)) {
      throw new AppException('AUTH.OUT_OF_SCOPE', '只有全县（本级）管理员可以导入导出整个名录');
    }
    return root;
  }

  async current(manager: EntityManager = this.dataSource.manager): Promise<DirectoryData> {
    const units = await manager.getRepository(Unit).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const codeOfUnit = new Map(units.map((u) => [u.id, u.code]));
    const officials = await manager.getRepository(Official).find({ order: { id: 'ASC' } });
    const codeOfOfficial = new Map(officials.map((o) => [o.id, o.code]));
    const posts = await manager.getRepository(Post).find({ order: { id: 'ASC' } });
    const codeOfPost = new Map(posts.map((p) => [p.id, p.code]));
    const holders = new Map<number, Membership>();
    for (const m of await manager
      .getRepository(Membership)
      .find({ where: { endDate: IsNull() }, order: { id: 'ASC' } })) {
      if (!holders.has(m.postId)) holders.set(m.postId, m);
    }
    const matters = await manager.getRepository(Matter).find({ order: { id: 'ASC' } });
    const nameOfMatter = new Map(matters.map((m) => [m.id, m.name]));
    const duties = await manager.getRepository(Duty).find({ order: { id: 'ASC' } });
    const covered = new Map<number, number[]>();
    for (const du of await manager.getRepository(DutyUnit).find())
      covered.set(du.dutyId, [...(covered.get(du.dutyId) ?? []), du.unitId]);
    return {
      units: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentCode: u.parentId === null ? null : (codeOfUnit.get(u.parentId) ?? null),
        officeHours: u.officeHours,
        address: u.address,
      })),
      officials: officials.map((o) => ({ id: o.id, code: o.code, name: o.name, gender: o.gender })),
      posts: posts.map((p) => {
        const holder = holders.get(p.id);
        return {
          id: p.id,
          code: p.code,
          unitCode: codeOfUnit.get(p.unitId)!,
          title: p.title,
          rank: p.rank,
          holderCode: holder ? (codeOfOfficial.get(holder.officialId) ?? null) : null,
          holderSince: holder ? String(holder.startDate).slice(0, 10) : null,
        };
      }),
      duties: duties.map((d) => ({
        postCode: codeOfPost.get(d.postId)!,
        matterName: nameOfMatter.get(d.matterId)!,
        coveredUnitCodes: (covered.get(d.id) ?? []).map((id) => codeOfUnit.get(id)!).filter(Boolean),
      })),
      matterNames: matters.map((m) => m.name),
    };
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
    const result = await this.dataSource.transaction((manager) => this.apply(manager, parsed.data, today));
    await this.versions.bump(DIRECTORY_CACHE);
    return result;
  }

  private async apply(
    manager: EntityManager,
    data: Omit<DirectoryData, 'matterNames'>,
    today: string,
  ): Promise<DirectoryImportResult> {
    const key = (code: string) => code.toLowerCase();
    const units = manager.getRepository(Unit);
    const unitIds = new Map((await units.find()).map((u) => [key(u.code), u.id]));
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
        if (id !== undefined) await units.update({ id }, values);
        else {
          const inserted = await units.insert({
            ...values,
            code: u.code,
            path: '/',
            sortOrder: 10_000 + written,
          });
          unitIds.set(key(u.code), Number(inserted.identifiers[0]!.id));
        }
        written += 1;
        pending.splice(pending.indexOf(u), 1);
      }
    }
    await recomputePaths(manager);

    const officials = manager.getRepository(Official);
    const officialIds = new Map((await officials.find()).map((o) => [key(o.code), o.id]));
    for (const o of data.officials) {
      const id = officialIds.get(key(o.code));
      if (id !== undefined) await officials.update({ id }, { name: o.name, gender: o.gender });
      else
        officialIds.set(
          key(o.code),
          Number(
            (await officials.insert({ code: o.code, name: o.name, gender: o.gender })).identifiers[0]!.id,
          ),
        );
    }

    const posts = manager.getRepository(Post);
    const memberships = manager.getRepository(Membership);
    const postIds = new Map((await posts.find()).map((p) => [key(p.code), p.id]));
    let handovers = 0;
    for (const p of data.posts) {
      const values = { unitId: unitIds.get(key(p.unitCode))!, title: p.title, rank: p.rank };
      let id = postIds.get(key(p.code));
      if (id !== undefined) await posts.update({ id }, values);
      else {
        id = Number((await posts.insert({ ...values, code: p.code })).identifiers[0]!.id);
        postIds.set(key(p.code), id);
      }
      const holders = await memberships.findBy({ postId: id, endDate: IsNull() });
      const holderId = p.holderCode ? officialIds.get(key(p.holderCode))! : null;
      if (holderId !== null && holders.some((m) => m.officialId === holderId)) continue;
      if (holderId === null && holders.length === 0) continue;
      const start = holderId === null ? today : (p.holderSince ?? today);
      if (holders.length > 0)
        await memberships.update({ id: In(holders.map((m) => m.id)) }, { endDate: addDays(start, -1) });
      if (holderId !== null)
        await memberships.insert({ officialId: holderId, postId: id, startDate: start, endDate: null });
      handovers += 1;
    }

    const matterIds = new Map((await manager.getRepository(Matter).find()).map((m) => [m.name, m.id]));
    const duties = manager.getRepository(Duty);
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
      let duty = await duties.findOneBy({ postId, matterId });
      if (!duty) {
        await duties.insert({ postId, matterId });
        duty = (await duties.findOneBy({ postId, matterId }))!;
      }
      await manager.getRepository(DutyUnit).delete({ dutyId: duty.id });
      const covered = [...new Set(d.coveredUnitCodes.map((c) => unitIds.get(key(c))!))];
      if (covered.length > 0)
        await manager.getRepository(DutyUnit).insert(covered.map((unitId) => ({ dutyId: duty.id, unitId })));
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

/** Materialised paths from the root down, after parents may have changed. */
async function recomputePaths(manager: EntityManager): Promise<void> {
  const units = await manager.getRepository(Unit).find();
  const children = new Map<number | null, Unit[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const queue: Array<[Unit, string]> = (children.get(null) ?? []).map((u) => [u, `/${u.id}/`]);
  while (queue.length > 0) {
    const [unit, path] = queue.shift()!;
    if (unit.path !== path) await manager.getRepository(Unit).update({ id: unit.id }, { path });
    for (const child of children.get(unit.id) ?? []) queue.push([child, `${path}${child.id}/`]);
  }
}
