import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  FlagAwardBatch,
  FlagProposal,
  FlagsResponse,
  RankingResponse,
  RankingSettings,
  RankingTrendResponse,
} from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import {
  AwardFlagsDto,
  FlagProposalQueryDto,
  FlagsQueryDto,
  JurisdictionQueryDto,
  RankingSettingsDto,
  RankingsQueryDto,
  RankingTrendQueryDto,
} from './dto/rankings.dto';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@ApiBearerAuth()
@Controller()
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @Get('rankings')
  list(
    @OptionalUser() user: AuthUser | undefined,
    @Query() query: RankingsQueryDto,
  ): Promise<RankingResponse> {
    return this.rankings.rankings(user, query);
  }

  @Get('rankings/trend')
  trend(@Query() query: RankingTrendQueryDto): Promise<RankingTrendResponse> {
    return this.rankings.trend(query);
  }

  @Get('rankings/settings')
  settings(@Query() query: JurisdictionQueryDto): Promise<RankingSettings> {
    return this.rankings.settings(query.jurisdictionId);
  }

  @Put('rankings/settings')
  saveSettings(
    @CurrentUser() user: AuthUser,
    @Query() query: JurisdictionQueryDto,
    @Body() body: RankingSettingsDto,
  ): Promise<RankingSettings> {
    return this.rankings.saveSettings(user, query.jurisdictionId, body);
  }

  @Get('flags/proposal')
  proposal(@CurrentUser() user: AuthUser, @Query() query: FlagProposalQueryDto): Promise<FlagProposal> {
    return this.rankings.proposal(user, query);
  }

  @Post('flags')
  award(@CurrentUser() user: AuthUser, @Body() body: AwardFlagsDto): Promise<FlagAwardBatch> {
    return this.rankings.award(user, body);
  }

  @Get('flags')
  flags(@Query() query: FlagsQueryDto): Promise<FlagsResponse> {
    return this.rankings.flags(query.unitId);
  }
}
