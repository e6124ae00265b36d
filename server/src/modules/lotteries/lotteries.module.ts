import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { JournalsModule } from '../journals/journals.module';
import { DemoLotteriesSeeder } from './demo-lotteries';
import { LotteriesController } from './lotteries.controller';
import { LotteriesRepository } from './lotteries.repository';
import { LotteriesService } from './lotteries.service';
import { LotteryCandidate } from './lottery-candidate.entity';
import { LotteryEvent } from './lottery-event.entity';
import { Lottery } from './lottery.entity';
import { LotteryJob } from './lottery.job';

/**
 * 抽签晒 (issue #14): each county's weekly verifiable lottery of published journals — commitment at
 * the start of the week, seed revealed and draw recorded after it — and its public reads.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Lottery, LotteryCandidate, LotteryEvent]), JobsModule, JournalsModule],
  controllers: [LotteriesController],
  providers: [DemoLotteriesSeeder, LotteriesRepository, LotteriesService, LotteryJob],
  exports: [LotteriesService],
})
export class LotteriesModule {}
