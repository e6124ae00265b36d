import { Module } from '@nestjs/common';
import { JournalsModule } from '../../journals/journals.module';
import { StatusService } from './status.service';

/**
 * "Where is he now": the directory's status rule over published plans and leaves. A module of its
 * own because it reads the journals, and the journals module depends on the directory module.
 */
@Module({
  imports: [JournalsModule],
  providers: [StatusService],
  exports: [StatusService],
})
export class OfficialStatusModule {}
