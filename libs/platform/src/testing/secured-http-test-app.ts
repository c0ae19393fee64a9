import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { createFastifyAdapter } from '../bootstrap/fastify-adapter.factory';
import {
  httpSecurityConfigSchema,
  type HttpSecurityConfig,
} from '../bootstrap/http-security.config';
import { registerHttpSecurity, type SubjectResolver } from '../bootstrap/http-security';
import { parseConfig } from '../config/load-config';
import { setupOpenApi } from '../openapi/setup-openapi';
import { buildPlatformModule } from '../platform.module';
import { LogCapture } from './log-capture';
import { testConfig } from './http-test-app';

@Controller('echo')
class EchoController {
  @Get()
  get(): unknown {
    return { ok: true };
  }

  @Get(':id')
  one(@Param('id') id: string): unknown {
    return { id };
  }

  @Post()
  post(@Body() body: unknown): unknown {
    return { received: body };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** HTTP security settings from env-style strings, as the boot would read them. */
export function securityConfig(env: Record<string, string> = {}): HttpSecurityConfig {
  const result = parseConfig(httpSecurityConfigSchema, env);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

/**
 * The platform module (no database), an echo controller, Swagger UI and the HTTP security
 * layer wired as `bootstrapService` wires them: for tests of headers, CORS, rate limits,
 * body limits and timeouts over real Fastify.
 */
export async function createSecuredHttpTestApp(options: {
  security?: Record<string, string>;
  bodyLimitBytes?: number;
  subjectOf?: SubjectResolver;
}): Promise<{ app: NestFastifyApplication; logs: LogCapture }> {
  const config = testConfig({ HTTP_BODY_LIMIT_BYTES: String(options.bodyLimitBytes ?? 1024) });
  const security = securityConfig(options.security);
  const logs = new LogCapture();
  const moduleRef = await Test.createTestingModule({
    imports: [
      buildPlatformModule(
        { serviceName: 'test-service', config },
        { database: false, logDestination: logs },
      ),
      EchoModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createFastifyAdapter(config, security),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoNestLogger));
  await registerHttpSecurity(app, security, { subjectOf: options.subjectOf });
  setupOpenApi(app, { title: 'Echo', description: 'Test API', version: '1' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, logs };
}
