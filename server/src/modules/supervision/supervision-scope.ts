import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversUnit, scopePaths, type StaffRole } from '../auth/auth-user';
import { DirectoryRepository } from '../directory/directory.repository';

/** Who reads and decides supervision records: the supervision office and the jurisdiction's admins. */
export const SUPERVISORS: StaffRole[] = ['supervisor', 'admin'];

export interface ScopedUnit {
  id: number;
  name: string;
  path: string;
}

/**
 * The scope rules every supervision command shares: a town supervisor sees only the town's subtree,
 * the county office all of it. A unit outside the caller's scope answers 403 AUTH.OUT_OF_SCOPE; a
 * record outside it answers 404 (its existence is not revealed).
 */
@Injectable()
export class SupervisionScope {
  constructor(private readonly directory: DirectoryRepository) {}

  /** The caller's subtree roots as a supervisor or admin (empty for anyone else). */
  paths(user: AuthUser): string[] {
    return scopePaths(user, SUPERVISORS);
  }

  covers(user: AuthUser, unitPath: string): boolean {
    return coversUnit(user, SUPERVISORS, unitPath);
  }

  /**
   * The unit a list or draft is about: the one asked for (which must lie in the caller's scope), or
   * the caller's widest scope root when none is given.
   */
  async unit(user: AuthUser, unitId: number | undefined): Promise<ScopedUnit> {
    if (unitId === undefined) {
      const roots = this.paths(user);
      const root = roots.sort((a, b) => a.length - b.length)[0];
      const id = root ? Number(root.split('/').filter(Boolean).pop()) : NaN;
      const unit = Number.isFinite(id) ? await this.directory.findUnitById(id) : null;
      if (!unit) throw new AppException('AUTH.OUT_OF_SCOPE');
      return { id: unit.id, name: unit.name, path: unit.path };
    }
    const unit = await this.directory.findUnitById(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    if (!this.covers(user, unit.path)) throw new AppException('AUTH.OUT_OF_SCOPE');
    return { id: unit.id, name: unit.name, path: unit.path };
  }
}
