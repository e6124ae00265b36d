import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NoticeDetail, NoticePage } from '@jinri/shared';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import { DraftNoticeDto, IssueNoticeDto, NoticesQueryDto, UpdateNoticeDto } from './dto/notices.dto';
import { DOCX_CONTENT_TYPE } from './notice-docx';
import { NoticesService } from './notices.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Post()
  draft(@CurrentUser() user: AuthUser, @Body() body: DraftNoticeDto): Promise<NoticeDetail> {
    return this.notices.draft(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: NoticesQueryDto): Promise<NoticePage> {
    return this.notices.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<NoticeDetail> {
    return this.notices.get(user, params.id);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: UpdateNoticeDto,
  ): Promise<NoticeDetail> {
    return this.notices.update(user, params.id, body);
  }

  @Post(':id/issue')
  @HttpCode(200)
  issue(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: IssueNoticeDto,
  ): Promise<NoticeDetail> {
    return this.notices.issue(user, params.id, body.version);
  }

  /** The Word file: the real (Chinese) name in RFC 5987 form, an ASCII one for older clients. */
  @Get(':id/notice.docx')
  async docx(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, file } = await this.notices.docx(user, params.id);
    res.setHeader('Content-Type', DOCX_CONTENT_TYPE);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="notice-${params.id}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.send(file);
  }
}
