import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CacheVersion } from './cache-version.entity';
import { CacheVersionRepository } from './cache-version.repository';
import { CacheVersionService } from './cache-version.service';

/** Version counters that let every instance keep in-memory caches (see CacheVersionService). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CacheVersion])],
  providers: [CacheVersionRepository, CacheVersionService],
  exports: [CacheVersionService],
})
export class CacheModule {}
