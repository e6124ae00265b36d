import { Injectable } from '@nestjs/common';
import type { JournalRules } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversUnit } from '../auth/auth-user';
import { DirectoryRepository } from '../directory/directory.repository';
import { JournalRulesService } from './journal-rules.service';

/** Reading the rules in force for a unit (public: the editor needs the lists) and setting them (admin). */
@Injectable()
export class JournalRulesAdmin {
  constructor(
    private readonly rules: JournalRulesService,
    private readonly directory: DirectoryRepository,
  ) {}

  async get(unitId: number): Promise<JournalRules> {
    const unit = await this.directory.findUnitById(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const { unitId: _owner, unitPath: _path, ...rules } = await this.rules.forUnitPath(unit.path);
    return rules;
  }

  async save(user: AuthUser, unitId: number, rules: JournalRules): Promise<JournalRules> {
    const unit = await this.directory.findUnitById(unitId);
    if (!unit || !coversUnit(user, ['admin'], unit.path)) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    if (rules.entryKinds.length === 0) {
      throw new AppException('COMMON.VALIDATION_FAILED', '至少保留一个工作类别', [
        { field: 'entryKinds', reasons: ['empty'] },
      ]);
    }
    await this.rules.save(unitId, rules);
    return this.get(unitId);
  }
}
