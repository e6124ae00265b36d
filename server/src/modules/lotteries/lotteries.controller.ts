import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LotteryListResponse, LotteryView } from '@jinri/shared';
import { IdParamDto } from '../auth/dto/auth.dto';
import { LotteriesQueryDto } from './dto/lotteries.dto';
import { LotteriesService } from './lotteries.service';

/** 抽签晒: public reads of the weekly lotteries (no sign-in; the seed only after the reveal). */
@ApiTags('lotteries')
@Controller('lotteries')
export class LotteriesController {
  constructor(private readonly lotteries: LotteriesService) {}

  @Get()
  list(@Query() query: LotteriesQueryDto): Promise<LotteryListResponse> {
    return this.lotteries.list(query.unitId, query.page);
  }

  @Get(':id')
  one(@Param() params: IdParamDto): Promise<LotteryView> {
    return this.lotteries.view(params.id);
  }
}
