import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MatterDetail, MatterSummaryWithCount, PopularHandlers, SearchResponse } from '@jinri/shared';
import { IdParamDto } from '../auth/dto/auth.dto';
import { MatterQueryDto, PopularHandlersQueryDto, SearchQueryDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('find the official')
@Controller()
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('search')
  find(@Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.search.search(query.q, query.unitId);
  }

  @Get('matters/popular')
  popular(@Query() query: MatterQueryDto): Promise<MatterSummaryWithCount[]> {
    return this.search.popular(query.unitId);
  }

  /** Before matters/:id, which would take "popular" for an id. */
  @Get('matters/popular/handlers')
  popularHandlers(@Query() query: PopularHandlersQueryDto): Promise<PopularHandlers> {
    return this.search.popularHandlers(query.unitId);
  }

  @Get('matters/:id')
  matter(@Param() params: IdParamDto, @Query() query: MatterQueryDto): Promise<MatterDetail> {
    return this.search.matter(params.id, query.unitId);
  }
}
