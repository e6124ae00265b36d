import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SupervisionSummary, SupervisionTrend } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { SummaryQueryDto, TrendQueryDto } from './dto/workbench.dto';
import { WorkbenchService } from './workbench.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get('supervision/summary')
  summary(@CurrentUser() user: AuthUser, @Query() query: SummaryQueryDto): Promise<SupervisionSummary> {
    return this.workbench.summary(user, query);
  }

  @Get('supervision/trend')
  trend(@CurrentUser() user: AuthUser, @Query() query: TrendQueryDto): Promise<SupervisionTrend> {
    return this.workbench.trend(user, query);
  }
}
