import { Controller, Get, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { SingleFileInterceptor } from '../../common/multipart/single-file.interceptor';
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
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="directory.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.send(file);
  }

  @Post('import')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    SingleFileInterceptor({
      maxBytes: MAX_DIRECTORY_SHEET_BYTES,
      tooLarge: () => new AppException('COMMON.PAYLOAD_TOO_LARGE', '表格太大（最大 5MB）'),
    }),
  )
  import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<DirectoryImportResult> {
    return this.sheets.import(user, file?.buffer);
  }
}
