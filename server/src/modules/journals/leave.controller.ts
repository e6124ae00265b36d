import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LeaveView, WeeklyReportView } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import { LeaveDto, LeaveQueryDto, WeeklyParamsDto, WeeklyReportDto } from './dto/journals.dto';
import { LeaveService } from './leave.service';
import { WeeklyReportsService } from './weekly-reports.service';

@ApiTags('leave and weekly reports')
@ApiBearerAuth()
@Controller()
export class LeaveController {
  constructor(
    private readonly leave: LeaveService,
    private readonly weekly: WeeklyReportsService,
  ) {}

  @Post('leaves')
  request(@CurrentUser() user: AuthUser, @Body() body: LeaveDto): Promise<LeaveView> {
    return this.leave.request(user, body);
  }

  @Get('leaves')
  list(@CurrentUser() user: AuthUser, @Query() query: LeaveQueryDto): Promise<LeaveView[]> {
    return this.leave.list(user, query.status);
  }

  @Post('leaves/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<LeaveView> {
    return this.leave.decide(user, params.id, 'approved');
  }

  @Post('leaves/:id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<LeaveView> {
    return this.leave.decide(user, params.id, 'rejected');
  }

  @Post('leaves/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<LeaveView> {
    return this.leave.cancel(user, params.id);
  }

  @Put('weekly-reports/:officialId/:weekStart')
  saveWeekly(
    @CurrentUser() user: AuthUser,
    @Param() params: WeeklyParamsDto,
    @Body() body: WeeklyReportDto,
  ): Promise<WeeklyReportView> {
    return this.weekly.save(user, params.officialId, params.weekStart, body);
  }

  @Get('weekly-reports/:officialId/:weekStart')
  weeklyReport(@Param() params: WeeklyParamsDto): Promise<WeeklyReportView> {
    return this.weekly.get(params.officialId, params.weekStart);
  }
}
