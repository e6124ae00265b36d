import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminDirectoryController } from './admin-directory.controller';
import { AdminDirectoryRepository } from './admin-directory.repository';
import { AdminDirectoryService } from './admin-directory.service';
import { DirectoryController } from './directory.controller';
import { DirectorySheetController } from './directory-sheet.controller';
import { DirectorySheetRepository } from './directory-sheet.repository';
import { DirectorySheetService } from './directory-sheet.service';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { Duty } from './duty.entity';
import { DutyUnit } from './duty-unit.entity';
import { Matter } from './matter.entity';
import { MatterHandlers } from './matter-handlers.service';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
import { PopoloController } from './popolo.controller';
import { PopoloRepository } from './popolo.repository';
import { PopoloService } from './popolo.service';
import { Post } from './post.entity';
import { Unit } from './unit.entity';
import { UploadsModule } from '../uploads/uploads.module';
import { CurrentFlags } from '../rankings/current-flags';
import { RankingsRepository } from '../rankings/rankings.repository';

/**
 * Units, officials, posts, memberships, matters and duties: the schema, the demo seed, official
 * profiles and unit members so far; search, status and admin come with the directory issue.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Unit, Official, Post, Membership, Matter, Duty, DutyUnit]),
    UploadsModule,
  ],
  controllers: [DirectoryController, PopoloController, AdminDirectoryController, DirectorySheetController],
  providers: [
    // The current 红旗 / 黄旗 shown on the pages (issue #14).
    RankingsRepository,
    CurrentFlags,
    DirectoryRepository,
    DirectoryService,
    PopoloRepository,
    PopoloService,
    AdminDirectoryRepository,
    AdminDirectoryService,
    DirectorySheetService,
    DirectorySheetRepository,
    MatterHandlers,
  ],
  exports: [DirectoryRepository, MatterHandlers],
})
export class DirectoryModule {}
