import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '../tickets/tickets.module';
import { Open311ApiKey } from './open311-api-key.entity';
import { open311BodyErrors } from './open311-body-errors';
import { Open311KeysController } from './open311-keys.controller';
import { Open311KeysService } from './open311-keys.service';
import { Open311Request } from './open311-request.entity';
import { Open311Controller } from './open311.controller';
import { Open311Repository } from './open311.repository';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 (issue #17): the public API over tickets and integrators' API keys. */
@Module({
  imports: [TypeOrmModule.forFeature([Open311ApiKey, Open311Request]), TicketsModule],
  controllers: [Open311Controller, Open311KeysController],
  providers: [Open311Repository, Open311Service, Open311KeysService],
})
export class Open311Module implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Bodies the parsers refuse on /open311 are answered as GeoReport errors (open311-body-errors.ts).
   * Installed here, after Nest has added the body parsers and the routes and before it adds its own
   * error handler (NestApplication.init runs the init hooks in between), so it sees their errors first.
   */
  onModuleInit(): void {
    this.adapterHost.httpAdapter?.use(open311BodyErrors);
  }
}
