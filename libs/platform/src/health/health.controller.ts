import { Controller, Get, Inject, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/public.decorator';
import { HealthRegistry, type CheckOutcome } from './health-registry.service';

/**
 * Kubernetes probes. Liveness is the process and what a restart cures; readiness adds
 * every dependency and the draining state. Answers 503 with terminus' details when down.
 */
@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(HealthRegistry) private readonly registry: HealthRegistry,
  ) {}

  @Get('live')
  @HealthCheck()
  async live(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const outcomes = await this.registry.runLivenessChecks();
    const processCheck: CheckOutcome = {
      name: 'process',
      status: 'up',
      details: { pid: process.pid, uptimeSeconds: Math.round(process.uptime()) },
    };
    return this.report([processCheck, ...outcomes], reply);
  }

  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.report(await this.registry.runReadinessChecks(), reply);
  }

  private async report(outcomes: CheckOutcome[], reply: FastifyReply): Promise<HealthCheckResult> {
    const indicators: HealthIndicatorFunction[] = outcomes.map((outcome) => () => {
      const session = this.indicators.check(outcome.name);
      return outcome.status === 'up' ? session.up(outcome.details) : session.down(outcome.details);
    });
    try {
      return await this.health.check(indicators);
    } catch (error) {
      // Terminus signals "down" by throwing; answer its body as is rather than as a problem.
      if (error instanceof ServiceUnavailableException) {
        const result = error.getResponse() as HealthCheckResult;
        if (!this.registry.isDraining()) {
          this.logger.warn(
            { down: result.error },
            `Health check failed: ${Object.keys(result.error ?? {}).join(', ')}`,
          );
        }
        reply.status(503);
        return result;
      }
      throw error;
    }
  }
}
