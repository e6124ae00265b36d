import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  DayPlanView,
  DemoPublishResponse,
  EntryUpdateView,
  JournalRules,
  PlanCheckResponse,
  PlanRevisionView,
  TimelineResponse,
} from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import {
  DemoPublishDto,
  EntryUpdateDto,
  JournalRulesDto,
  PlanCheckDto,
  PlanParamsDto,
  RangeQueryDto,
  SavePlanDto,
  TodayQueryDto,
  UnitParamDto,
} from './dto/journals.dto';
import { DemoPublisher } from './demo-publisher';
import { EntryUpdatesService } from './entry-updates.service';
import { JournalRulesAdmin } from './journal-rules.admin';
import { PlansService } from './plans.service';
import { TimelineService } from './timeline.service';
import { respond } from './today-response';
import { TodayService } from './today.service';

@ApiTags('journals')
@Controller()
export class JournalsController {
  constructor(
    private readonly plans: PlansService,
    private readonly today: TodayService,
    private readonly timeline: TimelineService,
    private readonly updates: EntryUpdatesService,
    private readonly rules: JournalRulesAdmin,
    private readonly demo: DemoPublisher,
  ) {}

  /** The published plans of a unit's subtree; strong ETag, 304 on If-None-Match. */
  @Get('today')
  async todayPlans(
    @Query() query: TodayQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const answer = respond(await this.today.today(query.unitId, query.date), { ifNoneMatch, acceptEncoding });
    for (let i = 0; i < answer.headers.length; i += 2)
      res.setHeader(answer.headers[i]!, answer.headers[i + 1]!);
    res.status(answer.status);
    if (answer.body === null) res.end();
    else res.send(answer.body);
  }

  @Get('plans/:officialId/:date')
  plan(@Param() params: PlanParamsDto, @OptionalUser() viewer?: AuthUser): Promise<DayPlanView | null> {
    return this.plans.getPlan(viewer, params.officialId, params.date);
  }

  @Put('plans/:officialId/:date')
  save(
    @CurrentUser() user: AuthUser,
    @Param() params: PlanParamsDto,
    @Body() body: SavePlanDto,
  ): Promise<DayPlanView> {
    return this.plans.savePlan(user, params.officialId, params.date, body);
  }

  @Get('plans/:officialId/:date/revisions')
  revisions(@Param() params: PlanParamsDto, @OptionalUser() viewer?: AuthUser): Promise<PlanRevisionView[]> {
    return this.plans.revisions(viewer, params.officialId, params.date);
  }

  @Post('plans/check')
  @HttpCode(200)
  check(@CurrentUser() user: AuthUser, @Body() body: PlanCheckDto): Promise<PlanCheckResponse> {
    return this.plans.check(user, body);
  }

  @Get('officials/:id/timeline')
  officialTimeline(
    @Param() params: IdParamDto,
    @Query() query: RangeQueryDto,
    @OptionalUser() viewer?: AuthUser,
  ): Promise<TimelineResponse> {
    return this.timeline.timeline(viewer, params.id, query.from, query.to);
  }

  @Post('entries/:id/updates')
  postUpdate(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: EntryUpdateDto,
  ): Promise<EntryUpdateView> {
    return this.updates.post(user, params.id, body);
  }

  /** Demo only (DEMO_LOGIN): publish a date's submitted plans in the caller's scope now, as its 08:00 would. */
  @Post('demo/publish')
  @HttpCode(200)
  demoPublish(@CurrentUser() user: AuthUser, @Body() body: DemoPublishDto): Promise<DemoPublishResponse> {
    return this.demo.publish(user, body.date);
  }

  @Get('journal-rules')
  journalRules(@Query() query: UnitParamDto): Promise<JournalRules> {
    return this.rules.get(query.unitId);
  }

  @Put('admin/journal-rules/:unitId')
  saveJournalRules(
    @CurrentUser() user: AuthUser,
    @Param() params: UnitParamDto,
    @Body() body: JournalRulesDto,
  ): Promise<JournalRules> {
    return this.rules.save(user, params.unitId, body);
  }
}
