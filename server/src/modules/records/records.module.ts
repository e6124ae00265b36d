import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PdfModule } from '../../common/pdf';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { DemoRecordViewsSeeder } from './demo-record-views';
import { RecordView } from './record-view.entity';
import { MyRecordViewsController, RecordsController } from './records.controller';
import { RecordsRepository } from './records.repository';
import { RecordsService } from './records.service';

/** 立体像 (issue #14): one official's whole record for the supervisors of their unit, and its view log. */
@Module({
  imports: [TypeOrmModule.forFeature([RecordView]), AuthModule, DirectoryModule, PdfModule],
  controllers: [RecordsController, MyRecordViewsController],
  providers: [RecordsRepository, RecordsService, DemoRecordViewsSeeder],
})
export class RecordsModule {}
