import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, SpotCheckCandidate, SpotCheckSampleView, SpotCheckView } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import {
  SpotCheckCandidatesQueryDto,
  SpotCheckDto,
  SpotCheckSampleDto,
  SpotChecksQueryDto,
} from './dto/spot-checks.dto';
import { SpotChecksService } from './spot-checks.service';

/** 抽查: today's candidates, recorded random samples, and the visits (supervisors and admins). */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class SpotChecksController {
  constructor(private readonly spotChecks: SpotChecksService) {}

  @Get('supervision/spot-check-candidates')
  candidates(
    @CurrentUser() user: AuthUser,
    @Query() query: SpotCheckCandidatesQueryDto,
  ): Promise<SpotCheckCandidate[]> {
    return this.spotChecks.candidates(user, query);
  }

  @Post('supervision/spot-check-samples')
  sample(@CurrentUser() user: AuthUser, @Body() body: SpotCheckSampleDto): Promise<SpotCheckSampleView> {
    return this.spotChecks.sample(user, body);
  }

  @Get('supervision/spot-check-samples/:id')
  getSample(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<SpotCheckSampleView> {
    return this.spotChecks.getSample(user, params.id);
  }

  @Post('supervision/spot-checks')
  record(@CurrentUser() user: AuthUser, @Body() body: SpotCheckDto): Promise<SpotCheckView> {
    return this.spotChecks.record(user, body);
  }

  @Get('supervision/spot-checks')
  list(@CurrentUser() user: AuthUser, @Query() query: SpotChecksQueryDto): Promise<Page<SpotCheckView>> {
    return this.spotChecks.list(user, query);
  }

  @Get('supervision/spot-checks/:id')
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<SpotCheckView> {
    return this.spotChecks.get(user, params.id);
  }
}
