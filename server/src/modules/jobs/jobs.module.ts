import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRun } from './job-run.entity';
import { JobLockService } from './job-lock.service';
import { JobRunsRepository } from './job-runs.repository';

/** Cross-instance coordination of scheduled jobs: each fire runs once, on one instance. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobRun])],
  providers: [JobRunsRepository, JobLockService],
  exports: [JobLockService],
})
export class JobsModule {}
