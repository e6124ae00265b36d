import { Module } from '@nestjs/common';
import { PdfModule } from '../../common/pdf';
import { CurrentFlags } from '../rankings/current-flags';
import { RankingsRepository } from '../rankings/rankings.repository';
import { BoardsController } from './boards.controller';
import { BoardsRepository } from './boards.repository';
import { BoardsService } from './boards.service';

/** 实绩公示栏 (issue #14): the printed weekly board of a unit. */
@Module({
  imports: [PdfModule],
  controllers: [BoardsController],
  // The current flag is read as the today and unit pages read it (see rankings/current-flags.ts).
  providers: [BoardsRepository, BoardsService, RankingsRepository, CurrentFlags],
})
export class BoardsModule {}
