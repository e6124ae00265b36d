import { Controller, Get, Post, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { sendXlsx, XlsxUpload } from '../../common/spreadsheet/xlsx-http';
import { CurrentUser } from '../auth/current-user.decorator';
import {
  type DirectoryImportResult,
  DirectorySheetService,
  MAX_DIRECTORY_SHEET_BYTES,
} from './directory-sheet.service';

@ApiTags('admin: directory')
@ApiBearerAuth()
@Controller('admin/directory')
export class DirectorySheetController {
  constructor(private readonly sheets: DirectorySheetService) {}

  @Get('export.xlsx')
  async export(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { filename, file } = await this.sheets.export(user);
    sendXlsx(res, 'directory.xlsx', filename, file);
  }

  @Post('import')
  @XlsxUpload(MAX_DIRECTORY_SHEET_BYTES)
  import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<DirectoryImportResult> {
    return this.sheets.import(user, file?.buffer);
  }
}
