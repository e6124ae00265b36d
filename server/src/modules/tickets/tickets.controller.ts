import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
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
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly moderation: ModerationService,
    private readonly reports: TicketReportsService,
  ) {}

  /** 201 for a new ticket; 200 with the same ticket when the Idempotency-Key was seen before. */
  @Post('tickets')
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: TicketCreateDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketCreated> {
    const { created, replayed } = await this.tickets.create(user, body, key, request.ip);
    response.status(replayed ? 200 : 201);
    return created;
  }

  @Get('tickets/similar')
  similar(
    @Query() query: SimilarQueryDto,
    @OptionalUser() user: AuthUser | undefined,
  ): Promise<SimilarTicket[]> {
    return this.tickets.similar(query, query.content, user?.userId);
  }

  @Get('tickets/mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<MyTickets> {
    return this.tickets.mine(user, query.page);
  }

  @Get('tickets/inbox')
  inbox(@CurrentUser() user: AuthUser, @Query() query: InboxQueryDto): Promise<TicketInbox> {
    return this.tickets.inbox(user, query.filter, query.page);
  }

  @Get('tickets/following')
  following(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<PublicTicket>> {
    return this.tickets.following(user, query.page);
  }

  @Get('tickets/public')
  publicTickets(@Query() query: PublicQueryDto): Promise<Page<PublicTicket>> {
    return this.tickets.publicTickets(query, query.page);
  }

  @Get('tickets/lookup/:queryCode')
  lookup(
    @Param() params: QueryCodeParamDto,
    @OptionalUser() user: AuthUser | undefined,
    @Req() request: Request,
  ): Promise<TicketStatusView> {
    return this.tickets.lookup(params.queryCode, { ip: request.ip, userId: user?.userId });
  }

  @Get('tickets/:id')
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<TicketView> {
    return this.tickets.get(user, params.id);
  }

  @Post('tickets/:id/acknowledge')
  @HttpCode(200)
  acknowledge(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: VersionDto,
  ): Promise<TicketView> {
    return this.tickets.acknowledge(user, params.id, body.version);
  }

  @Post('tickets/:id/reply')
  @HttpCode(200)
  reply(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ReplyDto,
  ): Promise<TicketView> {
    return this.tickets.reply(user, params.id, body);
  }

  @Post('tickets/:id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ResolveDto,
  ): Promise<TicketView> {
    return this.tickets.resolve(user, params.id, body);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  transfer(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: TransferDto,
  ): Promise<TicketView> {
    return this.tickets.transfer(user, params.id, body);
  }

  @Post('tickets/:id/assign')
  @HttpCode(200)
  assign(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: AssignDto,
  ): Promise<TicketView> {
    return this.tickets.assign(user, params.id, body);
  }

  @Post('tickets/:id/extension')
  @HttpCode(200)
  extension(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ExtensionDto,
  ): Promise<TicketView> {
    return this.tickets.requestExtension(user, params.id, body);
  }

  @Post('tickets/:id/extension/decide')
  @HttpCode(200)
  decideExtension(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ExtensionDecisionDto,
  ): Promise<TicketView> {
    return this.tickets.decideExtension(user, params.id, body);
  }

  @Post('tickets/:id/rate')
  @HttpCode(200)
  rate(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: RateDto,
  ): Promise<TicketView> {
    return this.tickets.rate(user, params.id, body);
  }

  @Post('tickets/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: WithdrawDto,
  ): Promise<TicketView> {
    return this.tickets.withdraw(user, params.id, body);
  }

  @Post('tickets/:id/moderate')
  @HttpCode(200)
  moderate(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: ModerateDto,
  ): Promise<TicketView> {
    return this.tickets.moderate(user, params.id, body);
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
    return this.tickets.follow(user, params.id);
  }

  @Delete('tickets/:id/follow')
  unfollow(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<TicketFollowState> {
    return this.tickets.unfollow(user, params.id);
  }

  @Get('officials/:id/ticket-figures')
  officialFigures(@Param() params: IdParamDto): Promise<TicketFigures> {
    return this.tickets.figuresOfOfficial(params.id);
  }

  @Get('units/:id/ticket-figures')
  unitFigures(@Param() params: IdParamDto): Promise<TicketFigures> {
    return this.tickets.figuresOfUnit(params.id);
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
