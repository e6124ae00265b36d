import { Module } from '@nestjs/common';
import { MatterDemandRetentionJob } from './matter-demand-retention.job';
import { MatterDemand } from './matter-demand.service';
import { PopularMattersController } from './popular-matters.controller';
import { PopularMattersRepository } from './popular-matters.repository';
import { PopularMattersService } from './popular-matters.service';

/** 大家常办的事: demand counters (search, open, comment; old days deleted hourly), admin pins, the per-county list. */
@Module({
  controllers: [PopularMattersController],
  providers: [PopularMattersRepository, MatterDemand, PopularMattersService, MatterDemandRetentionJob],
  exports: [MatterDemand, PopularMattersService],
})
export class PopularMattersModule {}
