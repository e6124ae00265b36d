import { Module } from '@nestjs/common';
import { OfficialStatusModule } from '../directory/status/official-status.module';
import { PopularMattersModule } from './popular/popular-matters.module';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** Finding the official: search, matter pages, popular matters (status comes from the directory). */
@Module({
  imports: [OfficialStatusModule, PopularMattersModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchService],
  exports: [SearchService],
})
export class SearchModule {}
