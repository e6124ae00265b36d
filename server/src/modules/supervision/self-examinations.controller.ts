import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, SelfExamView } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import { DecideSelfExamDto, SelfExamsQueryDto, SubmitSelfExamDto } from './dto/notices.dto';
import { type SelfExamDetail, SelfExaminationsService } from './self-examinations.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/self-examinations')
export class SelfExaminationsController {
  constructor(private readonly exams: SelfExaminationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: SelfExamsQueryDto): Promise<Page<SelfExamView>> {
    return this.exams.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<SelfExamDetail> {
    return this.exams.get(user, params.id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: SubmitSelfExamDto,
  ): Promise<SelfExamDetail> {
    return this.exams.submit(user, params.id, body);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: DecideSelfExamDto,
  ): Promise<SelfExamDetail> {
    return this.exams.accept(user, params.id, body);
  }

  @Post(':id/return')
  @HttpCode(200)
  return(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: DecideSelfExamDto,
  ): Promise<SelfExamDetail> {
    return this.exams.return(user, params.id, body);
  }
}
