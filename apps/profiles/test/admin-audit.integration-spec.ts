import type { AuditEntry } from '@medmentor/audit';
import { uniqueName } from '@medmentor/testing';
import { ProgramsModule } from '../src/programs/programs.module';
import { ProfilesTestApp, type Json, type PageBody } from './profiles-test-app';

type Entry = Json<AuditEntry>;

describe('audit log of tenant and program administration (real MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let platformAdmin: string;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;

  const auditOf = async (token: string, query = '', headers: Record<string, string> = {}) =>
    it$.call<PageBody<Entry>>('GET', `/api/v1/audit-events${query}`, { token, headers });

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([ProgramsModule]);
    platformAdmin = await it$.token(undefined, ['platform-admin'], { subject: 'ops-1' });
    const register = async (kind: string) => {
      const reply = await it$.call<{ id: string }>('POST', '/api/v1/tenants', {
        token: platformAdmin,
        body: { name: `Tenant ${kind}`, slug: uniqueName('t'), kind },
        headers: { 'user-agent': 'admin-console/2.1', 'x-correlation-id': `corr-${kind}` },
      });
      expect(reply.status).toBe(201);
      return reply.body.id;
    };
    tenantA = await register('health-system');
    tenantB = await register('specialty-society');
    adminA = await it$.token(tenantA, ['org-admin'], { subject: 'admin-a' });
  });

  afterAll(async () => {
    await it$?.close();
  });

  it('records tenant registration and changes with actor, origin and changed fields only', async () => {
    const renamed = await it$.call<{ version: number }>('PATCH', `/api/v1/tenants/${tenantA}`, {
      token: adminA,
      body: { name: 'Renamed Health', version: 1 },
    });
    expect(renamed.status).toBe(200);

    const reply = await auditOf(adminA, '?resourceType=tenant');
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((e) => e.action)).toEqual(['tenant.updated', 'tenant.registered']);
    const [updated, registered] = reply.body.items;
    expect(updated).toMatchObject({
      tenantId: tenantA,
      service: 'profiles',
      actor: { subject: 'admin-a', roles: ['org-admin'] },
      resource: { type: 'tenant', id: tenantA },
      summary: { changedFields: ['name'], version: 2 },
      origin: { ip: '127.0.0.1' },
    });
    // The new name itself is not copied into the log.
    expect(JSON.stringify(reply.body)).not.toContain('Renamed Health');
    expect(registered).toMatchObject({
      actor: { subject: 'ops-1', roles: ['platform-admin'] },
      origin: { userAgent: 'admin-console/2.1', correlationId: 'corr-health-system' },
    });
  });

  it('records each program administration step, readable only inside the tenant', async () => {
    const created = await it$.call<{ id: string; version: number }>('POST', '/api/v1/programs', {
      token: adminA,
      body: { name: 'Wellness circle', kind: 'institutional', matchingMode: 'self-match' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const patched = await it$.call('PATCH', `/api/v1/programs/${id}`, {
      token: adminA,
      body: { description: 'Peer support', version: 1 },
    });
    expect(patched.status).toBe(200);
    const draft = await it$.call<{ id: string }>('POST', '/api/v1/programs', {
      token: adminA,
      body: { name: 'Scrapped', kind: 'institutional', matchingMode: 'self-match' },
    });
    expect(
      (await it$.call('DELETE', `/api/v1/programs/${draft.body.id}`, { token: adminA })).status,
    ).toBe(204);

    const history = await auditOf(adminA, `?resourceType=program&resourceId=${id}`);
    expect(history.body.items.map((e) => [e.action, e.summary])).toEqual([
      ['program.updated', { changedFields: ['description'], version: 2 }],
      ['program.created', { kind: 'institutional', matchingMode: 'self-match' }],
    ]);
    const deleted = await auditOf(adminA, '?action=program.deleted');
    expect(deleted.body.items.map((e) => e.resource.id)).toEqual([draft.body.id]);

    // Tenant B's admin sees B's registration only; a program admin may not read the log.
    const adminB = await it$.token(tenantB, ['org-admin']);
    const other = await auditOf(adminB);
    expect(other.body.items.map((e) => e.action)).toEqual(['tenant.registered']);
    expect(JSON.stringify(other.body)).not.toContain(id);
    const programAdmin = await it$.token(tenantA, ['program-admin']);
    expect((await auditOf(programAdmin)).status).toBe(403);
    const viaHeader = await auditOf(platformAdmin, '?limit=1', { 'x-tenant-id': tenantA });
    expect(viaHeader.body.items).toHaveLength(1);
    expect(viaHeader.body.nextCursor).not.toBeNull();
  });
});
