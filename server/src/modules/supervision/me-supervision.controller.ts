import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MySupervision } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { FindingsService } from './findings.service';
import { NoticesService } from './notices.service';
import { SelfExaminationsService } from './self-examinations.service';

/** The signed-in official's own supervision records: findings, self-examinations, notices citing them. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('me/supervision')
export class MeSupervisionController {
  constructor(
    private readonly findings: FindingsService,
    private readonly exams: SelfExaminationsService,
    private readonly notices: NoticesService,
  ) {}

  @Get()
  async mine(@CurrentUser() user: AuthUser): Promise<MySupervision> {
    const [findings, selfExaminations, notices] = await Promise.all([
      this.findings.mine(user),
      this.exams.mine(user),
      this.notices.citing(user),
    ]);
    return { findings, selfExaminations, notices };
  }
}
