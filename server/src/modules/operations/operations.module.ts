import { Global, Module } from '@nestjs/common';
import { Lifecycle } from './lifecycle.service';
import { MetricsController } from './metrics.controller';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsService } from './metrics.service';
import { OperationsRepository } from './operations.repository';

/**
 * Running the app as one of several instances (issue #16): /metrics, the lifecycle a graceful
 * shutdown drains (readiness, request tracking, the outbox and jobs read it).
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Lifecycle, MetricsService, MetricsAccessGuard, OperationsRepository],
  exports: [Lifecycle, MetricsService],
})
export class OperationsModule {}
