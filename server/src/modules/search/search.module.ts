import { Module } from '@nestjs/common';
import { JournalsModule } from '../journals/journals.module';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';
import { StatusService } from './status.service';

/** Finding the official: search, matter pages, and "where is he now". */
@Module({
  imports: [JournalsModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchService, StatusService],
  exports: [SearchService, StatusService],
})
export class SearchModule {}
