import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { mayReadMetrics } from './metrics-access';

/** GET /metrics: the bearer METRICS_TOKEN, or a direct loopback caller when none is set (metrics-access.ts). */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const token = this.config.operations.metricsToken;
    const allowed = mayReadMetrics(
      {
        authorization: req.headers.authorization,
        remoteAddress: req.socket.remoteAddress,
        forwarded: ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((name) => name in req.headers),
      },
      token,
    );
    if (!allowed) throw new AppException(token === undefined ? 'COMMON.FORBIDDEN' : 'COMMON.UNAUTHORIZED');
    return true;
  }
}
