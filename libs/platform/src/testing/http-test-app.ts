import { Controller, Get, Logger, Module, Post, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { z } from 'zod';
import { createFastifyAdapter } from '../bootstrap/fastify-adapter.factory';
import { parseConfig } from '../config/load-config';
import { serviceConfigSchema, type ServiceConfig } from '../config/service-config.schema';
import { DomainError } from '../errors/domain-error';
import { getCorrelationId } from '../logging/request-context';
import { buildPlatformModule } from '../platform.module';
import { ZodBody, ZodParams, ZodQuery } from '../validation/zod-request.decorators';
import { LogCapture } from './log-capture';

export const TEST_ENV = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/?directConnection=true',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----',
  AUTH_ISSUER: 'medmentor-test',
  AUTH_AUDIENCE: 'medmentor-api',
};

/** A valid configuration for tests, with overrides. */
export function testConfig(overrides: Record<string, string> = {}): ServiceConfig {
  const result = parseConfig(serviceConfigSchema('test-service', 3999), {
    ...TEST_ENV,
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

export const CreateThing = z.object({
  name: z.string().min(1),
  tags: z.array(z.object({ label: z.string() })).default([]),
  settings: z.strictObject({ color: z.enum(['red', 'blue']) }).optional(),
});

export const ListThings = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export class ThingNotFoundError extends DomainError {
  constructor(id: string) {
    super({
      code: 'thing-not-found',
      status: 404,
      title: 'Thing not found',
      detail: `No thing ${id}`,
    });
  }
}

@Controller('things')
class ThingsController {
  private readonly logger = new Logger('ThingsController');

  @Post()
  create(@ZodBody(CreateThing) body: z.output<typeof CreateThing>): unknown {
    this.logger.log('creating a thing');
    return { ...body, correlationId: getCorrelationId() };
  }

  @Get()
  list(@ZodQuery(ListThings) query: z.output<typeof ListThings>): unknown {
    return query;
  }

  @Get('missing/:id')
  missing(@ZodParams(z.object({ id: z.string().regex(/^t-\d+$/) })) params: { id: string }): never {
    throw new ThingNotFoundError(params.id);
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection string mongodb://admin:secret@db leaked');
  }

  @Get('zod')
  zod(): unknown {
    return z.object({ a: z.object({ b: z.number() }) }).parse({ a: { b: 'x' } });
  }

  @Get('context')
  async context(): Promise<unknown> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.logger.log('inside the handler');
    return { correlationId: getCorrelationId() };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

export interface HttpTestApp {
  readonly app: NestFastifyApplication;
  readonly logs: LogCapture;
}

/**
 * The platform module without its database part, a sample controller and captured logs:
 * the HTTP behaviour (errors, validation, logging, metrics, health) with no server to run.
 */
export async function createHttpTestApp(
  options: {
    config?: ServiceConfig;
    imports?: DynamicModule[];
    beforeInit?: (app: NestFastifyApplication) => void;
  } = {},
): Promise<HttpTestApp> {
  const config = options.config ?? testConfig({ HTTP_BODY_LIMIT_BYTES: '1024' });
  const logs = new LogCapture();
  const moduleRef = await Test.createTestingModule({
    imports: [
      buildPlatformModule(
        { serviceName: 'test-service', config },
        { database: false, logDestination: logs },
      ),
      ThingsModule,
      ...(options.imports ?? []),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createFastifyAdapter(config),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(PinoNestLogger));
  options.beforeInit?.(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, logs };
}
