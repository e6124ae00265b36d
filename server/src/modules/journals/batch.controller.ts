import { Body, Controller, Get, Param, Post, Put, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BatchPlansView } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { sendXlsx, XlsxUpload } from '../../common/spreadsheet/xlsx-http';
import { CurrentUser } from '../auth/current-user.decorator';
import { MAX_SHEET_BYTES, BatchService } from './batch.service';
import { BatchPlansDto, DateQueryDto, UnitParamDto } from './dto/journals.dto';

@ApiTags('clerk batch entry')
@ApiBearerAuth()
@Controller('units/:unitId/plans')
export class BatchController {
  constructor(private readonly batch: BatchService) {}

  @Get()
  view(
    @CurrentUser() user: AuthUser,
    @Param() params: UnitParamDto,
    @Query() query: DateQueryDto,
  ): Promise<BatchPlansView> {
    return this.batch.view(user, params.unitId, query.date);
  }

  @Put()
  save(
    @CurrentUser() user: AuthUser,
    @Param() params: UnitParamDto,
    @Body() body: BatchPlansDto,
  ): Promise<BatchPlansView> {
    return this.batch.save(user, params.unitId, body);
  }

  @Get('template.xlsx')
  async template(
    @CurrentUser() user: AuthUser,
    @Param() params: UnitParamDto,
    @Query() query: DateQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, file } = await this.batch.template(user, params.unitId, query.date);
    sendXlsx(res, 'plans.xlsx', filename, file);
  }

  @Post('import')
  @XlsxUpload(MAX_SHEET_BYTES)
  import(
    @CurrentUser() user: AuthUser,
    @Param() params: UnitParamDto,
    @Query() query: DateQueryDto,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<BatchPlansView> {
    return this.batch.import(user, params.unitId, query.date, file?.buffer);
  }
}
