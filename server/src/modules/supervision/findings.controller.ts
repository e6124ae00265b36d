import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FindingDetail, FindingsResponse } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import { DecideFindingDto, ExplainFindingDto, FindingsQueryDto } from './dto/findings.dto';
import { FindingsService } from './findings.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Get('supervision/findings')
  list(@CurrentUser() user: AuthUser, @Query() query: FindingsQueryDto): Promise<FindingsResponse> {
    return this.findings.list(user, query);
  }

  @Get('supervision/findings/:id')
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<FindingDetail> {
    return this.findings.get(user, params.id);
  }

  @Post('supervision/findings/:id/explain')
  @HttpCode(200)
  explain(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ExplainFindingDto,
  ): Promise<FindingDetail> {
    return this.findings.explain(user, params.id, body);
  }

  @Post('supervision/findings/:id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: DecideFindingDto,
  ): Promise<FindingDetail> {
    return this.findings.confirm(user, params.id, body);
  }

  @Post('supervision/findings/:id/dismiss')
  @HttpCode(200)
  dismiss(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: DecideFindingDto,
  ): Promise<FindingDetail> {
    return this.findings.dismiss(user, params.id, body);
  }
}
