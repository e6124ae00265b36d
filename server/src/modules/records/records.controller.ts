import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OfficialRecord, RecordViewPage } from '@jinri/shared';
import type { Response } from 'express';
import { attachmentDisposition, PDF_CONTENT_TYPE } from '../../common/pdf';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { OfficialIdParamDto, RecordQueryDto, RecordViewsQueryDto } from './dto/records.dto';
import { RecordsService } from './records.service';

/** 立体像: one official's whole record over a period, as JSON or PDF (each view recorded). */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get(':officialId')
  record(
    @CurrentUser() user: AuthUser,
    @Param() params: OfficialIdParamDto,
    @Query() query: RecordQueryDto,
  ): Promise<OfficialRecord> {
    return this.records.record(user, params.officialId, query);
  }

  @Get(':officialId/pdf')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param() params: OfficialIdParamDto,
    @Query() query: RecordQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, asciiFilename, file } = await this.records.pdfFile(user, params.officialId, query);
    res.setHeader('Content-Type', PDF_CONTENT_TYPE);
    res.setHeader('Content-Disposition', attachmentDisposition(filename, asciiFilename));
    res.setHeader('Cache-Control', 'no-store');
    res.send(file);
  }
}

/** The signed-in official: who looked at their 立体像 (name and role, never a phone). */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('me/record-views')
export class MyRecordViewsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  views(@CurrentUser() user: AuthUser, @Query() query: RecordViewsQueryDto): Promise<RecordViewPage> {
    return this.records.viewsOfMine(user, query.page);
  }
}
