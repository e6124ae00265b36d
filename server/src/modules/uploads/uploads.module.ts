import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../../config/app.config';
import { PHOTO_STORAGE, photoStorageFor } from './photo-storage';
import { Upload } from './upload.entity';
import { UploadsController } from './uploads.controller';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';

/**
 * Photo uploads (一日三晒, ticket and supervision photos), stored in the PhotoStorage that PHOTO_STORAGE
 * names (DATA_DIR/uploads, or an S3-compatible bucket shared by every instance) and served at
 * /uploads (photo-serving.ts, installed by app.factory).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Upload])],
  controllers: [UploadsController],
  providers: [
    UploadsRepository,
    UploadsService,
    { provide: PHOTO_STORAGE, useFactory: photoStorageFor, inject: [APP_CONFIG] },
  ],
  exports: [UploadsRepository, UploadsService, PHOTO_STORAGE],
})
export class UploadsModule {}
