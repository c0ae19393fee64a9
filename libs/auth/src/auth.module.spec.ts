import 'reflect-metadata';
import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { authOptionsFromEnv } from './auth-options';
import { AuthGuard } from './auth.guard';
import { AuthModule } from './auth.module';
import { generateDevKeyPair, signDevToken } from './dev-keys';

@Controller('api/v1/things')
class ThingsController {
  @Get()
  list() {
    return [];
  }
}

const issuer = 'https://idp.test/';
const audience = 'medmentor-api';

async function startApp(module: ReturnType<typeof AuthModule.forRoot>) {
  const moduleRef = await Test.createTestingModule({
    imports: [module],
    controllers: [ThingsController],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('AuthModule', () => {
  it('forRootAsync builds options from the environment', async () => {
    const keys = await generateDevKeyPair();
    const env = {
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: audience,
    };
    const app = await startApp(
      AuthModule.forRootAsync({ useFactory: () => authOptionsFromEnv(env) }),
    );
    try {
      const token = await signDevToken(
        keys.privateKeyPem,
        { subject: 'u', tenantId: 't1', roles: ['mentee'] },
        { issuer, audience },
      );
      const fastify = app.getHttpAdapter().getInstance();
      expect((await fastify.inject({ url: '/api/v1/things' })).statusCode).toBe(401);
      expect(
        (
          await fastify.inject({
            url: '/api/v1/things',
            headers: { authorization: `Bearer ${token}` },
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('fails the boot on bad options', async () => {
    await expect(startApp(AuthModule.forRoot({ issuer, audience }))).rejects.toThrow(/exactly one/);
  });

  it('registers no global guard when asked not to', async () => {
    const keys = await generateDevKeyPair('ES256');
    const app = await startApp(
      AuthModule.forRoot({ publicKey: keys.publicKeyPem, issuer, audience, globalGuard: false }),
    );
    try {
      expect(
        (await app.getHttpAdapter().getInstance().inject({ url: '/api/v1/things' })).statusCode,
      ).toBe(200);
      expect(app.get(AuthGuard)).toBeInstanceOf(AuthGuard);
    } finally {
      await app.close();
    }
  });

  it('answers 503, not 401, when the JWKS cannot be fetched', async () => {
    const keys = await generateDevKeyPair();
    const app = await startApp(
      AuthModule.forRoot({ jwksUrl: 'http://127.0.0.1:1/jwks', issuer, audience }),
    );
    try {
      const token = await signDevToken(
        keys.privateKeyPem,
        { subject: 'u', tenantId: 't1', roles: ['mentee'] },
        { issuer, audience, keyId: 'k' },
      );
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({ url: '/api/v1/things', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'auth.keys_unavailable' });
      expect(res.headers['www-authenticate']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('leaves non-HTTP contexts (Kafka handlers) alone', async () => {
    const keys = await generateDevKeyPair();
    const app = await startApp(
      AuthModule.forRoot({ publicKey: keys.publicKeyPem, issuer, audience }),
    );
    try {
      const rpc = { getType: () => 'rpc' } as unknown as ExecutionContext;
      await expect(app.get(AuthGuard).canActivate(rpc)).resolves.toBe(true);
    } finally {
      await app.close();
    }
  });
});
