import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthResponse, LivenessResponse, ReadinessResponse } from '@jinri/shared';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @ApiOkResponse({ description: 'The service and its database are up' })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const health = await this.service.check();
    res.setHeader('Cache-Control', 'no-store');
    if (health.status !== 'ok') res.status(503);
    return health;
  }

  @Get('live')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The process runs (no database call): restart it only when this fails' })
  live(): LivenessResponse {
    return this.service.liveness();
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Send traffic: the database answers, migrations applied, not draining' })
  @ApiServiceUnavailableResponse({ description: 'Shutting down, database unreachable or migrations pending' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponse> {
    const readiness = await this.service.readiness();
    res.setHeader('Cache-Control', 'no-store');
    if (readiness.status !== 'ready') res.status(503);
    return readiness;
  }
}
