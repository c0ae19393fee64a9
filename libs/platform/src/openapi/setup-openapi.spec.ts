import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createHttpTestApp } from '../testing/http-test-app';
import { createOpenApiDocument, setupOpenApi, writeOpenApiDocument } from './setup-openapi';
import { zodToOpenApiSchema } from './zod-openapi-schema';

const info = { title: 'Things', description: 'Test API', version: '1.0.0' };

describe('OpenAPI', () => {
  let app: NestFastifyApplication;
  const get = (url: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

  beforeAll(async () => {
    ({ app } = await createHttpTestApp());
  });
  afterAll(async () => {
    await app.close();
  });

  it('documents zod bodies, queries and params, declares bearer auth, leaves out platform routes', () => {
    const document = createOpenApiDocument(app, info);
    expect(document.info).toMatchObject(info);
    expect(document.components?.securitySchemes?.['bearer']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/things',
      '/things/boom',
      '/things/context',
      '/things/missing/{id}',
      '/things/zod',
    ]);

    const create = document.paths['/things']?.post;
    expect(create?.requestBody).toMatchObject({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array' } },
            required: ['name'],
          },
        },
      },
    });
    expect(create?.parameters ?? []).toEqual([]);
    expect(document.paths['/things']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'limit', in: 'query', required: false }),
    ]);
    expect(document.paths['/things/missing/{id}']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
  });

  it('serves Swagger UI at /docs and the JSON at /docs/openapi.json', async () => {
    const other = await createHttpTestApp({ beforeInit: (created) => setupOpenApi(created, info) });
    try {
      const inject = (url: string) =>
        other.app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
      const json = await inject('/docs/openapi.json');
      expect(json.statusCode).toBe(200);
      expect(json.json()).toMatchObject({ openapi: '3.0.3', info: { title: 'Things' } });
      const ui = await inject('/docs');
      expect(ui.statusCode).toBe(200);
      expect(ui.body).toContain('swagger');
    } finally {
      await other.app.close();
    }
    expect((await get('/docs/openapi.json')).statusCode).toBe(404);
  });

  it('writes the document to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-'));
    try {
      const path = join(dir, 'nested', 'things.json');
      await writeOpenApiDocument(app, info, path);
      const text = await readFile(path, 'utf8');
      expect(text.endsWith('}\n')).toBe(true);
      expect(JSON.parse(text)).toMatchObject({ info: { title: 'Things' } });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('converts zod schemas for input and output', () => {
    const schema = z.object({ n: z.number().int().default(1), when: z.iso.datetime() });
    expect(zodToOpenApiSchema(schema, 'input')).toMatchObject({
      type: 'object',
      required: ['when'],
    });
    expect(zodToOpenApiSchema(schema, 'output')).toMatchObject({ required: ['n', 'when'] });
    expect(zodToOpenApiSchema(schema)).not.toHaveProperty('$schema');
  });
});
