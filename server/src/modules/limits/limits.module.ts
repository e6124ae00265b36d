import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ATTEMPT_STORE } from '../../common/rate/attempt-limiter';
import { AttemptLimits } from './attempt-limits.service';
import { LimitAttempt } from './limit-attempt.entity';
import { LimitAttemptsRepository } from './limit-attempts.repository';
import { LimitAttemptsRetentionJob } from './limit-attempts-retention.job';

/** Attempt limits shared by every instance through the database (see AttemptLimits). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([LimitAttempt])],
  providers: [
    LimitAttemptsRepository,
    { provide: ATTEMPT_STORE, useExisting: LimitAttemptsRepository },
    AttemptLimits,
    LimitAttemptsRetentionJob,
  ],
  exports: [AttemptLimits],
})
export class LimitsModule {}
