import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { ServiceName } from '@medmentor/contracts';
import { resolveAuthOptions } from '@medmentor/auth';
import { writeOpenApiDocument } from '@medmentor/platform';
import type { ServiceDefinition } from './run-service';
import { runtimeConfigSchema } from './runtime-config.schema';
import { ServiceModule } from './service.module';

/** Placeholder settings: preview mode builds the route graph without connecting to anything. */
const previewEnv = {
  MONGODB_URI: 'mongodb://preview.invalid:27017',
  KAFKA_BROKERS: 'preview.invalid:9092',
  AUTH_JWKS_URL: 'https://preview.invalid/jwks.json',
  AUTH_ISSUER: 'preview',
  AUTH_AUDIENCE: 'preview',
};

/** Writes the service's OpenAPI document to `path` without starting it. */
export const writeServiceOpenApi = async (definition: ServiceDefinition, path: string): Promise<void> => {
  const name: ServiceName = definition.name;
  const config = runtimeConfigSchema(name, definition.defaultPort).parse(previewEnv);
  const auth = resolveAuthOptions({ jwksUrl: previewEnv.AUTH_JWKS_URL, issuer: 'preview', audience: 'preview' });
  const app = await NestFactory.create(ServiceModule.register(name, config, auth, definition.features), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  await writeOpenApiDocument(
    app,
    { title: definition.title, description: definition.description, version: definition.version },
    path,
  );
  await app.close();
};
