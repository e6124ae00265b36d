import { Module } from '@nestjs/common';
import { MatterDemand } from './matter-demand.service';
import { PopularMattersController } from './popular-matters.controller';
import { PopularMattersRepository } from './popular-matters.repository';
import { PopularMattersService } from './popular-matters.service';

/** 大家常办的事: demand counters (search, open, comment), admin pins, the per-county list. */
@Module({
  controllers: [PopularMattersController],
  providers: [PopularMattersRepository, MatterDemand, PopularMattersService],
  exports: [MatterDemand, PopularMattersService],
})
export class PopularMattersModule {}
