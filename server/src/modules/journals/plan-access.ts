import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversOfficial, type StaffRole } from '../auth/auth-user';
import { DirectoryRepository } from '../directory/directory.repository';

/** Who may write, or see before publication, an official's journal. */
export const WRITERS: StaffRole[] = ['official', 'clerk', 'admin'];
export const INSIDERS: StaffRole[] = ['official', 'clerk', 'supervisor', 'admin'];
export const APPROVERS: StaffRole[] = ['supervisor', 'admin'];

export interface OfficialContext {
  officialId: number;
  name: string;
  unitPaths: string[];
  /** The unit of the first (head) post: its rules apply. */
  primaryUnitPath: string;
}

@Injectable()
export class PlanAccess {
  constructor(private readonly directory: DirectoryRepository) {}

  async official(officialId: number): Promise<OfficialContext> {
    const official = await this.directory.findOfficialById(officialId);
    const posts = official ? await this.directory.findCurrentPosts(officialId) : [];
    if (!official || posts.length === 0) throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
    return {
      officialId,
      name: official.name,
      unitPaths: posts.map((p) => p.unitPath),
      primaryUnitPath: posts[0]!.unitPath,
    };
  }

  can(user: AuthUser | undefined, roles: StaffRole[], official: OfficialContext): boolean {
    return user !== undefined && coversOfficial(user, roles, official.officialId, official.unitPaths);
  }

  assert(user: AuthUser, roles: StaffRole[], official: OfficialContext): void {
    if (!this.can(user, roles, official)) throw new AppException('AUTH.OUT_OF_SCOPE');
  }

  /** How a change is shown in the public history: never the name of a non-official user. */
  label(user: AuthUser, official: OfficialContext): string {
    if (user.officialId === official.officialId) return '本人';
    if (user.roles.includes('clerk')) return '信息员';
    if (user.roles.includes('admin')) return '管理员';
    return '其他';
  }
}
