import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CacheVersion } from './cache-version.entity';
import { CacheVersionService } from './cache-version.service';
import { JobRun } from './job-run.entity';
import { JobLockService } from './job-lock.service';

/** Cross-instance coordination: exactly-once job runs and cache version counters. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobRun, CacheVersion])],
  providers: [JobLockService, CacheVersionService],
  exports: [JobLockService, CacheVersionService],
})
export class JobsModule {}
