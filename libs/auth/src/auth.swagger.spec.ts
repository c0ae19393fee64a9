import 'reflect-metadata';
import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { ApiAuth, BEARER_AUTH_NAME, addBearerAuth } from './auth.swagger';

@ApiAuth()
@Controller('api/v1/programs')
class ProgramsController {
  @Get()
  list() {
    return [];
  }
}

describe('OpenAPI bearer auth', () => {
  it('declares the scheme once and references it from protected operations', async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ProgramsController],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    try {
      const document = SwaggerModule.createDocument(
        app,
        addBearerAuth(new DocumentBuilder().setTitle('t')).build(),
      );
      expect(document.components?.securitySchemes?.[BEARER_AUTH_NAME]).toMatchObject({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      });
      const operation = document.paths['/api/v1/programs']?.get;
      expect(operation?.security).toEqual([{ [BEARER_AUTH_NAME]: [] }]);
      expect(Object.keys(operation?.responses ?? {})).toEqual(
        expect.arrayContaining(['401', '403']),
      );
      expect(operation?.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'X-Tenant-Id', in: 'header' })]),
      );
    } finally {
      await app.close();
    }
  });
});
