import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  MyTickets,
  Page,
  PublicTicket,
  SimilarTicket,
  TicketCreated,
  TicketFigures,
  TicketFollowState,
  TicketInbox,
  TicketReportResult,
  TicketStatusView,
  TicketView,
} from '@jinri/shared';
import { ClientAddressHash, ClientIp } from '../../common/http/client-address';
import { IdempotencyKey } from '../../common/http/idempotency-key';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import {
  AssignDto,
  ExtensionDecisionDto,
  ExtensionDto,
  InboxQueryDto,
  ModerateDto,
  PageQueryDto,
  PublicQueryDto,
  QueryCodeParamDto,
  RateDto,
  ReplyDto,
  ReportDto,
  ResolveDto,
  SensitiveWordsDto,
  SimilarQueryDto,
  TicketCreateDto,
  TransferDto,
  VersionDto,
  WithdrawDto,
} from './dto/tickets.dto';
import { ModerationService } from './moderation.service';
import { TicketReportsService } from './ticket-reports.service';
import { TicketCommandsService } from './ticket-commands.service';
import { TicketQueriesService } from './ticket-queries.service';
import { TicketSubmissionService } from './ticket-submission.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class TicketsController {
  constructor(
    private readonly submissions: TicketSubmissionService,
    private readonly commands: TicketCommandsService,
    private readonly queries: TicketQueriesService,
    private readonly moderation: ModerationService,
    private readonly reports: TicketReportsService,
  ) {}

  /** 201 for a new ticket; 200 with the same ticket when the Idempotency-Key was seen before. */
  @Post('tickets')
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: TicketCreateDto,
    @IdempotencyKey() key: string,
    @ClientAddressHash() ipHash: string | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketCreated> {
    const { created, replayed } = await this.submissions.create(user, body, key, ipHash);
    response.status(replayed ? 200 : 201);
    return created;
  }

  @Get('tickets/similar')
  similar(
    @Query() query: SimilarQueryDto,
    @OptionalUser() user: AuthUser | undefined,
  ): Promise<SimilarTicket[]> {
    return this.submissions.similar(query, query.content, user?.userId);
  }

  @Get('tickets/mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<MyTickets> {
    return this.queries.mine(user, query.page);
  }

  @Get('tickets/inbox')
  inbox(@CurrentUser() user: AuthUser, @Query() query: InboxQueryDto): Promise<TicketInbox> {
    return this.queries.inbox(user, query.filter, query.page);
  }

  @Get('tickets/following')
  following(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<PublicTicket>> {
    return this.queries.following(user, query.page);
  }

  @Get('tickets/public')
  publicTickets(@Query() query: PublicQueryDto): Promise<Page<PublicTicket>> {
    return this.queries.publicTickets(query, query.page);
  }

  @Get('tickets/lookup/:queryCode')
  lookup(
    @Param() params: QueryCodeParamDto,
    @OptionalUser() user: AuthUser | undefined,
    @ClientIp() ip: string | undefined,
  ): Promise<TicketStatusView> {
    return this.queries.lookup(params.queryCode, { ip, userId: user?.userId });
  }

  @Get('tickets/:id')
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<TicketView> {
    return this.queries.get(user, params.id);
  }

  @Post('tickets/:id/acknowledge')
  @HttpCode(200)
  acknowledge(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: VersionDto,
  ): Promise<TicketView> {
    return this.commands.acknowledge(user, params.id, body.version);
  }

  @Post('tickets/:id/reply')
  @HttpCode(200)
  reply(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ReplyDto,
  ): Promise<TicketView> {
    return this.commands.reply(user, params.id, body);
  }

  @Post('tickets/:id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ResolveDto,
  ): Promise<TicketView> {
    return this.commands.resolve(user, params.id, body);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  transfer(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: TransferDto,
  ): Promise<TicketView> {
    return this.commands.transfer(user, params.id, body);
  }

  @Post('tickets/:id/assign')
  @HttpCode(200)
  assign(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: AssignDto,
  ): Promise<TicketView> {
    return this.commands.assign(user, params.id, body);
  }

  @Post('tickets/:id/extension')
  @HttpCode(200)
  extension(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ExtensionDto,
  ): Promise<TicketView> {
    return this.commands.requestExtension(user, params.id, body);
  }

  @Post('tickets/:id/extension/decide')
  @HttpCode(200)
  decideExtension(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ExtensionDecisionDto,
  ): Promise<TicketView> {
    return this.commands.decideExtension(user, params.id, body);
  }

  @Post('tickets/:id/rate')
  @HttpCode(200)
  rate(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: RateDto,
  ): Promise<TicketView> {
    return this.commands.rate(user, params.id, body);
  }

  @Post('tickets/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: WithdrawDto,
  ): Promise<TicketView> {
    return this.commands.withdraw(user, params.id, body);
  }

  @Post('tickets/:id/moderate')
  @HttpCode(200)
  moderate(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ModerateDto,
  ): Promise<TicketView> {
    return this.commands.moderate(user, params.id, body);
  }

  /** 举报 a public comment or its answer: 200 whether new or already reported by this user. */
  @Post('tickets/:id/report')
  @HttpCode(200)
  report(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ReportDto,
  ): Promise<TicketReportResult> {
    return this.reports.report(user, params.id, body);
  }

  @Post('tickets/:id/follow')
  @HttpCode(200)
  follow(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<TicketFollowState> {
    return this.commands.follow(user, params.id);
  }

  @Delete('tickets/:id/follow')
  unfollow(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<TicketFollowState> {
    return this.commands.unfollow(user, params.id);
  }

  @Get('officials/:id/ticket-figures')
  officialFigures(@Param() params: IdParamDto): Promise<TicketFigures> {
    return this.queries.figuresOfOfficial(params.id);
  }

  @Get('units/:id/ticket-figures')
  unitFigures(@Param() params: IdParamDto): Promise<TicketFigures> {
    return this.queries.figuresOfUnit(params.id);
  }

  @Get('admin/sensitive-words')
  words(@CurrentUser() user: AuthUser): Promise<Array<{ unitId: number; word: string }>> {
    return this.moderation.listWords(user);
  }

  @Put('admin/sensitive-words')
  replaceWords(
    @CurrentUser() user: AuthUser,
    @Body() body: SensitiveWordsDto,
  ): Promise<Array<{ unitId: number; word: string }>> {
    return this.moderation.replaceWords(user, body.unitId, body.words);
  }
}
