import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface OpenApiOptions {
  readonly title: string;
  readonly description: string;
  readonly version: string;
}

export const OPENAPI_UI_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';
export const BEARER_SCHEME = 'bearer';

/** The OpenAPI document of a created application (initialised or not). */
export function createOpenApiDocument(
  app: INestApplication,
  options: OpenApiOptions,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.0.3')
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion(options.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    // Every API route needs a token unless marked otherwise; health, metrics and docs are
    // left out of the document.
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /docs and the JSON document at /docs/openapi.json. */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const document = createOpenApiDocument(app, options);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
  });
  return document;
}

/**
 * Writes the document to `path` (pretty JSON, trailing newline) for committing
 * `docs/openapi/<service>.json` and diffing API changes in review. Needs a created app,
 * neither initialised nor listening.
 */
export async function writeOpenApiDocument(
  app: INestApplication,
  options: OpenApiOptions,
  path: string,
): Promise<OpenAPIObject> {
  const document = createOpenApiDocument(app, options);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
  return document;
}
