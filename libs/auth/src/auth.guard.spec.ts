import 'reflect-metadata';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  Public,
  Roles,
  TenantOptional,
  CurrentIdentity,
  CurrentPrincipal,
} from './auth.decorators';
import { AuthModule } from './auth.module';
import {
  generateDevKeyPair,
  signDevToken,
  type DevKeyPair,
  type DevTokenClaims,
  type DevTokenOptions,
} from './dev-keys';
import type { Identity, Principal } from './identity';

@Controller()
class HealthController {
  @Public()
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }
}

@Controller('api/v1/mentorships')
class MentorshipsController {
  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('org-admin', 'platform-admin')
  @Get('admin')
  admin(@CurrentPrincipal() principal: Principal) {
    return { tenantId: principal.tenantId };
  }
}

@Roles('platform-admin')
@TenantOptional()
@Controller('api/v1/tenants')
class TenantsController {
  @Get()
  list(@CurrentIdentity() identity: Identity) {
    return { tenantId: identity.tenantId ?? null };
  }
}

const issuer = 'https://idp.test/';
const audience = 'medmentor-api';

describe('AuthGuard in a Nest + Fastify app', () => {
  let app: NestFastifyApplication;
  let keys: DevKeyPair;

  const token = (claims: DevTokenClaims, options: Partial<DevTokenOptions> = {}) =>
    signDevToken(keys.privateKeyPem, claims, { issuer, audience, ...options });
  const get = async (url: string, bearer?: string, headers: Record<string, string> = {}) => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url,
        headers: { ...headers, ...(bearer !== undefined && { authorization: `Bearer ${bearer}` }) },
      });
    return {
      status: res.statusCode,
      body: res.json<Record<string, unknown>>(),
      headers: res.headers,
    };
  };

  beforeAll(async () => {
    keys = await generateDevKeyPair();
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ publicKey: keys.publicKeyPem, issuer, audience })],
      controllers: [HealthController, MentorshipsController, TenantsController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await (app as INestApplication | undefined)?.close();
  });

  it('lets @Public() routes through without a token', async () => {
    expect((await get('/health/live')).status).toBe(200);
  });

  it('401s a request without a token, with a Bearer challenge', async () => {
    const res = await get('/api/v1/mentorships');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      code: 'auth.missing_token',
      message: expect.stringContaining('bearer'),
    });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('401s an expired token and says so', async () => {
    const res = await get(
      '/api/v1/mentorships',
      await token({ subject: 'u', tenantId: 't1', roles: ['mentor'] }, { expiresIn: -3600 }),
    );
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'auth.token_expired', message: 'Token has expired' });
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('401s a garbage token', async () => {
    expect((await get('/api/v1/mentorships', 'abc.def.ghi')).status).toBe(401);
  });

  it('200s a valid token and hands the principal to the handler', async () => {
    const res = await get(
      '/api/v1/mentorships',
      await token({ subject: 'u1', tenantId: 't1', roles: ['mentor'], physicianId: 'p1' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      subject: 'u1',
      tenantId: 't1',
      tenantSource: 'token',
      roles: ['mentor'],
      physicianId: 'p1',
    });
  });

  it('403s a token without a required role', async () => {
    const res = await get(
      '/api/v1/mentorships/admin',
      await token({ subject: 'u1', tenantId: 't1', roles: ['mentor', 'program-admin'] }),
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'auth.role_required',
      message: 'Requires one of the roles: org-admin, platform-admin',
    });
  });

  it('200s a token with one of the required roles', async () => {
    const res = await get(
      '/api/v1/mentorships/admin',
      await token({ subject: 'u1', tenantId: 't1', roles: ['org-admin'] }),
    );
    expect(res).toMatchObject({ status: 200, body: { tenantId: 't1' } });
  });

  describe('X-Tenant-Id', () => {
    it('lets a platform-admin pick the tenant', async () => {
      const res = await get(
        '/api/v1/mentorships/admin',
        await token({ subject: 'root', roles: ['platform-admin'] }),
        {
          'x-tenant-id': 't7',
        },
      );
      expect(res).toMatchObject({ status: 200, body: { tenantId: 't7' } });
    });

    it('asks a platform-admin without a tenant to pick one on tenant routes', async () => {
      const res = await get(
        '/api/v1/mentorships',
        await token({ subject: 'root', roles: ['platform-admin'] }),
      );
      expect(res).toMatchObject({ status: 400, body: { code: 'auth.tenant_required' } });
    });

    it('lets a platform-admin call @TenantOptional() routes without a tenant', async () => {
      const res = await get(
        '/api/v1/tenants',
        await token({ subject: 'root', roles: ['platform-admin'] }),
      );
      expect(res).toMatchObject({ status: 200, body: { tenantId: null } });
    });

    it('refuses the header from anyone else', async () => {
      const orgAdmin = await token({ subject: 'u1', tenantId: 't1', roles: ['org-admin'] });
      expect(
        await get('/api/v1/mentorships/admin', orgAdmin, { 'x-tenant-id': 't2' }),
      ).toMatchObject({
        status: 403,
        body: { code: 'auth.tenant_header_forbidden' },
      });
      // Repeating one's own tenant is harmless.
      expect(
        (await get('/api/v1/mentorships/admin', orgAdmin, { 'x-tenant-id': 't1' })).status,
      ).toBe(200);
    });

    it('400s a malformed tenant id', async () => {
      const root = await token({ subject: 'root', roles: ['platform-admin'] });
      expect(await get('/api/v1/mentorships', root, { 'x-tenant-id': 'a b' })).toMatchObject({
        status: 400,
        body: { code: 'auth.invalid_tenant_header' },
      });
    });
  });

  it('keeps role checks on @TenantOptional() routes', async () => {
    const res = await get(
      '/api/v1/tenants',
      await token({ subject: 'u1', tenantId: 't1', roles: ['org-admin'] }),
    );
    expect(res.status).toBe(403);
  });
});
