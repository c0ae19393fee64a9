import { Logger as NestLogger, type DynamicModule, type Type } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config.schema';
import { HealthRegistry } from '../health/health-registry.service';
import { createStandaloneLogger } from '../logging/logger-options.factory';
import { setupOpenApi, type OpenApiOptions } from '../openapi/setup-openapi';
import { createFastifyAdapter } from './fastify-adapter.factory';
import { createShutdownHandler, installShutdownSignals } from './graceful-shutdown';
import { httpSecurityConfigSchema, type HttpSecurityConfig } from './http-security.config';
import { registerHttpSecurity, type SubjectResolver } from './http-security';
import { tokenSubjectResolver } from './token-subject.resolver';
import { installProcessErrorHandlers } from './process-error-handlers';

export interface BootstrapOptions {
  readonly serviceName: string;
  /** The service's root module; it imports `PlatformModule.forRoot(...)`. */
  readonly module: Type<unknown> | DynamicModule;
  readonly config: ServiceConfig;
  /** Transports consumed by the same process (hybrid app), e.g. messaging's Kafka server. */
  readonly microservices?: readonly CustomTransportStrategy[];
  readonly openApi: OpenApiOptions;
  /** Abuse limits, timeouts and CORS; read from the environment (HTTP_*) when absent. */
  readonly httpSecurity?: HttpSecurityConfig;
  /** Keys rate limits by verified subject; default: the app's JwtVerifier, if any. */
  readonly subjectOf?: SubjectResolver;
}

/**
 * Starts a service: Fastify HTTP + connected microservices, JSON logs, OpenAPI at /docs,
 * graceful shutdown on SIGTERM/SIGINT and fatal-error handlers. On any boot failure
 * (database unreachable, an index refused) it logs the reason and exits with 1.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<NestFastifyApplication> {
  const { serviceName, config } = options;
  const httpSecurity =
    options.httpSecurity ?? loadConfig(httpSecurityConfigSchema, process.env, serviceName);
  const fallbackLogger = createStandaloneLogger(serviceName, config.LOG_LEVEL);
  installProcessErrorHandlers(fallbackLogger);

  try {
    const app = await NestFactory.create<NestFastifyApplication>(
      options.module,
      createFastifyAdapter(config, httpSecurity),
      {
        bufferLogs: true,
        // Throw instead of process.abort() so the failure is logged and the exit code is 1.
        abortOnError: false,
      },
    );
    const logger = app.get(Logger);
    app.useLogger(logger);

    installShutdownSignals(
      createShutdownHandler({
        app,
        health: app.get(HealthRegistry),
        logger: new NestLogger('Shutdown'),
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
        drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
      }),
    );

    for (const strategy of options.microservices ?? []) {
      app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    }
    await registerHttpSecurity(app, httpSecurity, {
      subjectOf: options.subjectOf ?? tokenSubjectResolver(app),
    });
    setupOpenApi(app, options.openApi);

    await app.startAllMicroservices();
    await app.listen({ port: config.PORT, host: config.HOST });
    logger.log(`${serviceName} listening on ${await app.getUrl()}`, 'Bootstrap');
    return app;
  } catch (error) {
    fallbackLogger.fatal({ err: error }, `${serviceName} failed to start`);
    process.exit(1);
  }
}
