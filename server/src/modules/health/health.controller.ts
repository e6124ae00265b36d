import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthResponse } from '@jinri/shared';
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
}
