import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import type { DestinationStream } from 'pino';
import { LoggerModule } from 'nestjs-pino';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry.service';
import { MongoHealthCheck } from './health/mongo-health.check';
import { CorrelationIdMiddleware } from './logging/correlation-id.middleware';
import { createLoggerParams } from './logging/logger-options.factory';
import { HttpMetricsHook } from './metrics/http-metrics.hook';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics-registry.service';
import { MongoIndexInitializer } from './mongo/mongo-index.initializer';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from './platform-options';

/** How long the driver looks for a server before an operation fails. */
const SERVER_SELECTION_TIMEOUT_MS = 5_000;

/**
 * The service kit: JSON logging with correlation ids, MongoDB, health, metrics and
 * problem+json errors. Import once, in the service's root module; it is global, so
 * HealthRegistry and MetricsRegistry can be injected anywhere.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return buildPlatformModule(options, { database: true });
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}

/**
 * @internal The module definition; unit tests build it without the database and with a
 * log destination they can read.
 */
export function buildPlatformModule(
  options: PlatformModuleOptions,
  { database, logDestination }: { database: boolean; logDestination?: DestinationStream },
): DynamicModule {
  const { serviceName, config } = options;
  const databaseProviders: Provider[] = database ? [MongoHealthCheck, MongoIndexInitializer] : [];
  return {
    module: PlatformModule,
    global: true,
    imports: [
      LoggerModule.forRoot(createLoggerParams(serviceName, config.LOG_LEVEL, logDestination)),
      // HealthController logs failures itself (one warn line, quiet while draining).
      TerminusModule.forRoot({ logger: false }),
      ...(database
        ? [
            MongooseModule.forRoot(config.MONGODB_URI, {
              dbName: config.MONGODB_DATABASE,
              appName: serviceName,
              // Indexes are applied once at boot by MongoIndexInitializer, failures included.
              autoIndex: false,
              autoCreate: false,
              serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
            }),
          ]
        : []),
    ],
    controllers: [HealthController, MetricsController],
    providers: [
      { provide: PLATFORM_OPTIONS, useValue: options },
      HealthRegistry,
      MetricsRegistry,
      HttpMetricsHook,
      ...databaseProviders,
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    ],
    exports: [PLATFORM_OPTIONS, HealthRegistry, MetricsRegistry],
  };
}
