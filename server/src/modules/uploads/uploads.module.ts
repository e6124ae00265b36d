import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Upload } from './upload.entity';
import { UploadsController } from './uploads.controller';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';

/** Photo uploads (一日三晒, later ticket photos), stored under DATA_DIR/uploads and served at /uploads. */
@Module({
  imports: [TypeOrmModule.forFeature([Upload])],
  controllers: [UploadsController],
  providers: [UploadsRepository, UploadsService],
  exports: [UploadsRepository, UploadsService],
})
export class UploadsModule {}
