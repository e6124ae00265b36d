import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { UploadResponse } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { SingleFileInterceptor } from '../../common/multipart/single-file.interceptor';
import { CurrentUser } from '../auth/current-user.decorator';
import { MAX_UPLOAD_BYTES, UploadsService } from './uploads.service';

@ApiTags('uploads')
@ApiBearerAuth()
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(
    SingleFileInterceptor({
      maxBytes: MAX_UPLOAD_BYTES,
      tooLarge: () => new AppException('UPLOAD.TOO_LARGE'),
    }),
  )
  upload(@CurrentUser() user: AuthUser, @UploadedFile() file?: Express.Multer.File): Promise<UploadResponse> {
    return this.uploads.store(user.userId, file?.buffer);
  }
}
