import { Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { InjectOptions } from 'fastify';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  AuthModule,
  CurrentPrincipal,
  generateDevKeyPair,
  Roles,
  signDevToken,
  type Principal,
  type Role,
} from '@medmentor/auth';
import {
  createFastifyAdapter,
  parseConfig,
  PlatformModule,
  serviceConfigSchema,
  type ServiceConfig,
} from '@medmentor/platform';
import {
  AuditAppendOnlyError,
  AuditLog,
  AuditLogRepository,
  AuditModule,
  AuditRecord,
  type AuditEntry,
} from '../src';

const ISSUER = 'audit-test';
const AUDIENCE = 'medmentor-api';

@Controller('api/v1/widgets')
class WidgetController {
  constructor(private readonly audit: AuditLog) {}

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('org-admin', 'program-admin')
  async publish(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: 'widget.published',
      resource: { type: 'widget', id },
      summary: { changedFields: ['status'], status: 'published' },
    });
  }
}

@Module({ controllers: [WidgetController] })
class WidgetModule {}

describe('audit log on a real MongoDB-wire server', () => {
  let app: NestFastifyApplication;
  let model: Model<AuditRecord>;
  let privateKey: string;
  const tenantA = `tenant-a-${randomUUID()}`;
  const tenantB = `tenant-b-${randomUUID()}`;

  const inject = (opts: InjectOptions) => app.getHttpAdapter().getInstance().inject(opts);
  const token = (tenantId: string | undefined, roles: [Role, ...Role[]], subject = 'admin-1') =>
    signDevToken(
      privateKey,
      { subject, tenantId, roles },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '10m' },
    );
  const asCaller = async (
    tenantId: string | undefined,
    roles: [Role, ...Role[]],
    subject?: string,
  ) => ({
    authorization: `Bearer ${await token(tenantId, roles, subject)}`,
  });
  const listAs = async (headers: Record<string, string>, query = '') =>
    inject({ method: 'GET', url: `/api/v1/audit-events${query}`, headers });

  beforeAll(async () => {
    const keys = await generateDevKeyPair();
    privateKey = keys.privateKeyPem;
    const uri = process.env['MONGODB_URI'];
    if (!uri) throw new Error('MONGODB_URI is required (run inside tools/infra with)');
    const parsed = parseConfig(serviceConfigSchema('audit-test', 3999), {
      MONGODB_URI: uri,
      MONGODB_DATABASE: `audit_test_${randomUUID().slice(0, 8)}`,
      KAFKA_BROKERS: '127.0.0.1:9',
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      LOG_LEVEL: 'silent',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const config: ServiceConfig = parsed.config;
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({ serviceName: 'audit-test', config }),
        AuthModule.forRoot({ publicKey: keys.publicKeyPem, issuer: ISSUER, audience: [AUDIENCE] }),
        AuditModule.forService('audit-test'),
        WidgetModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    model = app.get<Model<AuditRecord>>(getModelToken(AuditRecord.name));
  });

  afterAll(async () => {
    await model?.db.dropDatabase();
    await app?.close();
  });

  it('records who, what, when and from where for an action done over HTTP', async () => {
    const before = Date.now();
    const res = await inject({
      method: 'POST',
      url: '/api/v1/widgets/w-1/publish',
      remoteAddress: '127.0.0.1',
      headers: {
        ...(await asCaller(tenantA, ['program-admin'], 'pa-1')),
        'x-forwarded-for': '198.51.100.7',
        'user-agent': 'audit-test/1.0',
        'x-correlation-id': 'corr-audit-1',
      },
    });
    expect(res.statusCode).toBe(200);
    const stored = await model.findOne({ tenantId: tenantA }).lean<AuditRecord>().exec();
    expect(stored).toMatchObject({
      tenantId: tenantA,
      service: 'audit-test',
      actor: { subject: 'pa-1', roles: ['program-admin'] },
      action: 'widget.published',
      resource: { type: 'widget', id: 'w-1' },
      summary: { changedFields: ['status'], status: 'published' },
      origin: { ip: '198.51.100.7', userAgent: 'audit-test/1.0', correlationId: 'corr-audit-1' },
    });
    expect(stored?.createdAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('lets org-admins read their own tenant only, with filters and pages', async () => {
    const audit = app.get(AuditLog);
    const actor = { subject: 'system', roles: ['org-admin'] };
    for (let i = 0; i < 3; i++) {
      await audit.record(actor, {
        tenantId: tenantA,
        action: 'program.updated',
        resource: { type: 'program', id: `p-${i}` },
      });
    }
    await audit.record(actor, {
      tenantId: tenantB,
      action: 'program.updated',
      resource: { type: 'program', id: 'secret-b' },
    });

    const adminA = await asCaller(tenantA, ['org-admin']);
    const all = await listAs(adminA);
    expect(all.statusCode).toBe(200);
    const items = all.json<{ items: AuditEntry[] }>().items;
    expect(items).toHaveLength(4);
    expect(items.every((e) => e.tenantId === tenantA)).toBe(true);
    expect(all.body).not.toContain('secret-b');

    const filtered = await listAs(adminA, '?resourceType=program&resourceId=p-1');
    expect(filtered.json<{ items: AuditEntry[] }>().items.map((e) => e.resource.id)).toEqual([
      'p-1',
    ]);
    const byAction = await listAs(adminA, '?action=widget.published');
    expect(byAction.json<{ items: AuditEntry[] }>().items).toHaveLength(1);
    const byActor = await listAs(adminA, '?actor=pa-1');
    expect(byActor.json<{ items: AuditEntry[] }>().items.map((e) => e.action)).toEqual([
      'widget.published',
    ]);
    const future = await listAs(
      adminA,
      `?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.json<{ items: AuditEntry[] }>().items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listAs(adminA, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const body = page.json<{ items: AuditEntry[]; nextCursor: string | null }>();
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen)).toEqual(new Set(items.map((e) => e.id)));

    const adminB = await listAs(await asCaller(tenantB, ['org-admin']));
    expect(adminB.json<{ items: AuditEntry[] }>().items.map((e) => e.resource.id)).toEqual([
      'secret-b',
    ]);

    const platform = await listAs({
      ...(await asCaller(undefined, ['platform-admin'])),
      'x-tenant-id': tenantB,
    });
    expect(platform.json<{ items: AuditEntry[] }>().items.map((e) => e.resource.id)).toEqual([
      'secret-b',
    ]);
  });

  it('refuses readers without an admin role, oversize pages and injected filters', async () => {
    for (const role of ['program-admin', 'mentor', 'mentee'] as const) {
      const res = await listAs(await asCaller(tenantA, [role]));
      expect({ role, status: res.statusCode }).toEqual({ role, status: 403 });
    }
    expect((await listAs({})).statusCode).toBe(401);
    const adminA = await asCaller(tenantA, ['org-admin']);
    for (const query of [
      '?limit=101',
      '?resourceId[$ne]=x',
      '?tenantId=' + tenantB,
      '?from=yesterday',
    ]) {
      const res = await listAs(adminA, query);
      expect({ query, status: res.statusCode, type: res.headers['content-type'] }).toEqual({
        query,
        status: 400,
        type: 'application/problem+json; charset=utf-8',
      });
    }
  });

  it('is append-only: the repository can only add and read, and the model refuses changes', async () => {
    const methods = Object.getOwnPropertyNames(AuditLogRepository.prototype).filter(
      (m) => m !== 'constructor',
    );
    expect(methods.sort()).toEqual(['append', 'list']);

    const snapshot = async () =>
      JSON.stringify(await model.find({}).sort({ _id: 1 }).lean().exec());
    const before = await snapshot();
    const attempts: [string, () => Promise<unknown>][] = [
      [
        'updateOne',
        () => model.updateOne({ tenantId: tenantA }, { $set: { action: 'x.y' } }).exec(),
      ],
      ['updateMany', () => model.updateMany({}, { $set: { action: 'x.y' } }).exec()],
      ['replaceOne', () => model.replaceOne({ tenantId: tenantA }, { action: 'x.y' }).exec()],
      [
        'findOneAndUpdate',
        () => model.findOneAndUpdate({ tenantId: tenantA }, { action: 'x.y' }).exec(),
      ],
      ['findOneAndDelete', () => model.findOneAndDelete({ tenantId: tenantA }).exec()],
      ['deleteOne', () => model.deleteOne({ tenantId: tenantA }).exec()],
      ['deleteMany', () => model.deleteMany({}).exec()],
      ['bulkWrite', () => model.bulkWrite([{ deleteMany: { filter: {} } }])],
      [
        'save',
        async () => {
          const doc = await model.findOne({ tenantId: tenantA }).exec();
          if (doc === null) throw new Error('no entry to change');
          doc.action = 'x.y';
          return doc.save();
        },
      ],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt()).rejects.toBeInstanceOf(AuditAppendOnlyError);
      expect({ name, unchanged: (await snapshot()) === before }).toEqual({ name, unchanged: true });
    }
  });

  it('refuses summaries that could carry personal data and malformed actions', async () => {
    const audit = app.get(AuditLog);
    const actor = { subject: 's', roles: ['org-admin'] };
    const base = {
      tenantId: tenantA,
      action: 'physician.updated',
      resource: { type: 'physician', id: 'ph-1' },
    };
    const count = await model.countDocuments({}).exec();
    await expect(
      audit.record(actor, { ...base, summary: { note: 'x'.repeat(201) } }),
    ).rejects.toThrow();
    await expect(
      audit.record(actor, { ...base, summary: { profile: { email: 'a@b.c' } } as never }),
    ).rejects.toThrow();
    await expect(audit.record(actor, { ...base, action: 'Updated a physician' })).rejects.toThrow();
    expect(await model.countDocuments({}).exec()).toBe(count);
  });
});
